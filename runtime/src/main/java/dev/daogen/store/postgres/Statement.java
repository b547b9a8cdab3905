package dev.daogen.store.postgres;

/**
 * A {@link Sql} resolved against an entity's columns when its store opens: each parameter is a column number or one
 * of the special codes, so binding is a loop over ints.
 *
 * @param text the SQL
 * @param params per placeholder: a column number (component index; the hidden cache key after them), or {@link
 *     #LIMIT}, {@link #EXPIRES_AT}, {@link #ARRAY}
 */
record Statement(String text, int[] params) {
  static final int LIMIT = -1;
  static final int EXPIRES_AT = -2;
  static final int ARRAY = -3;
}
