package dev.daogen.store;

import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.ClusterTransport;
import dev.daogen.migrate.MigrationStore;
import java.time.Duration;
import java.util.concurrent.Callable;

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

  /**
   * Runs {@code work} in one transaction ({@code db.transaction}): every write the calling thread makes inside it
   * commits or rolls back together. A store without multi-statement transactions throws {@link
   * UnsupportedOperationException} with the reason, before running anything.
   */
  <T> T transaction(Callable<T> work) throws Exception;

  /**
   * Whether the database enforces foreign keys itself: refuses a row whose parent is missing and applies {@code ON
   * DELETE} to the children. When it does not, the engine does both (as Kong did on Cassandra).
   */
  boolean enforcesForeignKeys();

  /** How this store's nodes tell each other about cache invalidations, for these settings. */
  ClusterTransport clusterTransport(CacheSettings settings);

  /** Where this store's migrations run and are recorded. */
  MigrationStore migrations();

  /** Whether the database answers within {@code timeout} ({@code GET /status}). */
  boolean reachable(Duration timeout);

  /** Releases what the store opened itself (connections, sessions); a store on a caller's pool leaves it open. */
  default void close() {}
}
