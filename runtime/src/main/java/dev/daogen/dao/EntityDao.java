package dev.daogen.dao;

import dev.daogen.annotations.OnDelete;
import dev.daogen.db.Connections;
import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import dev.daogen.events.EntityEvent;
import dev.daogen.events.Events;
import dev.daogen.internal.Binder;
import dev.daogen.internal.Jdbc;
import dev.daogen.internal.Offsets;
import dev.daogen.internal.Values;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The behaviour every generated DAO shares (Kong's DAO semantics); generated subclasses add the typed methods, the
 * SQL rendered at build time, and the row mapping and binding code.
 *
 * <p>Extension point for generated code only: the protected methods are its contract with the runtime.
 *
 * @param <E> the entity record
 */
public abstract class EntityDao<E> {
  private final Database db;
  private final Connections connections;
  private final EntitySchema<E> schema;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final UpsertSql upserts;
  private volatile List<ChildLink<?>> children;

  /**
   * The statements an upsert runs, rendered at build time (see {@link #upsertRow}); for generated code.
   *
   * @param insert {@code INSERT} of key, values (and expiry): raises the database's error on a conflict
   * @param insertIfAbsent the same with {@code ON CONFLICT DO NOTHING}
   * @param update {@code UPDATE … SET <values[, expiry]> WHERE <primary key>}
   * @param conflicts {@code SELECT} of the visible rows that hold the entity's key, unique values or cache key
   * @param purgeExpired ttl entities: {@code DELETE} of the expired rows that hold them (else null)
   */
  public record UpsertSql(String insert, String insertIfAbsent, String update, String conflicts,
      String purgeExpired) {}

  /** Rounds an upsert tries while concurrent writers keep creating and removing its row, before it gives up. */
  private static final int MAX_UPSERT_ROUNDS = 50;

  protected EntityDao(Database db, EntitySchema<E> schema, UpsertSql upserts) {
    this.db = db;
    this.upserts = upserts;
    this.connections = db.connections();
    this.schema = schema;
    this.defaultPageSize = db.settings().defaultPageSize();
    this.maxPageSize = db.settings().maxPageSize();
  }

  /** The entity's metadata. */
  public final EntitySchema<E> schema() {
    return schema;
  }

  // ---- generated hooks ---------------------------------------------------------------------------------------

  /** Maps the current row (columns in declaration order) to an entity. */
  protected abstract E read(ResultSet rs) throws SQLException;

  /** The primary key values of an entity, in key order. */
  protected abstract Object[] keyOf(E entity);

  /** Binds primary key values from {@code index} on; returns the next index. */
  protected abstract int bindKey(PreparedStatement ps, int index, Object[] key) throws SQLException;

  /** Binds every non-key column of an entity (then the hidden cache key, if any); returns the next index. */
  protected abstract int bindValues(PreparedStatement ps, int index, E entity) throws SQLException;

  /** Parses primary key values from their text form (offset tokens); throws IllegalArgumentException. */
  protected abstract Object[] parseKey(String[] texts);

  /** Kong's cache key of an entity. */
  public abstract String cacheKey(E entity);

  /** {@code SELECT … WHERE <foreign key field> = ? FOR UPDATE}, expired rows included (for cascades). */
  protected abstract String lockByForeignKeySql(String field);

  /** Binds the value of a foreign key field; returns the next index. */
  protected abstract int bindForeignKey(PreparedStatement ps, int index, String field, Object value)
      throws SQLException;

  /** The entity with a foreign key field set to null (what ON DELETE SET NULL made of it). */
  protected abstract E withoutForeignKey(E entity, String field);

  /**
   * Binds the values an entity could collide on (primary key, unique values, cache key), in that order: the
   * parameters of {@link UpsertSql#conflicts()} and {@link UpsertSql#purgeExpired()}.
   */
  protected abstract int bindConflictKeys(PreparedStatement ps, int index, E entity) throws SQLException;

  // ---- reads -----------------------------------------------------------------------------------------------

  protected final Optional<E> fetchOne(String sql, Binder binder) {
    return run(null, Op.READ, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    }));
  }

  /** Reads the (visible) expiry of one row of a ttl entity. */
  protected final Optional<Instant> expiryOf(String sql, Binder binder) {
    return run(null, Op.READ, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(Jdbc.getInstant(rs, 1)) : Optional.<Instant>empty();
        }
      }
    }));
  }

  /**
   * The expiries of several rows of a ttl entity with a single-column key, in one query: key text form
   * ({@link Values#text}) → expiry, for the rows that expire.
   */
  protected final Map<String, Instant> expiriesOf(String sql, List<E> entities) {
    if (entities.isEmpty()) {
      return Map.of();
    }
    String[] keys = new String[entities.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Values.text(keyOf(entities.get(i))[0]);
    }
    return run(null, Op.READ, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        Jdbc.setTextArray(ps, 1, keys);
        Map<String, Instant> out = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), Jdbc.getInstant(rs, 2));
          }
        }
        return out;
      }
    }));
  }

  protected final long fetchCount(String sql, Binder binder) {
    return run(null, Op.READ, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps, 1);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }));
  }

  /**
   * One page in primary key order. {@code firstSql} reads from the start, {@code nextSql} after a key; both take
   * the filter's parameters, then (for {@code nextSql}) the key, then the limit.
   */
  protected final Page<E> fetchPage(String firstSql, String nextSql, Binder filter, Integer size, String offset) {
    int limit = pageSize(size);
    Object[] after = offset == null ? null : decodeOffset(offset);
    return fetchAfter(firstSql, nextSql, filter, limit, after);
  }

  private Page<E> fetchAfter(String firstSql, String nextSql, Binder filter, int limit, Object[] after) {
    return run(null, Op.READ, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(after == null ? firstSql : nextSql)) {
        int i = filter.bind(ps, 1);
        if (after != null) {
          i = bindKey(ps, i, after);
        }
        ps.setInt(i, limit + 1);
        List<E> rows = new ArrayList<>(Math.min(limit, 1024));
        boolean more = false;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (rows.size() == limit) {
              more = true;
              break;
            }
            rows.add(read(rs));
          }
        }
        String next = more ? Offsets.encode(keyOf(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows, next);
      }
    }));
  }

  /**
   * A lazy stream over every row in primary key order, read page by page ({@code batchSize} rows at a time), so it
   * runs in constant memory and holds no connection between pages.
   */
  protected final Stream<E> streamAll(String firstSql, String nextSql, Binder filter, Integer batchSize) {
    int limit = pageSize(batchSize);
    Iterator<E> iterator = new Iterator<>() {
      private Iterator<E> current = List.<E>of().iterator();
      private Object[] after;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && !exhausted) {
          Page<E> page = fetchAfter(firstSql, nextSql, filter, limit, after);
          current = page.data().iterator();
          if (page.offset() == null) {
            exhausted = true;
          } else {
            after = keyOf(page.data().get(page.data().size() - 1));
          }
        }
        return current.hasNext();
      }

      @Override
      public E next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private int pageSize(Integer size) {
    if (size == null) {
      return defaultPageSize;
    }
    if (size < 1 || size > maxPageSize) {
      throw new DaoException(ErrorCode.INVALID_SIZE, "size must be an integer between 1 and " + maxPageSize,
          Map.of("size", "must be an integer between 1 and " + maxPageSize));
    }
    return size;
  }

  private Object[] decodeOffset(String token) {
    String[] texts = Offsets.decode(token, schema.primaryKey().size());
    try {
      return parseKey(texts);
    } catch (IllegalArgumentException e) {
      throw Offsets.invalid(token, "bad offset");
    }
  }

  // ---- writes ----------------------------------------------------------------------------------------------

  /** Inserts a complete, validated entity. */
  protected final E insertRow(String sql, E entity) {
    return run(entity, Op.WRITE, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bindValues(ps, bindKey(ps, 1, keyOf(entity)), entity);
        ps.executeUpdate();
      }
      publishAfterCommit(List.of(event(EntityEvent.Operation.CREATE, entity, null, false)));
      return entity;
    }));
  }

  /**
   * Inserts an entity of a ttl entity: first removes expired rows it would collide with (they are invisible, so
   * they must not block the key), then inserts with the expiry bound last.
   */
  protected final E insertRow(String purgeSql, String sql, E entity, Instant expiresAt) {
    return run(entity, Op.WRITE, () -> connections.inTransaction(c -> {
      List<EntityEvent<?>> events = purgeExpired(c, purgeSql, entity);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = bindValues(ps, bindKey(ps, 1, keyOf(entity)), entity);
        Jdbc.setInstant(ps, i, expiresAt);
        ps.executeUpdate();
      } catch (SQLException e) {
        throw translate(e, entity, Op.WRITE);
      }
      events.add(event(EntityEvent.Operation.CREATE, entity, null, false));
      publishAfterCommit(events);
      return entity;
    }));
  }

  private List<EntityEvent<?>> purgeExpired(Connection c, String purgeSql, E entity) throws SQLException {
    List<EntityEvent<?>> events = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(purgeSql)) {
      bindConflictKeys(ps, 1, entity);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.add(event(EntityEvent.Operation.DELETE, read(rs), null, false));
        }
      }
    }
    return events;
  }

  /** The expiry of a ttl: null or zero clears it. */
  protected static Instant expiry(java.time.Duration ttl) {
    if (ttl == null || ttl.isZero()) {
      return null;
    }
    if (ttl.isNegative()) {
      throw new DaoException(ErrorCode.INVALID_OPTIONS, "invalid option (ttl: must be positive)",
          Map.of("ttl", "must be positive"));
    }
    return Instant.now().plus(ttl);
  }

  /**
   * Reads the row for update, merges (and validates) the change, writes every value column. Throws
   * {@link ErrorCode#NOT_FOUND} when no row matches.
   *
   * @param selectSql {@code SELECT … FOR UPDATE} by the lookup key
   * @param lookup binds the lookup key
   * @param updateSql {@code UPDATE … SET <value columns> WHERE <primary key>}
   * @param merge the old entity → the new one; throws a schema violation for invalid changes
   * @param notFound the message when no row matches
   */
  protected final E updateRow(
      String selectSql, Binder lookup, String updateSql, UnaryOperator<E> merge, Supplier<String> notFound) {
    return updateRow(selectSql, lookup, updateSql, merge, notFound, false, null);
  }

  /**
   * As {@link #updateRow(String, Binder, String, UnaryOperator, Supplier)}; with {@code setTtl}, the statement also
   * sets the ttl column (bound after the values, before the key).
   */
  protected final E updateRow(String selectSql, Binder lookup, String updateSql, UnaryOperator<E> merge,
      Supplier<String> notFound, boolean setTtl, Instant expiresAt) {
    return run(null, Op.WRITE, () -> connections.inTransaction(c -> {
      E old = selectForUpdate(c, selectSql, lookup);
      if (old == null) {
        throw new DaoException(ErrorCode.NOT_FOUND, notFound.get());
      }
      E updated = merge.apply(old);
      try (PreparedStatement ps = c.prepareStatement(updateSql)) {
        int i = bindValues(ps, 1, updated);
        if (setTtl) {
          Jdbc.setInstant(ps, i++, expiresAt);
        }
        bindKey(ps, i, keyOf(old));
        ps.executeUpdate();
      } catch (SQLException e) {
        throw translate(e, updated, Op.WRITE);
      }
      publishAfterCommit(List.of(event(EntityEvent.Operation.UPDATE, updated, old, false)));
      return updated;
    }));
  }

  /** As {@link #upsertRow(String, Binder, Predicate, Function, Instant)}, for entities without ttl. */
  protected final E upsertRow(String selectSql, Binder lookup, Predicate<E> isLookup, Function<E, E> build) {
    return upsertRow(selectSql, lookup, isLookup, build, null);
  }

  /**
   * Inserts or replaces, race-free under any number of concurrent writers (see {@code docs/concurrency.md}).
   *
   * <p>Each round reads the row for update by its lookup key. If it exists, the new entity is built from it and
   * written with an {@code UPDATE} while the row lock is held. If not, the entity is inserted with {@code ON
   * CONFLICT DO NOTHING}, which never fails on a unique value: when nothing was inserted, some committed row holds
   * one of the entity's unique values, and one statement reads every such row. If one of them is the row of the
   * lookup key (a concurrent writer created it), the next round updates it; if the rows it read are all other rows,
   * the write really violates their unique value and fails with that error; if they are gone, the next round tries
   * again. So a caller gets either its write (last writer wins) or the violation a serial order would give, never
   * an error made by the race itself. The common case costs what it always did: one read and one write.
   *
   * @param selectSql {@code SELECT … FOR UPDATE} by the lookup key
   * @param lookup binds the lookup key
   * @param isLookup whether a row has the lookup key
   * @param build the existing row (or null) → the entity to store; throws a schema violation for invalid input
   * @param expiresAt ttl entities: the expiry to store (null: never)
   */
  protected final E upsertRow(String selectSql, Binder lookup, Predicate<E> isLookup, Function<E, E> build,
      Instant expiresAt) {
    return run(null, Op.WRITE, () -> connections.inTransaction(c -> {
      List<EntityEvent<?>> events = new ArrayList<>();
      for (int round = 1; ; round++) {
        E old = selectForUpdate(c, selectSql, lookup);
        E entity = build.apply(old);
        if (old != null) {
          write(c, upserts.update(), entity, expiresAt, true);
          events.add(event(EntityEvent.Operation.UPDATE, entity, old, false));
          publishAfterCommit(events);
          return entity;
        }
        if (upserts.purgeExpired() != null) {
          events.addAll(purgeExpired(c, upserts.purgeExpired(), entity));
        }
        if (write(c, upserts.insertIfAbsent(), entity, expiresAt, false)) {
          events.add(event(EntityEvent.Operation.CREATE, entity, null, false));
          publishAfterCommit(events);
          return entity;
        }
        // a committed row holds one of the entity's unique values: which rows, as of one snapshot?
        List<E> holders = query(c, upserts.conflicts(), (ps, i) -> bindConflictKeys(ps, i, entity));
        if (!holders.isEmpty() && holders.stream().noneMatch(isLookup)) {
          DaoException violation = violation(holders, entity);
          if (violation != null) {
            throw violation;
          }
          // values equal for the database but not for Java (never seen): let the database say which
          write(c, upserts.insert(), entity, expiresAt, false);
          events.add(event(EntityEvent.Operation.CREATE, entity, null, false));
          publishAfterCommit(events);
          return entity;
        }
        if (round == MAX_UPSERT_ROUNDS) {
          throw new DaoException(ErrorCode.DATABASE_ERROR,
              "database error (the row of this key kept changing under concurrent writes; try again)");
        }
      }
    }));
  }

  /**
   * Runs an insert ({@code key, values[, expiry]}) or an update ({@code values[, expiry], key}) of one entity.
   *
   * @return whether a row was written
   */
  private boolean write(Connection c, String sql, E entity, Instant expiresAt, boolean keyLast)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = keyLast ? 1 : bindKey(ps, 1, keyOf(entity));
      i = bindValues(ps, i, entity);
      if (schema.ttl()) {
        Jdbc.setInstant(ps, i++, expiresAt);
      }
      if (keyLast) {
        bindKey(ps, i, keyOf(entity));
      }
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw translate(e, entity, Op.WRITE);
    }
  }

  /**
   * Deletes what {@code deleteSql} ({@code DELETE … RETURNING}) matches; returns whether a row went. Idempotent.
   * When other entities reference this one with ON DELETE CASCADE or SET NULL, the rows are first locked with
   * {@code lockSql} and their descendants collected, so that a delete event is published for every row the database
   * removes (recursively) and an update event for every row it changes.
   */
  protected final boolean deleteRows(String lockSql, String deleteSql, Binder binder) {
    return run(null, Op.DELETE, () -> connections.inTransaction(c -> {
      List<EntityEvent<?>> events = new ArrayList<>();
      if (children().stream().anyMatch(ChildLink::emitsEvents)) {
        for (E row : query(c, lockSql, binder)) {
          collectDescendants(c, row, events);
        }
      }
      List<E> deleted = query(c, deleteSql, binder);
      for (E row : deleted) {
        events.add(event(EntityEvent.Operation.DELETE, row, null, false));
      }
      publishAfterCommit(events);
      return !deleted.isEmpty();
    }));
  }

  /** {@code TRUNCATE … CASCADE}: every row goes, and every row of the entities that reference this one. */
  protected final void truncateTable(String sql) {
    run(null, Op.DELETE, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.executeUpdate();
      }
      List<EntityEvent<?>> events = new ArrayList<>();
      collectTruncated(this, events, new HashSet<>());
      publishAfterCommit(events);
      return null;
    }));
  }

  private static void collectTruncated(EntityDao<?> dao, List<EntityEvent<?>> events, Set<String> seen) {
    if (!seen.add(dao.schema.name())) {
      return;
    }
    events.add(new EntityEvent<>(dao.schema.name(), EntityEvent.Operation.TRUNCATE, null, null, null, null,
        !events.isEmpty()));
    for (ChildLink<?> link : dao.children()) {
      collectTruncated(link.dao(), events, seen);
    }
  }

  /**
   * Deletes up to {@code batchSize} expired rows of a ttl entity, publishing a delete event for each.
   *
   * @return the number of rows deleted; 0 for entities without ttl
   */
  public int deleteExpired(int batchSize) {
    return 0;
  }

  /**
   * Deletes up to {@code batchSize} expired rows ({@code DELETE … WHERE ctid IN (… FOR UPDATE SKIP LOCKED)
   * RETURNING …}) and publishes a delete event for each, so that every node's cache drops them.
   *
   * @return the number of rows deleted
   */
  protected final int deleteExpiredRows(String sql, int batchSize) {
    return run(null, Op.DELETE, () -> connections.inTransaction(c -> {
      List<EntityEvent<?>> events = new ArrayList<>();
      for (E row : query(c, sql, (ps, i) -> {
        ps.setInt(i, batchSize);
        return i + 1;
      })) {
        events.add(event(EntityEvent.Operation.DELETE, row, null, false));
      }
      publishAfterCommit(events);
      return events.size();
    }));
  }

  private List<E> query(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        List<E> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(read(rs));
        }
        return rows;
      }
    }
  }

  private void collectDescendants(Connection c, E parent, List<EntityEvent<?>> events)
      throws SQLException {
    Object parentKey = keyOf(parent)[0];
    for (ChildLink<?> link : children()) {
      if (link.emitsEvents()) {
        link.collect(c, parentKey, events);
      }
    }
  }

  /** Another entity's foreign key to this one. */
  private record ChildLink<C>(EntityDao<C> dao, String field, OnDelete action) {
    boolean emitsEvents() {
      return action != OnDelete.RESTRICT;
    }

    void collect(Connection c, Object parentKey, List<EntityEvent<?>> events) throws SQLException {
      List<C> rows = dao.query(c, dao.lockByForeignKeySql(field), (ps, i) -> dao.bindForeignKey(ps, i, field,
          parentKey));
      for (C row : rows) {
        if (action == OnDelete.CASCADE) {
          dao.collectDescendants(c, row, events);
          events.add(dao.event(EntityEvent.Operation.DELETE, row, null, true));
        } else {
          events.add(dao.event(EntityEvent.Operation.UPDATE, dao.withoutForeignKey(row, field), row, true));
        }
      }
    }
  }

  /** The foreign keys of other entities (of every plugin) that point to this one. */
  private List<ChildLink<?>> children() {
    List<ChildLink<?>> links = children;
    if (links == null) {
      List<ChildLink<?>> found = new ArrayList<>();
      for (PluginModule plugin : db.plugins()) {
        for (Class<?> type : plugin.daos().keySet()) {
          EntityDao<?> dao = (EntityDao<?>) db.dao(type);
          addLinks(dao, found);
        }
      }
      links = List.copyOf(found);
      children = links;
    }
    return links;
  }

  private <C> void addLinks(EntityDao<C> dao, List<ChildLink<?>> out) {
    for (FieldSchema<C> f : dao.schema.fields()) {
      if (schema.name().equals(f.foreignEntity())) {
        out.add(new ChildLink<>(dao, f.name(), f.onDelete()));
      }
    }
  }

  // ---- events and the cache --------------------------------------------------------------------------------

  private EntityEvent<E> event(EntityEvent.Operation op, E value, E old, boolean cascaded) {
    return new EntityEvent<>(schema.name(), op, value, old, cacheKey(value), old == null ? null : cacheKey(old),
        cascaded);
  }

  private void publishAfterCommit(List<EntityEvent<?>> events) {
    if (!events.isEmpty()) {
      Events bus = db.events();
      connections.afterCommit(() -> events.forEach(bus::publish));
    }
  }

  /** Reads through the node's entity cache ({@code db.cache()}). */
  protected final Optional<E> cached(String cacheKey, Supplier<Optional<E>> loader) {
    return db.cache().get(cacheKey, k -> loader.get());
  }

  private E selectForUpdate(Connection c, String sql, Binder lookup) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      lookup.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(rs) : null;
      }
    }
  }

  // ---- errors ----------------------------------------------------------------------------------------------

  /** What a statement was doing, to tell a bad reference (write) from a restricted delete. */
  protected enum Op {
    READ,
    WRITE,
    DELETE
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T run(E entity, Op op, SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw translate(e, entity, op);
    }
  }

  /**
   * Maps a PostgreSQL error to Kong's error: unique and primary key violations name the fields and values, foreign
   * key violations the reference, anything else becomes a database error without SQL text.
   */
  protected final DaoException translate(SQLException e, E entity, Op op) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String constraint = server == null ? null : server.getConstraint();
    if (state.equals("23505") && constraint != null) {
      if (constraint.equals(schema.primaryKeyConstraint())) {
        return keyViolation(ErrorCode.PRIMARY_KEY_VIOLATION, "primary key violation on key '%s'",
            schema.primaryKey(), entity, e);
      }
      List<FieldSchema<E>> fields = schema.uniqueConstraints().get(constraint);
      if (fields != null) {
        return keyViolation(ErrorCode.UNIQUE_VIOLATION, "UNIQUE violation detected on '%s'", fields, entity, e);
      }
    }
    if (state.equals("23503")) {
      String table = server == null ? null : server.getTable();
      if (op == Op.DELETE || (table != null && !table.equals(schema.name()))) {
        String child = table == null ? "unknown" : table;
        return new DaoException(ErrorCode.FOREIGN_KEY_VIOLATION,
            "an existing '" + child + "' entity references this '" + schema.name() + "' entity",
            Map.of("@referenced_by", child), e);
      }
      FieldSchema<E> field = constraint == null ? null : schema.foreignKeyConstraints().get(constraint);
      if (field != null) {
        Object value = entity == null ? null : field.get(entity);
        String message = "the foreign key '" + Values.describeKey(new String[] {"id"}, new Object[] {value})
            + "' does not reference an existing '" + field.foreignEntity() + "' entity.";
        return new DaoException(ErrorCode.FOREIGN_KEY_VIOLATION, message, Map.of(field.jsonName(), message), e);
      }
    }
    if (state.startsWith("22") || state.equals("23514") || state.equals("23502")) {
      // a value the database refuses (out of range, NUL characters, …): the input's fault, not the server's
      return new DaoException(ErrorCode.SCHEMA_VIOLATION,
          "schema violation (a value is not accepted by the database, SQLSTATE " + state + ")", Map.of(), e);
    }
    return DaoException.databaseError(e);
  }

  /** The key or unique violation a row that holds some of the entity's unique values makes; null if none. */
  private DaoException violation(List<E> holders, E entity) {
    for (E holder : holders) {
      if (sameValues(schema.primaryKey(), holder, entity)) {
        return keyViolation(ErrorCode.PRIMARY_KEY_VIOLATION, "primary key violation on key '%s'",
            schema.primaryKey(), entity, null);
      }
      for (List<FieldSchema<E>> unique : schema.uniqueConstraints().values()) {
        if (sameValues(unique, holder, entity)) {
          return keyViolation(ErrorCode.UNIQUE_VIOLATION, "UNIQUE violation detected on '%s'", unique, entity, null);
        }
      }
    }
    return null;
  }

  private static <E> boolean sameValues(List<FieldSchema<E>> fields, E a, E b) {
    for (FieldSchema<E> f : fields) {
      if (!Objects.equals(f.get(a), f.get(b))) {
        return false;
      }
    }
    return true;
  }

  private DaoException keyViolation(
      ErrorCode code, String format, List<FieldSchema<E>> fields, E entity, SQLException cause) {
    String[] names = new String[fields.size()];
    Object[] values = new Object[fields.size()];
    Map<String, Object> byField = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      FieldSchema<E> f = fields.get(i);
      names[i] = f.jsonName();
      values[i] = entity == null ? null : f.get(entity);
      byField.put(f.jsonName(), Values.text(values[i]));
    }
    return new DaoException(code, String.format(format, Values.describeKey(names, values)), byField, cause);
  }

  /** Kong's invalid primary key error when a key value is missing. */
  protected static void requireKey(Object value, String field) {
    if (value == null) {
      throw new DaoException(ErrorCode.INVALID_PRIMARY_KEY,
          "invalid primary key: '{" + field + "=\"missing primary key\"}'", Map.of(field, "missing primary key"));
    }
  }

  /** Kong's invalid unique error when a unique lookup value is missing. */
  protected static void requireUnique(Object value, String field) {
    if (value == null) {
      throw new DaoException(ErrorCode.INVALID_UNIQUE, "invalid unique " + field + ": missing value",
          Map.of(field, "missing value"));
    }
  }

  /** Kong's not-found message for a key lookup. */
  protected static String notFoundMessage(boolean primary, String[] names, Object[] values) {
    return primary
        ? "could not find the entity with primary key '" + Values.describeKey(names, values) + "'"
        : "could not find the entity with '" + Values.describeKey(names, values) + "'";
  }
}
