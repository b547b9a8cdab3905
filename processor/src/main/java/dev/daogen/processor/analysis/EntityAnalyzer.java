package dev.daogen.processor.analysis;

import com.palantir.javapoet.ClassName;
import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.EntityCheckModel;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.ForeignKeyModel;
import dev.daogen.processor.model.Names;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/** Validates one {@code @Entity} record and builds its {@link EntityModel}. */
final class EntityAnalyzer {
  static final Pattern ENTITY_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
  static final Pattern ADMIN_API_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /** A {@code @Foreign} reference to an entity, kept even when the entity has other errors (for cycle checks). */
  record Edge(RecordComponentElement component, AnnotationMirror foreign, TypeElement parent) {}

  /** What the plugin-level checks need: the entity name, its foreign references and, when valid, the model. */
  record Result(
      TypeElement element, AnnotationMirror entity, String name, List<Edge> edges, Optional<EntityModel> model) {}

  private final Reporter reporter;
  private final AnnotationSupport annotations;
  private final TypeAnalyzer typeAnalyzer;
  private final ForeignKeyResolver foreignKeys;
  private final ConstraintAnalyzer constraints;

  EntityAnalyzer(
      Reporter reporter,
      AnnotationSupport annotations,
      TypeAnalyzer typeAnalyzer,
      ForeignKeyResolver foreignKeys,
      ConstraintAnalyzer constraints) {
    this.reporter = reporter;
    this.annotations = annotations;
    this.typeAnalyzer = typeAnalyzer;
    this.foreignKeys = foreignKeys;
    this.constraints = constraints;
  }

  Result analyze(TypeElement record, AnnotationMirror entity, Set<? extends TypeElement> entitiesInRound) {
    int errorsBefore = reporter.errorCount();
    String recordName = record.getSimpleName().toString();

    String name = annotations.entityName(record, entity);
    AnnotationValue explicitName = AnnotationSupport.explicitValue(entity, "name");
    if (!ENTITY_NAME.matcher(name).matches()) {
      reporter.error(Messages.entityNameInvalid(name, recordName, explicitName == null), record, entity, explicitName);
    }
    String adminApiName = adminName(record, entity, "adminApiName", name);
    String adminApiNestedName = adminName(record, entity, "adminApiNestedName", adminApiName);
    if (!record.getTypeParameters().isEmpty()) {
      reporter.error(Messages.genericRecord(recordName), record);
    }

    List<Edge> edges = new ArrayList<>();
    List<FieldModel> fields = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      Optional<AnnotationMirror> foreign = AnnotationSupport.find(component, AnnotationSupport.FOREIGN);
      if (foreign.isPresent()) {
        ForeignKeyResolver.target(foreign.get())
            .filter(ForeignKeyResolver::isEntity)
            .ifPresent(parent -> edges.add(new Edge(component, foreign.get(), parent)));
      }
      Optional<FieldModel> field = field(component, name, entitiesInRound);
      field.ifPresent(fields::add);
    }

    List<String> primaryKey = names(record, AnnotationSupport.PRIMARY_KEY);
    if (primaryKey.isEmpty()) {
      reporter.error(Messages.noPrimaryKey(recordName), record);
    }
    List<String> cacheKey = names(record, AnnotationSupport.CACHE_KEY);
    boolean ttl = annotations.bool(entity, "ttl");
    checkColumns(fields, cacheKey, ttl);
    Optional<String> endpointKey = endpointKey(record, entity);
    List<EntityCheckModel> checks = checks(record);

    Optional<EntityModel> model = Optional.empty();
    if (reporter.errorCount() == errorsBefore) {
      model = Optional.of(new EntityModel(
          record,
          ClassName.get(record),
          name,
          List.copyOf(fields),
          primaryKey,
          cacheKey,
          endpointKey,
          adminApiName,
          adminApiNestedName,
          annotations.bool(entity, "generateAdminApi"),
          ttl,
          checks));
    }
    return new Result(record, entity, name, List.copyOf(edges), model);
  }

  private String adminName(TypeElement record, AnnotationMirror entity, String attribute, String fallback) {
    AnnotationValue value = AnnotationSupport.explicitValue(entity, attribute);
    String name = annotations.string(entity, attribute);
    if (name.isEmpty()) {
      return fallback;
    }
    if (!ADMIN_API_NAME.matcher(name).matches()) {
      reporter.error(Messages.adminApiNameInvalid(attribute, name), record, entity, value);
    }
    return name;
  }

  private static List<String> names(TypeElement record, String annotation) {
    return record.getRecordComponents().stream()
        .filter(c -> AnnotationSupport.has(c, annotation))
        .map(c -> c.getSimpleName().toString())
        .toList();
  }

  private Optional<FieldModel> field(
      RecordComponentElement component, String table, Set<? extends TypeElement> entitiesInRound) {
    int errorsBefore = reporter.errorCount();
    String name = component.getSimpleName().toString();
    String label = component.getEnclosingElement().getSimpleName() + "." + name;
    Optional<AnnotationMirror> nullableMirror = AnnotationSupport.nullable(component);
    boolean nullable = nullableMirror.isPresent();
    Optional<AnnotationMirror> primaryKey = AnnotationSupport.find(component, AnnotationSupport.PRIMARY_KEY);
    Optional<AnnotationMirror> auto = AnnotationSupport.find(component, AnnotationSupport.AUTO);
    Optional<AnnotationMirror> defaultMirror = AnnotationSupport.find(component, AnnotationSupport.DEFAULT);
    Optional<AnnotationMirror> foreign = AnnotationSupport.find(component, AnnotationSupport.FOREIGN);

    Optional<TypeModel> type = typeAnalyzer.analyze(component.asType(), component, label);
    if (nullable && component.asType().getKind().isPrimitive()) {
      reporter.error(Messages.nullablePrimitive(label, AnnotationSupport.display(component.asType())),
          component, nullableMirror.get());
    }
    if (primaryKey.isPresent() && nullable) {
      reporter.error(Messages.primaryKeyNullable(label), component, primaryKey.get());
    }
    if (auto.isPresent() && defaultMirror.isPresent()) {
      reporter.error(Messages.AUTO_WITH_DEFAULT, component, defaultMirror.get());
    }
    if (type.isEmpty()) {
      return Optional.empty(); // the remaining checks need the type
    }
    TypeModel typeModel = type.get();

    boolean keyable = typeModel instanceof TypeModel.Scalar || typeModel instanceof TypeModel.EnumType;
    for (String key : List.of(AnnotationSupport.PRIMARY_KEY, AnnotationSupport.UNIQUE, AnnotationSupport.INDEXED,
        AnnotationSupport.CACHE_KEY)) {
      Optional<AnnotationMirror> mirror = AnnotationSupport.find(component, key);
      if (mirror.isPresent() && !keyable) {
        reporter.error(Messages.keyNotScalar(AnnotationSupport.simpleName(mirror.get()), label,
            AnnotationSupport.display(component.asType())), component, mirror.get());
      }
    }

    AutoKind autoKind = AutoKind.NONE;
    if (auto.isPresent()) {
      autoKind = autoKind(name, typeModel);
      if (autoKind == AutoKind.NONE) {
        reporter.error(Messages.autoUnsupported(label, AnnotationSupport.display(component.asType())),
            component, auto.get());
      }
    }

    Optional<String> defaultValue = Optional.empty();
    if (defaultMirror.isPresent()) {
      String literal = annotations.string(defaultMirror.get(), "value");
      AnnotationValue literalValue = AnnotationSupport.explicitValue(defaultMirror.get(), "value");
      if (typeModel.isJson()) {
        reporter.error(Messages.defaultOnJson(label), component, defaultMirror.get());
      } else {
        Optional<String> problem = DefaultLiteralChecker.check(literal, typeModel);
        if (problem.isPresent()) {
          reporter.error(Messages.defaultInvalid(literal, DefaultLiteralChecker.describe(typeModel), problem.get()),
              component, defaultMirror.get(), literalValue);
        }
      }
      defaultValue = Optional.of(literal);
    }

    String column = Names.snakeCase(name);
    Optional<ForeignKeyModel> foreignKey = Optional.empty();
    Optional<AnnotationMirror> indexed = AnnotationSupport.find(component, AnnotationSupport.INDEXED);
    if (foreign.isPresent() && indexed.isPresent()) {
      reporter.error(Messages.INDEXED_FOREIGN_KEY, component, indexed.get());
    }
    if (foreign.isPresent()) {
      Optional<ForeignKeyResolver.Resolved> resolved =
          foreignKeys.resolve(component, label, foreign.get(), nullable, table, entitiesInRound);
      if (resolved.isPresent()) {
        foreignKey = Optional.of(resolved.get().model());
        column = resolved.get().column();
      }
    }

    Optional<List<ConstraintModel>> constraintModels = constraints.analyze(component, label, typeModel);

    if (reporter.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    boolean tags = name.equals("tags")
        && typeModel instanceof TypeModel.CollectionType c
        && c.set()
        && c.element() == ScalarKind.STRING;
    return Optional.of(new FieldModel(
        component,
        name,
        column,
        Names.snakeCase(name),
        typeModel,
        nullable,
        primaryKey.isPresent(),
        AnnotationSupport.has(component, AnnotationSupport.UNIQUE),
        AnnotationSupport.has(component, AnnotationSupport.INDEXED),
        autoKind,
        defaultValue,
        AnnotationSupport.has(component, AnnotationSupport.IMMUTABLE),
        foreignKey,
        constraintModels.orElse(List.of()),
        tags,
        AnnotationSupport.find(component, AnnotationSupport.RENAMED_FROM)
            .map(m -> annotations.string(m, "value"))));
  }

  private static AutoKind autoKind(String name, TypeModel type) {
    if (!(type instanceof TypeModel.Scalar scalar)) {
      return AutoKind.NONE;
    }
    return switch (scalar.kind()) {
      case UUID -> AutoKind.UUID;
      case STRING -> AutoKind.RANDOM_STRING;
      case INSTANT -> name.equals("createdAt")
          ? AutoKind.CREATED_AT
          : name.equals("updatedAt") ? AutoKind.UPDATED_AT : AutoKind.NONE;
      default -> AutoKind.NONE;
    };
  }

  /** Reserved and duplicate columns, and the single-component cache key rule. */
  private void checkColumns(List<FieldModel> fields, List<String> cacheKey, boolean ttl) {
    Map<String, FieldModel> byColumn = new LinkedHashMap<>();
    for (FieldModel field : fields) {
      String label = field.element().getEnclosingElement().getSimpleName() + "." + field.name();
      FieldModel previous = byColumn.putIfAbsent(field.column(), field);
      if (previous != null) {
        reporter.error(Messages.duplicateColumn(field.column(), previous.name(), field.name()), field.element());
      }
      if (ttl && field.column().equals("ttl")) {
        reporter.error(Messages.ttlReserved(label), field.element());
      }
      if (cacheKey.size() > 1 && field.column().equals("cache_key")) {
        reporter.error(Messages.cacheKeyColumnReserved(label), field.element());
      }
    }
    if (cacheKey.size() == 1) {
      FieldModel only = fields.stream().filter(f -> f.name().equals(cacheKey.get(0))).findFirst().orElse(null);
      if (only != null && !only.unique()) {
        String label = only.element().getEnclosingElement().getSimpleName() + "." + only.name();
        reporter.error(Messages.cacheKeyNotUnique(label), only.element(),
            AnnotationSupport.find(only.element(), AnnotationSupport.CACHE_KEY).orElse(null));
      }
    }
  }

  private Optional<String> endpointKey(TypeElement record, AnnotationMirror entity) {
    String endpointKey = annotations.string(entity, "endpointKey");
    if (endpointKey.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue value = AnnotationSupport.explicitValue(entity, "endpointKey");
    Optional<RecordComponentElement> component = record.getRecordComponents().stream()
        .filter(c -> c.getSimpleName().contentEquals(endpointKey))
        .map(RecordComponentElement.class::cast)
        .findFirst();
    if (component.isEmpty()) {
      List<String> unique = names(record, AnnotationSupport.UNIQUE);
      reporter.error(Messages.endpointKeyMissing(endpointKey, record.getSimpleName().toString(), unique),
          record, entity, value);
      return Optional.empty();
    }
    if (!AnnotationSupport.has(component.get(), AnnotationSupport.UNIQUE)) {
      reporter.error(Messages.endpointKeyNotUnique(endpointKey), record, entity, value);
      return Optional.empty();
    }
    return Optional.of(endpointKey);
  }

  private List<EntityCheckModel> checks(TypeElement record) {
    List<String> components = record.getRecordComponents().stream().map(c -> c.getSimpleName().toString()).toList();
    List<EntityCheckModel> out = new ArrayList<>();
    for (AnnotationMirror mirror : record.getAnnotationMirrors()) {
      String qualifiedName = AnnotationSupport.qualifiedName(mirror);
      for (EntityCheckModel.Kind kind : EntityCheckModel.Kind.values()) {
        String checkName = AnnotationSupport.PACKAGE + kind.annotation();
        if (qualifiedName.equals(checkName)) {
          check(record, kind, mirror, components).ifPresent(out::add);
        } else if (qualifiedName.equals(checkName + ".List")) {
          for (AnnotationValue repeated : annotations.array(mirror, "value")) {
            check(record, kind, (AnnotationMirror) repeated.getValue(), components).ifPresent(out::add);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private Optional<EntityCheckModel> check(
      TypeElement record, EntityCheckModel.Kind kind, AnnotationMirror mirror, List<String> components) {
    List<AnnotationValue> items = annotations.array(mirror, "value");
    boolean ok = true;
    if (items.size() < 2) {
      reporter.error(Messages.checkTooFewComponents(kind.annotation()), record, mirror,
          AnnotationSupport.explicitValue(mirror, "value"));
      ok = false;
    }
    List<String> names = new ArrayList<>();
    for (AnnotationValue item : items) {
      String name = String.valueOf(item.getValue());
      names.add(name);
      if (!components.contains(name)) {
        reporter.error(Messages.checkUnknownComponent(kind.annotation(), name, record.getSimpleName().toString(),
            components), record, mirror, item);
        ok = false;
      }
    }
    return ok ? Optional.of(new EntityCheckModel(kind, List.copyOf(names))) : Optional.empty();
  }
}
