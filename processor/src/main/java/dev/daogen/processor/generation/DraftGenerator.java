package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.FIELD_VALUES;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code EDraft}: fluent values for insert and upsert over the runtime's {@code FieldValues} (one slot per
 * component); what is not set gets its auto value or default.
 */
public final class DraftGenerator extends EntitySourceGenerator {
  public DraftGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    TypeSpec.Builder type = TypeSpec.classBuilder(e.draftType())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(FIELD_VALUES, e.draftType()))
        .addJavadoc("Values of a new {@link $T} for {@link $T#insert} and the upserts. What is not set is filled by "
            + "the DAO: {@code @Auto} values, then {@code @Default} values.\n", e.type(), e.daoType())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("An empty draft.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("super($L, $T::new)", e.fields().size(), e.draftType())
            .build());
    MethodSpec.Builder of = MethodSpec.methodBuilder("of")
        .addJavadoc("A draft holding every value of {@code entity}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(e.draftType())
        .addParameter(e.type(), "entity");
    List<CodeBlock> sets = new java.util.ArrayList<>();
    List<FieldModel> fields = e.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldModel f = fields.get(i);
      sets.add(CodeBlock.of(".$N(entity.$N())", f.name(), f.name()));
      setterAndGetter(type, e.draftType(), f, i, note(f));
    }
    type.addMethod(of.addStatement("return new $T()$L", e.draftType(), CodeBlock.join(sets, "")).build());
    if (e.ttl()) {
      ttl(type, e.draftType());
    }
    return type;
  }

  /** A typed setter and getter of component {@code index}. */
  static void setterAndGetter(TypeSpec.Builder type, ClassName self, FieldModel f, int index, String note) {
    type.addMethod(MethodSpec.methodBuilder(f.name())
        .addJavadoc("Sets {@code $L}$L.\n", f.jsonName(), note)
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(f.type().boxedType(), f.name())
        .addStatement("return set($L, $N)", index, f.name())
        .build());
    type.addMethod(MethodSpec.methodBuilder(f.name())
        .addJavadoc("The value of {@code $L}, or null when not set.\n", f.jsonName())
        .addModifiers(Modifier.PUBLIC)
        .returns(f.type().boxedType())
        .addStatement("return get($L)", index)
        .build());
  }

  /** {@code ttl(Duration)} and {@code ttl()} for ttl entities. */
  static void ttl(TypeSpec.Builder type, ClassName self) {
    TypeName duration = ClassName.get(java.time.Duration.class);
    type.addMethod(MethodSpec.methodBuilder("ttl")
        .addJavadoc("Sets the time to live (null or zero: never expires).\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(self)
        .addParameter(duration, "ttl")
        .addStatement("return setTtl(ttl)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("ttl")
        .addJavadoc("The time to live, or null when not set.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(duration)
        .addStatement("return timeToLive()")
        .build());
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
