package dev.daogen.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A supported component type and how it is stored. */
public sealed interface TypeModel {

  /** The Java type as a component of this type is declared (primitive, boxed, or generic). */
  TypeName javaType();

  /** The Java type where the value may be absent (boxed). */
  default TypeName boxedType() {
    return javaType().isPrimitive() ? javaType().box() : javaType();
  }

  /** A one-column scalar. */
  record Scalar(ScalarKind kind, boolean primitive) implements TypeModel {
    @Override
    public TypeName javaType() {
      return primitive ? kind.boxed().unbox() : kind.boxed();
    }
  }

  /** An enum, stored as its constant name in a text column with a check constraint. */
  record EnumType(ClassName type, List<String> constants) implements TypeModel {
    @Override
    public TypeName javaType() {
      return type;
    }
  }

  /** {@code List<E>} or {@code Set<E>} of a scalar, stored as a PostgreSQL array. */
  record CollectionType(boolean set, ScalarKind element) implements TypeModel {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(set ? Set.class : List.class), element.boxed());
    }
  }

  /** A nested record, stored as jsonb. */
  record NestedRecord(ClassName type, List<NestedField> fields) implements TypeModel {
    @Override
    public TypeName javaType() {
      return type;
    }
  }

  /** {@code Map<String, V>}, stored as jsonb. */
  record MapType(TypeModel value) implements TypeModel {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), value.boxedType());
    }
  }

  /**
   * A component of a nested record.
   *
   * @param name the Java component name
   * @param jsonName the snake_case name in JSON
   * @param type its type (scalars, enums, collections, nested records, maps)
   * @param nullable whether it may be null
   */
  record NestedField(String name, String jsonName, TypeModel type, boolean nullable) {}

  /** Whether values of this type are stored as jsonb. */
  default boolean isJson() {
    return this instanceof NestedRecord || this instanceof MapType;
  }
}
