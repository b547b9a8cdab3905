package dev.daogen.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EPatch}: a partial update that tells "not set" (left as stored) from "set to null" (cleared).
 * Primary key components are not part of a patch.
 */
public final class PatchGenerator extends EntitySourceGenerator {
  public PatchGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    TypeSpec.Builder type = TypeSpec.classBuilder(e.patchType())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("A partial update of a {@link $T} for {@link $T#update} and the {@code updateBy…} methods.\n\n",
            e.type(), e.daoType())
        .addJavadoc("<p>Only what is set changes; setting {@code null} clears a nullable value.\n")
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("An empty patch: changes nothing.\n")
            .addModifiers(Modifier.PUBLIC)
            .build());
    List<CodeBlock> anySet = new ArrayList<>();
    for (FieldModel f : e.valueFields()) {
      String flag = f.name() + "Set";
      type.addField(FieldSpec.builder(f.type().boxedType(), f.name(), Modifier.PRIVATE).build());
      type.addField(FieldSpec.builder(TypeName.BOOLEAN, flag, Modifier.PRIVATE).build());
      type.addMethod(MethodSpec.methodBuilder(f.name())
          .addJavadoc("Sets {@code $L}$L.\n\n@return this patch\n", f.jsonName(),
              f.immutable() ? " (immutable: an update may only repeat the stored value)" : "")
          .addModifiers(Modifier.PUBLIC)
          .returns(e.patchType())
          .addParameter(f.type().boxedType(), f.name())
          .addStatement("this.$N = $N", f.name(), f.name())
          .addStatement("this.$N = true", flag)
          .addStatement("return this")
          .build());
      type.addMethod(MethodSpec.methodBuilder("has" + f.capitalized())
          .addJavadoc("Whether {@code $L} is set (possibly to null).\n", f.jsonName())
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return $N", flag)
          .build());
      type.addMethod(MethodSpec.methodBuilder(f.name())
          .addJavadoc("The new value of {@code $L}; meaningful only when {@link #has$L()}.\n", f.jsonName(),
              f.capitalized())
          .addModifiers(Modifier.PUBLIC)
          .returns(f.type().boxedType())
          .addStatement("return $N", f.name())
          .build());
      anySet.add(CodeBlock.of("$N", flag));
    }
    if (e.ttl()) {
      TypeName duration = ClassName.get(java.time.Duration.class);
      type.addField(FieldSpec.builder(duration, "ttl", Modifier.PRIVATE).build());
      type.addField(FieldSpec.builder(TypeName.BOOLEAN, "ttlSet", Modifier.PRIVATE).build());
      type.addMethod(MethodSpec.methodBuilder("ttl")
          .addJavadoc("Sets a new time to live (null or zero: never expires).\n\n@return this patch\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(e.patchType())
          .addParameter(duration, "ttl")
          .addStatement("this.ttl = ttl")
          .addStatement("this.ttlSet = true")
          .addStatement("return this")
          .build());
      type.addMethod(MethodSpec.methodBuilder("hasTtl")
          .addJavadoc("Whether the time to live is set.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return ttlSet")
          .build());
      type.addMethod(MethodSpec.methodBuilder("ttl")
          .addJavadoc("The new time to live; meaningful only when {@link #hasTtl()}.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(duration)
          .addStatement("return ttl")
          .build());
      anySet.add(CodeBlock.of("ttlSet"));
    }
    type.addMethod(MethodSpec.methodBuilder("isEmpty")
        .addJavadoc("Whether nothing is set.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.BOOLEAN)
        .addStatement("return $L", anySet.isEmpty() ? CodeBlock.of("true")
            : CodeBlock.of("!($L)", CodeBlock.join(anySet, " || ")))
        .build());
    return type;
  }
}
