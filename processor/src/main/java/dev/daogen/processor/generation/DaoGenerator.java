package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.DATABASE;
import static dev.daogen.processor.generation.ClassNames.ENTITY_DAO;
import static dev.daogen.processor.generation.ClassNames.PAGE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.sql.SqlNames;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EDao}: the typed façade of one entity — a method per key, unique field, foreign key and cache key,
 * each delegating to the runtime's engine ({@code dev.daogen.engine.EntityDao}) with the lookup constants of the
 * entity's mapping ({@link MappingGenerator}).
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
    private final ClassName mapping;
    private final TypeSpec.Builder type;
    private final List<FieldModel> key;

    Writer(EntityModel e) {
      this.e = e;
      this.mapping = MappingGenerator.mappingType(e);
      this.key = e.primaryKeyFields();
      this.type = TypeSpec.classBuilder(e.daoType())
          .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
          .superclass(ParameterizedTypeName.get(ENTITY_DAO, e.type(), e.draftType(), e.patchType()));
    }

    TypeSpec.Builder write() {
      type.addJavadoc("The DAO of {@link $T} entities (table {@code $L}): Kong's {@code kong.db.$L} in Java. Get it "
          + "with {@code db.dao($T.class)}; errors are {@link dev.daogen.dao.DaoException}s with Kong's codes.\n",
          e.type(), e.name(), e.name(), e.daoType());
      type.addMethod(MethodSpec.constructorBuilder()
          .addJavadoc("Creates the DAO; prefer {@code db.dao($T.class)}, which keeps one per database.\n", e.daoType())
          .addModifiers(Modifier.PUBLIC)
          .addParameter(DATABASE, "db")
          .addStatement("super(db, new $T())", mapping)
          .build());
      CodeBlock pk = CodeBlock.of("$T.$L", mapping, SqlNames.PRIMARY_KEY);
      method("select", optionalOfEntity(), key, "Reads the entity with this primary key$L, or empty.",
          e.ttl() ? " (unless it expired)" : "").addStatement("return find($L, $L)", pk, args(key)).build(type);
      for (FieldModel f : e.foreignKeys()) {
        pageAndEach("For" + f.capitalized(), CodeBlock.of("$T.$L.filter()", mapping, SqlNames.foreignKey(f)), f,
            "the entities whose {@code " + f.jsonName() + "} is this parent");
      }
      for (FieldModel f : e.fields()) {
        if (f.indexed()) {
          pageAndEach("By" + f.capitalized(), CodeBlock.of("$T.$L", mapping, SqlNames.filterBy(f)), f,
              "the entities with this {@code " + f.jsonName() + "}");
        }
      }
      writes("", key, pk, "with this primary key", true);
      method("delete", TypeName.BOOLEAN, key, "Deletes the entity with this primary key (its children as their "
          + "foreign keys say). Idempotent; returns whether a row was deleted.")
          .addStatement("return delete($L, $L)", pk, args(key)).build(type);
      if (e.ttl()) {
        method("expiresAt", ParameterizedTypeName.get(OPTIONAL, ClassName.get(Instant.class)), key,
            "When the entity with this primary key expires; empty when it never does or does not exist.")
            .addStatement("return expiryOf($L)", args(key)).build(type);
        method("selectIncludingExpired", optionalOfEntity(), key,
            "Reads the entity with this primary key even when it has expired (and was not yet cleaned up).")
            .addStatement("return findIncludingExpired($L)", args(key)).build(type);
      }
      for (FieldModel f : e.fields()) {
        if (f.unique() && !f.primaryKey()) {
          CodeBlock lookup = CodeBlock.of("$T.$L", mapping, SqlNames.lookupBy(f));
          String what = "with this unique {@code " + f.jsonName() + "}";
          method("selectBy" + f.capitalized(), optionalOfEntity(), List.of(f), "Reads the entity $L, or empty.",
              what).addStatement("return find($L, $N)", lookup, f.name()).build(type);
          writes("By" + f.capitalized(), List.of(f), lookup, what, false);
          method("deleteBy" + f.capitalized(), TypeName.BOOLEAN, List.of(f),
              "Deletes the entity $L. Idempotent; returns whether a row was deleted.", what)
              .addStatement("return delete($L, $N)", lookup, f.name()).build(type);
        }
      }
      cacheKeyMethods();
      return type;
    }

    /** {@code update…}, {@code upsert…} (and their ttl variants) for one lookup. */
    private void writes(String suffix, List<FieldModel> lookup, CodeBlock l, String what, boolean primary) {
      String ttlNote = e.ttl() ? " The time to live changes only if the patch sets one." : "";
      method("update" + suffix, e.type(), lookup, "Changes what the patch sets on the entity $L, validating only the "
          + "changes (and the entity checks); NOT_FOUND when there is none.$L", what, ttlNote)
          .param(e.patchType(), "patch")
          .addStatement("return update($L, patch, $L)", l, args(lookup)).build(type);
      if (e.ttl()) {
        method("update" + suffix, e.type(), lookup, "As {@code update$L}, and sets the time to live (null or zero: "
            + "never expires).", suffix)
            .param(e.patchType(), "patch").param(DURATION, "ttl")
            .addStatement("return update($L, patch, ttl, $L)", l, args(lookup)).build(type);
      }
      String keep = primary ? "the creation time is kept" : "its primary key and creation time are kept";
      method("upsert" + suffix, e.type(), lookup, "Inserts, or replaces the entity $L: what the draft omits goes "
          + "back to its default or null; $L.$L", what, keep,
          e.ttl() ? " It expires after the draft's ttl (if any)." : "")
          .param(e.draftType(), "draft")
          .addStatement("return upsert($L, draft, $L, $L)", l, e.ttl() ? "draft.ttl()" : "null", args(lookup))
          .build(type);
      if (e.ttl()) {
        method("upsert" + suffix, e.type(), lookup, "As {@code upsert$L}; the entity expires after {@code ttl} (null "
            + "or zero: never).", suffix)
            .param(e.draftType(), "draft").param(DURATION, "ttl")
            .addStatement("return upsert($L, draft, ttl, $L)", l, args(lookup)).build(type);
      }
    }

    private void pageAndEach(String suffix, CodeBlock filter, FieldModel f, String what) {
      method("page" + suffix, ParameterizedTypeName.get(PAGE, e.type()), List.of(f), "One page of $L, in primary "
          + "key order; {@code size} 1 to the maximum (null: the default), {@code offset} the previous page's.", what)
          .param(INTEGER, "size").param(STRING, "offset")
          .addStatement("return pageOf($L, $S, $N, size, offset)", filter, f.jsonName(), f.name()).build(type);
      method("each" + suffix, ParameterizedTypeName.get(STREAM, e.type()), List.of(f), "Streams $L in primary key "
          + "order, a batch at a time (constant memory); close the stream.", what)
          .param(INTEGER, "batchSize")
          .addStatement("return eachOf($L, $S, $N, batchSize)", filter, f.jsonName(), f.name()).build(type);
    }

    private void cacheKeyMethods() {
      List<FieldModel> fields = e.cacheKey().isEmpty() ? key : e.cacheKeyFields();
      String keyNames = fields.stream().map(FieldModel::jsonName).collect(Collectors.joining(":"));
      method("cacheKey", STRING, fields, "Kong's cache key for these values: {@code $L:<$L>}.", e.name(), keyNames)
          .addStatement("return $L", MappingGenerator.cacheKeyExpression(e, "")).build(type);
      Method cached = method("selectCached", optionalOfEntity(), fields, "Reads the entity with this cache key "
          + "through the node's entity cache ({@code db.cache()}): a hit costs no query; every write on any node "
          + "invalidates it.");
      requireKeys(cached.m, fields);
      cached.addStatement("return cached(cacheKey($L), () -> $L($L))", args(fields),
          e.cacheKey().isEmpty() ? "select" : "selectByCacheKey", args(fields)).build(type);
      if (e.cacheKey().isEmpty()) {
        return;
      }
      Method select = method("selectByCacheKey", optionalOfEntity(), fields, "Reads the entity with this cache key.");
      if (e.hasCacheKeyColumn()) {
        requireKeys(select.m, fields);
        select.addStatement("return find($T.$L, cacheKey($L))", mapping, SqlNames.CACHE_KEY, args(fields));
      } else {
        FieldModel only = fields.get(0);
        select.addStatement(only.primaryKey() ? "return select($N)" : "return selectBy$L($N)",
            only.primaryKey() ? only.name() : only.capitalized(), only.name());
      }
      select.build(type);
    }

    private static void requireKeys(MethodSpec.Builder m, List<FieldModel> fields) {
      for (FieldModel f : fields) {
        if (!f.type().javaType().isPrimitive()) {
          m.addStatement("requireKey($N, $S)", f.name(), f.jsonName());
        }
      }
    }

    private static CodeBlock args(List<FieldModel> fields) {
      return CodeBlock.join(fields.stream().map(f -> CodeBlock.of("$N", f.name())).toList(), ", ");
    }

    private TypeName optionalOfEntity() {
      return ParameterizedTypeName.get(OPTIONAL, e.type());
    }

    /** A public method taking {@code params} (then what {@link Method#param} adds), with a one-line javadoc. */
    private Method method(String name, TypeName returns, List<FieldModel> params, String doc, Object... args) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(name)
          .addJavadoc(doc + "\n", args)
          .addModifiers(Modifier.PUBLIC)
          .returns(returns);
      for (FieldModel f : params) {
        m.addParameter(ParameterSpec.builder(f.type().javaType(), f.name()).build());
      }
      return new Method(m);
    }

    /** A method being built. */
    private record Method(MethodSpec.Builder m) {
      Method param(TypeName type, String name) {
        m.addParameter(type, name);
        return this;
      }

      Method addStatement(String format, Object... args) {
        m.addStatement(format, args);
        return this;
      }

      void build(TypeSpec.Builder type) {
        type.addMethod(m.build());
      }
    }
  }
}
