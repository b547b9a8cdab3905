package dev.daogen.store.cassandra;

import java.util.List;

/**
 * One CQL statement rendered at build time, with what each {@code ?} takes, in order: a column name (that column's
 * value of the row the statement is bound to) or a special parameter: {@link #TTL}, {@link #VERSION}, {@link
 * #OLD_VERSION}, {@link #UNIQUE_NAME}, {@link #UNIQUE_VALUE}, {@link #OWNER}, {@link #OLD_OWNER}. The count is checked
 * when the statement is made.
 *
 * @param text the CQL, with {@code ?} placeholders
 * @param params what each placeholder takes, in order
 */
public record Cql(String text, List<String> params) {
  /** The row's time to live in seconds ({@code int}; 0: never expires). */
  public static final String TTL = "$ttl";
  /** The version a write gives the row (a random {@code uuid}). */
  public static final String VERSION = "$version";
  /** The version the row must still have for a conditional write to apply. */
  public static final String OLD_VERSION = "$old_version";
  /** The name of a unique constraint (the claims table's partition key, first part). */
  public static final String UNIQUE_NAME = "$unique_name";
  /** A unique constraint's values in text form (the claims table's partition key, second part). */
  public static final String UNIQUE_VALUE = "$unique_value";
  /** The primary key, in text form, of the row that owns a unique claim. */
  public static final String OWNER = "$owner";
  /** The owner a unique claim must still have to be taken over ({@code take over claim}). */
  public static final String OLD_OWNER = "$old_owner";

  public Cql {
    params = List.copyOf(params);
    int placeholders = placeholders(text);
    if (placeholders != params.size()) {
      throw new IllegalArgumentException(placeholders + " placeholders but " + params.size() + " parameters "
          + params + " in: " + text);
    }
  }

  /** A statement and its parameters. */
  public static Cql of(String text, String... params) {
    return new Cql(text, List.of(params));
  }

  /** The {@code ?} placeholders outside quoted literals and identifiers. */
  static int placeholders(String text) {
    int n = 0;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '?') {
        n++;
      }
    }
    return n;
  }
}
