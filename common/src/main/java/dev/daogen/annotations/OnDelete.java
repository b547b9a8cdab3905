package dev.daogen.annotations;

/** What happens to a child row when its parent is deleted. */
public enum OnDelete {
  /** Delete the children too (recursively). */
  CASCADE,
  /** Set the child's foreign key to null; the component must be {@code @Nullable}. */
  NULL,
  /** Refuse to delete a parent that still has children. */
  RESTRICT
}
