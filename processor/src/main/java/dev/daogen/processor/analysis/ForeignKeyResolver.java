package dev.daogen.processor.analysis;

import com.palantir.javapoet.ClassName;
import dev.daogen.annotations.OnDelete;
import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.ForeignKeyModel;
import dev.daogen.processor.model.Names;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Resolves {@code @Foreign} keys. The parent is read through {@link javax.lang.model.util.Elements}, so it may be a
 * record of this compilation or one from a class file (another module or jar): its {@code @Entity} and
 * {@code @PrimaryKey} annotations are retained in class files.
 */
final class ForeignKeyResolver {
  /** The resolved key and the child's column ({@code consumer_id}). */
  record Resolved(ForeignKeyModel model, String column) {}

  private static final int MAX_KEY_DEPTH = 16;

  private final Reporter reporter;
  private final AnnotationSupport annotations;
  private final Types types;

  ForeignKeyResolver(Reporter reporter, AnnotationSupport annotations, Types types) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.types = types;
  }

  /** The record {@code @Foreign} names, if its value is a resolvable class. */
  static Optional<TypeElement> target(AnnotationMirror foreign) {
    AnnotationValue value = AnnotationSupport.explicitValue(foreign, "value");
    if (value != null && value.getValue() instanceof DeclaredType type && type.getKind() == TypeKind.DECLARED) {
      return Optional.of((TypeElement) type.asElement());
    }
    return Optional.empty();
  }

  /** Whether the type is an {@code @Entity} record. */
  static boolean isEntity(TypeElement type) {
    return type.getKind() == ElementKind.RECORD && AnnotationSupport.has(type, AnnotationSupport.ENTITY);
  }

  /**
   * Resolves the key of {@code component}, or reports why it cannot be and returns empty.
   *
   * @param table the child's entity name (for the constraint name)
   * @param entitiesInRound the entities analysed now, which report their own missing keys
   */
  Optional<Resolved> resolve(
      RecordComponentElement component,
      String label,
      AnnotationMirror foreign,
      boolean nullable,
      String table,
      Set<? extends TypeElement> entitiesInRound) {
    AnnotationValue value = AnnotationSupport.explicitValue(foreign, "value");
    Optional<TypeElement> target = target(foreign);
    if (target.isEmpty()) {
      reporter.error(Messages.unresolvedType(label, String.valueOf(value == null ? "?" : value.getValue())),
          component, foreign, value);
      return Optional.empty();
    }
    TypeElement parent = target.get();
    String parentLabel = parent.getSimpleName().toString();
    if (!isEntity(parent)) {
      reporter.error(Messages.foreignNotEntity(parentLabel), component, foreign, value);
      return Optional.empty();
    }
    List<RecordComponentElement> keys = parent.getRecordComponents().stream()
        .filter(c -> AnnotationSupport.has(c, AnnotationSupport.PRIMARY_KEY))
        .map(RecordComponentElement.class::cast)
        .toList();
    if (keys.isEmpty()) {
      if (!entitiesInRound.contains(parent)) {
        reporter.error(Messages.foreignParentWithoutKey(parentLabel), component, foreign, value);
      }
      return Optional.empty(); // otherwise the parent reports its own missing key
    }
    if (keys.size() > 1) {
      reporter.error(Messages.foreignCompositeKey(parentLabel,
              keys.stream().map(k -> k.getSimpleName().toString()).toList()),
          component, foreign, value);
      return Optional.empty();
    }
    RecordComponentElement key = keys.get(0);
    boolean ok = true;
    if (!sameType(component.asType(), key.asType())) {
      reporter.error(Messages.foreignTypeMismatch(label, AnnotationSupport.display(component.asType()),
              parentLabel, AnnotationSupport.display(key.asType())),
          component, foreign);
      ok = false;
    }
    AnnotationValue onDeleteValue = annotations.value(foreign, "onDelete");
    OnDelete onDelete = OnDelete.valueOf(((VariableElement) onDeleteValue.getValue()).getSimpleName().toString());
    if (onDelete == OnDelete.NULL && !nullable) {
      reporter.error(Messages.onDeleteNullNotNullable(label), component, foreign,
          AnnotationSupport.explicitValue(foreign, "onDelete"));
      ok = false;
    }
    if (parent.equals(component.getEnclosingElement()) && !nullable) {
      reporter.error(Messages.selfReferenceNotNullable(label), component, foreign, value);
      ok = false;
    }
    if (!ok) {
      return Optional.empty();
    }
    String keyName = key.getSimpleName().toString();
    String keyColumn = column(key, 0);
    String column = Names.snakeCase(component.getSimpleName().toString()) + "_" + keyColumn;
    AnnotationMirror parentEntity = AnnotationSupport.find(parent, AnnotationSupport.ENTITY).orElseThrow();
    ForeignKeyModel model = new ForeignKeyModel(
        ClassName.get(parent),
        annotations.entityName(parent, parentEntity),
        keyName,
        keyColumn,
        Names.snakeCase(keyName),
        onDelete,
        Names.identifier(table + "_" + column + "_fkey"));
    return Optional.of(new Resolved(model, column));
  }

  /** The column of a (parent's key) component; a key that is itself a foreign key has a compound column. */
  private String column(RecordComponentElement component, int depth) {
    String base = Names.snakeCase(component.getSimpleName().toString());
    Optional<AnnotationMirror> foreign = AnnotationSupport.find(component, AnnotationSupport.FOREIGN);
    if (foreign.isEmpty() || depth > MAX_KEY_DEPTH) {
      return base;
    }
    Optional<TypeElement> parent = target(foreign.get());
    if (parent.isEmpty()) {
      return base;
    }
    List<? extends RecordComponentElement> keys = parent.get().getRecordComponents().stream()
        .filter(c -> AnnotationSupport.has(c, AnnotationSupport.PRIMARY_KEY))
        .toList();
    return keys.size() == 1 ? base + "_" + column(keys.get(0), depth + 1) : base;
  }

  private boolean sameType(TypeMirror a, TypeMirror b) {
    return types.isSameType(boxed(a), boxed(b));
  }

  private TypeMirror boxed(TypeMirror type) {
    TypeMirror plain = type.getKind().isPrimitive()
        ? types.boxedClass((PrimitiveType) type).asType()
        : type;
    return types.erasure(plain);
  }
}
