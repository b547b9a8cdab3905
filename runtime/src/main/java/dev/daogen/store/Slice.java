package dev.daogen.store;

import java.util.List;

/**
 * Rows of one page as a store read them.
 *
 * @param rows the rows, in primary key order
 * @param next the store's token for the rows after these (opaque to the engine and to users); null on the last page
 * @param <E> the entity
 */
public record Slice<E>(List<E> rows, String next) {
  public Slice {
    rows = List.copyOf(rows);
  }
}
