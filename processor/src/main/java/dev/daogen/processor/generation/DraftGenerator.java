package dev.daogen.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/** Generates {@code EDraft}: fluent values for insert and upsert; what is not set gets its auto value or default. */
public final class DraftGenerator extends EntitySourceGenerator {
  public DraftGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    TypeSpec.Builder type = TypeSpec.classBuilder(e.draftType())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Values of a new {@link $T} for {@link $T#insert} and the upserts.\n\n", e.type(), e.daoType())
        .addJavadoc("<p>What is not set is filled by the DAO: {@code @Auto} values, then {@code @Default} values; a "
            + "required value that is missing is a schema violation.\n")
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("An empty draft.\n")
            .addModifiers(Modifier.PUBLIC)
            .build());
    MethodSpec.Builder of = MethodSpec.methodBuilder("of")
        .addJavadoc("A draft holding every value of {@code entity}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(e.draftType())
        .addParameter(e.type(), "entity")
        .addStatement("$T draft = new $T()", e.draftType(), e.draftType());
    MethodSpec.Builder copy = MethodSpec.methodBuilder("copy")
        .addJavadoc("A copy of this draft.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(e.draftType())
        .addStatement("$T copy = new $T()", e.draftType(), e.draftType());
    for (FieldModel f : e.fields()) {
      type.addField(FieldSpec.builder(f.type().boxedType(), f.name(), Modifier.PRIVATE).build());
      type.addMethod(MethodSpec.methodBuilder(f.name())
          .addJavadoc("Sets {@code $L}$L.\n\n@return this draft\n", f.jsonName(), note(f))
          .addModifiers(Modifier.PUBLIC)
          .returns(e.draftType())
          .addParameter(f.type().boxedType(), f.name())
          .addStatement("this.$N = $N", f.name(), f.name())
          .addStatement("return this")
          .build());
      type.addMethod(MethodSpec.methodBuilder(f.name())
          .addJavadoc("The value of {@code $L}, or {@code null} when not set.\n", f.jsonName())
          .addModifiers(Modifier.PUBLIC)
          .returns(f.type().boxedType())
          .addStatement("return $N", f.name())
          .build());
      of.addStatement("draft.$N = entity.$N()", f.name(), f.name());
      copy.addStatement("copy.$N = $N", f.name(), f.name());
    }
    if (e.ttl()) {
      TypeName duration = ClassName.get(java.time.Duration.class);
      type.addField(FieldSpec.builder(duration, "ttl", Modifier.PRIVATE).build());
      type.addMethod(MethodSpec.methodBuilder("ttl")
          .addJavadoc("Sets the time to live of the entity (null or zero: it never expires).\n\n@return this draft\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(e.draftType())
          .addParameter(duration, "ttl")
          .addStatement("this.ttl = ttl")
          .addStatement("return this")
          .build());
      type.addMethod(MethodSpec.methodBuilder("ttl")
          .addJavadoc("The time to live, or {@code null} when not set.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(duration)
          .addStatement("return ttl")
          .build());
      copy.addStatement("copy.ttl = ttl");
    }
    type.addMethod(of.addStatement("return draft").build());
    type.addMethod(copy.addStatement("return copy").build());
    return type;
  }

  private static String note(FieldModel f) {
    if (f.auto() != AutoKind.NONE) {
      return " (optional: generated when absent)";
    }
    if (f.defaultValue().isPresent()) {
      return CodeBlock.of(" (optional: defaults to {@code $L})", f.defaultValue().get()).toString();
    }
    return f.nullable() ? " (optional)" : " (required)";
  }
}
