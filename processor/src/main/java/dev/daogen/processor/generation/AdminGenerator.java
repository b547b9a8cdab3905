package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.CHECKS;
import static dev.daogen.processor.generation.ClassNames.DATABASE;
import static dev.daogen.processor.generation.ClassNames.FIELD_ERRORS;

import static dev.daogen.processor.generation.ClassNames.JSON_GENERATOR;
import static dev.daogen.processor.generation.ClassNames.PAGE;
import static dev.daogen.processor.generation.ClassNames.TAGS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.schema.AdminRoute;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EAdmin}: the entity's admin API binding — its routes, its JSON codec (Kong's admin shapes, no
 * reflection) and its DAO operations with keys parsed from path text.
 */
public final class AdminGenerator extends SourceGenerator<AdminGenerator.Input> {
  static final ClassName ENTITY_ADMIN = ClassName.get("dev.daogen.admin", "EntityAdmin");
  static final ClassName ADMIN_ROUTE = ClassName.get("dev.daogen.schema", "AdminRoute");
  static final ClassName ADMIN_JSON = ClassName.get("dev.daogen.admin", "AdminJson");
  static final ClassName JSON_INPUT = ClassName.get("dev.daogen.admin", "JsonInput");
  private static final TypeName OBJECT = ClassName.get(Object.class);
  private static final TypeName STRING = ClassName.get(String.class);

  /** The entity and the plugin it belongs to (for its parents' admin names). */
  public record Input(EntityModel entity, PluginModel plugin) {}

  public AdminGenerator(Filer filer) {
    super(filer);
  }

  /** {@code Consumer} → {@code ConsumerAdmin}. */
  public static ClassName adminType(EntityModel e) {
    return e.type().peerClass(e.type().simpleName() + "Admin");
  }

  @Override
  protected String packageName(Input input) {
    return input.entity().type().packageName();
  }

  @Override
  protected Element originatingElement(Input input) {
    return input.entity().element();
  }

  @Override
  protected TypeSpec.Builder write(Input input) {
    EntityModel e = input.entity();
    List<FieldModel> key = e.primaryKeyFields();
    boolean single = key.size() == 1;
    FieldModel pk = key.get(0);
    Optional<FieldModel> endpoint = e.endpointKey().map(e::field);
    TypeSpec.Builder type = TypeSpec.classBuilder(adminType(e))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ENTITY_ADMIN, e.type(), e.draftType(), e.patchType()))
        .addJavadoc("The admin API binding of {@code $L} ({@link $T}): routes, JSON and DAO calls.\n", e.name(),
            e.type())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), ADMIN_ROUTE), "ROUTES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(routes(e, input.plugin()))
            .build())
        .addField(e.daoType(), "dao", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Binds the entity's DAO of {@code db}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(DATABASE, "db")
            .addStatement("super($T.ENTITY)", e.schemaType())
            .addStatement("this.dao = db.dao($T.class)", e.daoType())
            .build())
        .addMethod(override("routes", ParameterizedTypeName.get(ClassName.get(List.class), ADMIN_ROUTE))
            .addStatement("return ROUTES").build())
        .addMethods(writeMethods(e))
        .addMethod(readMethod(e, true))
        .addMethod(readMethod(e, false));

    MethodSpec.Builder withParent = override("withParent", e.draftType())
        .addParameter(e.draftType(), "draft").addParameter(STRING, "field").addParameter(OBJECT, "parentKey");
    MethodSpec.Builder parentKey = override("parentKey", OBJECT)
        .addParameter(e.type(), "entity").addParameter(STRING, "field");
    MethodSpec.Builder pageFor = override("pageFor", ParameterizedTypeName.get(PAGE, e.type()))
        .addParameter(STRING, "field").addParameter(OBJECT, "parentKey")
        .addParameter(Integer.class, "size").addParameter(STRING, "offset");
    CodeBlock.Builder withParentCases = CodeBlock.builder();
    CodeBlock.Builder parentKeyCases = CodeBlock.builder();
    CodeBlock.Builder pageForCases = CodeBlock.builder();
    for (FieldModel f : e.foreignKeys()) {
      TypeName boxed = f.type().boxedType();
      withParentCases.add("case $S -> draft.copy().$N(($T) parentKey);\n", f.name(), f.name(), boxed);
      parentKeyCases.add("case $S -> entity.$N();\n", f.name(), f.name());
      pageForCases.add("case $S -> dao.pageFor$L(($T) parentKey, size, offset);\n", f.name(), f.capitalized(),
          boxed);
    }
    boolean hasForeignKeys = !e.foreignKeys().isEmpty();
    type.addMethod(withParent.addCode(switchReturn(hasForeignKeys, withParentCases.build())).build());
    type.addMethod(parentKey.addCode(switchReturn(hasForeignKeys, parentKeyCases.build())).build());
    type.addMethod(pageFor.addCode(switchReturn(hasForeignKeys, pageForCases.build())).build());

    type.addMethod(override("parseKey", OBJECT).addParameter(STRING, "text")
        .addCode(single ? CodeBlock.of("return $L;\n", TypeCode.parse(pk.type(), CodeBlock.of("text")))
            : CodeBlock.of("throw new $T($S);\n", IllegalArgumentException.class, "composite primary key"))
        .build());
    type.addMethod(override("parseEndpointKey", OBJECT).addParameter(STRING, "text")
        .addCode(endpoint.map(f -> CodeBlock.of("return $L;\n", TypeCode.parse(f.type(), CodeBlock.of("text"))))
            .orElse(CodeBlock.of("throw new $T($S);\n", IllegalArgumentException.class, "no endpoint key")))
        .build());
    TypeName optional = ParameterizedTypeName.get(ClassName.get(Optional.class), e.type());
    type.addMethod(override("select", optional).addParameter(OBJECT, "key")
        .addCode(single ? CodeBlock.of("return dao.select(($T) key);\n", pk.type().boxedType()) : unsupported())
        .build());
    type.addMethod(override("selectByEndpointKey", optional).addParameter(OBJECT, "key")
        .addCode(endpoint.map(f -> CodeBlock.of("return dao.selectBy$L(($T) key);\n", f.capitalized(),
            f.type().boxedType())).orElse(CodeBlock.of("return $T.empty();\n", Optional.class)))
        .build());
    type.addMethod(override("page", ParameterizedTypeName.get(PAGE, e.type()))
        .addParameter(Integer.class, "size").addParameter(STRING, "offset").addParameter(TAGS, "tags")
        .addStatement(e.tagsField().isPresent() ? "return dao.page(size, offset, tags)" : "return dao.page(size, offset)")
        .build());
    type.addMethod(override("validate", e.type()).addParameter(e.draftType(), "draft")
        .addStatement("return dao.validate(draft)").build());
    type.addMethod(override("insert", e.type()).addParameter(e.draftType(), "draft")
        .addStatement("return dao.insert(draft)").build());
    type.addMethod(override("update", e.type()).addParameter(OBJECT, "key").addParameter(e.patchType(), "patch")
        .addCode(single ? CodeBlock.of("return dao.update(($T) key, patch);\n", pk.type().boxedType())
            : unsupported())
        .build());
    type.addMethod(override("upsert", e.type()).addParameter(OBJECT, "key").addParameter(e.draftType(), "draft")
        .addCode(single ? CodeBlock.of("return dao.upsert(($T) key, draft);\n", pk.type().boxedType())
            : unsupported())
        .build());
    type.addMethod(override("upsertByEndpointKey", e.type()).addParameter(OBJECT, "key")
        .addParameter(e.draftType(), "draft")
        .addCode(endpoint.map(f -> CodeBlock.of("return dao.upsertBy$L(($T) key, draft);\n", f.capitalized(),
            f.type().boxedType())).orElse(unsupported()))
        .build());
    type.addMethod(override("delete", TypeName.BOOLEAN).addParameter(OBJECT, "key")
        .addCode(single ? CodeBlock.of("return dao.delete(($T) key);\n", pk.type().boxedType()) : unsupported())
        .build());
    type.addMethod(override("count", TypeName.LONG).addStatement("return dao.count()").build());
    type.addMethod(override("keyOf", OBJECT).addParameter(e.type(), "entity")
        .addCode(single ? CodeBlock.of("return entity.$N();\n", pk.name()) : unsupported())
        .build());
    return type;
  }

  private static CodeBlock unsupported() {
    return CodeBlock.of("throw unsupported();\n");
  }

  /** {@code return switch (field) {…}} over the foreign key fields; an unknown field is a bug of the caller. */
  private static CodeBlock switchReturn(boolean hasCases, CodeBlock cases) {
    CodeBlock unknown = CodeBlock.of("throw new $T($S + field);\n", IllegalArgumentException.class,
        "no foreign key ");
    if (!hasCases) {
      return unknown;
    }
    return CodeBlock.builder().add("return switch (field) {\n").indent().add(cases).add("default -> $L", unknown)
        .unindent().add("};\n").build();
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private static CodeBlock routes(EntityModel e, PluginModel plugin) {
    List<CodeBlock> routes = new ArrayList<>();
    for (AdminRoute r : AdminRoutes.of(e, plugin)) {
      routes.add(CodeBlock.of("new $T($S, $S, $T.Operation.$L, $S, $L)", ADMIN_ROUTE, r.method(), r.path(),
          ADMIN_ROUTE, r.operation().name(), r.entity(), r.foreignField() == null ? "null"
              : CodeBlock.of("$S", r.foreignField())));
    }
    return CodeBlock.builder().add("$T.of(\n", List.class).indent()
        .add(CodeBlock.join(routes, ",\n")).unindent().add(")").build();
  }

  // ---- JSON out ----------------------------------------------------------------------------------------------

  private static List<MethodSpec> writeMethods(EntityModel e) {
    boolean ttl = e.ttl() && e.primaryKey().size() == 1;
    MethodSpec.Builder m = MethodSpec.methodBuilder("write")
        .addParameter(JSON_GENERATOR, "g")
        .addParameter(e.type(), "entity")
        .addException(IOException.class);
    if (ttl) {
      m.addModifiers(Modifier.PRIVATE)
          .addParameter(ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(Instant.class)),
              "expiresAt");
    } else {
      m.addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
    }
    m.addStatement("g.writeStartObject()");
    for (FieldModel f : e.fields()) {
      m.addStatement("g.writeFieldName($S)", f.jsonName());
      CodeBlock value = CodeBlock.of("entity.$N()", f.name());
      if (f.foreign().isPresent()) {
        m.addStatement("$T.writeForeign(g, $S, $L)", ADMIN_JSON, f.foreign().get().parentKeyJsonName(), value);
      } else if (f.type() instanceof TypeModel.Scalar s && s.kind() == ScalarKind.INSTANT) {
        m.addStatement("$T.writeTimestamp(g, $L)", ADMIN_JSON, value);
      } else if (f.type() instanceof TypeModel.CollectionType c && c.element() == ScalarKind.INSTANT) {
        m.addStatement("$T.writeList(g, $L, $T::writeTimestamp)", ClassNames.JSON, value, ADMIN_JSON);
      } else if (f.type() instanceof TypeModel.MapType map && map.value() instanceof TypeModel.Scalar s
          && s.kind() == ScalarKind.INSTANT) {
        m.addStatement("$T.writeMap(g, $L, $T::writeTimestamp)", ClassNames.JSON, value, ADMIN_JSON);
      } else {
        m.addStatement(NestedJsonGenerator.writeValue(f.type(), value));
      }
    }
    if (!ttl) {
      return List.of(m.addStatement("g.writeEndObject()").build());
    }
    String id = e.primaryKey().get(0);
    m.addStatement("g.writeFieldName($S)", "ttl")
        .addStatement("$T.writeRemaining(g, expiresAt)", ADMIN_JSON)
        .addStatement("g.writeEndObject()");
    MethodSpec one = override("write", TypeName.VOID)
        .addParameter(JSON_GENERATOR, "g")
        .addParameter(e.type(), "entity")
        .addException(IOException.class)
        .addStatement("write(g, entity, dao.expiresAt(entity.$N()))", id)
        .build();
    MethodSpec all = override("writeAll", TypeName.VOID)
        .addJavadoc("Writes a page; the expiries of all its entities come from one query.\n")
        .addParameter(JSON_GENERATOR, "g")
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), e.type()), "entities")
        .addException(IOException.class)
        .addStatement("$T<String, $T> expiries = dao.expiries(entities)", Map.class, Instant.class)
        .beginControlFlow("for ($T entity : entities)", e.type())
        .addStatement("write(g, entity, $T.ofNullable(expiries.get($T.text(entity.$N()))))", Optional.class,
            ClassNames.VALUES, id)
        .endControlFlow()
        .build();
    return List.of(one, all, m.build());
  }

  // ---- JSON in -----------------------------------------------------------------------------------------------

  private static MethodSpec readMethod(EntityModel e, boolean draft) {
    TypeName target = draft ? e.draftType() : e.patchType();
    String var = draft ? "draft" : "patch";
    MethodSpec.Builder m = override(var, target)
        .addParameter(ParameterizedTypeName.get(ClassName.get(Map.class), STRING, OBJECT), "body")
        .addParameter(TypeName.BOOLEAN, "form")
        .addParameter(FIELD_ERRORS, "errors")
        .addStatement("$T $N = new $T()", target, var, target)
        .beginControlFlow("for ($T.Entry<String, Object> field : body.entrySet())", Map.class)
        .addStatement("Object value = field.getValue()")
        .beginControlFlow("try")
        .beginControlFlow("switch (field.getKey())");
    for (FieldModel f : e.fields()) {
      if (!draft && f.primaryKey()) {
        // a body may repeat the key it was read with; the path decides which entity changes (a value of the wrong
        // type is still an error)
        m.addStatement("case $S -> $L", f.jsonName(), convert(f, CodeBlock.of("value")));
        continue;
      }
      m.addStatement("case $S -> $N.$N($L)", f.jsonName(), var, f.name(), convert(f, CodeBlock.of("value")));
    }
    if (e.ttl()) {
      m.addStatement("case $S -> $N.ttl($T.seconds(value, form))", "ttl", var, JSON_INPUT);
    }
    m.addStatement("default -> errors.add($T.abbreviate(field.getKey()), $S)", CHECKS, "unknown field")
        .endControlFlow()
        .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
        .addStatement("$T.report(errors, field.getKey(), e)", JSON_INPUT)
        .endControlFlow()
        .endControlFlow()
        .addStatement("return $N", var);
    return m.build();
  }

  private static CodeBlock convert(FieldModel f, CodeBlock value) {
    if (f.foreign().isPresent()) {
      CodeBlock key = CodeBlock.of("$T.foreign($L, $S)", JSON_INPUT, value, f.foreign().get().parentKeyJsonName());
      return convert(f.type(), key);
    }
    return convert(f.type(), value);
  }

  /** Converts a value of a parsed request body ({@code form}: a form body) to a type, for admin input. */
  static CodeBlock convert(TypeModel type, CodeBlock v) {
    if (type instanceof TypeModel.Scalar s) {
      return switch (s.kind()) {
        case STRING -> CodeBlock.of("$T.string($L)", JSON_INPUT, v);
        case UUID -> CodeBlock.of("$T.uuid($L)", JSON_INPUT, v);
        case INT -> CodeBlock.of("$T.integer($L, form)", JSON_INPUT, v);
        case LONG -> CodeBlock.of("$T.bigint($L, form)", JSON_INPUT, v);
        case DOUBLE -> CodeBlock.of("$T.number($L, form)", JSON_INPUT, v);
        case DECIMAL -> CodeBlock.of("$T.decimal($L, form)", JSON_INPUT, v);
        case BOOLEAN -> CodeBlock.of("$T.bool($L, form)", JSON_INPUT, v);
        case INSTANT -> CodeBlock.of("$T.instant($L, form)", JSON_INPUT, v);
        case LOCAL_DATE -> CodeBlock.of("$T.date($L)", JSON_INPUT, v);
      };
    }
    if (type instanceof TypeModel.EnumType en) {
      return CodeBlock.of("$T.enumValue($L, $T.class)", JSON_INPUT, v, en.type());
    }
    if (type instanceof TypeModel.CollectionType c) {
      return CodeBlock.of("$T.$L($L, form, x -> $L)", JSON_INPUT, c.set() ? "set" : "list", v,
          convert(new TypeModel.Scalar(c.element(), false), CodeBlock.of("x")));
    }
    if (type instanceof TypeModel.NestedRecord r) {
      return CodeBlock.of("$T.input($L, form)", NestedJsonGenerator.codecType(r.type()), v);
    }
    TypeModel.MapType map = (TypeModel.MapType) type;
    return CodeBlock.of("$T.map($L, x -> $L)", JSON_INPUT, v, convert(map.value(), CodeBlock.of("x")));
  }

}
