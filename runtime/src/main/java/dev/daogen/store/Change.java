package dev.daogen.store;

/**
 * One row a store wrote: created, updated (with the row before) or deleted. The engine turns changes into events and
 * cache invalidations after commit.
 *
 * @param kind what happened
 * @param value the row as written (deleted: as it was)
 * @param old the row before an update; null otherwise
 * @param <E> the entity
 */
public record Change<E>(Kind kind, E value, E old) {
  /** What happened to a row. */
  public enum Kind {
    CREATED,
    UPDATED,
    DELETED
  }

  public static <E> Change<E> created(E value) {
    return new Change<>(Kind.CREATED, value, null);
  }

  public static <E> Change<E> updated(E value, E old) {
    return new Change<>(Kind.UPDATED, value, old);
  }

  public static <E> Change<E> deleted(E value) {
    return new Change<>(Kind.DELETED, value, null);
  }
}
