package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.JSON;
import static dev.daogen.processor.generation.ClassNames.JSON_GENERATOR;
import static dev.daogen.processor.generation.ClassNames.JSON_PARSER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.TypeModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/** Generates the streaming JSON codec of a nested record stored as jsonb ({@code AddressJson}). */
public final class NestedJsonGenerator extends SourceGenerator<NestedJsonGenerator.Input> {

  /** A nested record type and the entity component that first uses it. */
  public record Input(TypeModel.NestedRecord record, Element origin) {}

  public NestedJsonGenerator(Filer filer) {
    super(filer);
  }

  /** {@code Outer.Address} → {@code Outer_AddressJson}, in the record's package. */
  public static ClassName codecType(ClassName record) {
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "Json");
  }

  @Override
  protected String packageName(Input input) {
    return input.record().type().packageName();
  }

  @Override
  protected Element originatingElement(Input input) {
    return input.origin();
  }

  @Override
  protected TypeSpec.Builder write(Input input) {
    TypeModel.NestedRecord r = input.record();
    return TypeSpec.classBuilder(codecType(r.type()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("JSON codec of {@link $T}, stored in jsonb columns; streaming, without reflection.\n", r.type())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(writeMethod(r))
        .addMethod(readMethod(r))
        .addMethod(inputMethod(r));
  }

  private static MethodSpec writeMethod(TypeModel.NestedRecord r) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("write")
        .addJavadoc("Writes a value as a JSON object, or {@code null}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addParameter(JSON_GENERATOR, "g")
        .addParameter(r.type(), "value")
        .addException(IOException.class)
        .beginControlFlow("if (value == null)")
        .addStatement("g.writeNull()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("g.writeStartObject()");
    for (TypeModel.NestedField f : r.fields()) {
      m.addStatement("g.writeFieldName($S)", f.jsonName());
      m.addStatement(writeValue(f.type(), CodeBlock.of("value.$N()", f.name())));
    }
    return m.addStatement("g.writeEndObject()").build();
  }

  /** Writes one value of a type to generator {@code g}. */
  static CodeBlock writeValue(TypeModel type, CodeBlock value) {
    if (type instanceof TypeModel.NestedRecord r) {
      return CodeBlock.of("$T.write(g, $L)", codecType(r.type()), value);
    }
    if (type instanceof TypeModel.MapType map) {
      return CodeBlock.of("$T.writeMap(g, $L, $L)", JSON, value, TypeCode.jsonWriter(map.value()));
    }
    if (type instanceof TypeModel.CollectionType) {
      return CodeBlock.of("$T.writeList(g, $L, $T::writeScalar)", JSON, value, JSON);
    }
    return CodeBlock.of("$T.writeScalar(g, $L)", JSON, value);
  }

  /** Reads one value of a type from parser {@code p}. */
  static CodeBlock readValue(TypeModel type) {
    if (type instanceof TypeModel.NestedRecord r) {
      return CodeBlock.of("$T.read(p)", codecType(r.type()));
    }
    if (type instanceof TypeModel.MapType map) {
      return CodeBlock.of("$T.readMap(p, $L)", JSON, TypeCode.jsonReader(map.value()));
    }
    if (type instanceof TypeModel.CollectionType c) {
      return CodeBlock.of("$T.$L(p, $L)", JSON, c.set() ? "readSet" : "readList",
          TypeCode.jsonReader(new TypeModel.Scalar(c.element(), false)));
    }
    if (type instanceof TypeModel.EnumType e) {
      return CodeBlock.of("$T.readEnum(p, $T.class)", JSON, e.type());
    }
    return CodeBlock.of("$T.read$L(p)", JSON, TypeCode.suffix(((TypeModel.Scalar) type).kind()));
  }

  private static MethodSpec readMethod(TypeModel.NestedRecord r) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads a value from the parser's current token (an object or {@code null}); unknown fields are "
            + "skipped.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(r.type())
        .addParameter(JSON_PARSER, "p")
        .addException(IOException.class)
        .beginControlFlow("if (!$T.startObject(p))", JSON)
        .addStatement("return null")
        .endControlFlow();
    for (TypeModel.NestedField f : r.fields()) {
      m.addStatement("$T $N = null", f.type().boxedType(), f.name());
    }
    m.beginControlFlow("for (String name = $T.nextField(p); name != null; name = $T.nextField(p))", JSON, JSON)
        .beginControlFlow("switch (name)");
    for (TypeModel.NestedField f : r.fields()) {
      m.addStatement("case $S -> $N = $L", f.jsonName(), f.name(), readValue(f.type()));
    }
    m.addStatement("default -> p.skipChildren()").endControlFlow().endControlFlow();
    List<CodeBlock> args = new ArrayList<>();
    for (TypeModel.NestedField f : r.fields()) {
      if (f.type().javaType().isPrimitive()) {
        args.add(CodeBlock.of("$T.requireNonNullElse($N, $L)", Objects.class, f.name(), zero(f.type().javaType())));
      } else {
        args.add(CodeBlock.of("$N", f.name()));
      }
    }
    return m.addStatement("return new $T($L)", r.type(), CodeBlock.join(args, ", ")).build();
  }

  /**
   * Converts admin input (a parsed JSON or form body) strictly: unknown fields, missing required fields and values
   * of the wrong type are field errors, reported together under the record's field. (Reading stored jsonb stays
   * lenient, so that stored values survive changes of the record.)
   */
  private static MethodSpec inputMethod(TypeModel.NestedRecord r) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("input")
        .addJavadoc("Converts admin input (JSON or form values; {@code form}: numbers may be text); unknown, missing "
            + "and\nmistyped fields are reported together.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(r.type())
        .addParameter(Object.class, "v")
        .addParameter(com.palantir.javapoet.TypeName.BOOLEAN, "form")
        .beginControlFlow("if (v == null)")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T<String, Object> in = $T.object(v)", java.util.Map.class, AdminGenerator.JSON_INPUT)
        .addStatement("$T errors = new $T()", ClassNames.FIELD_ERRORS, ClassNames.FIELD_ERRORS);
    for (TypeModel.NestedField f : r.fields()) {
      m.addStatement("$T $N = null", f.type().boxedType(), f.name());
    }
    m.beginControlFlow("for ($T.Entry<String, Object> field : in.entrySet())", java.util.Map.class)
        .addStatement("Object value = field.getValue()")
        .beginControlFlow("try")
        .beginControlFlow("switch (field.getKey())");
    for (TypeModel.NestedField f : r.fields()) {
      m.addStatement("case $S -> $N = $L", f.jsonName(), f.name(),
          AdminGenerator.convert(f.type(), CodeBlock.of("value")));
    }
    m.addStatement("default -> errors.add($T.abbreviate(field.getKey()), $S)", ClassNames.CHECKS, "unknown field")
        .endControlFlow()
        .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
        .addStatement("$T.report(errors, field.getKey(), e)", AdminGenerator.JSON_INPUT)
        .endControlFlow()
        .endControlFlow();
    for (TypeModel.NestedField f : r.fields()) {
      if (!f.nullable()) {
        m.beginControlFlow("if ($N == null && !errors.has($S))", f.name(), f.jsonName())
            .addStatement("errors.add($S, $T.REQUIRED)", f.jsonName(), ClassNames.CHECKS)
            .endControlFlow();
      }
    }
    m.addStatement("$T.throwIfAny(errors)", AdminGenerator.JSON_INPUT);
    List<CodeBlock> args = new ArrayList<>();
    for (TypeModel.NestedField f : r.fields()) {
      args.add(CodeBlock.of("$N", f.name()));
    }
    return m.addStatement("return new $T($L)", r.type(), CodeBlock.join(args, ", ")).build();
  }

  private static String zero(com.palantir.javapoet.TypeName primitive) {
    if (primitive.equals(com.palantir.javapoet.TypeName.BOOLEAN)) {
      return "false";
    }
    if (primitive.equals(com.palantir.javapoet.TypeName.LONG)) {
      return "0L";
    }
    return primitive.equals(com.palantir.javapoet.TypeName.DOUBLE) ? "0.0" : "0";
  }
}
