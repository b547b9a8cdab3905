package dev.daogen.engine;

import dev.daogen.dao.FieldValues;
import dev.daogen.dao.Page;
import dev.daogen.store.Filter;
import dev.daogen.store.Lookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A DAO's lookup-based operations with untyped keys, for the runtime's generic callers (the admin API); generated
 * DAOs offer the same operations typed.
 *
 * @param <E> the entity
 * @param <D> its draft
 * @param <P> its patch
 */
public final class Operations<E, D extends FieldValues<D>, P extends FieldValues<P>> {
  private final EntityDao<E, D, P> dao;

  public Operations(EntityDao<E, D, P> dao) {
    this.dao = dao;
  }

  public EntityMapping<E, D, P> mapping() {
    return dao.mapping();
  }

  public Optional<E> find(Lookup lookup, Object... values) {
    return dao.find(lookup, values);
  }

  public Optional<Instant> expiryOf(Object... key) {
    return dao.expiryOf(key);
  }

  public Page<E> pageOf(Filter filter, String field, Object value, Integer size, String offset) {
    return dao.pageOf(filter, field, value, size, offset);
  }

  public E update(Lookup lookup, P patch, Object... values) {
    return dao.update(lookup, patch, values);
  }

  public E upsert(Lookup lookup, D draft, Duration ttl, Object... values) {
    return dao.upsert(lookup, draft, ttl, values);
  }

  public boolean delete(Lookup lookup, Object... values) {
    return dao.delete(lookup, values);
  }
}
