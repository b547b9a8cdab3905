package dev.daogen.store.postgres;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.internal.Jdbc;
import dev.daogen.internal.Offsets;
import dev.daogen.internal.Values;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.Change;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Filter;
import dev.daogen.store.ForeignKey;
import dev.daogen.store.Lookup;
import dev.daogen.store.Slice;
import dev.daogen.store.support.StoreErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One entity on PostgreSQL: binds the generated statements on plain JDBC (the connection of the thread's
 * transaction, or a pooled one), and makes upserts race-free (see {@code docs/concurrency.md}).
 *
 * @param <E> the entity record
 */
final class PostgresEntityStore<E> implements EntityStore<E> {
  /** Rounds an upsert tries while concurrent writers keep creating and removing its row, before it gives up. */
  private static final int MAX_UPSERT_ROUNDS = 50;

  private final PostgresMapping<E> mapping;
  private final EntitySchema<E> schema;
  private final Connections connections;
  private final PostgresErrors<E> errors;
  private final Statements statements;
  private final int[] keyIndexes;
  private final Lookup primaryKey;
  private final int width;

  PostgresEntityStore(PostgresMapping<E> mapping, Connections connections) {
    this.mapping = mapping;
    this.schema = mapping.schema();
    this.connections = connections;
    this.errors = new PostgresErrors<>(schema);
    this.statements = new Statements(mapping.postgres(), schema);
    this.width = schema.fields().size() + 1;
    List<FieldSchema<E>> key = schema.primaryKey();
    this.keyIndexes = new int[key.size()];
    for (int i = 0; i < keyIndexes.length; i++) {
      keyIndexes[i] = schema.fields().indexOf(key.get(i));
    }
    this.primaryKey = Lookup.primaryKey(key.stream().map(FieldSchema::jsonName).toList(), keyIndexes);
  }

  // ---- reads -----------------------------------------------------------------------------------------------

  @Override
  public Optional<E> find(Lookup lookup, Object[] values) {
    Statement s = statements.require(PostgresStatements.findName(lookup));
    return read(() -> connections.withConnection(c -> first(query(c, s, lookupRow(lookup, values), null))));
  }

  @Override
  public Optional<E> findIncludingExpired(Object[] key) {
    Statement s = statements.get("find including expired");
    if (s == null) {
      return find(primaryKey, key);
    }
    return read(() -> connections.withConnection(c -> first(query(c, s, keyRow(key), null))));
  }

  @Override
  public Slice<E> page(Filter filter, Object[] args, int limit, String token) {
    Object[] after = token == null ? null : decode(token);
    Statement s = statements.require(after == null
        ? PostgresStatements.pageName(filter) : PostgresStatements.pageAfterName(filter));
    Object[] row = after == null ? new Object[width] : keyRow(after);
    Params params = new Params(limit + 1, null, null);
    if (filter.index() >= 0) {
      row[filter.index()] = args[0];
    } else if (filter.equals(Filter.TAGS_ALL) || filter.equals(Filter.TAGS_ANY)) {
      params = new Params(limit + 1, null, (String[]) args[0]);
    }
    Params bound = params;
    return read(() -> connections.withConnection(c -> {
      List<E> rows = query(c, s, row, bound);
      boolean more = rows.size() > limit;
      if (more) {
        rows = rows.subList(0, limit);
      }
      String next = more ? Offsets.encode(mapping.key(rows.get(rows.size() - 1))) : null;
      return new Slice<>(rows, next);
    }));
  }

  private Object[] decode(String token) {
    String[] texts = Offsets.decode(token, keyIndexes.length);
    try {
      return mapping.parseKey(texts);
    } catch (IllegalArgumentException e) {
      throw Offsets.invalid(token, "bad offset");
    }
  }

  @Override
  public long count() {
    Statement s = statements.require("count");
    return read(() -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(s.text())) {
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }));
  }

  @Override
  public Optional<Instant> expiresAt(Object[] key) {
    Statement s = statements.get("expires at");
    if (s == null) {
      return Optional.empty();
    }
    return read(() -> connections.withConnection(c -> {
      try (PreparedStatement ps = prepare(c, s, keyRow(key), null)) {
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(Jdbc.getInstant(rs, 1)) : Optional.<Instant>empty();
        }
      }
    }));
  }

  @Override
  public Map<String, Instant> expiries(List<E> rows) {
    Statement s = statements.get("expiries");
    if (s == null || rows.isEmpty()) {
      return Map.of();
    }
    String[] keys = new String[rows.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Values.text(mapping.key(rows.get(i))[0]);
    }
    return read(() -> connections.withConnection(c -> {
      try (PreparedStatement ps = prepare(c, s, new Object[width], new Params(0, null, keys))) {
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

  // ---- writes ----------------------------------------------------------------------------------------------

  @Override
  public List<Change<E>> insert(E row, Instant expiresAt) {
    Statement insert = statements.require("insert");
    Statement purge = statements.get("purge expired");
    if (purge == null) {
      return write(row, false, () -> connections.withConnection(c -> {
        execute(c, insert, row, expiresAt);
        return List.of(Change.created(row));
      }));
    }
    // expired rows are invisible, so they must not block the key: they go first, in the same transaction
    return write(row, false, () -> connections.inTransaction(c -> {
      List<Change<E>> changes = purgeExpired(c, purge, row);
      execute(c, insert, row, expiresAt);
      changes.add(Change.created(row));
      return changes;
    }));
  }

  @Override
  public Change<E> update(Lookup lookup, Object[] values, UnaryOperator<E> merge, boolean setExpiry,
      Instant expiresAt) {
    Statement select = statements.require(PostgresStatements.findForUpdateName(lookup));
    Statement update = statements.require(setExpiry ? "update with expiry" : "update");
    return write(null, false, () -> connections.inTransaction(c -> {
      E old = first(query(c, select, lookupRow(lookup, values), null)).orElse(null);
      if (old == null) {
        throw StoreErrors.notFound(lookup, values);
      }
      E updated = merge.apply(old);
      execute(c, update, updated, expiresAt);
      return Change.updated(updated, old);
    }));
  }

  /**
   * Each round reads the row for update by its lookup. If it exists, the new row is built from it and written with an
   * {@code UPDATE} while the lock is held. If not, it is inserted with {@code ON CONFLICT DO NOTHING}; when nothing
   * was inserted, one statement reads every row holding one of its unique values: the lookup's own row (a concurrent
   * writer made it) is updated by the next round, other rows are the real violation, none means try again.
   */
  @Override
  public List<Change<E>> upsert(Lookup lookup, Object[] values, Predicate<E> isLookup, UnaryOperator<E> build,
      Instant expiresAt) {
    Statement select = statements.require(PostgresStatements.findForUpdateName(lookup));
    Statement update = statements.require(schema.ttl() ? "update with expiry" : "update");
    Statement insertIfAbsent = statements.require("insert if absent");
    Statement conflicts = statements.require("conflicts");
    Statement purge = statements.get("purge expired");
    return write(null, false, () -> connections.inTransaction(c -> {
      List<Change<E>> changes = new ArrayList<>();
      for (int round = 1; ; round++) {
        E old = first(query(c, select, lookupRow(lookup, values), null)).orElse(null);
        E row = build.apply(old);
        if (old != null) {
          execute(c, update, row, expiresAt);
          changes.add(Change.updated(row, old));
          return changes;
        }
        if (purge != null) {
          changes.addAll(purgeExpired(c, purge, row));
        }
        if (execute(c, insertIfAbsent, row, expiresAt) > 0) {
          changes.add(Change.created(row));
          return changes;
        }
        // a committed row holds one of the row's unique values: which rows, as of one snapshot?
        List<E> holders = query(c, conflicts, mapping.row(row), null);
        if (!holders.isEmpty() && holders.stream().noneMatch(isLookup)) {
          DaoException violation = errors.violation(holders, row);
          if (violation != null) {
            throw violation;
          }
          // values equal for the database but not for Java (never seen): let the database say which
          execute(c, statements.require("insert"), row, expiresAt);
          changes.add(Change.created(row));
          return changes;
        }
        if (round == MAX_UPSERT_ROUNDS) {
          throw new DaoException(ErrorCode.DATABASE_ERROR,
              "database error (the row of this key kept changing under concurrent writes; try again)");
        }
      }
    }));
  }

  @Override
  public List<E> lock(Lookup lookup, Object[] values) {
    Statement s = statements.require(PostgresStatements.findForUpdateName(lookup));
    return write(null, true, () -> connections.withConnection(c -> query(c, s, lookupRow(lookup, values), null)));
  }

  @Override
  public List<E> lockChildren(ForeignKey<E> key, Object parent) {
    Statement s = statements.require(PostgresStatements.lockChildrenName(key.field()));
    Object[] row = new Object[width];
    row[key.filter().index()] = parent;
    return write(null, true, () -> connections.withConnection(c -> query(c, s, row, null)));
  }

  @Override
  public List<E> delete(Lookup lookup, Object[] values) {
    Statement s = statements.require(PostgresStatements.deleteName(lookup));
    return write(null, true, () -> connections.withConnection(c -> query(c, s, lookupRow(lookup, values), null)));
  }

  @Override
  public List<E> deleteExpired(int limit) {
    Statement s = statements.get("delete expired");
    if (s == null) {
      return List.of();
    }
    return write(null, true, () -> connections.inTransaction(c -> query(c, s, new Object[width],
        new Params(limit, null, null))));
  }

  @Override
  public void truncate() {
    Statement s = statements.require("truncate");
    write(null, true, () -> connections.withConnection(c -> {
      try (PreparedStatement ps = c.prepareStatement(s.text())) {
        return ps.executeUpdate();
      }
    }));
  }

  private List<Change<E>> purgeExpired(Connection c, Statement purge, E row) throws SQLException {
    List<Change<E>> changes = new ArrayList<>();
    for (E expired : query(c, purge, mapping.row(row), null)) {
      changes.add(Change.deleted(expired));
    }
    return changes;
  }

  // ---- statements ------------------------------------------------------------------------------------------

  private int execute(Connection c, Statement s, E row, Instant expiresAt) throws SQLException {
    try (PreparedStatement ps = prepare(c, s, mapping.row(row), new Params(0, expiresAt, null))) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw errors.translate(e, row, false);
    }
  }

  private List<E> query(Connection c, Statement s, Object[] row, Params params) throws SQLException {
    try (PreparedStatement ps = prepare(c, s, row, params)) {
      try (ResultSet rs = ps.executeQuery()) {
        List<E> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(mapping.read(rs));
        }
        return rows;
      }
    }
  }

  /** Prepares a statement and binds its parameters from a row's columns and the special values. */
  private PreparedStatement prepare(Connection c, Statement s, Object[] row, Params params) throws SQLException {
    PreparedStatement ps = c.prepareStatement(s.text());
    try {
      int[] codes = s.params();
      for (int i = 0; i < codes.length; i++) {
        int code = codes[i];
        switch (code) {
          case Statement.LIMIT -> ps.setInt(i + 1, params.limit());
          case Statement.EXPIRES_AT -> Jdbc.setInstant(ps, i + 1, params == null ? null : params.expiresAt());
          case Statement.ARRAY -> Jdbc.setTextArray(ps, i + 1, params.array());
          default -> mapping.bind(ps, i + 1, code, row[code]);
        }
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /** The values of a lookup placed in a row's columns. */
  private Object[] lookupRow(Lookup lookup, Object[] values) {
    Object[] row = new Object[width];
    for (int i = 0; i < values.length; i++) {
      int index = lookup.index(i);
      row[index < 0 ? width - 1 : index] = values[i];
    }
    return row;
  }

  private Object[] keyRow(Object[] key) {
    Object[] row = new Object[width];
    for (int i = 0; i < key.length; i++) {
      row[keyIndexes[i]] = key[i];
    }
    return row;
  }

  private static <E> Optional<E> first(List<E> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** A limit, an expiry and a text array: the special parameters of a statement. */
  private record Params(int limit, Instant expiresAt, String[] array) {}

  @FunctionalInterface
  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  private <T> T read(SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw errors.translate(e, null, false);
    }
  }

  private <T> T write(E row, boolean deleting, SqlWork<T> work) {
    try {
      return work.run();
    } catch (SQLException e) {
      throw errors.translate(e, row, deleting);
    }
  }
}
