package dev.daogen.dao;

import java.util.List;

/**
 * One page of entities, ordered by primary key.
 *
 * @param data the entities of this page
 * @param offset the opaque token of the next page, or {@code null} on the last page
 */
public record Page<E>(List<E> data, String offset) {
  public Page {
    data = List.copyOf(data);
  }

  /** Whether a next page exists. */
  public boolean hasNext() {
    return offset != null;
  }
}
