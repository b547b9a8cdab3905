package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.CASSANDRA_MAPPING;
import static dev.daogen.processor.generation.ClassNames.ENTITY_MAPPING;
import static dev.daogen.processor.generation.ClassNames.ENTITY_SCHEMA;
import static dev.daogen.processor.generation.ClassNames.FILTER;
import static dev.daogen.processor.generation.ClassNames.FOREIGN_KEY;
import static dev.daogen.processor.generation.ClassNames.JDBC;
import static dev.daogen.processor.generation.ClassNames.LOOKUP;
import static dev.daogen.processor.generation.ClassNames.ON_DELETE;
import static dev.daogen.processor.generation.ClassNames.POSTGRES_MAPPING;
import static dev.daogen.processor.generation.ClassNames.POSTGRES_STATEMENTS;
import static dev.daogen.processor.generation.ClassNames.VALUES;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.annotations.OnDelete;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.Store;
import dev.daogen.processor.sql.EntitySql;
import dev.daogen.processor.sql.SqlNames;
import dev.daogen.processor.sql.SqlRenderer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EMapping}: everything typed about one entity that the engine and the stores need — its lookups,
 * foreign keys as typed values, the PostgreSQL statements rendered by jOOQ (named, with their parameters), the row
 * reader and column binder, the key and cache key, and building and validating rows from drafts and patches; for
 * plugins generated for Cassandra too, the Cassandra part ({@link CassandraWriter}).
 */
public final class MappingGenerator extends EntitySourceGenerator {
  private final boolean cassandra;

  /** A generator of mappings for these stores. */
  public MappingGenerator(Filer filer, Set<Store> stores) {
    super(filer);
    this.cassandra = stores.contains(Store.CASSANDRA);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    return new Writer(e, cassandra).write();
  }

  /** The class name of an entity's mapping. */
  static ClassName mappingType(EntityModel e) {
    return ClassName.get(e.type().packageName(), e.type().simpleName() + "Mapping");
  }

  /** The state of writing one mapping. */
  private static final class Writer {
    private final EntityModel e;
    private final TypeSpec.Builder type;
    private final List<FieldModel> key;
    /** The Cassandra part, when the plugin is generated for Cassandra. */
    private final CassandraWriter cassandra;

    Writer(EntityModel e, boolean cassandra) {
      this.e = e;
      this.key = e.primaryKeyFields();
      this.type = TypeSpec.classBuilder(mappingType(e))
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .addSuperinterface(ParameterizedTypeName.get(ENTITY_MAPPING, e.type(), e.draftType(), e.patchType()))
          .addSuperinterface(ParameterizedTypeName.get(POSTGRES_MAPPING, e.type()));
      this.cassandra = cassandra ? new CassandraWriter(e, type) : null;
      if (cassandra) {
        type.addSuperinterface(ParameterizedTypeName.get(CASSANDRA_MAPPING, e.type()));
      }
    }

    TypeSpec.Builder write() {
      if (cassandra == null) {
        type.addJavadoc("How {@link $T} is stored: its lookups and foreign keys, its PostgreSQL statements (rendered "
            + "by jOOQ at build time), its row reader and binder, and its validation. Used by {@link $T} and the "
            + "runtime.\n", e.type(), e.daoType());
      } else {
        type.addJavadoc("How {@link $T} is stored: its lookups and foreign keys, its PostgreSQL statements (rendered "
            + "by jOOQ at build time) and Cassandra statements (rendered by daogen at build time), its row readers and "
            + "binders, and its validation. Used by {@link $T} and the runtime.\n", e.type(), e.daoType());
      }
      type.addField(SchemaGenerator.schemaField(e));
      lookups();
      statements();
      DefaultsAndPatterns.add(type, e);
      type.addMethod(MethodSpec.methodBuilder("schema")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ENTITY_SCHEMA, e.type()))
          .addStatement("return SCHEMA")
          .build());
      type.addMethod(MethodSpec.methodBuilder("foreignKeys")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ClassName.get(List.class), ParameterizedTypeName.get(FOREIGN_KEY, e.type())))
          .addStatement("return $T.of($L)", List.class, CodeBlock.join(e.foreignKeys().stream()
              .map(f -> CodeBlock.of("$L", SqlNames.foreignKey(f))).toList(), ", "))
          .build());
      type.addMethod(MethodSpec.methodBuilder("key")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(Object[].class)
          .addParameter(e.type(), "entity")
          .addStatement("return new Object[] {$L}", CodeBlock.join(
              key.stream().map(f -> CodeBlock.of("entity.$N()", f.name())).toList(), ", "))
          .build());
      List<CodeBlock> parsed = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        parsed.add(TypeCode.parse(key.get(i).type(), CodeBlock.of("texts[$L]", i)));
      }
      type.addMethod(MethodSpec.methodBuilder("parseKey")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(Object[].class)
          .addParameter(String[].class, "texts")
          .addStatement("return new Object[] {$L}", CodeBlock.join(parsed, ", "))
          .build());
      type.addMethod(MethodSpec.methodBuilder("cacheKey")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(String.class)
          .addParameter(e.type(), "entity")
          .addStatement("return $L", cacheKeyExpression(e, "entity."))
          .build());
      rows();
      new ValidationWriter(e, type).write();
      return type;
    }

    private List<FieldModel> cacheKeyFields() {
      return e.cacheKey().isEmpty() ? key : e.cacheKeyFields();
    }

    private static int index(EntityModel e, FieldModel f) {
      return e.fields().indexOf(f);
    }

    // ---- lookups, filters, foreign keys --------------------------------------------------------------------

    private void lookups() {
      CodeBlock names = CodeBlock.join(key.stream().map(f -> CodeBlock.of("$S", f.jsonName())).toList(), ", ");
      CodeBlock indexes = CodeBlock.join(key.stream().map(f -> CodeBlock.of("$L", index(e, f))).toList(), ", ");
      constant(LOOKUP, SqlNames.PRIMARY_KEY, CodeBlock.of("$T.primaryKey($T.of($L), $L)", LOOKUP, List.class,
          names, indexes));
      for (FieldModel f : e.fields()) {
        if (f.unique() && !f.primaryKey()) {
          constant(LOOKUP, SqlNames.lookupBy(f), CodeBlock.of("$T.unique($S, $L)", LOOKUP, f.jsonName(),
              index(e, f)));
        }
        if (f.indexed()) {
          constant(FILTER, SqlNames.filterBy(f), CodeBlock.of("$T.by($S, $L)", FILTER, f.name(), index(e, f)));
        }
      }
      if (e.hasCacheKeyColumn()) {
        constant(LOOKUP, SqlNames.CACHE_KEY, CodeBlock.of("$T.cacheKey()", LOOKUP));
      }
      for (FieldModel f : e.foreignKeys()) {
        OnDelete onDelete = f.foreign().orElseThrow().onDelete();
        CodeBlock cleared = CodeBlock.of("null");
        if (onDelete == OnDelete.NULL) {
          List<CodeBlock> args = new ArrayList<>();
          for (FieldModel c : e.fields()) {
            args.add(c == f ? CodeBlock.of("null") : CodeBlock.of("row.$N()", c.name()));
          }
          cleared = CodeBlock.of("row -> new $T($L)", e.type(), CodeBlock.join(args, ", "));
        }
        constant(ParameterizedTypeName.get(FOREIGN_KEY, e.type()), SqlNames.foreignKey(f),
            CodeBlock.of("new $T<>($S, $S, $T.$L, $T::$N,\n$L, $T.by($S, $L))", FOREIGN_KEY, f.name(),
                f.foreign().orElseThrow().parentName(), ON_DELETE, onDelete.name(), e.type(), f.name(), cleared,
                FILTER, f.name(), index(e, f)));
      }
    }

    private void constant(TypeName type, String name, CodeBlock value) {
      this.type.addField(FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer(value)
          .build());
    }

    private void statements() {
      EntitySql sql = SqlRenderer.render(e);
      CodeBlock.Builder b = CodeBlock.builder().add("$T.builder()", POSTGRES_STATEMENTS).indent();
      for (EntitySql.Statement s : sql.statements()) {
        CodeBlock subject = s.kind() == EntitySql.Kind.STATEMENT
            ? CodeBlock.of("$S", s.subject())
            : subject(s.subject());
        List<CodeBlock> args = new ArrayList<>();
        args.add(subject);
        args.add(CodeBlock.of("$S", s.sql()));
        s.params().forEach(p -> args.add(CodeBlock.of("$S", p)));
        b.add("\n.$L($L)", s.kind().builderMethod(), CodeBlock.join(args, ", "));
      }
      b.add("\n.build()").unindent();
      type.addField(FieldSpec.builder(POSTGRES_STATEMENTS, "POSTGRES", Modifier.PRIVATE, Modifier.STATIC,
              Modifier.FINAL)
          .initializer(b.build())
          .build());
      type.addMethod(MethodSpec.methodBuilder("postgres")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(POSTGRES_STATEMENTS)
          .addStatement("return POSTGRES")
          .build());
      if (cassandra != null) {
        cassandra.statements();
      }
    }

    // ---- rows ----------------------------------------------------------------------------------------------

    private void rows() {
      List<CodeBlock> columns = new ArrayList<>();
      for (int i = 0; i < e.fields().size(); i++) {
        columns.add(TypeCode.get(e.fields().get(i).type(), i + 1));
      }
      type.addMethod(MethodSpec.methodBuilder("read")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(e.type())
          .addParameter(ResultSet.class, "rs")
          .addException(SQLException.class)
          .addStatement("return new $T($L)", e.type(), CodeBlock.join(columns, ",$W"))
          .build());
      if (cassandra != null) {
        cassandra.reader();
      }
      List<CodeBlock> values = new ArrayList<>();
      for (FieldModel f : e.fields()) {
        values.add(CodeBlock.of("entity.$N()", f.name()));
      }
      if (e.hasCacheKeyColumn()) {
        values.add(CodeBlock.of("cacheKey(entity)"));
      }
      type.addMethod(MethodSpec.methodBuilder("row")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(Object[].class)
          .addParameter(e.type(), "entity")
          .addStatement("return new Object[] {$L}", CodeBlock.join(values, ",$W"))
          .build());
      // columns bound by the same code share a case
      java.util.Map<CodeBlock, List<Integer>> byCode = new java.util.LinkedHashMap<>();
      for (int i = 0; i < e.fields().size(); i++) {
        FieldModel f = e.fields().get(i);
        byCode.computeIfAbsent(TypeCode.set(f.type(), CodeBlock.of("index"),
            CodeBlock.of("($T) value", f.type().boxedType())), k -> new ArrayList<>()).add(i);
      }
      CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (column)");
      for (java.util.Map.Entry<CodeBlock, List<Integer>> c : byCode.entrySet()) {
        cases.addStatement("case $L -> $L", c.getValue().stream().map(String::valueOf)
            .collect(Collectors.joining(", ")), c.getKey());
      }
      if (e.hasCacheKeyColumn()) {
        cases.addStatement("case $L -> $T.setString(ps, index, (String) value)", e.fields().size(), JDBC);
      }
      cases.addStatement("default -> throw new $T(column)", IndexOutOfBoundsException.class).endControlFlow();
      MethodSpec.Builder bind = MethodSpec.methodBuilder("bind");
      if (e.fields().stream().anyMatch(f -> f.type().boxedType() instanceof ParameterizedTypeName)) {
        // a column's value arrives as Object; its type is the column's by construction (row(), lookups)
        bind.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked")
            .build());
      }
      type.addMethod(bind
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .addParameter(PreparedStatement.class, "ps")
          .addParameter(TypeName.INT, "index")
          .addParameter(TypeName.INT, "column")
          .addParameter(Object.class, "value")
          .addException(SQLException.class)
          .addCode(cases.build())
          .build());
      if (cassandra != null) {
        cassandra.converter();
      }
    }
  }

  /** The expression of a statement's lookup or filter ({@code SqlNames}): a mapping constant, or {@code Filter.ALL}. */
  static CodeBlock subject(String subject) {
    return subject.startsWith("Filter.")
        ? CodeBlock.of("$T.$L", FILTER, subject.substring("Filter.".length()))
        : CodeBlock.of("$L", subject);
  }

  /** Kong's cache key expression of the entity ({@code prefix} "entity.") or of parameters ({@code ""}). */
  static CodeBlock cacheKeyExpression(EntityModel e, String prefix) {
    List<FieldModel> fields = e.cacheKey().isEmpty() ? e.primaryKeyFields() : e.cacheKeyFields();
    CodeBlock.Builder b = CodeBlock.builder().add("$S", e.name() + ":");
    boolean first = true;
    for (FieldModel f : fields) {
      if (!first) {
        b.add(" + $S", ":");
      }
      b.add(" + $T.text($L$N$L)", VALUES, prefix, f.name(), prefix.isEmpty() ? "" : "()");
      first = false;
    }
    return b.build();
  }
}
