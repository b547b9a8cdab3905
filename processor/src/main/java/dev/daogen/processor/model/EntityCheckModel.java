package dev.daogen.processor.model;

import java.util.List;

/**
 * A Kong-style entity check over several components.
 *
 * @param kind which check
 * @param fields Java component names, as written in the annotation
 */
public record EntityCheckModel(Kind kind, List<String> fields) {

  /** The entity checks, with the annotation that declares each. */
  public enum Kind {
    AT_LEAST_ONE_OF("AtLeastOneOf"),
    ONLY_ONE_OF("OnlyOneOf"),
    MUTUALLY_REQUIRED("MutuallyRequired"),
    MUTUALLY_EXCLUSIVE("MutuallyExclusive");

    private final String annotation;

    Kind(String annotation) {
      this.annotation = annotation;
    }

    /** The annotation's simple name (in {@code dev.daogen.annotations}). */
    public String annotation() {
      return annotation;
    }
  }
}
