package dev.daogen.dao;

import java.util.List;
import java.util.Objects;

/**
 * A tag filter for entities with a {@code Set<String> tags} component, as in Kong: entities having all of the tags
 * ({@code tags=a,b}) or any of them ({@code tags=a/b}); at most five tags.
 */
public final class Tags {
  /** The most tags one filter may name. */
  public static final int MAX = 5;

  private final boolean all;
  private final String[] values;

  private Tags(boolean all, String... values) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0 || values.length > MAX) {
      throw new DaoException(ErrorCode.INVALID_OPTIONS, "invalid option (tags: cannot query more than " + MAX
          + " tags)", java.util.Map.of("tags", "cannot query more than " + MAX + " tags"));
    }
    for (String v : values) {
      if (v == null || v.isEmpty()) {
        throw new DaoException(ErrorCode.INVALID_OPTIONS, "invalid option (tags: must not be empty)",
            java.util.Map.of("tags", "must not be empty"));
      }
    }
    this.all = all;
    this.values = values.clone();
  }

  /** Entities that have every one of these tags. */
  public static Tags all(String... tags) {
    return new Tags(true, tags);
  }

  /** Entities that have at least one of these tags. */
  public static Tags any(String... tags) {
    return new Tags(false, tags);
  }

  /** Parses Kong's query syntax: {@code a,b} = all of, {@code a/b} = any of. */
  public static Tags parse(String query) {
    if (query.contains(",") && query.contains("/")) {
      throw new DaoException(ErrorCode.INVALID_OPTIONS,
          "invalid option (tags: invalid filter: mixing ',' and '/' is not supported)",
          java.util.Map.of("tags", "invalid filter: mixing ',' and '/' is not supported"));
    }
    boolean any = query.contains("/");
    String[] parts = query.split(any ? "/" : ",", -1);
    return any ? any(parts) : all(parts);
  }

  /** Whether every tag must be present (otherwise any one). */
  public boolean matchAll() {
    return all;
  }

  /** The tags. */
  public List<String> values() {
    return List.of(values);
  }

  /** The tags as an array for binding; a copy. */
  public String[] toArray() {
    return values.clone();
  }

  @Override
  public String toString() {
    return String.join(all ? "," : "/", values);
  }
}
