package dev.daogen.processor.model;

import java.util.Optional;

/**
 * A Jakarta Bean Validation constraint on a component, turned into a generated check.
 *
 * @param kind which constraint
 * @param min lower bound ({@code @Size(min)}, {@code @Min}), if any
 * @param max upper bound ({@code @Size(max)}, {@code @Max}), if any
 * @param pattern the {@code @Pattern} regular expression (already compiled once by the processor)
 */
public record ConstraintModel(Kind kind, Optional<Long> min, Optional<Long> max, Optional<String> pattern) {

  /** The supported constraints. */
  public enum Kind {
    SIZE("jakarta.validation.constraints.Size"),
    MIN("jakarta.validation.constraints.Min"),
    MAX("jakarta.validation.constraints.Max"),
    POSITIVE("jakarta.validation.constraints.Positive"),
    PATTERN("jakarta.validation.constraints.Pattern"),
    NOT_BLANK("jakarta.validation.constraints.NotBlank"),
    EMAIL("jakarta.validation.constraints.Email");

    private final String annotation;

    Kind(String annotation) {
      this.annotation = annotation;
    }

    /** The constraint annotation's qualified name. */
    public String annotation() {
      return annotation;
    }
  }
}
