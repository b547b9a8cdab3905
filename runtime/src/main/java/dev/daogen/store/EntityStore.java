package dev.daogen.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One entity's rows in one store. Reads hide expired rows of ttl entities unless they say otherwise. Writes throw
 * {@link dev.daogen.dao.DaoException}s with Kong's codes (the store translates its database's errors) and return what
 * they changed; the engine validates before and publishes after.
 *
 * <p>Key and lookup values are given in the order of {@link Lookup#fields()}; a store may assume they are non-null
 * and of the field's Java type.
 *
 * @param <E> the entity record
 */
public interface EntityStore<E> {
  /** The visible row a lookup addresses. */
  Optional<E> find(Lookup lookup, Object[] values);

  /** The row of a primary key even if it expired (and was not yet cleaned up). */
  Optional<E> findIncludingExpired(Object[] key);

  /**
   * Up to {@code limit} visible rows in primary key order, after the position {@code token} names (null: from the
   * start). Throws {@code INVALID_OFFSET} for a token this store did not make for this entity.
   *
   * @param args the filter's values: none for {@link Filter#ALL}; the tags (a {@code String[]}) for the tag filters;
   *     the field's value for a field filter
   */
  Slice<E> page(Filter filter, Object[] args, int limit, String token);

  /** The number of visible rows. */
  long count();

  /** When a visible row of a ttl entity expires; empty when it never does or does not exist. */
  Optional<Instant> expiresAt(Object[] key);

  /** The expiries of several rows (single-column keys), by the key's text form; rows that never expire are absent. */
  Map<String, Instant> expiries(List<E> rows);

  /**
   * Inserts a validated row (with its expiry, for ttl entities; null: never). Expired rows that would block it go
   * first and are returned as deletions, before the creation.
   */
  List<Change<E>> insert(E row, Instant expiresAt);

  /**
   * Reads the row a lookup addresses, applies {@code merge} and writes the result, atomically with respect to other
   * writers of the row. Throws {@code NOT_FOUND} when no visible row matches.
   *
   * @param setExpiry whether to store {@code expiresAt} (else the row's expiry stays)
   */
  Change<E> update(Lookup lookup, Object[] values, UnaryOperator<E> merge, boolean setExpiry, Instant expiresAt);

  /**
   * Inserts or replaces the row a lookup addresses: {@code build} makes the row to store from the existing one (or
   * null). Race-free: a caller gets its write or the violation a serial order would give.
   *
   * @param isLookup whether a row has the lookup's values
   */
  List<Change<E>> upsert(Lookup lookup, Object[] values, Predicate<E> isLookup, UnaryOperator<E> build,
      Instant expiresAt);

  /**
   * Reads and locks (where the store can) the visible rows a lookup addresses, before a delete, so that their
   * children can be collected.
   */
  List<E> lock(Lookup lookup, Object[] values);

  /** Reads and locks (where the store can) every row, expired ones included, whose foreign key holds {@code parent}. */
  List<E> lockChildren(ForeignKey<E> key, Object parent);

  /** Deletes the visible rows a lookup addresses; returns them. */
  List<E> delete(Lookup lookup, Object[] values);

  /** Deletes up to {@code limit} expired rows; returns them. */
  List<E> deleteExpired(int limit);

  /** Deletes every row (and, where the database does it, the rows that reference them). */
  void truncate();
}
