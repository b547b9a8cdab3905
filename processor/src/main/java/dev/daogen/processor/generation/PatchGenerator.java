package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.FIELD_VALUES;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EPatch}: a partial update that tells "not set" (left as stored) from "set to null" (cleared), over
 * the runtime's {@code FieldValues}. Primary key components are not part of a patch.
 */
public final class PatchGenerator extends EntitySourceGenerator {
  public PatchGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    TypeSpec.Builder type = TypeSpec.classBuilder(e.patchType())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(FIELD_VALUES, e.patchType()))
        .addJavadoc("A partial update of a {@link $T} for {@link $T#update} and the {@code updateBy…} methods: only "
            + "what is set changes; setting {@code null} clears a nullable value.\n", e.type(), e.daoType())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("An empty patch: changes nothing.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("super($L, $T::new)", e.fields().size(), e.patchType())
            .build());
    List<FieldModel> fields = e.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldModel f = fields.get(i);
      if (f.primaryKey()) {
        continue;
      }
      DraftGenerator.setterAndGetter(type, e.patchType(), f, i,
          f.immutable() ? " (immutable: an update may only repeat the stored value)" : "");
      type.addMethod(MethodSpec.methodBuilder("has" + f.capitalized())
          .addJavadoc("Whether {@code $L} is set (possibly to null).\n", f.jsonName())
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return has($L)", i)
          .build());
    }
    if (e.ttl()) {
      DraftGenerator.ttl(type, e.patchType());
      type.addMethod(MethodSpec.methodBuilder("hasTtl")
          .addJavadoc("Whether the time to live is set.\n")
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.BOOLEAN)
          .addStatement("return hasTimeToLive()")
          .build());
    }
    return type;
  }
}
