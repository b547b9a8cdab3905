package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.cql.PagingState;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.Slice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Pages of rows by tags on Cassandra, through the index on the {@code tags} set ({@code CONTAINS}, one tag per query):
 * all of the tags reads the rows with the first and keeps those with every other; any of them reads the rows of each
 * tag in turn, skipping those an earlier tag already returned, and a page whose tag's rows end goes on with the next
 * tag's. The offset of an any-of page carries which tag it is at ({@link PageTokens}). Pages may come back shorter than
 * the size asked (rows the filter drops) while more follow, never with a row twice.
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
      CassandraEntityStore.Part<E> part = store.slice(store.pageTag().bindValues(wanted[0]), limit,
          token == null ? null : PageTokens.decode(token), token, row -> tagsOf(row).containsAll(List.of(wanted)));
      return new Slice<>(part.rows(), part.next() == null ? null : PageTokens.encode(part.next()));
    }
    int tag = token == null ? 0 : PageTokens.tag(token, wanted.length);
    PagingState state = token == null ? null : PageTokens.tagState(token);
    List<E> rows = new ArrayList<>();
    while (true) {
      int at = tag;
      CassandraEntityStore.Part<E> part = store.slice(store.pageTag().bindValues(wanted[at]), limit - rows.size(),
          state, token, row -> {
            Collection<String> have = tagsOf(row);
            for (int i = 0; i < at; i++) {
              if (have.contains(wanted[i])) {
                return false; // an earlier tag's pass returned it
              }
            }
            return true;
          });
      rows.addAll(part.rows());
      if (part.next() != null) {
        return new Slice<>(rows, PageTokens.encode(at, part.next()));
      }
      if (at + 1 == wanted.length) {
        return new Slice<>(rows, null);
      }
      tag = at + 1;
      state = null;
      if (rows.size() == limit) {
        return new Slice<>(rows, PageTokens.encode(tag, null));
      }
      // this tag's rows ended with room left on the page: the next tag's fill it
    }
  }

  @SuppressWarnings("unchecked")
  private Collection<String> tagsOf(E row) {
    Object value = tags.get(row);
    return value == null ? List.of() : (Collection<String>) value;
  }
}
