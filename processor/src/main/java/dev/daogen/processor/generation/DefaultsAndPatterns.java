package dev.daogen.processor.generation;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/** The constants a mapping's validation uses: typed {@code @Default} values and compiled {@code @Pattern}s. */
final class DefaultsAndPatterns {
  private DefaultsAndPatterns() {}

  static void add(TypeSpec.Builder type, EntityModel e) {
    for (FieldModel f : e.fields()) {
      f.defaultValue().ifPresent(literal -> type.addField(
          FieldSpec.builder(f.type().boxedType(), defaultName(f), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(TypeCode.literal(f.type(), literal))
              .build()));
    }
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

  static String defaultName(FieldModel f) {
    return "DEFAULT_" + f.column().toUpperCase(Locale.ROOT);
  }

  static String patternName(FieldModel f) {
    return "PATTERN_" + f.column().toUpperCase(Locale.ROOT);
  }
}
