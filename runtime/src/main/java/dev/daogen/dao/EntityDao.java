package dev.daogen.dao;

import dev.daogen.db.Connections;
import dev.daogen.db.Database;
import dev.daogen.internal.Binder;
import dev.daogen.internal.Offsets;
import dev.daogen.internal.Values;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
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
  private final Connections connections;
  private final EntitySchema<E> schema;
  private final int defaultPageSize;
  private final int maxPageSize;

  protected EntityDao(Database db, EntitySchema<E> schema) {
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
        return entity;
      }
    }));
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
    return run(null, Op.WRITE, () -> connections.inTransaction(c -> {
      E old = selectForUpdate(c, selectSql, lookup);
      if (old == null) {
        throw new DaoException(ErrorCode.NOT_FOUND, notFound.get());
      }
      E updated = merge.apply(old);
      try (PreparedStatement ps = c.prepareStatement(updateSql)) {
        bindKey(ps, bindValues(ps, 1, updated), keyOf(old));
        ps.executeUpdate();
      } catch (SQLException e) {
        throw translate(e, updated, Op.WRITE);
      }
      return updated;
    }));
  }

  /**
   * Inserts or replaces: reads the existing row for update (if any), builds the new entity from it (keeping what
   * upserts keep, refusing immutable changes), then runs {@code INSERT … ON CONFLICT … DO UPDATE … RETURNING}.
   */
  protected final E upsertRow(String selectSql, Binder lookup, String upsertSql, Function<E, E> build) {
    return run(null, Op.WRITE, () -> connections.inTransaction(c -> {
      E old = selectForUpdate(c, selectSql, lookup);
      E entity = build.apply(old);
      try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
        bindValues(ps, bindKey(ps, 1, keyOf(entity)), entity);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return read(rs);
        }
      } catch (SQLException e) {
        throw translate(e, entity, Op.WRITE);
      }
    }));
  }

  /** Deletes what {@code sql} matches; returns whether a row went. Idempotent. */
  protected final boolean deleteRows(String sql, Binder binder) {
    return run(null, Op.DELETE, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps, 1);
        return ps.executeUpdate() > 0;
      }
    }));
  }

  /** Runs a statement without parameters or results ({@code TRUNCATE}). */
  protected final void executeStatement(String sql) {
    run(null, Op.DELETE, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        return ps.executeUpdate();
      }
    }));
  }

  private E selectForUpdate(java.sql.Connection c, String sql, Binder lookup) throws SQLException {
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
    return new DaoException(ErrorCode.DATABASE_ERROR, "database error (SQLSTATE " + state + ")", Map.of(), e);
  }

  private DaoException keyViolation(
      ErrorCode code, String format, List<FieldSchema<E>> fields, E entity, SQLException cause) {
    String[] names = new String[fields.size()];
    Object[] values = new Object[fields.size()];
    Map<String, Object> byField = new java.util.LinkedHashMap<>();
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
