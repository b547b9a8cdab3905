package dev.daogen.store.postgres;

import java.util.List;

/**
 * One statement rendered at build time, named, with what each {@code ?} takes, in order: a column name (the value of
 * that column of the row the statement is bound to) or one of the special parameters {@link #LIMIT}, {@link
 * #EXPIRES_AT}, {@link #TAGS} and {@link #KEYS}. The count is checked when the statement is made, and the names
 * against the entity's columns when its store opens: the order of placeholders is data, not a convention.
 *
 * @param text the SQL, with {@code ?} placeholders
 * @param params what each placeholder takes, in order
 */
public record Sql(String text, List<String> params) {
  /** A row limit ({@code int}). */
  public static final String LIMIT = "$limit";
  /** The expiry of a ttl entity's row (a timestamp, or null: never). */
  public static final String EXPIRES_AT = "$expires_at";
  /** Tags as a {@code text[]}. */
  public static final String TAGS = "$tags";
  /** Primary keys in text form, as a {@code text[]}. */
  public static final String KEYS = "$keys";

  public Sql {
    params = List.copyOf(params);
    int placeholders = placeholders(text);
    if (placeholders != params.size()) {
      throw new IllegalArgumentException(placeholders + " placeholders but " + params.size() + " parameters "
          + params + " in: " + text);
    }
  }

  /** A statement and its parameters. */
  public static Sql of(String text, String... params) {
    return new Sql(text, List.of(params));
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
