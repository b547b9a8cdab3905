package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.ENTITY_SCHEMA;
import static dev.daogen.processor.generation.ClassNames.FIELD_SCHEMA;
import static dev.daogen.processor.generation.ClassNames.FIELD_TYPE;
import static dev.daogen.processor.generation.ClassNames.ON_DELETE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.processor.sql.DdlRenderer;
import dev.daogen.processor.sql.SqlRenderer;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The entity's metadata for the runtime (fields, keys, constraint names): the {@code SCHEMA} constant of its mapping,
 * one immutable {@code EntitySchema} built with one field per line.
 */
final class SchemaGenerator {
  private SchemaGenerator() {}

  /** The {@code SCHEMA} constant of an entity's mapping. */
  static FieldSpec schemaField(EntityModel e) {
    return FieldSpec.builder(ParameterizedTypeName.get(ENTITY_SCHEMA, e.type()), "SCHEMA",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The entity's fields, keys and constraints.\n")
        .initializer(initializer(e))
        .build();
  }

  private static CodeBlock initializer(EntityModel e) {
    CodeBlock.Builder init = CodeBlock.builder()
        .add("$T.builder($S, $T.class)", ENTITY_SCHEMA, e.name(), e.type()).indent().indent();
    for (FieldModel f : e.fields()) {
      init.add("\n.field($T.<$T>builder($S, $S, $S, $T.$L, $T::$N)$L.build())", FIELD_SCHEMA, e.type(), f.name(),
          f.jsonName(), f.column(), FIELD_TYPE, TypeCode.fieldType(f.type()), e.type(), f.name(), flags(f));
    }
    init.add("\n.primaryKey($S, $L)", DdlRenderer.primaryKeyConstraint(e), names(e.primaryKey()));
    for (FieldModel f : e.fields()) {
      if (f.unique() && !f.primaryKey()) {
        init.add("\n.uniqueConstraint($S, $S)", DdlRenderer.uniqueConstraint(e, f.column()), f.name());
      }
      f.foreign().ifPresent(fk -> init.add("\n.foreignKeyConstraint($S, $S)", fk.constraintName(), f.name()));
    }
    if (e.hasCacheKeyColumn()) {
      init.add("\n.uniqueConstraint($S, $L)", DdlRenderer.uniqueConstraint(e, SqlRenderer.CACHE_KEY_COLUMN),
          names(e.cacheKey()));
    }
    if (!e.cacheKey().isEmpty()) {
      init.add("\n.cacheKey($L)", names(e.cacheKey()));
    }
    e.endpointKey().ifPresent(k -> init.add("\n.endpointKey($S)", k));
    init.add("\n.adminApi($L, $S, $S)", e.generateAdminApi(), e.adminApiName(), e.adminApiNestedName());
    if (e.ttl()) {
      init.add("\n.ttl(true)");
    }
    init.add("\n.build()").unindent().unindent();
    return init.build();
  }

  private static CodeBlock names(List<String> names) {
    return CodeBlock.of("$L", names.stream().map(n -> CodeBlock.of("$S", n).toString())
        .collect(Collectors.joining(", ")));
  }

  private static CodeBlock flags(FieldModel f) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (f.nullable()) {
      b.add(".nullable()");
    }
    if (f.required()) {
      b.add(".required()");
    }
    if (f.primaryKey()) {
      b.add(".primaryKey()");
    }
    if (f.unique()) {
      b.add(".unique()");
    }
    if (f.indexed()) {
      b.add(".indexed()");
    }
    if (f.auto() != AutoKind.NONE) {
      b.add(".auto()");
    }
    if (f.immutable()) {
      b.add(".immutable()");
    }
    f.defaultValue().ifPresent(d -> b.add(".defaultValue($S)", d));
    f.foreign().ifPresent(fk -> b.add(".foreign($S, $T.$L)", fk.parentName(), ON_DELETE, fk.onDelete().name()));
    if (f.type() instanceof TypeModel.EnumType en) {
      b.add(".enumValues($L)", names(en.constants()));
    }
    return b.build();
  }
}
