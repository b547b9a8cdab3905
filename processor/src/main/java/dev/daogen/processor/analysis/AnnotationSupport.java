package dev.daogen.processor.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import dev.daogen.processor.model.Names;

/** Reads annotations as mirrors, by qualified name, so that it works for source and class files alike. */
final class AnnotationSupport {
  static final String PACKAGE = "dev.daogen.annotations.";
  static final String ENTITY = PACKAGE + "Entity";
  static final String PLUGIN = PACKAGE + "Plugin";
  static final String PRIMARY_KEY = PACKAGE + "PrimaryKey";
  static final String CACHE_KEY = PACKAGE + "CacheKey";
  static final String FOREIGN = PACKAGE + "Foreign";
  static final String UNIQUE = PACKAGE + "Unique";
  static final String INDEXED = PACKAGE + "Indexed";
  static final String AUTO = PACKAGE + "Auto";
  static final String DEFAULT = PACKAGE + "Default";
  static final String IMMUTABLE = PACKAGE + "Immutable";
  static final String RENAMED_FROM = PACKAGE + "RenamedFrom";

  private final Elements elements;

  AnnotationSupport(Elements elements) {
    this.elements = elements;
  }

  /**
   * The entity name of an {@code @Entity} record: {@code @Entity(name)} or the snake_case of the record name. Used for
   * the entity itself and for parents referenced by {@code @Foreign}.
   */
  String entityName(TypeElement record, AnnotationMirror entity) {
    String name = string(entity, "name");
    return name.isEmpty() ? Names.snakeCase(record.getSimpleName().toString()) : name;
  }

  /** A short, readable type name for messages ({@code UUID}, {@code Set<String>}, {@code int}). */
  static String display(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      String name = declared.asElement().getSimpleName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      StringBuilder out = new StringBuilder(name).append('<');
      for (int i = 0; i < declared.getTypeArguments().size(); i++) {
        out.append(i == 0 ? "" : ", ").append(display(declared.getTypeArguments().get(i)));
      }
      return out.append('>').toString();
    }
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return type.toString();
  }

  static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /** The value as written, or {@code null} when the annotation uses the default. */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value, falling back to the annotation's default. */
  AnnotationValue value(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("no value " + name + " in " + mirror);
  }

  String string(AnnotationMirror mirror, String name) {
    return String.valueOf(value(mirror, name).getValue());
  }

  boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) value(mirror, name).getValue();
  }

  /** The items of an array-valued member (each an {@link AnnotationValue}). */
  List<AnnotationValue> array(AnnotationMirror mirror, String name) {
    Object value = value(mirror, name).getValue();
    List<AnnotationValue> out = new ArrayList<>();
    if (value instanceof List<?> items) {
      for (Object item : items) {
        out.add((AnnotationValue) item);
      }
    }
    return out;
  }

  /**
   * Annotations of a record component, wherever javac put them: our own annotations stay on the component, while
   * annotations that also apply to fields, methods or types (Jakarta constraints, JSpecify) are propagated to the
   * accessor and the type. The first mirror of each annotation type wins.
   */
  static List<AnnotationMirror> allAnnotations(RecordComponentElement component) {
    List<AnnotationMirror> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    List<AnnotationMirror> candidates = new ArrayList<>(component.getAnnotationMirrors());
    candidates.addAll(component.asType().getAnnotationMirrors());
    ExecutableElement accessor = component.getAccessor();
    if (accessor != null) {
      candidates.addAll(accessor.getAnnotationMirrors());
      candidates.addAll(accessor.getReturnType().getAnnotationMirrors());
    }
    for (AnnotationMirror mirror : candidates) {
      String name = qualifiedName(mirror);
      if (!seen.contains(name)) {
        seen.add(name);
        out.add(mirror);
      }
    }
    return out;
  }

  /**
   * The component's {@code @Nullable}: any annotation of that simple name, as a declaration annotation or on the type
   * (JSpecify's is a type-use annotation).
   */
  static Optional<AnnotationMirror> nullable(RecordComponentElement component) {
    return allAnnotations(component).stream().filter(m -> simpleName(m).equals("Nullable")).findFirst();
  }
}
