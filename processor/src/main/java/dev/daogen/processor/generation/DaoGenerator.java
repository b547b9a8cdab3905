package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.AUTOS;
import static dev.daogen.processor.generation.ClassNames.BINDER;
import static dev.daogen.processor.generation.ClassNames.CHECKS;
import static dev.daogen.processor.generation.ClassNames.DATABASE;
import static dev.daogen.processor.generation.ClassNames.ENTITY_DAO;
import static dev.daogen.processor.generation.ClassNames.FIELD_ERRORS;
import static dev.daogen.processor.generation.ClassNames.JDBC;
import static dev.daogen.processor.generation.ClassNames.PAGE;
import static dev.daogen.processor.generation.ClassNames.TAGS;
import static dev.daogen.processor.generation.ClassNames.VALUES;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.EntityCheckModel;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.processor.sql.EntitySql;
import dev.daogen.processor.sql.SqlNames;
import dev.daogen.processor.sql.SqlRenderer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EDao}: typed methods over {@link dev.daogen.processor.sql.SqlRenderer}'s statements, plus the
 * row mapping, binding, defaults and validation of one entity. Behaviour lives in the runtime's {@code EntityDao}.
 */
public final class DaoGenerator extends EntitySourceGenerator {
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);
  private static final ClassName STREAM = ClassName.get(Stream.class);
  private static final TypeName INTEGER = ClassName.get(Integer.class);
  private static final TypeName STRING = ClassName.get(String.class);
  private static final TypeName DURATION = ClassName.get(java.time.Duration.class);

  public DaoGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    return new Writer(e).write();
  }

  /** The state of writing one DAO. */
  private static final class Writer {
    private final EntityModel e;
    private final EntitySql sql;
    private final TypeSpec.Builder type;
    private final List<FieldModel> key;

    Writer(EntityModel e) {
      this.e = e;
      this.sql = SqlRenderer.render(e);
      this.key = e.primaryKeyFields();
      this.type = TypeSpec.classBuilder(e.daoType())
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .superclass(ParameterizedTypeName.get(ENTITY_DAO, e.type()));
    }

    TypeSpec.Builder write() {
      type.addJavadoc("The DAO of {@link $T} entities (table {@code $L}): Kong's {@code kong.db.$L} in Java.\n\n",
              e.type(), e.name(), e.name())
          .addJavadoc("<p>Get it with {@code db.dao($T.class)}. Its SQL was rendered at build time for PostgreSQL; "
              + "errors are {@link dev.daogen.dao.DaoException}s with Kong's codes.\n", e.daoType());
      sqlConstants();
      defaultConstants();
      patternConstants();
      type.addMethod(MethodSpec.constructorBuilder()
          .addJavadoc("Creates the DAO; prefer {@code db.dao($T.class)}, which keeps one per database.\n", e.daoType())
          .addModifiers(Modifier.PUBLIC)
          .addParameter(DATABASE, "db")
          .addStatement("super(db, $T.ENTITY,\nnew $T($L, $L, $L, $L, $L))", e.schemaType(),
              ENTITY_DAO.nestedClass("UpsertSql"), SqlNames.INSERT,
              SqlNames.INSERT_IF_ABSENT, e.ttl() ? SqlNames.UPDATE_TTL : SqlNames.UPDATE, SqlNames.CONFLICTS,
              e.ttl() ? SqlNames.PURGE_EXPIRED : "null")
          .build());
      reads();
      writes();
      uniqueMethods();
      cacheKeyMethods();
      type.addMethod(MethodSpec.methodBuilder("count")
          .addJavadoc("The number of $L.\n", e.ttl() ? "rows that have not expired" : "rows")
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.LONG)
          .addStatement("return fetchCount($L, $T.NONE)", SqlNames.COUNT, BINDER)
          .build());
      type.addMethod(MethodSpec.methodBuilder("truncate")
          .addJavadoc("Deletes every row, and (as Kong does) the rows of entities that reference them.\n")
          .addModifiers(Modifier.PUBLIC)
          .addStatement("truncateTable($L)", SqlNames.TRUNCATE)
          .build());
      hooks();
      buildMethod();
      mergeMethod();
      checkMethods();
      return type;
    }

    // ---- constants -----------------------------------------------------------------------------------------

    private void sqlConstants() {
      // jOOQ renders the same select list in every read: one constant, that the others concatenate (at compile time)
      String select = sql.get(SqlNames.SELECT);
      String columns = select.substring("select ".length(), select.indexOf(" from \""));
      type.addField(FieldSpec.builder(STRING, "COLUMNS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The columns every read returns, in the record's order.\n")
          .initializer(wrap(List.of(columns)))
          .build());
      for (Map.Entry<String, String> s : sql.statements().entrySet()) {
        type.addField(FieldSpec.builder(STRING, s.getKey(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(splitSql(s.getValue(), columns))
            .build());
      }
    }

    /**
     * Writes SQL as a person would: the select list as {@code COLUMNS}, a line per main clause, long lists wrapped.
     * Every part is a constant, so the whole is a compile-time constant.
     */
    private static CodeBlock splitSql(String statement, String columns) {
      List<CodeBlock> lines = new ArrayList<>();
      String[] segments = statement.split(java.util.regex.Pattern.quote(columns), -1);
      for (int i = 0; i < segments.length; i++) {
        if (i > 0) {
          CodeBlock previous = lines.isEmpty() ? null : lines.remove(lines.size() - 1);
          lines.add(previous == null ? CodeBlock.of("COLUMNS") : CodeBlock.of("$L + COLUMNS", previous));
        }
        List<String> clauses = new ArrayList<>();
        for (String clause
            : segments[i].split("(?= from \"| where | order by | on conflict | returning | values \\(| set )")) {
          if (!clause.isEmpty()) {
            clauses.add(clause);
          }
        }
        if (i > 0 && !clauses.isEmpty() && clauses.get(0).length() <= 3) {
          // a closing parenthesis stays with the list it closes
          lines.add(CodeBlock.of("$L + $S", lines.remove(lines.size() - 1), clauses.remove(0)));
        }
        lines.addAll(wrapped(clauses, lines.isEmpty()));
      }
      return CodeBlock.join(lines, "\n    + ");
    }

    private static CodeBlock wrap(List<String> clauses) {
      return CodeBlock.join(wrapped(clauses, true), "\n    + ");
    }

    /** String literals of at most about 80 characters, long lists cut after a comma. */
    private static List<CodeBlock> wrapped(List<String> clauses, boolean first) {
      List<CodeBlock> out = new ArrayList<>();
      for (String clause : clauses) {
        StringBuilder line = new StringBuilder();
        for (String item : clause.split("(?<=, )")) {
          // the first line shares its width with the constant's declaration
          int width = first && out.isEmpty() ? 40 : 80;
          if (line.length() > 0 && line.length() + item.length() > width) {
            out.add(CodeBlock.of("$S", line));
            line.setLength(0);
          }
          line.append(item);
        }
        out.add(CodeBlock.of("$S", line));
      }
      return out;
    }

    private void defaultConstants() {
      for (FieldModel f : e.fields()) {
        f.defaultValue().ifPresent(literal -> type.addField(
            FieldSpec.builder(f.type().boxedType(), defaultName(f), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(TypeCode.literal(f.type(), literal))
                .build()));
      }
    }

    private void patternConstants() {
      for (FieldModel f : e.fields()) {
        for (ConstraintModel c : f.constraints()) {
          if (c.kind() == ConstraintModel.Kind.PATTERN) {
            type.addField(FieldSpec.builder(Pattern.class, patternName(f), Modifier.PRIVATE, Modifier.STATIC,
                    Modifier.FINAL)
                .initializer("$T.compile($S)", Pattern.class, c.pattern().orElseThrow())
                .build());
          }
        }
      }
    }

    private static String defaultName(FieldModel f) {
      return "DEFAULT_" + f.column().toUpperCase(Locale.ROOT);
    }

    private static String patternName(FieldModel f) {
      return "PATTERN_" + f.column().toUpperCase(Locale.ROOT);
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static List<ParameterSpec> params(List<FieldModel> fields) {
      return fields.stream().map(f -> ParameterSpec.builder(f.type().javaType(), f.name()).build()).toList();
    }

    private static CodeBlock args(List<FieldModel> fields) {
      return CodeBlock.join(fields.stream().map(f -> CodeBlock.of("$N", f.name())).toList(), ", ");
    }

    /** A binder lambda that binds these values (named like the fields) in order. */
    private static CodeBlock binder(List<FieldModel> fields) {
      CodeBlock.Builder b = CodeBlock.builder().add("(ps, i) -> {\n").indent();
      for (int n = 0; n < fields.size(); n++) {
        FieldModel f = fields.get(n);
        b.add("$L;\n", TypeCode.set(f.type(), n == 0 ? CodeBlock.of("i") : CodeBlock.of("i + $L", n),
            CodeBlock.of("$N", f.name())));
      }
      return b.add("return i + $L;\n", fields.size()).unindent().add("}").build();
    }

    /** A predicate that tells whether a row has these lookup values (named like the fields). */
    private static CodeBlock isLookup(List<FieldModel> fields) {
      List<CodeBlock> tests = new ArrayList<>();
      for (FieldModel f : fields) {
        tests.add(f.type().javaType().isPrimitive()
            ? CodeBlock.of("$N == row.$N()", f.name(), f.name())
            : CodeBlock.of("$N.equals(row.$N())", f.name(), f.name()));
      }
      return CodeBlock.of("row -> $L", CodeBlock.join(tests, " && "));
    }

    private static void requireKeys(MethodSpec.Builder m, List<FieldModel> fields) {
      for (FieldModel f : fields) {
        if (!f.type().javaType().isPrimitive()) {
          m.addStatement("requireKey($N, $S)", f.name(), f.jsonName());
        }
      }
    }

    private static CodeBlock describe(List<FieldModel> fields) {
      String names = fields.stream().map(f -> CodeBlock.of("$S", f.jsonName()).toString())
          .collect(Collectors.joining(", "));
      return CodeBlock.of("new String[] {$L}, new Object[] {$L}", names, args(fields));
    }

    private static String keyDoc(List<FieldModel> fields) {
      return fields.stream().map(f -> "@param " + f.name() + " the {@code " + f.jsonName() + "} value\n")
          .collect(Collectors.joining());
    }

    private TypeName optionalOfEntity() {
      return ParameterizedTypeName.get(OPTIONAL, e.type());
    }

    private TypeName pageOfEntity() {
      return ParameterizedTypeName.get(PAGE, e.type());
    }

    private TypeName streamOfEntity() {
      return ParameterizedTypeName.get(STREAM, e.type());
    }

    // ---- reads -------------------------------------------------------------------------------------------

    private void reads() {
      MethodSpec.Builder select = MethodSpec.methodBuilder("select")
          .addJavadoc("Reads the entity with this primary key$L.\n\n$L@return the entity, or empty\n",
              e.ttl() ? " (unless it expired)" : "", keyDoc(key))
          .addModifiers(Modifier.PUBLIC)
          .returns(optionalOfEntity())
          .addParameters(params(key));
      requireKeys(select, key);
      type.addMethod(select.addStatement("return fetchOne($L, $L)", SqlNames.SELECT, binder(key)).build());

      pageAndEach("", SqlNames.PAGE, List.of(), "every entity");
      if (e.tagsField().isPresent()) {
        type.addMethod(MethodSpec.methodBuilder("page")
            .addJavadoc("One page of the entities that match a tag filter, in primary key order.\n\n"
                + "@param size 1 to the maximum page size, or null for the default\n"
                + "@param offset the previous page's offset, or null for the first page\n"
                + "@param tags all of / any of at most 5 tags, or null for no filter\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(pageOfEntity())
            .addParameter(INTEGER, "size")
            .addParameter(STRING, "offset")
            .addParameter(TAGS, "tags")
            .beginControlFlow("if (tags == null)")
            .addStatement("return page(size, offset)")
            .endControlFlow()
            .addStatement("return tags.matchAll()\n? fetchPage($L, $L, tagBinder(tags), size, offset)\n"
                    + ": fetchPage($L, $L, tagBinder(tags), size, offset)",
                SqlNames.PAGE_TAGS_ALL, SqlNames.after(SqlNames.PAGE_TAGS_ALL),
                SqlNames.PAGE_TAGS_ANY, SqlNames.after(SqlNames.PAGE_TAGS_ANY))
            .build());
        type.addMethod(MethodSpec.methodBuilder("each")
            .addJavadoc("Streams the entities that match a tag filter, in primary key order, a batch at a time.\n\n"
                + "@param batchSize rows per query, or null for the default page size\n"
                + "@param tags all of / any of at most 5 tags, or null for no filter\n"
                + "@return a lazy stream; close it\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(streamOfEntity())
            .addParameter(INTEGER, "batchSize")
            .addParameter(TAGS, "tags")
            .beginControlFlow("if (tags == null)")
            .addStatement("return each(batchSize)")
            .endControlFlow()
            .addStatement("return tags.matchAll()\n? streamAll($L, $L, tagBinder(tags), batchSize)\n"
                    + ": streamAll($L, $L, tagBinder(tags), batchSize)",
                SqlNames.PAGE_TAGS_ALL, SqlNames.after(SqlNames.PAGE_TAGS_ALL),
                SqlNames.PAGE_TAGS_ANY, SqlNames.after(SqlNames.PAGE_TAGS_ANY))
            .build());
        type.addMethod(MethodSpec.methodBuilder("tagBinder")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(BINDER)
            .addParameter(TAGS, "tags")
            .addStatement("return (ps, i) -> {\n$>$T.setTextArray(ps, i, tags.toArray());\nreturn i + 1;\n$<}", JDBC)
            .build());
      }
      for (FieldModel f : e.foreignKeys()) {
        pageAndEach("For" + f.capitalized(), SqlNames.pageFor(f), List.of(f),
            "the entities whose {@code " + f.jsonName() + "} is this parent");
      }
      for (FieldModel f : e.fields()) {
        if (f.indexed()) {
          pageAndEach("By" + f.capitalized(), SqlNames.pageBy(f), List.of(f),
              "the entities with this {@code " + f.jsonName() + "}");
        }
      }
    }

    private void pageAndEach(String suffix, String page, List<FieldModel> filter, String what) {
      CodeBlock filterBinder = filter.isEmpty() ? CodeBlock.of("$T.NONE", BINDER) : binder(filter);
      MethodSpec.Builder p = MethodSpec.methodBuilder("page" + suffix)
          .addJavadoc("One page of $L, in primary key order.\n\n$L", what, keyDoc(filter))
          .addJavadoc("@param size 1 to the maximum page size (1000 by default), or null for the default (100)\n"
              + "@param offset the previous page's {@link $T#offset()}, or null for the first page\n"
              + "@return the page; its offset is null on the last page\n", PAGE)
          .addModifiers(Modifier.PUBLIC)
          .returns(pageOfEntity())
          .addParameters(params(filter))
          .addParameter(INTEGER, "size")
          .addParameter(STRING, "offset");
      requireKeys(p, filter);
      type.addMethod(p.addStatement("return fetchPage($L, $L, $L, size, offset)", page, SqlNames.after(page),
          filterBinder).build());
      MethodSpec.Builder each = MethodSpec.methodBuilder("each" + suffix)
          .addJavadoc("Streams $L in primary key order, reading a batch at a time (constant memory).\n\n$L", what,
              keyDoc(filter))
          .addJavadoc("@param batchSize rows per query, or null for the default page size\n"
              + "@return a lazy stream; close it (try-with-resources)\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(streamOfEntity())
          .addParameters(params(filter))
          .addParameter(INTEGER, "batchSize");
      requireKeys(each, filter);
      type.addMethod(each.addStatement("return streamAll($L, $L, $L, batchSize)", page, SqlNames.after(page),
          filterBinder).build());
    }

    // ---- writes ------------------------------------------------------------------------------------------

    private void writes() {
      MethodSpec.Builder insert = MethodSpec.methodBuilder("insert")
          .addJavadoc("Inserts a new entity: fills {@code @Auto} values and defaults, validates every field, and "
              + "reports every error at once.\n\n@return the stored entity\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(e.type())
          .addParameter(e.draftType(), "draft");
      if (e.ttl()) {
        type.addMethod(insert.addStatement("return insert(draft, draft.ttl())").build());
        type.addMethod(MethodSpec.methodBuilder("insert")
            .addJavadoc("Inserts a new entity that expires after {@code ttl} (null or zero: never), whatever the "
                + "draft's ttl.\n\n"
                + "@return the stored entity\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(e.type())
            .addParameter(e.draftType(), "draft")
            .addParameter(DURATION, "ttl")
            .addStatement("$T entity = build(draft, null)", e.type())
            .addStatement("return insertRow($L, $L, entity, expiry(ttl))", SqlNames.PURGE_EXPIRED, SqlNames.INSERT)
            .build());
      } else {
        type.addMethod(insert.addStatement("return insertRow($L, build(draft, null))", SqlNames.INSERT).build());
      }

      type.addMethod(MethodSpec.methodBuilder("validate")
          .addJavadoc("Checks a draft as {@link #insert} would, without writing anything.\n\n"
              + "@return the entity the draft describes\n@throws $T with code SCHEMA_VIOLATION listing every error\n",
              ClassNames.DAO_EXCEPTION)
          .addModifiers(Modifier.PUBLIC)
          .returns(e.type())
          .addParameter(e.draftType(), "draft")
          .addStatement("return build(draft, null)")
          .build());

      updateMethods("update", key, SqlNames.SELECT_FOR_UPDATE, true,
          "Changes what the patch sets, validating only the changes (and the entity checks).");
      CodeBlock.Builder withKey = CodeBlock.builder().add("draft.copy()");
      for (FieldModel f : key) {
        withKey.add(".$N($N)", f.name(), f.name());
      }
      upsertMethods("upsert", key, SqlNames.SELECT_FOR_UPDATE, true,
          CodeBlock.of("$T withKey = $L", e.draftType(), withKey.build()), CodeBlock.of("build(withKey, old)"),
          "Inserts, or replaces the entity with this primary key: what the draft omits goes back to its default or "
              + "null; the creation time is kept.");

      MethodSpec.Builder delete = MethodSpec.methodBuilder("delete")
          .addJavadoc("Deletes the entity with this primary key (its children as their foreign keys say). "
              + "Idempotent.\n\n$L@return whether a row was deleted\n", keyDoc(key))
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addParameters(params(key));
      requireKeys(delete, key);
      type.addMethod(delete.addStatement("return deleteRows($L, $L, $L)", SqlNames.SELECT_FOR_UPDATE, SqlNames.DELETE,
          binder(key)).build());
      if (e.ttl()) {
        ttlMethods();
      }
    }

    private void requireLookup(MethodSpec.Builder m, List<FieldModel> lookup, boolean primary) {
      if (primary) {
        requireKeys(m, lookup);
      } else {
        for (FieldModel f : lookup) {
          m.addStatement("requireUnique($N, $S)", f.name(), f.jsonName());
        }
      }
    }

    /** {@code update}/{@code updateBy…}, and for ttl entities the variant that also sets the ttl. */
    private void updateMethods(String name, List<FieldModel> lookup, String selectSql, boolean primary, String doc) {
      for (boolean withTtl : e.ttl() ? new boolean[] {false, true} : new boolean[] {false}) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
            .addJavadoc("$L$L\n\n$L", doc, withTtl ? " Sets the time to live too (null or zero: never expires)."
                : e.ttl() ? " The time to live changes only if the patch sets one." : "", keyDoc(lookup))
            .addJavadoc("@return the updated entity\n@throws $T with code NOT_FOUND when there is no such entity\n",
                ClassNames.DAO_EXCEPTION)
            .addModifiers(Modifier.PUBLIC)
            .returns(e.type())
            .addParameters(params(lookup))
            .addParameter(e.patchType(), "patch");
        if (withTtl) {
          m.addParameter(DURATION, "ttl");
        }
        requireLookup(m, lookup, primary);
        if (withTtl) {
          m.addStatement("$T expiresAt = expiry(ttl)", Instant.class);
          m.addStatement("return updateRow($L, $L, $L, old -> merge(old, patch),\n"
              + "() -> notFoundMessage($L, $L), true, expiresAt)", selectSql, binder(lookup), SqlNames.UPDATE_TTL,
              primary, describe(lookup));
        } else {
          if (e.ttl()) {
            m.beginControlFlow("if (patch.hasTtl())")
                .addStatement("return $N($L, patch, patch.ttl())", name, args(lookup))
                .endControlFlow();
          }
          m.addStatement("return updateRow($L, $L, $L, old -> merge(old, patch),\n"
              + "() -> notFoundMessage($L, $L))", selectSql, binder(lookup), SqlNames.UPDATE, primary,
              describe(lookup));
        }
        type.addMethod(m.build());
      }
    }

    /** {@code upsert}/{@code upsertBy…}, and for ttl entities the variant with a ttl. */
    private void upsertMethods(String name, List<FieldModel> lookup, String selectSql, boolean primary, CodeBlock prepare, CodeBlock build, String doc) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(name)
          .addJavadoc("$L$L\n\n$L@return the stored entity\n", doc,
              e.ttl() ? " It expires after the draft's ttl (if any)." : "", keyDoc(lookup))
          .addModifiers(Modifier.PUBLIC)
          .returns(e.type())
          .addParameters(params(lookup))
          .addParameter(e.draftType(), "draft");
      if (e.ttl()) {
        type.addMethod(m.addStatement("return $N($L, draft, draft.ttl())", name, args(lookup)).build());
        MethodSpec.Builder t = MethodSpec.methodBuilder(name)
            .addJavadoc("$L It expires after {@code ttl} (null or zero: never).\n\n$L@return the stored entity\n",
                doc, keyDoc(lookup))
            .addModifiers(Modifier.PUBLIC)
            .returns(e.type())
            .addParameters(params(lookup))
            .addParameter(e.draftType(), "draft")
            .addParameter(DURATION, "ttl");
        requireLookup(t, lookup, primary);
        t.addStatement("$T expiresAt = expiry(ttl)", Instant.class).addStatement(prepare);
        type.addMethod(t.addStatement("return upsertRow($L, $L,\n$L,\nold -> $L, expiresAt)", selectSql,
            binder(lookup), isLookup(lookup), build).build());
        return;
      }
      requireLookup(m, lookup, primary);
      m.addStatement(prepare);
      type.addMethod(m.addStatement("return upsertRow($L, $L,\n$L,\nold -> $L)", selectSql, binder(lookup),
          isLookup(lookup), build).build());
    }

    private void ttlMethods() {
      type.addMethod(MethodSpec.methodBuilder("expiresAt")
          .addJavadoc("When the entity with this primary key expires.\n\n$L"
              + "@return the expiry; empty when it never expires or does not exist (or expired)\n", keyDoc(key))
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(OPTIONAL, ClassName.get(Instant.class)))
          .addParameters(params(key))
          .addStatement("return expiryOf($L, $L)", SqlNames.SELECT_TTL, binder(key))
          .build());
      if (key.size() == 1) {
        type.addMethod(MethodSpec.methodBuilder("expiries")
            .addJavadoc("When these entities expire, in one query: the text form of each key that expires → its "
                + "expiry (the admin API shows lists with it).\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Map.class), STRING, ClassName.get(Instant.class)))
            .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), e.type()), "entities")
            .addStatement("return expiriesOf($L, entities)", SqlNames.SELECT_TTLS)
            .build());
      }
      MethodSpec.Builder any = MethodSpec.methodBuilder("selectIncludingExpired")
          .addJavadoc("Reads the entity with this primary key even when it has expired (and was not yet cleaned "
              + "up).\n\n$L@return the entity, or empty\n", keyDoc(key))
          .addModifiers(Modifier.PUBLIC)
          .returns(optionalOfEntity())
          .addParameters(params(key));
      requireKeys(any, key);
      type.addMethod(any.addStatement("return fetchOne($L, $L)", SqlNames.SELECT_INCLUDING_EXPIRED, binder(key))
          .build());
      type.addMethod(MethodSpec.methodBuilder("deleteExpired")
          .addJavadoc("Deletes up to {@code batchSize} expired rows, publishing a delete event for each.\n\n"
              + "@return the number of rows deleted\n")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.INT)
          .addParameter(TypeName.INT, "batchSize")
          .addStatement("return deleteExpiredRows($L, batchSize)", SqlNames.DELETE_EXPIRED)
          .build());
    }

    private void uniqueMethods() {
      for (FieldModel f : e.fields()) {
        if (!f.unique() || f.primaryKey()) {
          continue;
        }
        List<FieldModel> one = List.of(f);
        String cap = f.capitalized();
        MethodSpec.Builder select = MethodSpec.methodBuilder("selectBy" + cap)
            .addJavadoc("Reads the entity with this unique {@code $L}.\n\n$L@return the entity, or empty\n",
                f.jsonName(), keyDoc(one))
            .addModifiers(Modifier.PUBLIC)
            .returns(optionalOfEntity())
            .addParameters(params(one))
            .addStatement("requireUnique($N, $S)", f.name(), f.jsonName());
        type.addMethod(select.addStatement("return fetchOne($L, $L)", SqlNames.selectBy(f), binder(one)).build());

        updateMethods("updateBy" + cap, one, SqlNames.selectByForUpdate(f), false,
            "Changes what the patch sets on the entity with this unique {@code " + f.jsonName() + "}.");

        CodeBlock.Builder keepKey = CodeBlock.builder().add("old == null ? withValue : withValue.copy()");
        for (FieldModel k : key) {
          keepKey.add(".$N(old.$N())", k.name(), k.name());
        }
        upsertMethods("upsertBy" + cap, one, SqlNames.selectByForUpdate(f), false,
            CodeBlock.of("$T withValue = draft.copy().$N($N)", e.draftType(), f.name(), f.name()),
            CodeBlock.of("build($L, old)", keepKey.build()),
            "Inserts, or replaces the entity with this unique {@code " + f.jsonName() + "} (keeping its primary "
                + "key and creation time).");

        type.addMethod(MethodSpec.methodBuilder("deleteBy" + cap)
            .addJavadoc("Deletes the entity with this unique {@code $L}. Idempotent.\n\n$L"
                + "@return whether a row was deleted\n", f.jsonName(), keyDoc(one))
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.BOOLEAN)
            .addParameters(params(one))
            .addStatement("requireUnique($N, $S)", f.name(), f.jsonName())
            .addStatement("return deleteRows($L, $L, $L)", SqlNames.selectByForUpdate(f), SqlNames.deleteBy(f),
                binder(one))
            .build());
      }
    }

    // ---- cache keys --------------------------------------------------------------------------------------

    private List<FieldModel> cacheKeyFields() {
      return e.cacheKey().isEmpty() ? key : e.cacheKeyFields();
    }

    private CodeBlock cacheKeyExpression(String prefix) {
      CodeBlock.Builder b = CodeBlock.builder().add("$S", e.name() + ":");
      boolean first = true;
      for (FieldModel f : cacheKeyFields()) {
        if (!first) {
          b.add(" + $S", ":");
        }
        b.add(" + $T.text($L$N$L)", VALUES, prefix, f.name(), prefix.isEmpty() ? "" : "()");
        first = false;
      }
      return b.build();
    }

    private void cacheKeyMethods() {
      List<FieldModel> fields = cacheKeyFields();
      String keyNames = fields.stream().map(FieldModel::jsonName).collect(Collectors.joining(":"));
      type.addMethod(MethodSpec.methodBuilder("cacheKey")
          .addJavadoc("Kong's cache key of an entity: {@code $L:<$L>}.\n", e.name(), keyNames)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(STRING)
          .addParameter(e.type(), "entity")
          .addStatement("return $L", cacheKeyExpression("entity."))
          .build());
      type.addMethod(MethodSpec.methodBuilder("cacheKey")
          .addJavadoc("Kong's cache key for these values: {@code $L:<$L>}.\n\n$L", e.name(), keyNames,
              keyDoc(fields))
          .addModifiers(Modifier.PUBLIC)
          .returns(STRING)
          .addParameters(params(fields))
          .addStatement("return $L", cacheKeyExpression(""))
          .build());
      MethodSpec.Builder cached = MethodSpec.methodBuilder("selectCached")
          .addJavadoc("Reads the entity with this cache key through the node's entity cache ({@code db.cache()}): "
              + "a hit costs no query, a miss (also cached) one; every write on any node invalidates it.\n\n"
              + "$L@return the entity, or empty\n", keyDoc(fields))
          .addModifiers(Modifier.PUBLIC)
          .returns(optionalOfEntity())
          .addParameters(params(fields));
      requireKeys(cached, fields);
      type.addMethod(cached.addStatement("return cached(cacheKey($L), () -> $L($L))", args(fields),
          e.cacheKey().isEmpty() ? "select" : "selectByCacheKey", args(fields)).build());
      if (e.cacheKey().isEmpty()) {
        return;
      }
      MethodSpec.Builder select = MethodSpec.methodBuilder("selectByCacheKey")
          .addJavadoc("Reads the entity with this cache key.\n\n$L@return the entity, or empty\n", keyDoc(fields))
          .addModifiers(Modifier.PUBLIC)
          .returns(optionalOfEntity())
          .addParameters(params(fields));
      if (e.hasCacheKeyColumn()) {
        requireKeys(select, fields);
        select.addStatement("String cacheKey = cacheKey($L)", args(fields))
            .addStatement("return fetchOne($L, (ps, i) -> {\n$>$T.setString(ps, i, cacheKey);\nreturn i + 1;\n$<})",
                SqlNames.SELECT_BY_CACHE_KEY, JDBC);
      } else {
        FieldModel only = fields.get(0);
        select.addStatement(only.primaryKey() ? "return select($N)" : "return selectBy$L($N)",
            only.primaryKey() ? only.name() : only.capitalized(), only.name());
      }
      type.addMethod(select.build());
    }

    // ---- hooks for the runtime ----------------------------------------------------------------------------

    private void hooks() {
      foreignKeyHooks();
      List<CodeBlock> columns = new ArrayList<>();
      for (int i = 0; i < e.fields().size(); i++) {
        columns.add(TypeCode.get(e.fields().get(i).type(), i + 1));
      }
      type.addMethod(MethodSpec.methodBuilder("read")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(e.type())
          .addParameter(ResultSet.class, "rs")
          .addException(SQLException.class)
          .addStatement("return new $T(\n$>$L$<)", e.type(), CodeBlock.join(columns, ",\n"))
          .build());
      type.addMethod(MethodSpec.methodBuilder("keyOf")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(Object[].class)
          .addParameter(e.type(), "entity")
          .addStatement("return new Object[] {$L}", CodeBlock.join(
              key.stream().map(f -> CodeBlock.of("entity.$N()", f.name())).toList(), ", "))
          .build());
      MethodSpec.Builder bindKey = MethodSpec.methodBuilder("bindKey")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(TypeName.INT)
          .addParameter(PreparedStatement.class, "ps")
          .addParameter(TypeName.INT, "index")
          .addParameter(Object[].class, "key")
          .addException(SQLException.class);
      for (int i = 0; i < key.size(); i++) {
        FieldModel f = key.get(i);
        bindKey.addStatement(TypeCode.set(f.type(), index(i), CodeBlock.of("($T) key[$L]", f.type().boxedType(), i)));
      }
      type.addMethod(bindKey.addStatement("return index + $L", key.size()).build());
      MethodSpec.Builder bindValues = bindEntityHook("bindValues");
      int n = 0;
      for (FieldModel f : e.valueFields()) {
        bindValues.addStatement(TypeCode.set(f.type(), index(n++), CodeBlock.of("entity.$N()", f.name())));
      }
      if (e.hasCacheKeyColumn()) {
        bindValues.addStatement("$T.setString(ps, $L, cacheKey(entity))", JDBC, index(n++));
      }
      type.addMethod(bindValues.addStatement("return index + $L", n).build());
      MethodSpec.Builder conflicts = bindEntityHook("bindConflictKeys");
      n = 0;
      for (FieldModel f : key) {
        conflicts.addStatement(TypeCode.set(f.type(), index(n++), CodeBlock.of("entity.$N()", f.name())));
      }
      for (FieldModel f : e.valueFields()) {
        if (f.unique()) {
          conflicts.addStatement(TypeCode.set(f.type(), index(n++), CodeBlock.of("entity.$N()", f.name())));
        }
      }
      if (e.hasCacheKeyColumn()) {
        conflicts.addStatement("$T.setString(ps, $L, cacheKey(entity))", JDBC, index(n++));
      }
      type.addMethod(conflicts.addStatement("return index + $L", n).build());
      List<CodeBlock> parsed = new ArrayList<>();
      for (int i = 0; i < key.size(); i++) {
        parsed.add(TypeCode.parse(key.get(i).type(), CodeBlock.of("texts[$L]", i)));
      }
      type.addMethod(MethodSpec.methodBuilder("parseKey")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(Object[].class)
          .addParameter(String[].class, "texts")
          .addStatement("return new Object[] {$L}", CodeBlock.join(parsed, ", "))
          .build());
    }

    /** The foreign key hooks the runtime uses to publish events for ON DELETE CASCADE / SET NULL. */
    private void foreignKeyHooks() {
      List<FieldModel> fks = e.foreignKeys();
      MethodSpec.Builder lock = MethodSpec.methodBuilder("lockByForeignKeySql")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(STRING)
          .addParameter(STRING, "field");
      MethodSpec.Builder bind = MethodSpec.methodBuilder("bindForeignKey")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(TypeName.INT)
          .addParameter(PreparedStatement.class, "ps")
          .addParameter(TypeName.INT, "index")
          .addParameter(STRING, "field")
          .addParameter(Object.class, "value")
          .addException(SQLException.class);
      MethodSpec.Builder without = MethodSpec.methodBuilder("withoutForeignKey")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(e.type())
          .addParameter(e.type(), "entity")
          .addParameter(STRING, "field");
      CodeBlock unknown = CodeBlock.of("throw new $T($S + field);\n", IllegalArgumentException.class,
          "no foreign key ");
      if (fks.isEmpty()) {
        type.addMethod(lock.addCode(unknown).build());
        type.addMethod(bind.addCode(unknown).build());
        type.addMethod(without.addCode(unknown).build());
        return;
      }
      CodeBlock.Builder lockCases = CodeBlock.builder().add("return switch (field) {\n").indent();
      CodeBlock.Builder bindCases = CodeBlock.builder().beginControlFlow("switch (field)");
      CodeBlock.Builder withoutCases = CodeBlock.builder().add("return switch (field) {\n").indent();
      for (FieldModel f : fks) {
        lockCases.add("case $S -> $L;\n", f.name(), SqlNames.lockFor(f));
        bindCases.add("case $S -> $L;\n", f.name(), TypeCode.set(f.type(), CodeBlock.of("index"),
            CodeBlock.of("($T) value", f.type().boxedType())));
        if (f.foreign().orElseThrow().onDelete() == dev.daogen.annotations.OnDelete.NULL) {
          List<CodeBlock> args = new ArrayList<>();
          for (FieldModel c : e.fields()) {
            args.add(c == f ? CodeBlock.of("null") : CodeBlock.of("entity.$N()", c.name()));
          }
          withoutCases.add("case $S -> new $T($L);\n", f.name(), e.type(), CodeBlock.join(args, ", "));
        }
      }
      lockCases.add("default -> $L", unknown).unindent().add("};\n");
      bindCases.add("default -> $L", unknown).endControlFlow();
      withoutCases.add("default -> $L", unknown).unindent().add("};\n");
      type.addMethod(lock.addCode(lockCases.build()).build());
      type.addMethod(bind.addCode(bindCases.build()).addStatement("return index + 1").build());
      boolean anySetNull = fks.stream()
          .anyMatch(f -> f.foreign().orElseThrow().onDelete() == dev.daogen.annotations.OnDelete.NULL);
      type.addMethod(without.addCode(anySetNull ? withoutCases.build() : unknown).build());
    }

    /** {@code protected int <name>(PreparedStatement ps, int index, E entity)}: a hook that binds an entity. */
    private MethodSpec.Builder bindEntityHook(String name) {
      return MethodSpec.methodBuilder(name)
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(TypeName.INT)
          .addParameter(PreparedStatement.class, "ps")
          .addParameter(TypeName.INT, "index")
          .addParameter(e.type(), "entity")
          .addException(SQLException.class);
    }

    private static CodeBlock index(int offset) {
      return offset == 0 ? CodeBlock.of("index") : CodeBlock.of("index + $L", offset);
    }

    // ---- building, merging, validating -------------------------------------------------------------------

    private boolean usesNow() {
      return e.fields().stream().anyMatch(f -> f.auto() == AutoKind.CREATED_AT || f.auto() == AutoKind.UPDATED_AT);
    }

    private void buildMethod() {
      MethodSpec.Builder m = MethodSpec.methodBuilder("build")
          .addJavadoc("The entity a draft describes: auto values, defaults, validation of every field. For an "
              + "upsert, {@code old} is the row it replaces (or null); its creation time is kept and immutable "
              + "values may not change.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(e.type())
          .addParameter(e.draftType(), "draft")
          .addParameter(e.type(), "old");
      if (usesNow()) {
        m.addStatement("$T now = $T.now()", Instant.class, AUTOS);
      }
      m.addStatement("$T errors = new $T()", FIELD_ERRORS, FIELD_ERRORS);
      for (FieldModel f : e.fields()) {
        CodeBlock given = CodeBlock.of("draft.$N()", f.name());
        CodeBlock value = switch (f.auto()) {
          case UUID -> CodeBlock.of("$L != null ? $L : $T.uuid()", given, given, AUTOS);
          case RANDOM_STRING -> CodeBlock.of("$L != null ? $L : $T.randomString()", given, given, AUTOS);
          case CREATED_AT -> CodeBlock.of("old != null ? old.$N() : $L != null ? $L : now", f.name(), given, given);
          case UPDATED_AT -> CodeBlock.of("$L != null ? $L : now", given, given);
          case NONE -> f.defaultValue().isPresent()
              ? CodeBlock.of("$L != null ? $L : $L", given, given, defaultName(f))
              : given;
        };
        m.addStatement("$T $N = $L", f.type().boxedType(), f.name(), value);
      }
      for (FieldModel f : e.fields()) {
        if (hasCheck(f)) {
          m.addStatement("check$L(errors, $N)", f.capitalized(), f.name());
        }
      }
      List<FieldModel> immutables = e.valueFields().stream().filter(FieldModel::immutable).toList();
      if (!immutables.isEmpty()) {
        m.beginControlFlow("if (old != null)");
        for (FieldModel f : immutables) {
          m.beginControlFlow("if (!$T.equals($N, old.$N()))", Objects.class, f.name(), f.name())
              .addStatement("errors.add($S, $T.IMMUTABLE)", f.jsonName(), CHECKS)
              .endControlFlow();
        }
        m.endControlFlow();
      }
      entityChecks(m);
      m.addStatement("errors.throwIfAny()");
      m.addStatement("return new $T($L)", e.type(), args(e.fields()));
      type.addMethod(m.build());
    }

    private void mergeMethod() {
      MethodSpec.Builder m = MethodSpec.methodBuilder("merge")
          .addJavadoc("Applies a patch to the stored entity, validating what changes and the entity checks.\n")
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(e.type())
          .addParameter(e.type(), "old")
          .addParameter(e.patchType(), "patch");
      m.addStatement("$T errors = new $T()", FIELD_ERRORS, FIELD_ERRORS);
      for (FieldModel f : key) {
        m.addStatement("$T $N = old.$N()", f.type().boxedType(), f.name(), f.name());
      }
      for (FieldModel f : e.valueFields()) {
        String has = "patch.has" + f.capitalized() + "()";
        // a primitive component is boxed here, or the conditional would unbox a null from the patch
        CodeBlock otherwise = f.auto() == AutoKind.UPDATED_AT
            ? CodeBlock.of("$T.now()", AUTOS)
            : f.type().javaType().isPrimitive()
                ? CodeBlock.of("($T) old.$N()", f.type().boxedType(), f.name())
                : CodeBlock.of("old.$N()", f.name());
        m.addStatement("$T $N = $L ? patch.$N() : $L", f.type().boxedType(), f.name(), has, f.name(), otherwise);
        if (!f.nullable() && !f.required()) {
          // auto and default values are filled on insert only: clearing one is a missing required value
          m.beginControlFlow("if ($L && $N == null)", has, f.name())
              .addStatement("errors.add($S, $T.REQUIRED)", f.jsonName(), CHECKS)
              .endControlFlow();
        }
        if (hasCheck(f)) {
          m.beginControlFlow("if ($L)", has).addStatement("check$L(errors, $N)", f.capitalized(), f.name())
              .endControlFlow();
        }
        if (f.immutable()) {
          m.beginControlFlow("if ($L && !$T.equals($N, old.$N()))", has, Objects.class, f.name(), f.name())
              .addStatement("errors.add($S, $T.IMMUTABLE)", f.jsonName(), CHECKS)
              .endControlFlow();
        }
      }
      entityChecks(m);
      m.addStatement("errors.throwIfAny()");
      m.addStatement("return new $T($L)", e.type(), args(e.fields()));
      type.addMethod(m.build());
    }

    private void entityChecks(MethodSpec.Builder m) {
      for (EntityCheckModel check : e.checks()) {
        String method = switch (check.kind()) {
          case AT_LEAST_ONE_OF -> "atLeastOneOf";
          case ONLY_ONE_OF -> "onlyOneOf";
          case MUTUALLY_REQUIRED -> "mutuallyRequired";
          case MUTUALLY_EXCLUSIVE -> "mutuallyExclusive";
        };
        List<FieldModel> fields = check.fields().stream().map(e::field).toList();
        String names = fields.stream().map(f -> "'" + f.jsonName() + "'").collect(Collectors.joining(", "));
        m.addStatement("$T.$L(errors, $S, $L)", CHECKS, method, names, args(fields));
      }
    }

    private boolean hasCheck(FieldModel f) {
      return f.required() || !f.constraints().isEmpty() || indexedString(f);
    }

    /** A string an index holds: bounded, as the admin API's schema says (a btree entry has a size limit). */
    private boolean indexedString(FieldModel f) {
      boolean string = f.type() instanceof TypeModel.Scalar sc && sc.kind() == ScalarKind.STRING;
      return string && (f.primaryKey() || f.unique() || f.indexed() || e.cacheKey().contains(f.name()));
    }

    private void checkMethods() {
      for (FieldModel f : e.fields()) {
        if (!hasCheck(f)) {
          continue;
        }
        MethodSpec.Builder m = MethodSpec.methodBuilder("check" + f.capitalized())
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .addParameter(FIELD_ERRORS, "errors")
            .addParameter(f.type().boxedType(), "value");
        String name = f.jsonName();
        if (f.required()) {
          m.beginControlFlow("if (!$T.required(errors, $S, value))", CHECKS, name).addStatement("return")
              .endControlFlow();
        }
        for (ConstraintModel c : f.constraints()) {
          switch (c.kind()) {
            case SIZE -> m.addStatement("$T.size(errors, $S, value, $LL, $LL)", CHECKS, name, c.min().orElse(0L),
                c.max().orElse((long) Integer.MAX_VALUE));
            case MIN -> m.addStatement("$T.min(errors, $S, value, $LL)", CHECKS, name, c.min().orElseThrow());
            case MAX -> m.addStatement("$T.max(errors, $S, value, $LL)", CHECKS, name, c.max().orElseThrow());
            case POSITIVE -> m.addStatement("$T.positive(errors, $S, value)", CHECKS, name);
            case PATTERN -> m.addStatement("$T.pattern(errors, $S, value, $L)", CHECKS, name, patternName(f));
            case NOT_BLANK -> m.addStatement("$T.notBlank(errors, $S, value)", CHECKS, name);
            case EMAIL -> m.addStatement("$T.email(errors, $S, value)", CHECKS, name);
          }
        }
        if (indexedString(f)) {
          m.addStatement("$T.size(errors, $S, value, 0L, $LL)", CHECKS, name,
              dev.daogen.schema.FieldSchema.MAX_INDEXED_STRING_LENGTH);
        }
        type.addMethod(m.build());
      }
    }
  }
}
