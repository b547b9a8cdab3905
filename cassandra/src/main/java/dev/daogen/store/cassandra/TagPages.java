package dev.daogen.store.cassandra;

import dev.daogen.internal.Offsets;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.Slice;
import java.util.Collection;
import java.util.List;

/**
 * Pages of rows by tags on Cassandra, through the index on the {@code tags} set ({@code CONTAINS}, one tag per query):
 * all of the tags reads the rows with the first and keeps those with every other; any of them reads the rows of each
 * tag in turn, skipping those an earlier tag already returned. The offset of an any-of page carries which tag it is
 * at. Pages may come back shorter than the size asked (rows the filter drops), never with a row twice.
 *
 * @param <E> the entity
 */
final class TagPages<E> {
  private final CassandraEntityStore<E> store;
  private final boolean all;
  private final FieldSchema<E> tags;

  TagPages(CassandraEntityStore<E> store, boolean all) {
    this.store = store;
    this.all = all;
    this.tags = store.mapping().schema().fields().stream().filter(f -> f.jsonName().equals("tags")).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(store.mapping().schema().name() + " has no tags"));
  }

  Slice<E> page(String[] wanted, int limit, String token) {
    if (all) {
      return store.slice(store.pageTag().bindValues(wanted[0]), limit, token,
          row -> tagsOf(row).containsAll(List.of(wanted)));
    }
    int at = 0;
    String state = null;
    if (token != null) {
      int colon = token.indexOf(':');
      try {
        at = Integer.parseInt(token.substring(0, Math.max(colon, 0)));
      } catch (NumberFormatException e) {
        throw Offsets.invalid(token, "bad offset");
      }
      if (colon < 0 || at < 0 || at >= wanted.length) {
        throw Offsets.invalid(token, "bad offset");
      }
      state = colon + 1 == token.length() ? null : token.substring(colon + 1);
    }
    int tag = at;
    Slice<E> slice = store.slice(store.pageTag().bindValues(wanted[tag]), limit, state, row -> {
      Collection<String> have = tagsOf(row);
      for (int i = 0; i < tag; i++) {
        if (have.contains(wanted[i])) {
          return false; // an earlier tag's pass returned it
        }
      }
      return true;
    });
    String next = slice.next() != null ? tag + ":" + slice.next() : tag + 1 < wanted.length ? (tag + 1) + ":" : null;
    return new Slice<>(slice.rows(), next);
  }

  @SuppressWarnings("unchecked")
  private Collection<String> tagsOf(E row) {
    Object value = tags.get(row);
    return value == null ? List.of() : (Collection<String>) value;
  }
}
