package dev.daogen.engine;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.FieldValues;
import dev.daogen.dao.Page;
import dev.daogen.dao.Tags;
import dev.daogen.db.Database;
import dev.daogen.db.ExpiringDao;
import dev.daogen.events.EntityEvent;
import dev.daogen.events.Events;
import dev.daogen.schema.EntitySchema;
import dev.daogen.store.Change;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Filter;
import dev.daogen.store.Lookup;
import dev.daogen.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Kong's DAO semantics for one entity, over a store; the base of every generated DAO ({@code EDao}), which adds the
 * typed methods for its keys, unique fields, foreign keys and cache key. The public methods here are the DAO's
 * generic part (insert, validate, pages of every row, count, truncate, ttl); the protected ones are the contract
 * with generated code.
 *
 * @param <E> the entity record
 * @param <D> its draft
 * @param <P> its patch
 */
public abstract class EntityDao<E, D extends FieldValues<D>, P extends FieldValues<P>> implements ExpiringDao {
  private final Database db;
  private final EntityMapping<E, D, P> mapping;
  private final EntitySchema<E> schema;
  private final Store stores;
  private final EntityStore<E> store;
  private final Paging<E> paging;
  private final Cascades cascades;
  /** The engine's foreign key checks, for stores that do not enforce them; null on the others. */
  private final Parents<E> parents;
  private final boolean tagged;
  private final Lookup primaryKey;

  protected EntityDao(Database db, EntityMapping<E, D, P> mapping) {
    this.db = db;
    this.mapping = mapping;
    this.schema = mapping.schema();
    this.stores = db.store();
    this.store = stores.open(mapping);
    this.paging = new Paging<>(store, db.settings().defaultPageSize(), db.settings().maxPageSize());
    this.cascades = new Cascades(db, schema.name());
    this.parents = stores.enforcesForeignKeys() ? null : new Parents<>(schema, mapping.foreignKeys(), cascades);
    this.primaryKey = mapping.primaryKey();
    this.tagged = schema.fields().stream()
        .anyMatch(f -> f.jsonName().equals("tags") && f.type() == dev.daogen.schema.FieldType.SET);
  }

  /** The entity's metadata. */
  @Override
  public final EntitySchema<E> schema() {
    return schema;
  }

  final EntityMapping<E, D, P> mapping() {
    return mapping;
  }

  final EntityStore<E> store() {
    return store;
  }

  final Cascades cascades() {
    return cascades;
  }

  // ---- the generic API -------------------------------------------------------------------------------------

  /**
   * Inserts a new entity: fills {@code @Auto} values and defaults, validates every field, and reports every error at
   * once. A ttl entity expires after the draft's ttl (if any).
   *
   * @return the stored entity
   */
  public E insert(D draft) {
    return insert(draft, draft.timeToLive());
  }

  /**
   * Inserts a new entity that expires after {@code ttl} (null or zero: never), whatever the draft's ttl.
   *
   * @return the stored entity
   */
  public E insert(D draft, Duration ttl) {
    E entity = checked(mapping.build(draft, null), null);
    return publish(store.insert(entity, expiry(ttl)));
  }

  /**
   * Checks a draft as {@link #insert} would, without writing anything.
   *
   * @return the entity the draft describes
   * @throws DaoException with code SCHEMA_VIOLATION listing every error
   */
  public E validate(D draft) {
    return mapping.build(draft, null);
  }

  /**
   * One page of every entity, in primary key order.
   *
   * @param size 1 to the maximum page size (1000 by default), or null for the default (100)
   * @param offset the previous page's {@link Page#offset()}, or null for the first page
   * @return the page; its offset is null on the last page
   */
  public Page<E> page(Integer size, String offset) {
    return paging.page(Filter.ALL, new Object[0], size, offset);
  }

  /**
   * One page of the entities that match a tag filter, in primary key order.
   *
   * @param tags all of / any of at most 5 tags, or null for no filter (entities without Kong's {@code tags} field
   *     ignore it)
   */
  public Page<E> page(Integer size, String offset, Tags tags) {
    if (tags == null || !tagged) {
      return page(size, offset);
    }
    return paging.page(tagFilter(tags), new Object[] {tags.toArray()}, size, offset);
  }

  /**
   * Streams every entity in primary key order, reading a batch at a time (constant memory).
   *
   * @param batchSize rows per query, or null for the default page size
   * @return a lazy stream; close it (try-with-resources)
   */
  public Stream<E> each(Integer batchSize) {
    return paging.each(Filter.ALL, new Object[0], batchSize);
  }

  /** Streams the entities that match a tag filter, in primary key order, a batch at a time. */
  public Stream<E> each(Integer batchSize, Tags tags) {
    if (tags == null || !tagged) {
      return each(batchSize);
    }
    return paging.each(tagFilter(tags), new Object[] {tags.toArray()}, batchSize);
  }

  private static Filter tagFilter(Tags tags) {
    return tags.matchAll() ? Filter.TAGS_ALL : Filter.TAGS_ANY;
  }

  /** The number of entities (ttl entities: that have not expired). */
  public long count() {
    return store.count();
  }

  /** Deletes every row, and (as Kong does) the rows of entities that reference them. */
  public void truncate() {
    List<EntityEvent<?>> events = new ArrayList<>();
    collectTruncated(this, events, new HashSet<>());
    store.truncate();
    publishEvents(events);
  }

  private static void collectTruncated(EntityDao<?, ?, ?> dao, List<EntityEvent<?>> events, Set<String> seen) {
    if (!seen.add(dao.schema.name())) {
      return;
    }
    if (dao.parents != null && !events.isEmpty()) {
      dao.store.truncate(); // the database does not cascade: the engine empties the referencing entities too
    }
    events.add(new EntityEvent<>(dao.schema.name(), EntityEvent.Operation.TRUNCATE, null, null, null, null,
        !events.isEmpty()));
    for (EntityDao<?, ?, ?> child : dao.cascades.children()) {
      collectTruncated(child, events, seen);
    }
  }

  /**
   * Deletes up to {@code batchSize} expired rows of a ttl entity, publishing a delete event for each.
   *
   * @return the number of rows deleted; 0 for entities without ttl
   */
  @Override
  public int deleteExpired(int batchSize) {
    if (!schema.ttl()) {
      return 0;
    }
    return stores.atomically(() -> {
      List<E> deleted = store.deleteExpired(batchSize);
      List<EntityEvent<?>> events = new ArrayList<>();
      for (E row : deleted) {
        events.add(event(EntityEvent.Operation.DELETE, row, null, false));
      }
      publishEvents(events);
      return deleted.size();
    });
  }

  /**
   * When these entities expire, in one query: the text form of each key that expires → its expiry (the admin API
   * shows lists with it). Empty for entities without ttl.
   */
  public Map<String, Instant> expiries(List<E> entities) {
    return schema.ttl() ? store.expiries(entities) : Map.of();
  }

  /** Kong's cache key of an entity. */
  public String cacheKey(E entity) {
    return mapping.cacheKey(entity);
  }

  // ---- for generated DAOs ----------------------------------------------------------------------------------

  /** The visible entity a lookup addresses. */
  protected final Optional<E> find(Lookup lookup, Object... values) {
    require(lookup, values);
    return store.find(lookup, values);
  }

  /** The entity with this primary key even when it has expired (and was not yet cleaned up). */
  protected final Optional<E> findIncludingExpired(Object... key) {
    require(primaryKey, key);
    return store.findIncludingExpired(key);
  }

  /** When the entity with this primary key expires; empty when it never does or does not exist. */
  protected final Optional<Instant> expiryOf(Object... key) {
    return schema.ttl() ? store.expiresAt(key) : Optional.empty();
  }

  /** One page of the entities whose field (a foreign key or an indexed field) has {@code value}. */
  protected final Page<E> pageOf(Filter filter, String field, Object value, Integer size, String offset) {
    requireKey(value, field);
    return paging.page(filter, new Object[] {value}, size, offset);
  }

  /** Streams the entities whose field has {@code value}, a batch at a time. */
  protected final Stream<E> eachOf(Filter filter, String field, Object value, Integer batchSize) {
    requireKey(value, field);
    return paging.each(filter, new Object[] {value}, batchSize);
  }

  /**
   * Changes what the patch sets on the entity a lookup addresses, validating only the changes (and the entity
   * checks); the ttl changes only if the patch sets one.
   *
   * @throws DaoException with code NOT_FOUND when there is no such entity
   */
  protected final E update(Lookup lookup, P patch, Object... values) {
    if (patch.hasTimeToLive()) {
      return update(lookup, patch, patch.timeToLive(), values);
    }
    require(lookup, values);
    Change<E> change = store.update(lookup, values, old -> checked(mapping.merge(old, patch), old), false, null);
    return publish(List.of(change));
  }

  /** As {@link #update(Lookup, FieldValues, Object...)}, and sets the ttl (null or zero: never expires). */
  protected final E update(Lookup lookup, P patch, Duration ttl, Object... values) {
    require(lookup, values);
    Instant expiresAt = expiry(ttl);
    Change<E> change = store.update(lookup, values, old -> checked(mapping.merge(old, patch), old), true, expiresAt);
    return publish(List.of(change));
  }

  /**
   * Inserts, or replaces the entity a lookup addresses: what the draft omits goes back to its default or null; the
   * creation time is kept, and so is the primary key when the lookup is another unique field. The entity expires
   * after {@code ttl} (null or zero: never).
   */
  protected final E upsert(Lookup lookup, D draft, Duration ttl, Object... values) {
    require(lookup, values);
    Instant expiresAt = expiry(ttl);
    D withValues = draft.copyWith(lookup.indexes(), values);
    Lookup key = primaryKey;
    boolean byKey = lookup.equals(key);
    List<Change<E>> changes = store.upsert(lookup, values, row -> matches(lookup, values, row),
        old -> checked(mapping.build(old == null || byKey ? withValues
            : withValues.copyWith(key.indexes(), mapping.key(old)), old), old),
        expiresAt);
    return publish(changes);
  }

  private boolean matches(Lookup lookup, Object[] values, E row) {
    Object[] rowKey = lookup.equals(primaryKey) ? mapping.key(row) : null;
    for (int i = 0; i < values.length; i++) {
      Object have = rowKey != null ? rowKey[i] : schema.fields().get(lookup.index(i)).get(row);
      if (!values[i].equals(have)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Deletes the entity a lookup addresses, and (as their foreign keys say) the rows that reference it, publishing an
   * event for each. Idempotent.
   *
   * @return whether a row was deleted
   */
  protected final boolean delete(Lookup lookup, Object... values) {
    require(lookup, values);
    return stores.atomically(() -> {
      List<EntityEvent<?>> events = new ArrayList<>();
      if (parents != null || cascades.emitsEvents()) {
        for (E row : store.lock(lookup, values)) {
          if (parents != null) {
            cascades.apply(mapping.key(row)[0], events);
          } else {
            cascades.collect(mapping.key(row)[0], events);
          }
        }
      }
      List<E> deleted = store.delete(lookup, values);
      for (E row : deleted) {
        events.add(event(EntityEvent.Operation.DELETE, row, null, false));
      }
      publishEvents(events);
      return !deleted.isEmpty();
    });
  }

  /** Reads through the node's entity cache ({@code db.cache()}). */
  protected final Optional<E> cached(String cacheKey, Supplier<Optional<E>> loader) {
    return db.cache().get(cacheKey, k -> loader.get());
  }

  // ---- rules -------------------------------------------------------------------------------------------------

  /** Kong's invalid primary key error when a key value is missing. */
  protected static void requireKey(Object value, String field) {
    Rules.requireKey(value, field);
  }

  private static void require(Lookup lookup, Object[] values) {
    Rules.require(lookup, values);
  }

  private Instant expiry(Duration ttl) {
    return Rules.expiry(schema, ttl);
  }

  /** A row to write, with its foreign keys checked when the store does not check them. */
  private E checked(E row, E old) {
    return parents == null ? row : parents.require(row, old);
  }

  // ---- events ----------------------------------------------------------------------------------------------

  final EntityEvent<E> event(EntityEvent.Operation op, E value, E old, boolean cascaded) {
    return new EntityEvent<>(schema.name(), op, value, old, mapping.cacheKey(value),
        old == null ? null : mapping.cacheKey(old), cascaded);
  }

  /** Publishes a write's changes after commit; returns the row the write stored (its last change). */
  private E publish(List<Change<E>> changes) {
    List<EntityEvent<?>> events = new ArrayList<>(changes.size());
    for (Change<E> c : changes) {
      events.add(switch (c.kind()) {
        case CREATED -> event(EntityEvent.Operation.CREATE, c.value(), null, false);
        case UPDATED -> event(EntityEvent.Operation.UPDATE, c.value(), c.old(), false);
        case DELETED -> event(EntityEvent.Operation.DELETE, c.value(), null, false);
      });
    }
    publishEvents(events);
    return changes.get(changes.size() - 1).value();
  }

  private void publishEvents(List<EntityEvent<?>> events) {
    if (!events.isEmpty()) {
      Events bus = db.events();
      stores.afterCommit(() -> events.forEach(bus::publish));
    }
  }
}
