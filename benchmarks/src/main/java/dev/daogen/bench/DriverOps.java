package dev.daogen.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.sample.Consumer;
import dev.daogen.store.cassandra.Cql;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The Cassandra baseline: what a careful developer writes by hand on a {@link CqlSession} for the same work as the
 * generated DAO on {@code CassandraStore}, with the same statements (the CQL text of the generated {@code
 * ConsumerMapping}, prepared once) and the same lightweight transactions: an insert claims each unique value
 * ({@code INSERT INTO consumers_unique … IF NOT EXISTS}) and then writes the row {@code IF NOT EXISTS}; an update
 * reads the row (with its version), claims the unique values it changes, writes {@code IF version = ?} and releases
 * the values it dropped ({@code DELETE … IF owner = ?}); a page is one driver page after a paging state. Rows are
 * mapped to {@link Consumer} by hand. It does not validate or publish events, and handles conflicts simply (a
 * refused claim is a violation: no take-over of stale claims), which the benchmark never meets.
 */
final class DriverOps implements ConsumerOps {
  /** The unique constraints' names, which the claims table is keyed by (the schema's constraint names). */
  static final String USERNAME_KEY = "consumers_username_key";
  static final String CUSTOM_ID_KEY = "consumers_custom_id_key";
  private static final int ATTEMPTS = 64;

  private final CqlSession session;
  private final PreparedStatement byId;
  private final PreparedStatement byUsername;
  private final PreparedStatement insert;
  private final PreparedStatement update;
  private final PreparedStatement claim;
  private final PreparedStatement release;
  private final PreparedStatement page;

  /** On a session whose keyspace is the benchmark's. */
  DriverOps(CqlSession session) {
    this.session = session;
    Map<String, Cql> cql = CassandraBench.statements();
    byId = prepare(cql, "find primary key", "id");
    byUsername = prepare(cql, "find username", "username");
    insert = prepare(cql, "insert", "id", "created_at", "updated_at", "username", "custom_id", "tags", "$version",
        "$ttl");
    update = prepare(cql, "update", "$ttl", "created_at", "updated_at", "username", "custom_id", "tags", "$version",
        "id", "$old_version");
    claim = prepare(cql, "claim", "$unique_name", "$unique_value", "$owner", "$ttl");
    release = prepare(cql, "release claim", "$unique_name", "$unique_value", "$owner");
    page = prepare(cql, "page all");
  }

  /** Prepares a statement of the mapping, checking that it binds what this code binds, in this order. */
  private PreparedStatement prepare(Map<String, Cql> cql, String name, String... params) {
    Cql c = cql.get(name);
    if (c == null || !c.params().equals(List.of(params))) {
      throw new IllegalStateException("the mapping's '" + name + "' is not what DriverOps binds: " + c);
    }
    return session.prepare(c.text());
  }

  /** A page of rows and the driver's paging state of the next one (null: the last page). */
  record Page(List<Consumer> data, PagingState next) {}

  @Override
  public Optional<Consumer> selectById(UUID id) {
    Row r = session.execute(byId.bind(id)).one();
    return r == null ? Optional.empty() : Optional.of(read(r));
  }

  @Override
  public Optional<Consumer> selectByUsername(String username) {
    Row r = session.execute(byUsername.bind(username)).one();
    return r == null ? Optional.empty() : Optional.of(read(r));
  }

  @Override
  public Consumer insert(String username) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return insert(new Consumer(UUID.randomUUID(), now, now, username, null, SEED_TAGS));
  }

  private Consumer insert(Consumer c) {
    String owner = c.id().toString();
    boolean username = claim(USERNAME_KEY, c.username(), owner);
    boolean customId;
    try {
      customId = claim(CUSTOM_ID_KEY, c.customId(), owner);
    } catch (RuntimeException e) {
      release(username, USERNAME_KEY, c.username(), owner);
      throw e;
    }
    if (!session.execute(insert.bind(c.id(), c.createdAt(), c.updatedAt(), c.username(), c.customId(), c.tags(),
        UUID.randomUUID(), 0)).wasApplied()) {
      release(username, USERNAME_KEY, c.username(), owner);
      release(customId, CUSTOM_ID_KEY, c.customId(), owner);
      throw new IllegalStateException("primary key violation: " + c.id());
    }
    return c;
  }

  @Override
  public Consumer updateCustomId(UUID id, String customId) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Row r = session.execute(byId.bind(id)).one();
      if (r == null) {
        throw new IllegalStateException("not found: " + id);
      }
      Consumer old = read(r);
      Consumer updated = new Consumer(id, old.createdAt(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
          old.username(), customId, old.tags());
      if (rewrite(old, r.getUuid(6), updated)) {
        return updated;
      }
    }
    throw new IllegalStateException("contention on " + id);
  }

  @Override
  public Consumer upsert(UUID id, String username, String customId) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Row r = session.execute(byId.bind(id)).one();
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      if (r == null) {
        return insert(new Consumer(id, now, now, username, customId, SEED_TAGS));
      }
      Consumer old = read(r);
      Consumer updated = new Consumer(id, old.createdAt(), now, username, customId, SEED_TAGS);
      if (rewrite(old, r.getUuid(6), updated)) {
        return updated;
      }
    }
    throw new IllegalStateException("contention on " + id);
  }

  /**
   * Claims the unique values {@code updated} takes, writes it {@code IF version = ?}, releases the values it drops;
   * false (claims undone) when another writer changed the row since it was read.
   */
  private boolean rewrite(Consumer old, UUID version, Consumer updated) {
    String owner = old.id().toString();
    boolean username = !Objects.equals(old.username(), updated.username())
        && claim(USERNAME_KEY, updated.username(), owner);
    boolean customId;
    try {
      customId = !Objects.equals(old.customId(), updated.customId())
          && claim(CUSTOM_ID_KEY, updated.customId(), owner);
    } catch (RuntimeException e) {
      release(username, USERNAME_KEY, updated.username(), owner);
      throw e;
    }
    if (!session.execute(update.bind(0, updated.createdAt(), updated.updatedAt(), updated.username(),
        updated.customId(), updated.tags(), UUID.randomUUID(), old.id(), version)).wasApplied()) {
      release(username, USERNAME_KEY, updated.username(), owner);
      release(customId, CUSTOM_ID_KEY, updated.customId(), owner);
      return false;
    }
    release(!Objects.equals(old.username(), updated.username()), USERNAME_KEY, old.username(), owner);
    release(!Objects.equals(old.customId(), updated.customId()), CUSTOM_ID_KEY, old.customId(), owner);
    return true;
  }

  /** Claims a unique value (nothing for null); false when there was nothing to claim. */
  private boolean claim(String constraint, String value, String owner) {
    if (value == null) {
      return false;
    }
    ResultSet rs = session.execute(claim.bind(constraint, value, owner, 0));
    if (!rs.wasApplied()) {
      throw new IllegalStateException("unique violation: " + constraint + " " + value);
    }
    return true;
  }

  /** Releases a value's claim if {@code release} and the value is not null. */
  private void release(boolean release, String constraint, String value, String owner) {
    if (release && value != null) {
      session.execute(this.release.bind(constraint, value, owner));
    }
  }

  @Override
  public Object cursorAfter(UUID key) {
    throw new UnsupportedOperationException("Cassandra pages follow the driver's paging state, not keys");
  }

  @Override
  public Object pageAfter(Object cursor, int size) {
    BoundStatement s = page.bind().setPageSize(size);
    if (cursor != null) {
      s = s.setPagingState((PagingState) cursor);
    }
    ResultSet rs = session.execute(s);
    int available = rs.getAvailableWithoutFetching();
    List<Consumer> rows = new ArrayList<>(available);
    for (int i = 0; i < available; i++) {
      rows.add(read(rs.one()));
    }
    PagingState next = rs.getExecutionInfo().getSafePagingState();
    if (next != null && available >= size) {
      // as the store does: Cassandra hands out a paging state whenever a page is full; one row's look ahead tells
      // whether anything follows, so that the last page has no cursor
      ResultSet ahead = session.execute(page.bind().setPageSize(1).setPagingState(next));
      if (ahead.getAvailableWithoutFetching() == 0 && ahead.getExecutionInfo().getSafePagingState() == null) {
        next = null;
      }
    }
    return new Page(rows, next);
  }

  @Override
  public Object nextCursor(Object page) {
    return ((Page) page).next();
  }

  @Override
  public int size(Object page) {
    return ((Page) page).data().size();
  }

  static Consumer read(Row r) {
    return new Consumer(r.getUuid(0), r.getInstant(1), r.getInstant(2), r.getString(3), r.getString(4),
        r.isNull(5) ? null : r.getSet(5, String.class));
  }

  @Override
  public void close() {
    session.close();
  }
}
