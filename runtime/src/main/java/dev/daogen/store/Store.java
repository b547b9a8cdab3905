package dev.daogen.store;

import java.util.function.Supplier;

/**
 * A database the engine runs on (Kong's strategy): opens each entity's rows, and runs work atomically.
 */
public interface Store {
  /** The store's name, as in the processor option {@code -Adaogen.stores} ({@code postgres}). */
  String name();

  /**
   * The rows of one entity. Throws IllegalArgumentException when the mapping has no part for this store (the plugin
   * was not generated for it).
   */
  <E> EntityStore<E> open(StoreMapping<E> mapping);

  /**
   * Runs {@code work} atomically: it joins the caller's transaction or runs in one of its own.
   */
  <T> T atomically(Supplier<T> work);

  /** Runs {@code action} once the current unit of work commits (at once outside one); dropped on rollback. */
  void afterCommit(Runnable action);
}
