package dev.daogen.store;

import java.util.List;

/**
 * A way to address one row: the primary key, a unique field, or the cache key. The generated mapping declares one
 * constant per lookup; the engine passes it with its values (in {@link #fields()} order) and each store finds the
 * statements it rendered for it.
 *
 * @param name a stable name, unique within the entity ({@code "primary key"}, the field's JSON name, {@code "cache
 *     key"})
 * @param kind what the values are, for Kong's error messages
 * @param fields the JSON names of the fields the values belong to, in order
 * @param indexes the record component indexes of those fields ({@code -1} for a hidden cache key column)
 */
public record Lookup(String name, Kind kind, List<String> fields, int[] indexes) {
  /** What a lookup's values are. */
  public enum Kind {
    PRIMARY_KEY,
    UNIQUE,
    CACHE_KEY
  }

  public Lookup {
    fields = List.copyOf(fields);
    indexes = indexes.clone();
    if (fields.size() != indexes.length) {
      throw new IllegalArgumentException("lookup " + name + ": " + fields + " vs " + indexes.length + " indexes");
    }
  }

  /** The primary key lookup of an entity whose key fields have these names and component indexes. */
  public static Lookup primaryKey(List<String> fields, int... indexes) {
    return new Lookup("primary key", Kind.PRIMARY_KEY, fields, indexes);
  }

  /** The lookup by one unique field. */
  public static Lookup unique(String field, int index) {
    return new Lookup(field, Kind.UNIQUE, List.of(field), new int[] {index});
  }

  /** The lookup by the cache key of an entity whose cache key is stored in its own column. */
  public static Lookup cacheKey() {
    return new Lookup("cache key", Kind.CACHE_KEY, List.of("cache_key"), new int[] {-1});
  }

  @Override
  public int[] indexes() {
    return indexes.clone();
  }

  /** The component index of the {@code i}th field (no copy). */
  public int index(int i) {
    return indexes[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lookup l && l.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "Lookup[" + name + "]";
  }
}
