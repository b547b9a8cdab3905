package dev.daogen.processor.analysis;

import com.palantir.javapoet.ClassName;
import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.Names;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Maps a component's Java type to a {@link TypeModel}, reporting unsupported types. Nested records are analysed once
 * (their diagnostics point at the nested record's own components) and remembered.
 */
final class TypeAnalyzer {
  private final Reporter reporter;
  private final Map<TypeElement, Optional<TypeModel.NestedRecord>> nested = new HashMap<>();
  private final Deque<TypeElement> inProgress = new ArrayDeque<>();

  TypeAnalyzer(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The scalar kind of a (boxed or primitive) type, if it is one. */
  static Optional<ScalarKind> scalarKind(TypeMirror type) {
    switch (type.getKind()) {
      case INT:
        return Optional.of(ScalarKind.INT);
      case LONG:
        return Optional.of(ScalarKind.LONG);
      case DOUBLE:
        return Optional.of(ScalarKind.DOUBLE);
      case BOOLEAN:
        return Optional.of(ScalarKind.BOOLEAN);
      case DECLARED:
        break;
      default:
        return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    if (!declared.getTypeArguments().isEmpty()) {
      return Optional.empty();
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    return Optional.ofNullable(
        switch (name) {
          case "java.lang.String" -> ScalarKind.STRING;
          case "java.util.UUID" -> ScalarKind.UUID;
          case "java.lang.Integer" -> ScalarKind.INT;
          case "java.lang.Long" -> ScalarKind.LONG;
          case "java.lang.Double" -> ScalarKind.DOUBLE;
          case "java.math.BigDecimal" -> ScalarKind.DECIMAL;
          case "java.lang.Boolean" -> ScalarKind.BOOLEAN;
          case "java.time.Instant" -> ScalarKind.INSTANT;
          case "java.time.LocalDate" -> ScalarKind.LOCAL_DATE;
          default -> null;
        });
  }

  /**
   * The type model of a component's type, or empty after reporting why it is not supported.
   *
   * @param reportOn where diagnostics go (the component)
   * @param label how the component is named in messages ({@code Consumer.tags})
   */
  Optional<TypeModel> analyze(TypeMirror type, Element reportOn, String label) {
    if (type.getKind() == TypeKind.ERROR) {
      reporter.error(Messages.unresolvedType(label, type.toString()), reportOn);
      return Optional.empty();
    }
    Optional<ScalarKind> scalar = scalarKind(type);
    if (scalar.isPresent()) {
      return Optional.of(new TypeModel.Scalar(scalar.get(), type.getKind().isPrimitive()));
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return unsupported(type, reportOn, label);
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> args = declared.getTypeArguments();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(enumType(element));
    }
    if ((name.equals("java.util.List") || name.equals("java.util.Set")) && args.size() == 1) {
      Optional<ScalarKind> item = scalarKind(args.get(0));
      if (item.isPresent()) {
        return Optional.of(new TypeModel.CollectionType(name.equals("java.util.Set"), item.get()));
      }
      return unsupported(type, reportOn, label);
    }
    if (name.equals("java.util.Map") && args.size() == 2) {
      if (scalarKind(args.get(0)).orElse(null) != ScalarKind.STRING) {
        return unsupported(type, reportOn, label);
      }
      TypeMirror value = args.get(1);
      Optional<ScalarKind> valueScalar = scalarKind(value);
      if (valueScalar.isPresent()) {
        return Optional.of(new TypeModel.MapType(new TypeModel.Scalar(valueScalar.get(), false)));
      }
      if (value.getKind() == TypeKind.DECLARED) {
        TypeElement valueElement = (TypeElement) ((DeclaredType) value).asElement();
        if (valueElement.getKind() == ElementKind.ENUM) {
          return Optional.of(new TypeModel.MapType(enumType(valueElement)));
        }
        if (valueElement.getKind() == ElementKind.RECORD) {
          return record(valueElement, reportOn, label).map(TypeModel.MapType::new);
        }
      }
      if (value.getKind() == TypeKind.ERROR) {
        reporter.error(Messages.unresolvedType(label, value.toString()), reportOn);
        return Optional.empty();
      }
      return unsupported(type, reportOn, label);
    }
    if (element.getKind() == ElementKind.RECORD) {
      return record(element, reportOn, label).map(TypeModel.class::cast);
    }
    return unsupported(type, reportOn, label);
  }

  private Optional<TypeModel> unsupported(TypeMirror type, Element reportOn, String label) {
    reporter.error(Messages.unsupportedType(label, type.toString()), reportOn);
    return Optional.empty();
  }

  private static TypeModel.EnumType enumType(TypeElement element) {
    List<String> constants = element.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
        .map(e -> e.getSimpleName().toString())
        .toList();
    return new TypeModel.EnumType(ClassName.get(element), constants);
  }

  private Optional<TypeModel.NestedRecord> record(TypeElement record, Element reportOn, String label) {
    if (AnnotationSupport.has(record, AnnotationSupport.ENTITY)) {
      reporter.error(Messages.entityAsComponent(label, record.getSimpleName().toString()), reportOn);
      return Optional.empty();
    }
    if (inProgress.contains(record)) {
      List<TypeElement> stack = new ArrayList<>(inProgress);
      java.util.Collections.reverse(stack); // outermost first
      String path = stack.subList(stack.indexOf(record), stack.size()).stream()
          .map(t -> t.getSimpleName().toString())
          .collect(Collectors.joining(" → ", "", " → " + record.getSimpleName()));
      reporter.error(Messages.nestedRecordCycle(path), reportOn);
      return Optional.empty();
    }
    Optional<TypeModel.NestedRecord> known = nested.get(record);
    if (known != null) {
      return known;
    }
    if (!record.getTypeParameters().isEmpty()) {
      reporter.error(Messages.genericRecord(record.getSimpleName().toString()), reportOn);
      nested.put(record, Optional.empty());
      return Optional.empty();
    }
    inProgress.push(record);
    Optional<TypeModel.NestedRecord> result;
    try {
      boolean ok = true;
      List<TypeModel.NestedField> fields = new ArrayList<>();
      for (RecordComponentElement component : record.getRecordComponents()) {
        String componentLabel = record.getSimpleName() + "." + component.getSimpleName();
        Optional<AnnotationMirror> nullable = AnnotationSupport.nullable(component);
        Optional<TypeModel> type = analyze(component.asType(), component, componentLabel);
        if (nullable.isPresent() && component.asType().getKind().isPrimitive()) {
          reporter.error(
              Messages.nullablePrimitive(componentLabel, component.asType().getKind().name().toLowerCase()),
              component,
              nullable.get());
          ok = false;
        }
        if (type.isEmpty()) {
          ok = false;
          continue;
        }
        String name = component.getSimpleName().toString();
        fields.add(new TypeModel.NestedField(name, Names.snakeCase(name), type.get(), nullable.isPresent()));
      }
      result = ok ? Optional.of(new TypeModel.NestedRecord(ClassName.get(record), List.copyOf(fields))) : Optional.empty();
    } finally {
      inProgress.pop();
    }
    nested.put(record, result);
    return result;
  }
}
