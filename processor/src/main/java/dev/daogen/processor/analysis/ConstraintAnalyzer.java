package dev.daogen.processor.analysis;

import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.RecordComponentElement;

/**
 * Reads the Jakarta Bean Validation constraints of a component (by qualified name: the processor does not depend on
 * Jakarta) and checks that each applies to the component's type.
 */
final class ConstraintAnalyzer {
  private final Reporter reporter;
  private final AnnotationSupport annotations;

  ConstraintAnalyzer(Reporter reporter, AnnotationSupport annotations) {
    this.reporter = reporter;
    this.annotations = annotations;
  }

  /** The constraints, or empty after reporting a problem with one of them. */
  Optional<List<ConstraintModel>> analyze(RecordComponentElement component, String label, TypeModel type) {
    List<ConstraintModel> out = new ArrayList<>();
    boolean ok = true;
    for (AnnotationMirror mirror : AnnotationSupport.allAnnotations(component)) {
      ConstraintModel.Kind kind = kindOf(AnnotationSupport.qualifiedName(mirror));
      if (kind == null) {
        continue;
      }
      String appliesTo = appliesTo(kind);
      if (!applies(kind, type)) {
        reporter.error(
            Messages.constraintNotApplicable(AnnotationSupport.simpleName(mirror), label,
                DefaultLiteralChecker.describe(type), appliesTo),
            component, mirror);
        ok = false;
        continue;
      }
      Optional<ConstraintModel> model = model(kind, mirror, component);
      if (model.isEmpty()) {
        ok = false;
      } else {
        out.add(model.get());
      }
    }
    return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
  }

  private Optional<ConstraintModel> model(ConstraintModel.Kind kind, AnnotationMirror mirror, RecordComponentElement c) {
    Optional<Long> none = Optional.empty();
    switch (kind) {
      case SIZE: {
        long min = ((Number) annotations.value(mirror, "min").getValue()).longValue();
        long max = ((Number) annotations.value(mirror, "max").getValue()).longValue();
        if (min < 0 || max < 0 || min > max) {
          AnnotationValue at = AnnotationSupport.explicitValue(mirror, min < 0 || min > max ? "min" : "max");
          reporter.error(Messages.sizeInvalid(min, max), c, mirror, at);
          return Optional.empty();
        }
        return Optional.of(new ConstraintModel(kind,
            min > 0 ? Optional.of(min) : none,
            max < Integer.MAX_VALUE ? Optional.of(max) : none,
            Optional.empty()));
      }
      case MIN:
        return Optional.of(new ConstraintModel(kind, Optional.of(longValue(mirror)), none, Optional.empty()));
      case MAX:
        return Optional.of(new ConstraintModel(kind, none, Optional.of(longValue(mirror)), Optional.empty()));
      case PATTERN:
      case EMAIL: {
        String regexp = annotations.string(mirror, "regexp");
        if (kind == ConstraintModel.Kind.EMAIL && regexp.equals(".*")) {
          return Optional.of(new ConstraintModel(kind, none, none, Optional.empty()));
        }
        try {
          Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
          reporter.error(Messages.patternInvalid(regexp, e.getDescription() + " near index " + e.getIndex()),
              c, mirror, AnnotationSupport.explicitValue(mirror, "regexp"));
          return Optional.empty();
        }
        return Optional.of(new ConstraintModel(kind, none, none, Optional.of(regexp)));
      }
      default:
        return Optional.of(new ConstraintModel(kind, none, none, Optional.empty()));
    }
  }

  private long longValue(AnnotationMirror mirror) {
    return ((Number) annotations.value(mirror, "value").getValue()).longValue();
  }

  private static ConstraintModel.Kind kindOf(String qualifiedName) {
    for (ConstraintModel.Kind kind : ConstraintModel.Kind.values()) {
      if (kind.annotation().equals(qualifiedName)) {
        return kind;
      }
    }
    return null;
  }

  private static boolean applies(ConstraintModel.Kind kind, TypeModel type) {
    boolean string = type instanceof TypeModel.Scalar s && s.kind() == ScalarKind.STRING;
    return switch (kind) {
      case SIZE -> string || type instanceof TypeModel.CollectionType || type instanceof TypeModel.MapType;
      case MIN, MAX, POSITIVE -> type instanceof TypeModel.Scalar s && s.kind().numeric();
      case PATTERN, NOT_BLANK, EMAIL -> string;
    };
  }

  private static String appliesTo(ConstraintModel.Kind kind) {
    return switch (kind) {
      case SIZE -> "String, List, Set and Map";
      case MIN, MAX, POSITIVE -> "int, long, double and BigDecimal (and their boxes)";
      case PATTERN, NOT_BLANK, EMAIL -> "String";
    };
  }
}
