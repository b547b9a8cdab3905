package dev.daogen.bench;

import dev.daogen.sample.Consumer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * (b) The baseline: what a careful developer writes by hand on plain JDBC for the same work — the same SQL text as
 * the generated DAO, the same transactions (update and upsert read the row {@code for update} first; an upsert then
 * updates, or inserts {@code on conflict do nothing}), the same mapping to the record. It does not validate, publish events or queue cache invalidations.
 */
final class JdbcOps implements ConsumerOps {
  static final String COLUMNS = "\"id\", \"created_at\", \"updated_at\", \"username\", \"custom_id\", \"tags\"";
  static final String SELECT_BY_ID = "select " + COLUMNS + " from \"consumers\" where \"id\" = ?";
  static final String SELECT_BY_ID_FOR_UPDATE = SELECT_BY_ID + " for update";
  static final String SELECT_BY_USERNAME = "select " + COLUMNS + " from \"consumers\" where \"username\" = ?";
  static final String INSERT = "insert into \"consumers\" (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?)";
  static final String UPDATE = "update \"consumers\" set \"created_at\" = ?, \"updated_at\" = ?, \"username\" = ?,"
      + " \"custom_id\" = ?, \"tags\" = ? where \"id\" = ?";
  static final String INSERT_IF_ABSENT = INSERT + " on conflict do nothing";
  static final String SELECT_CONFLICTS = "select " + COLUMNS + " from \"consumers\""
      + " where (\"id\" = ? or \"username\" = ? or \"custom_id\" = ?)";
  static final String PAGE_AFTER = "select " + COLUMNS + " from \"consumers\" where \"id\" > ?"
      + " order by \"id\" asc fetch next ? rows only";

  private final DataSource ds;

  JdbcOps(DataSource ds) {
    this.ds = ds;
  }

  /** A page of rows and the key to continue after (null on the last page). */
  record Page(List<Consumer> data, UUID next) {}

  @Override
  public Optional<Consumer> selectById(UUID id) {
    return selectOne(SELECT_BY_ID, id);
  }

  @Override
  public Optional<Consumer> selectByUsername(String username) {
    return selectOne(SELECT_BY_USERNAME, username);
  }

  private Optional<Consumer> selectOne(String sql, Object key) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Consumer insert(String username) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Consumer consumer = new Consumer(UUID.randomUUID(), now, now, username, null, SEED_TAGS);
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setObject(1, consumer.id());
      bindValues(c, ps, 2, consumer);
      ps.executeUpdate();
      return consumer;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Consumer updateCustomId(UUID id, String customId) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        Consumer old = selectForUpdate(c, id);
        if (old == null) {
          throw new IllegalStateException("not found: " + id);
        }
        Consumer updated = new Consumer(old.id(), old.createdAt(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
            old.username(), customId, old.tags());
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
          int i = bindValues(c, ps, 1, updated);
          ps.setObject(i, id);
          ps.executeUpdate();
        }
        c.commit();
        return updated;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Consumer upsert(UUID id, String username, String customId) {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try {
        for (int round = 1; ; round++) {
          Consumer old = selectForUpdate(c, id);
          Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
          Consumer entity = new Consumer(id, old != null ? old.createdAt() : now, now, username, customId, SEED_TAGS);
          if (old != null) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
              int i = bindValues(c, ps, 1, entity);
              ps.setObject(i, id);
              ps.executeUpdate();
            }
            c.commit();
            return entity;
          }
          int inserted;
          try (PreparedStatement ps = c.prepareStatement(INSERT_IF_ABSENT)) {
            ps.setObject(1, id);
            bindValues(c, ps, 2, entity);
            inserted = ps.executeUpdate();
          }
          if (inserted > 0) {
            c.commit();
            return entity;
          }
          // a committed row holds one of its unique values: this key's (a concurrent insert: go round) or another's
          boolean ours = false;
          boolean any = false;
          try (PreparedStatement ps = c.prepareStatement(SELECT_CONFLICTS)) {
            ps.setObject(1, id);
            ps.setString(2, username);
            ps.setString(3, customId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                any = true;
                ours |= id.equals(rs.getObject(1, UUID.class));
              }
            }
          }
          if ((any && !ours) || round == 50) {
            throw new IllegalStateException("unique violation: " + username + " / " + customId);
          }
        }
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Object cursorAfter(UUID key) {
    return key;
  }

  @Override
  public Object pageAfter(Object cursor, int size) {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE_AFTER)) {
      ps.setObject(1, cursor);
      ps.setInt(2, size + 1);
      List<Consumer> rows = new ArrayList<>(size);
      boolean more = false;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rows.size() == size) {
            more = true;
            break;
          }
          rows.add(read(rs));
        }
      }
      return new Page(rows, more ? rows.get(rows.size() - 1).id() : null);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Object nextCursor(Object page) {
    return ((Page) page).next();
  }

  @Override
  public int size(Object page) {
    return ((Page) page).data().size();
  }

  private static Consumer selectForUpdate(Connection c, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT_BY_ID_FOR_UPDATE)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? read(rs) : null;
      }
    }
  }

  private static int bindValues(Connection c, PreparedStatement ps, int i, Consumer e) throws SQLException {
    ps.setObject(i, OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC));
    ps.setObject(i + 1, OffsetDateTime.ofInstant(e.updatedAt(), ZoneOffset.UTC));
    ps.setString(i + 2, e.username());
    ps.setString(i + 3, e.customId());
    ps.setArray(i + 4, e.tags() == null ? null : c.createArrayOf("text", e.tags().toArray()));
    return i + 5;
  }

  static Consumer read(ResultSet rs) throws SQLException {
    OffsetDateTime created = rs.getObject(2, OffsetDateTime.class);
    OffsetDateTime updated = rs.getObject(3, OffsetDateTime.class);
    Array tags = rs.getArray(6);
    Set<String> tagSet = null;
    if (tags != null) {
      tagSet = new LinkedHashSet<>();
      Collections.addAll(tagSet, (String[]) tags.getArray());
      tagSet = Collections.unmodifiableSet(tagSet);
    }
    return new Consumer(rs.getObject(1, UUID.class), created == null ? null : created.toInstant(),
        updated == null ? null : updated.toInstant(), rs.getString(4), rs.getString(5), tagSet);
  }

  @Override
  public void close() {
    // the pool belongs to the caller
  }
}
