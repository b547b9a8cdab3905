package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.JDBC;
import static dev.daogen.processor.generation.ClassNames.JSON;
import static dev.daogen.processor.generation.ClassNames.VALUES;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Code fragments per component type: JDBC binding and reading, JSON, key parsing and default literals. */
final class TypeCode {
  private TypeCode() {}

  /** {@code Jdbc.setX(ps, <index>, <value>)}. */
  static CodeBlock set(TypeModel type, CodeBlock index, CodeBlock value) {
    if (type instanceof TypeModel.Scalar s) {
      return CodeBlock.of("$T.$L(ps, $L, $L)", JDBC, "set" + suffix(s.kind()), index, value);
    }
    if (type instanceof TypeModel.EnumType) {
      return CodeBlock.of("$T.setEnum(ps, $L, $L)", JDBC, index, value);
    }
    if (type instanceof TypeModel.CollectionType c) {
      return CodeBlock.of("$T.setArray(ps, $L, $S, $L)", JDBC, index, arrayElement(c.element()), value);
    }
    return CodeBlock.of("$T.setJson(ps, $L, $T.write($L, $L))", JDBC, index, JSON, value, jsonWriter(type));
  }

  /** Reads column {@code index} of {@code rs} as the component's (declared) type. */
  static CodeBlock get(TypeModel type, int index) {
    if (type instanceof TypeModel.Scalar s) {
      if (s.primitive()) {
        return CodeBlock.of("rs.$L($L)", switch (s.kind()) {
          case INT -> "getInt";
          case LONG -> "getLong";
          case DOUBLE -> "getDouble";
          default -> "getBoolean";
        }, index);
      }
      return CodeBlock.of("$T.$L(rs, $L)", JDBC, "get" + suffix(s.kind()), index);
    }
    if (type instanceof TypeModel.EnumType e) {
      return CodeBlock.of("$T.getEnum(rs, $L, $T.class)", JDBC, index, e.type());
    }
    if (type instanceof TypeModel.CollectionType c) {
      return CodeBlock.of("$T.$L(rs, $L, $T.class)", JDBC, c.set() ? "getSet" : "getList", index, c.element().boxed());
    }
    return CodeBlock.of("$T.read(rs.getString($L), $L)", JSON, index, jsonReader(type));
  }

  /** Parses the text form of a key value (offsets, cache keys). */
  static CodeBlock parse(TypeModel type, CodeBlock text) {
    if (type instanceof TypeModel.EnumType e) {
      return CodeBlock.of("$T.parseEnum($T.class, $L)", VALUES, e.type(), text);
    }
    ScalarKind kind = ((TypeModel.Scalar) type).kind();
    return CodeBlock.of("$T.parse$L($L)", VALUES, suffix(kind), text);
  }

  /** A {@code Json.Writer} for a jsonb value. */
  static CodeBlock jsonWriter(TypeModel type) {
    if (type instanceof TypeModel.NestedRecord r) {
      return CodeBlock.of("$T::write", NestedJsonGenerator.codecType(r.type()));
    }
    if (type instanceof TypeModel.MapType m) {
      return CodeBlock.of("(g, map) -> $T.writeMap(g, map, $L)", JSON, jsonWriter(m.value()));
    }
    if (type instanceof TypeModel.CollectionType) {
      return CodeBlock.of("(g, list) -> $T.writeList(g, list, $T::writeScalar)", JSON, JSON);
    }
    return CodeBlock.of("$T::writeScalar", JSON);
  }

  /** A {@code Json.Reader} for a value of this type. */
  static CodeBlock jsonReader(TypeModel type) {
    if (type instanceof TypeModel.NestedRecord r) {
      return CodeBlock.of("$T::read", NestedJsonGenerator.codecType(r.type()));
    }
    if (type instanceof TypeModel.MapType m) {
      // lambda parameters named apart from the codecs' own parser variable p
      return CodeBlock.of("r -> $T.readMap(r, $L)", JSON, jsonReader(m.value()));
    }
    if (type instanceof TypeModel.CollectionType c) {
      return CodeBlock.of("r -> $T.$L(r, $L)", JSON, c.set() ? "readSet" : "readList",
          jsonReader(new TypeModel.Scalar(c.element(), false)));
    }
    if (type instanceof TypeModel.EnumType e) {
      return CodeBlock.of("q -> $T.readEnum(q, $T.class)", JSON, e.type());
    }
    ScalarKind kind = ((TypeModel.Scalar) type).kind();
    return CodeBlock.of("$T::read$L", JSON, suffix(kind));
  }

  /** The Java expression of a checked {@code @Default} literal. */
  static CodeBlock literal(TypeModel type, String literal) {
    if (type instanceof TypeModel.EnumType e) {
      return CodeBlock.of("$T.$L", e.type(), literal.trim());
    }
    if (type instanceof TypeModel.CollectionType c) {
      List<CodeBlock> elements = new ArrayList<>();
      if (!literal.isBlank()) {
        for (String part : literal.split(",", -1)) {
          elements.add(scalarLiteral(c.element(), part));
        }
      }
      CodeBlock list = CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(elements, ", "));
      return c.set()
          ? CodeBlock.of("$T.unmodifiableSet(new $T<>($L))", Collections.class, LinkedHashSet.class, list)
          : list;
    }
    return scalarLiteral(((TypeModel.Scalar) type).kind(), literal);
  }

  private static CodeBlock scalarLiteral(ScalarKind kind, String literal) {
    String v = kind == ScalarKind.STRING ? literal : literal.trim();
    return switch (kind) {
      case STRING -> CodeBlock.of("$S", v);
      case INT -> CodeBlock.of("$L", Integer.parseInt(v));
      case LONG -> CodeBlock.of("$LL", Long.parseLong(v));
      case DOUBLE -> CodeBlock.of("$L", Double.toString(Double.parseDouble(v)));
      case BOOLEAN -> CodeBlock.of("$L", Boolean.parseBoolean(v));
      case DECIMAL -> CodeBlock.of("new $T($S)", BigDecimal.class, v);
      case UUID -> CodeBlock.of("$T.fromString($S)", UUID.class, v);
      case INSTANT -> CodeBlock.of("$T.parse($S)", Instant.class, v);
      case LOCAL_DATE -> CodeBlock.of("$T.parse($S)", LocalDate.class, v);
    };
  }

  /** The method-name suffix of a scalar in Jdbc, Json and Values ({@code setUuid}, {@code readUuid}, …). */
  static String suffix(ScalarKind kind) {
    return switch (kind) {
      case STRING -> "String";
      case UUID -> "Uuid";
      case INT -> "Int";
      case LONG -> "Long";
      case DOUBLE -> "Double";
      case DECIMAL -> "Decimal";
      case BOOLEAN -> "Boolean";
      case INSTANT -> "Instant";
      case LOCAL_DATE -> "Date";
    };
  }

  /** The element type name pgjdbc's {@code createArrayOf} understands. */
  static String arrayElement(ScalarKind kind) {
    return switch (kind) {
      case STRING -> "text";
      case UUID -> "uuid";
      case INT -> "int4";
      case LONG -> "int8";
      case DOUBLE -> "float8";
      case DECIMAL -> "numeric";
      case BOOLEAN -> "bool";
      case INSTANT -> "timestamptz";
      case LOCAL_DATE -> "date";
    };
  }

  /** The schema's field type constant. */
  static String fieldType(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return switch (s.kind()) {
        case STRING -> "STRING";
        case UUID -> "UUID";
        case INT -> "INTEGER";
        case LONG -> "BIGINT";
        case DOUBLE -> "DOUBLE";
        case DECIMAL -> "DECIMAL";
        case BOOLEAN -> "BOOLEAN";
        case INSTANT -> "TIMESTAMP";
        case LOCAL_DATE -> "DATE";
      };
    }
    if (type instanceof TypeModel.EnumType) {
      return "ENUM";
    }
    if (type instanceof TypeModel.CollectionType c) {
      return c.set() ? "SET" : "ARRAY";
    }
    return type instanceof TypeModel.NestedRecord ? "RECORD" : "MAP";
  }

  /** The jOOQ data type expression of a column, for the generated table class. */
  static CodeBlock jooqType(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return CodeBlock.of("$T.$L", ClassNames.JOOQ_SQL_DATA_TYPE, jooqScalar(s.kind()));
    }
    if (type instanceof TypeModel.EnumType) {
      return CodeBlock.of("$T.CLOB", ClassNames.JOOQ_SQL_DATA_TYPE);
    }
    if (type instanceof TypeModel.CollectionType c) {
      return CodeBlock.of("$T.$L.getArrayDataType()", ClassNames.JOOQ_SQL_DATA_TYPE, jooqScalar(c.element()));
    }
    return CodeBlock.of("$T.JSONB", ClassNames.JOOQ_SQL_DATA_TYPE);
  }

  /** The Java type of a jOOQ field of this column. */
  static TypeName jooqJavaType(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return s.kind() == ScalarKind.INSTANT ? ClassName.get(java.time.OffsetDateTime.class) : s.kind().boxed();
    }
    if (type instanceof TypeModel.EnumType) {
      return ClassName.get(String.class);
    }
    if (type instanceof TypeModel.CollectionType c) {
      TypeName element = c.element() == ScalarKind.INSTANT
          ? ClassName.get(java.time.OffsetDateTime.class) : c.element().boxed();
      return com.palantir.javapoet.ArrayTypeName.of(element);
    }
    return ClassName.get("org.jooq", "JSONB");
  }

  private static String jooqScalar(ScalarKind kind) {
    return switch (kind) {
      case STRING -> "CLOB";
      case UUID -> "UUID";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "NUMERIC";
      case BOOLEAN -> "BOOLEAN";
      case INSTANT -> "TIMESTAMPWITHTIMEZONE";
      case LOCAL_DATE -> "LOCALDATE";
    };
  }

}
