package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.CASSANDRA_STATEMENTS;
import static dev.daogen.processor.generation.ClassNames.CQL_ROW;
import static dev.daogen.processor.generation.ClassNames.JSON;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.cql.CqlRenderer;
import dev.daogen.processor.cql.EntityCql;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the Cassandra part of a mapping ({@code CassandraMapping}, with {@code -Adaogen.stores=…,cassandra}): the CQL
 * statements rendered by {@link CqlRenderer}, the reader of a driver {@code Row} and the converter of a column's value
 * to what the driver binds. The row itself ({@code row(entity)}) is shared with PostgreSQL.
 */
final class CassandraWriter {
  private final EntityModel e;
  private final TypeSpec.Builder type;

  CassandraWriter(EntityModel e, TypeSpec.Builder type) {
    this.e = e;
    this.type = type;
  }

  /** The {@code CASSANDRA} constant, one statement per line, and {@code cassandra()}. */
  void statements() {
    EntityCql cql = CqlRenderer.render(e);
    CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", CASSANDRA_STATEMENTS).indent();
    for (EntityCql.Statement s : cql.statements()) {
      List<CodeBlock> args = new ArrayList<>();
      args.add(s.kind() == EntityCql.Kind.STATEMENT
          ? CodeBlock.of("$T.$L", CASSANDRA_STATEMENTS, s.subject())
          : MappingGenerator.subject(s.subject()));
      args.add(CodeBlock.of("$S", s.cql()));
      s.params().forEach(p -> args.add(CodeBlock.of("$S", p)));
      b.add("\n.$L($L)", s.kind().builderMethod(), CodeBlock.join(args, ", "));
    }
    b.add("\n.build()").unindent();
    type.addField(FieldSpec.builder(CASSANDRA_STATEMENTS, "CASSANDRA", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL)
        .initializer(b.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("cassandra")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(CASSANDRA_STATEMENTS)
        .addStatement("return CASSANDRA")
        .build());
  }

  /** {@code read(Row)}: typed getters by column index. */
  void reader() {
    List<CodeBlock> columns = new ArrayList<>();
    boolean defaults = false;
    for (int i = 0; i < e.fields().size(); i++) {
      FieldModel f = e.fields().get(i);
      defaults |= appliesDefault(f);
      columns.add(get(f, i));
    }
    MethodSpec.Builder read = MethodSpec.methodBuilder("read");
    if (defaults) {
      read.addJavadoc("A column without a value reads as its component's {@code @Default}: when a later version adds"
          + " a column, Cassandra cannot fill it in the rows that exist.\n");
    }
    type.addMethod(read
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(e.type())
        .addParameter(CQL_ROW, "row")
        .addStatement("return new $T($L)", e.type(), CodeBlock.join(columns, ",$W"))
        .build());
  }

  /**
   * Reads column {@code i}: null stays null (the driver's primitive getters and enums need {@code isNull} for that),
   * but a required component with a {@code @Default} reads a missing value as its default.
   */
  private static CodeBlock get(FieldModel f, int i) {
    TypeModel t = f.type();
    CodeBlock value;
    boolean nullNeedsCheck;
    if (t instanceof TypeModel.Scalar s) {
      String getter = switch (s.kind()) {
        case STRING -> "getString";
        case UUID -> "getUuid";
        case INT -> "getInt";
        case LONG -> "getLong";
        case DOUBLE -> "getDouble";
        case DECIMAL -> "getBigDecimal";
        case BOOLEAN -> "getBoolean";
        case INSTANT -> "getInstant";
        case LOCAL_DATE -> "getLocalDate";
      };
      value = CodeBlock.of("row.$L($L)", getter, i);
      nullNeedsCheck = !s.primitive() && s.kind().hasPrimitive();
    } else if (t instanceof TypeModel.EnumType en) {
      value = CodeBlock.of("$T.valueOf(row.getString($L))", en.type(), i);
      nullNeedsCheck = true;
    } else if (t instanceof TypeModel.CollectionType c) {
      // Cassandra stores an empty collection as null, and the driver reads both as empty
      value = CodeBlock.of("row.$L($L, $T.class)", c.set() ? "getSet" : "getList", i, c.element().boxed());
      nullNeedsCheck = f.nullable();
    } else {
      value = CodeBlock.of("$T.read(row.getString($L), $L)", JSON, i, TypeCode.jsonReader(t));
      nullNeedsCheck = false;
    }
    if (appliesDefault(f)) {
      return CodeBlock.of("row.isNull($L) ? $N : $L", i, DefaultsAndPatterns.defaultName(f), value);
    }
    return nullNeedsCheck ? CodeBlock.of("row.isNull($L) ? null : $L", i, value) : value;
  }

  /** Required, with a default, and not a collection (whose empty value Cassandra cannot tell from none). */
  private static boolean appliesDefault(FieldModel f) {
    return f.defaultValue().isPresent() && !f.nullable() && !(f.type() instanceof TypeModel.CollectionType);
  }

  /**
   * {@code cql(column, value)}: the value itself where CQL has the type, enum names, JSON text; not written when every
   * column is the value itself.
   */
  void converter() {
    Map<CodeBlock, List<Integer>> byCode = new LinkedHashMap<>();
    boolean unchecked = false;
    for (int i = 0; i < e.fields().size(); i++) {
      TypeModel t = e.fields().get(i).type();
      CodeBlock code;
      if (t instanceof TypeModel.EnumType) {
        code = CodeBlock.of("value == null ? null : (($T<?>) value).name()", Enum.class);
      } else if (t.isJson()) {
        TypeName cast = t.boxedType();
        unchecked |= cast instanceof ParameterizedTypeName;
        code = CodeBlock.of("$T.write(($T) value, $L)", JSON, cast, TypeCode.jsonWriter(t));
      } else {
        code = CodeBlock.of("value");
      }
      byCode.computeIfAbsent(code, k -> new ArrayList<>()).add(i);
    }
    if (e.hasCacheKeyColumn()) {
      byCode.computeIfAbsent(CodeBlock.of("value"), k -> new ArrayList<>()).add(e.fields().size());
    }
    if (byCode.size() == 1 && byCode.containsKey(CodeBlock.of("value"))) {
      return; // every column is the driver's type: the interface's default (the value itself) serves
    }
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (column) {\n").indent();
    for (Map.Entry<CodeBlock, List<Integer>> c : byCode.entrySet()) {
      cases.add("case $L -> $L;\n", c.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")),
          c.getKey());
    }
    cases.add("default -> throw new $T(column);\n", IndexOutOfBoundsException.class).unindent().add("};\n");
    MethodSpec.Builder cql = MethodSpec.methodBuilder("cql");
    if (unchecked) {
      // a column's value arrives as Object; its type is the column's by construction (row(), lookups)
      cql.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    type.addMethod(cql
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Object.class)
        .addParameter(TypeName.INT, "column")
        .addParameter(Object.class, "value")
        .addCode(cases.build())
        .build());
  }
}
