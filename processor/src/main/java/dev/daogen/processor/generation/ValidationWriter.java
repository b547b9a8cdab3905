package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.AUTOS;
import static dev.daogen.processor.generation.ClassNames.CHECKS;
import static dev.daogen.processor.generation.ClassNames.FIELD_ERRORS;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.EntityCheckModel;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes a mapping's {@code build} (draft → entity: auto values, defaults, every check), {@code merge} (patch →
 * entity: only what changes, and the entity checks) and one {@code checkX} method per checked field.
 */
final class ValidationWriter {
  private final EntityModel e;
  private final TypeSpec.Builder type;
  private final List<FieldModel> key;

  ValidationWriter(EntityModel e, TypeSpec.Builder type) {
    this.e = e;
    this.type = type;
    this.key = e.primaryKeyFields();
  }

  void write() {
    buildMethod();
    mergeMethod();
    checkMethods();
  }

  private static CodeBlock args(List<FieldModel> fields) {
    return CodeBlock.join(fields.stream().map(f -> CodeBlock.of("$N", f.name())).toList(), ", ");
  }

  private static String defaultName(FieldModel f) {
    return DefaultsAndPatterns.defaultName(f);
  }

  private static String patternName(FieldModel f) {
    return DefaultsAndPatterns.patternName(f);
  }

  // ---- building, merging, validating -------------------------------------------------------------------

  private boolean usesNow() {
    return e.fields().stream().anyMatch(f -> f.auto() == AutoKind.CREATED_AT || f.auto() == AutoKind.UPDATED_AT);
  }

  private void buildMethod() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("build")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(e.type())
        .addParameter(e.draftType(), "draft")
        .addParameter(e.type(), "old");
    if (usesNow()) {
      m.addStatement("$T now = $T.now()", Instant.class, AUTOS);
    }
    m.addStatement("$T errors = new $T()", FIELD_ERRORS, FIELD_ERRORS);
    for (FieldModel f : e.fields()) {
      CodeBlock given = CodeBlock.of("draft.$N()", f.name());
      CodeBlock value = switch (f.auto()) {
        case UUID -> CodeBlock.of("$L != null ? $L : $T.uuid()", given, given, AUTOS);
        case RANDOM_STRING -> CodeBlock.of("$L != null ? $L : $T.randomString()", given, given, AUTOS);
        case CREATED_AT -> CodeBlock.of("old != null ? old.$N() : $L != null ? $L : now", f.name(), given, given);
        case UPDATED_AT -> CodeBlock.of("$L != null ? $L : now", given, given);
        case NONE -> f.defaultValue().isPresent()
            ? CodeBlock.of("$L != null ? $L : $L", given, given, defaultName(f))
            : given;
      };
      m.addStatement("$T $N = $L", f.type().boxedType(), f.name(), value);
    }
    for (FieldModel f : e.fields()) {
      if (hasCheck(f)) {
        m.addStatement("check$L(errors, $N)", f.capitalized(), f.name());
      }
    }
    List<FieldModel> immutables = e.valueFields().stream().filter(FieldModel::immutable).toList();
    if (!immutables.isEmpty()) {
      m.beginControlFlow("if (old != null)");
      for (FieldModel f : immutables) {
        m.beginControlFlow("if (!$T.equals($N, old.$N()))", Objects.class, f.name(), f.name())
            .addStatement("errors.add($S, $T.IMMUTABLE)", f.jsonName(), CHECKS)
            .endControlFlow();
      }
      m.endControlFlow();
    }
    entityChecks(m);
    m.addStatement("errors.throwIfAny()");
    m.addStatement("return new $T($L)", e.type(), args(e.fields()));
    type.addMethod(m.build());
  }

  private void mergeMethod() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("merge")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(e.type())
        .addParameter(e.type(), "old")
        .addParameter(e.patchType(), "patch");
    m.addStatement("$T errors = new $T()", FIELD_ERRORS, FIELD_ERRORS);
    for (FieldModel f : key) {
      m.addStatement("$T $N = old.$N()", f.type().boxedType(), f.name(), f.name());
    }
    for (FieldModel f : e.valueFields()) {
      String has = "patch.has" + f.capitalized() + "()";
      // a primitive component is boxed here, or the conditional would unbox a null from the patch
      CodeBlock otherwise = f.auto() == AutoKind.UPDATED_AT
          ? CodeBlock.of("$T.now()", AUTOS)
          : f.type().javaType().isPrimitive()
              ? CodeBlock.of("($T) old.$N()", f.type().boxedType(), f.name())
              : CodeBlock.of("old.$N()", f.name());
      m.addStatement("$T $N = $L ? patch.$N() : $L", f.type().boxedType(), f.name(), has, f.name(), otherwise);
      if (!f.nullable() && !f.required()) {
        // auto and default values are filled on insert only: clearing one is a missing required value
        m.beginControlFlow("if ($L && $N == null)", has, f.name())
            .addStatement("errors.add($S, $T.REQUIRED)", f.jsonName(), CHECKS)
            .endControlFlow();
      }
      if (hasCheck(f)) {
        m.beginControlFlow("if ($L)", has).addStatement("check$L(errors, $N)", f.capitalized(), f.name())
            .endControlFlow();
      }
      if (f.immutable()) {
        m.beginControlFlow("if ($L && !$T.equals($N, old.$N()))", has, Objects.class, f.name(), f.name())
            .addStatement("errors.add($S, $T.IMMUTABLE)", f.jsonName(), CHECKS)
            .endControlFlow();
      }
    }
    entityChecks(m);
    m.addStatement("errors.throwIfAny()");
    m.addStatement("return new $T($L)", e.type(), args(e.fields()));
    type.addMethod(m.build());
  }

  private void entityChecks(MethodSpec.Builder m) {
    for (EntityCheckModel check : e.checks()) {
      String method = switch (check.kind()) {
        case AT_LEAST_ONE_OF -> "atLeastOneOf";
        case ONLY_ONE_OF -> "onlyOneOf";
        case MUTUALLY_REQUIRED -> "mutuallyRequired";
        case MUTUALLY_EXCLUSIVE -> "mutuallyExclusive";
      };
      List<FieldModel> fields = check.fields().stream().map(e::field).toList();
      String names = fields.stream().map(f -> "'" + f.jsonName() + "'").collect(Collectors.joining(", "));
      m.addStatement("$T.$L(errors, $S, $L)", CHECKS, method, names, args(fields));
    }
  }

  private boolean hasCheck(FieldModel f) {
    return f.required() || !f.constraints().isEmpty() || indexedString(f);
  }

  /** A string an index holds: bounded, as the admin API's schema says (a btree entry has a size limit). */
  private boolean indexedString(FieldModel f) {
    boolean string = f.type() instanceof TypeModel.Scalar sc && sc.kind() == ScalarKind.STRING;
    return string && (f.primaryKey() || f.unique() || f.indexed() || e.cacheKey().contains(f.name()));
  }

  /** Whether the field's own {@code @Size} already keeps it within the index bound (no second check then). */
  private static boolean boundedBySize(FieldModel f) {
    return f.constraints().stream().anyMatch(c -> c.kind() == ConstraintModel.Kind.SIZE && c.max().isPresent()
        && c.max().get() <= dev.daogen.schema.FieldSchema.MAX_INDEXED_STRING_LENGTH);
  }

  private void checkMethods() {
    for (FieldModel f : e.fields()) {
      if (!hasCheck(f)) {
        continue;
      }
      MethodSpec.Builder m = MethodSpec.methodBuilder("check" + f.capitalized())
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(FIELD_ERRORS, "errors")
          .addParameter(f.type().boxedType(), "value");
      String name = f.jsonName();
      boolean more = !f.constraints().isEmpty() || indexedString(f);
      if (f.required() && more) {
        m.beginControlFlow("if (!$T.required(errors, $S, value))", CHECKS, name).addStatement("return")
            .endControlFlow();
      } else if (f.required()) {
        m.addStatement("$T.required(errors, $S, value)", CHECKS, name);
      }
      for (ConstraintModel c : f.constraints()) {
        switch (c.kind()) {
          case SIZE -> m.addStatement("$T.size(errors, $S, value, $LL, $LL)", CHECKS, name, c.min().orElse(0L),
              c.max().orElse((long) Integer.MAX_VALUE));
          case MIN -> m.addStatement("$T.min(errors, $S, value, $LL)", CHECKS, name, c.min().orElseThrow());
          case MAX -> m.addStatement("$T.max(errors, $S, value, $LL)", CHECKS, name, c.max().orElseThrow());
          case POSITIVE -> m.addStatement("$T.positive(errors, $S, value)", CHECKS, name);
          case PATTERN -> m.addStatement("$T.pattern(errors, $S, value, $L)", CHECKS, name, patternName(f));
          case NOT_BLANK -> m.addStatement("$T.notBlank(errors, $S, value)", CHECKS, name);
          case EMAIL -> m.addStatement("$T.email(errors, $S, value)", CHECKS, name);
        }
      }
      if (indexedString(f) && !boundedBySize(f)) {
        m.addStatement("$T.size(errors, $S, value, 0L, $LL)", CHECKS, name,
            dev.daogen.schema.FieldSchema.MAX_INDEXED_STRING_LENGTH);
      }
      type.addMethod(m.build());
    }
  }
}
