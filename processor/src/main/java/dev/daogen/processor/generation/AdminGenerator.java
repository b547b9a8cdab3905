package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.DATABASE;
import static dev.daogen.processor.generation.ClassNames.FIELD_VALUES;
import static dev.daogen.processor.generation.ClassNames.JSON_GENERATOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.processor.sql.SqlNames;
import dev.daogen.schema.AdminRoute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    Optional<FieldModel> endpoint = e.endpointKey().map(e::field);
    ClassName mapping = MappingGenerator.mappingType(e);
    CodeBlock endpointLookup = endpoint.map(f -> f.primaryKey()
            ? CodeBlock.of("$T.$L", mapping, SqlNames.PRIMARY_KEY)
            : CodeBlock.of("$T.$L", mapping, SqlNames.lookupBy(f)))
        .orElse(CodeBlock.of("null"));
    return TypeSpec.classBuilder(adminType(e))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(ENTITY_ADMIN, e.type(), e.draftType(), e.patchType()))
        .addJavadoc("The admin API binding of {@code $L} ({@link $T}): its routes and the JSON of its fields.\n",
            e.name(), e.type())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), ADMIN_ROUTE), "ROUTES",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(routes(e, input.plugin()))
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Binds the entity's DAO of {@code db}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(DATABASE, "db")
            .addStatement("super(db.dao($T.class), $T::new, $T::new, $L)", e.daoType(), e.draftType(),
                e.patchType(), endpointLookup)
            .build())
        .addMethod(override("routes", ParameterizedTypeName.get(ClassName.get(List.class), ADMIN_ROUTE))
            .addStatement("return ROUTES").build())
        .addMethod(writeFields(e))
        .addMethod(readField(e))
        .addMethod(override("parseEndpointKey", OBJECT).addParameter(STRING, "text")
            .addCode(endpoint.map(f -> CodeBlock.of("return $L;\n", TypeCode.parse(f.type(), CodeBlock.of("text"))))
                .orElse(CodeBlock.of("throw new $T($S);\n", IllegalArgumentException.class, "no endpoint key")))
            .build());
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

  private static MethodSpec writeFields(EntityModel e) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("writeFields")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(JSON_GENERATOR, "g")
        .addParameter(e.type(), "entity")
        .addException(IOException.class);
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
    return m.build();
  }

  // ---- JSON in -----------------------------------------------------------------------------------------------

  /** One switch reads a field into a draft or a patch (a patch ignores the key it repeats, once type-checked). */
  private static MethodSpec readField(EntityModel e) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("readField")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(TypeName.BOOLEAN)
        .addParameter(ParameterizedTypeName.get(FIELD_VALUES, WildcardTypeName.subtypeOf(Object.class)), "values")
        .addParameter(STRING, "field")
        .addParameter(OBJECT, "value")
        .addParameter(TypeName.BOOLEAN, "form")
        .beginControlFlow("switch (field)");
    List<FieldModel> fields = e.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldModel f = fields.get(i);
      m.addStatement("case $S -> values.setComponent($L, $L)", f.jsonName(), i, convert(f, CodeBlock.of("value")));
    }
    if (e.ttl()) {
      m.addStatement("case $S -> values.setTimeToLive($T.seconds(value, form))", "ttl", JSON_INPUT);
    }
    m.beginControlFlow("default ->").addStatement("return false").endControlFlow()
        .endControlFlow()
        .addStatement("return true");
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
