package dev.daogen.processor.model;

/** What an {@code @Auto} component is filled with when absent. */
public enum AutoKind {
  NONE,
  /** A random (version 4) UUID. */
  UUID,
  /** 32 random alphanumeric characters. */
  RANDOM_STRING,
  /** Now, on insert only ({@code createdAt}). */
  CREATED_AT,
  /** Now, on every write ({@code updatedAt}). */
  UPDATED_AT
}
