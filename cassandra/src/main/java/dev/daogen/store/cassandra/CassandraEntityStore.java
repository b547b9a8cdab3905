package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PagingState;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One entity's rows on Cassandra, with Kong's semantics where Cassandra has no constraints: every write is a
 * lightweight transaction (a new row {@code IF NOT EXISTS}; a change {@code IF version = ?} of the version it read, so
 * concurrent read-modify-writes never lose an update: the loser reads again and retries), unique values are claimed
 * first ({@link UniqueClaims}), ttl is Cassandra's own ({@code USING TTL}, with the expiry kept in a hidden column so
 * that a row is hidden from its exact expiry), and pages follow the driver's paging state, which is the opaque offset.
 * The engine checks foreign keys and performs cascades ({@link CassandraStore#enforcesForeignKeys()} is false).
 *
 * @param <E> the entity record
 */
final class CassandraEntityStore<E> implements EntityStore<E> {
  /** Conditional writes retried this many times under contention before giving up. */
  private static final int ATTEMPTS = 64;

  private final CqlSession session;
  private final CassandraMapping<E> mapping;
  private final EntitySchema<E> schema;
  private final int components;
  private final Map<String, Prepared> finds = new HashMap<>();
  private final Map<String, Prepared> pages = new HashMap<>();
  private final Prepared insert;
  private final Prepared update;
  private final Prepared delete;
  private final Prepared count;
  /** ttl entities: every row's version and expiry, to count the visible ones; null for the others. */
  private final Prepared countVisible;
  private final Prepared truncate;
  private final Prepared truncateClaims;
  private final Prepared pageTag;
  private final Prepared findKey;
  private final UniqueClaims<E> claims;
  private final Lookup primaryKey;

  CassandraEntityStore(CqlSession session, CassandraMapping<E> mapping) {
    this.session = session;
    this.mapping = mapping;
    this.schema = mapping.schema();
    this.components = schema.fields().size();
    List<String> columns = new ArrayList<>();
    schema.fields().forEach(f -> columns.add(f.column()));
    columns.add("cache_key");
    CassandraStatements cql = mapping.cassandra();
    for (Map.Entry<String, Cql> e : cql.all().entrySet()) {
      Prepared p = Prepared.of(session, e.getKey(), e.getValue(), columns);
      if (e.getKey().startsWith("find ")) {
        finds.put(e.getKey(), p);
      } else if (e.getKey().startsWith("page ") && !e.getKey().equals(CassandraStatements.PAGE_TAG)) {
        pages.put(e.getKey(), p);
      }
    }
    Map<String, Prepared> all = new HashMap<>(finds);
    all.putAll(pages);
    for (String name : List.of(CassandraStatements.INSERT, CassandraStatements.UPDATE, CassandraStatements.DELETE,
        CassandraStatements.COUNT, CassandraStatements.TRUNCATE, CassandraStatements.TRUNCATE_CLAIMS,
        CassandraStatements.CLAIM, CassandraStatements.TAKE_OVER_CLAIM, CassandraStatements.RELEASE_CLAIM,
        CassandraStatements.PAGE_TAG)) {
      Cql c = cql.get(name);
      if (c != null) {
        all.put(name, Prepared.of(session, name, c, columns));
      }
    }
    this.primaryKey = primaryKeyLookup(schema);
    this.insert = required(all, CassandraStatements.INSERT);
    this.update = required(all, CassandraStatements.UPDATE);
    this.delete = required(all, CassandraStatements.DELETE);
    this.count = required(all, CassandraStatements.COUNT);
    this.truncate = required(all, CassandraStatements.TRUNCATE);
    this.findKey = required(all, CassandraStatements.findName(primaryKey));
    this.truncateClaims = all.get(CassandraStatements.TRUNCATE_CLAIMS);
    this.pageTag = all.get(CassandraStatements.PAGE_TAG);
    this.countVisible = !schema.ttl() ? null : Prepared.of(session, "count visible", Cql.of("SELECT \"version\","
        + " \"ttl\" FROM \"" + schema.name().replace("\"", "\"\"") + "\""), columns);
    // the one statement not rendered by the processor: a claim's owner and when it was written (made once, here)
    Prepared readClaim = schema.uniqueConstraints().isEmpty() ? null : Prepared.of(session, "read claim",
        Cql.of("SELECT \"owner\", WRITETIME(\"owner\") FROM \"" + schema.name().replace("\"", "\"\"")
            + "_unique\" WHERE \"name\" = ? AND \"value\" = ?", Cql.UNIQUE_NAME, Cql.UNIQUE_VALUE), columns);
    this.claims = new UniqueClaims<>(session, mapping, all.get(CassandraStatements.CLAIM),
        all.get(CassandraStatements.TAKE_OVER_CLAIM), all.get(CassandraStatements.RELEASE_CLAIM), readClaim,
        key -> stored(findKey, cqlKey(key)).orElse(null));
    if (claims.any() && (truncateClaims == null || all.get(CassandraStatements.CLAIM) == null)) {
      throw new IllegalStateException(schema.name() + " has unique constraints but no claim statements");
    }
  }

  private static <E> Lookup primaryKeyLookup(EntitySchema<E> schema) {
    List<FieldSchema<E>> key = schema.primaryKey();
    int[] indexes = new int[key.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = schema.fields().indexOf(key.get(i));
    }
    return Lookup.primaryKey(key.stream().map(FieldSchema::jsonName).toList(), indexes);
  }

  private Prepared required(Map<String, Prepared> all, String name) {
    Prepared p = all.get(name);
    if (p == null) {
      throw new IllegalStateException(schema.name() + " has no Cassandra statement '" + name + "'");
    }
    return p;
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

  /**
   * A row as stored: the entity, the version its last write gave it, and its expiry (null: never). A ghost (no
   * version, no entity) is what Cassandra keeps of a row inserted without ttl whose columns were then all rewritten
   * with one and expired: its key, and nothing else.
   */
  record Stored<E>(E row, UUID version, Instant expiresAt) {
    boolean visible(Instant now) {
      return version != null && (expiresAt == null || expiresAt.isAfter(now));
    }

    boolean ghost() {
      return version == null;
    }
  }

  private Stored<E> stored(Row r) {
    UUID version = r.getUuid(components);
    if (version == null) {
      return new Stored<>(null, null, null);
    }
    Instant expiresAt = schema.ttl() ? r.getInstant(components + 1) : null;
    return new Stored<>(mapping.read(r), version, expiresAt);
  }

  private Optional<Stored<E>> stored(Prepared find, Object[] values) {
    Row r = execute(find.bindValues(values)).one();
    return r == null ? Optional.empty() : Optional.of(stored(r));
  }

  /** The visible rows a lookup addresses (a unique index may briefly return a row that moved on: checked here). */
  private List<Stored<E>> visible(Lookup lookup, Object[] values) {
    Prepared find = finds.get(CassandraStatements.findName(lookup));
    if (find == null) {
      throw new IllegalArgumentException(schema.name() + " has no lookup " + lookup.name() + " on Cassandra");
    }
    Object[] bound = cql(lookup, values);
    Instant now = Instant.now();
    List<Stored<E>> out = new ArrayList<>();
    for (Row r : execute(find.bindValues(bound))) {
      Stored<E> s = stored(r);
      if (s.visible(now) && holds(lookup, values, s.row())) {
        out.add(s);
      }
    }
    return out;
  }

  private boolean holds(Lookup lookup, Object[] values, E row) {
    if (lookup.kind() == Lookup.Kind.CACHE_KEY) {
      return values[0].equals(mapping.cacheKey(row));
    }
    for (int i = 0; i < values.length; i++) {
      if (!values[i].equals(schema.fields().get(lookup.index(i)).get(row))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Optional<E> find(Lookup lookup, Object[] values) {
    List<Stored<E>> found = visible(lookup, values);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).row());
  }

  @Override
  public Optional<E> findIncludingExpired(Object[] key) {
    return stored(findKey, cqlKey(key)).filter(s -> !s.ghost()).map(Stored::row);
  }

  @Override
  public Slice<E> page(Filter filter, Object[] args, int limit, String token) {
    if (filter.equals(Filter.TAGS_ALL) || filter.equals(Filter.TAGS_ANY)) {
      return new TagPages<>(this, filter.equals(Filter.TAGS_ALL)).page((String[]) args[0], limit, token);
    }
    Prepared page = pages.get(CassandraStatements.pageName(filter));
    if (page == null) {
      throw new IllegalArgumentException(schema.name() + " has no page filter " + filter.name() + " on Cassandra");
    }
    Object[] bound = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      bound[i] = mapping.cql(filter.index(), args[i]);
    }
    Part<E> part = slice(page.bindValues(bound), limit, token == null ? null : PageTokens.decode(token), token,
        row -> true);
    return new Slice<>(part.rows(), part.next() == null ? null : PageTokens.encode(part.next()));
  }

  /** Rows of one driver page, and the paging state after it (null: no rows follow). */
  record Part<E>(List<E> rows, PagingState next) {}

  /**
   * One driver page of a bound statement, after {@code state} (null: from the start), its visible rows that {@code
   * keep} accepts. A full page whose driver paging state leads nowhere (Cassandra gives one whenever a page is full)
   * ends the rows: one row's look ahead, so that a last page never has an offset to an empty page.
   *
   * @param token the offset {@code state} came from, for its error
   */
  Part<E> slice(BoundStatement statement, int limit, PagingState state, String token, Predicate<E> keep) {
    BoundStatement bound = statement.setPageSize(limit);
    if (state != null) {
      try {
        bound = bound.setPagingState(state);
      } catch (IllegalArgumentException e) {
        throw Offsets.invalid(token, "bad offset"); // the paging state of another statement or other values
      }
    }
    ResultSet rs = execute(bound);
    Instant now = Instant.now();
    List<E> rows = new ArrayList<>();
    int available = rs.getAvailableWithoutFetching();
    for (int i = 0; i < available; i++) {
      Stored<E> s = stored(rs.one());
      if (s.visible(now) && keep.test(s.row())) {
        rows.add(s.row());
      }
    }
    PagingState next = rs.getExecutionInfo().getSafePagingState();
    if (next != null && available >= limit) {
      ResultSet ahead = execute(statement.setPageSize(1).setPagingState(next));
      if (ahead.getAvailableWithoutFetching() == 0 && ahead.getExecutionInfo().getSafePagingState() == null) {
        next = null;
      }
    }
    return new Part<>(rows, next);
  }

  Prepared pageTag() {
    if (pageTag == null) {
      throw new IllegalArgumentException(schema.name() + " has no tags");
    }
    return pageTag;
  }

  /**
   * {@code COUNT(*)}; for ttl entities the rows that are visible, counted here from each row's version and expiry
   * (still a full scan): {@code COUNT(*)} would count a row from its hidden expiry until Cassandra drops it, and ghosts
   * (see {@link Stored}) for good.
   */
  @Override
  public long count() {
    if (countVisible == null) {
      Row r = execute(count.bindValues()).one();
      return r == null ? 0 : r.getLong(0);
    }
    Instant now = Instant.now();
    long n = 0;
    for (Row r : execute(countVisible.bindValues().setPageSize(5000))) {
      Instant expiresAt = r.getInstant(1);
      if (r.getUuid(0) != null && (expiresAt == null || expiresAt.isAfter(now))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public Optional<Instant> expiresAt(Object[] key) {
    Instant now = Instant.now();
    return stored(findKey, cqlKey(key)).filter(s -> s.visible(now)).map(Stored::expiresAt);
  }

  @Override
  public Map<String, Instant> expiries(List<E> rows) {
    List<CompletionStage<com.datastax.oss.driver.api.core.cql.AsyncResultSet>> reads = new ArrayList<>();
    for (E row : rows) {
      reads.add(session.executeAsync(findKey.bindValues(cqlKey(mapping.key(row)))));
    }
    Map<String, Instant> out = new LinkedHashMap<>();
    Instant now = Instant.now();
    for (int i = 0; i < reads.size(); i++) {
      Row r = CassandraErrors.join(reads.get(i)).one();
      if (r != null) {
        Stored<E> s = stored(r);
        if (s.expiresAt() != null && s.visible(now)) {
          out.put(Values.text(mapping.key(rows.get(i))[0]), s.expiresAt());
        }
      }
    }
    return out;
  }

  // ---- writing ---------------------------------------------------------------------------------------------------

  @Override
  public List<Change<E>> insert(E row, Instant expiresAt) {
    List<Change<E>> changes = new ArrayList<>(2);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int ttl = ttlSeconds(expiresAt);
      List<String[]> claimed = claims.any() ? claims.claim(row, null, ttl) : List.of();
      ResultSet rs = execute(insert.bind(values(row, ttl, expiresAt, UUID.randomUUID(), null)));
      if (rs.wasApplied()) {
        changes.add(Change.created(row));
        return changes;
      }
      claims.releaseAll(claimed, row);
      Stored<E> old = storedFromConflict(row);
      if (old != null && old.ghost()) {
        deleteGhost(mapping.key(row));
        continue;
      }
      if (old != null && !old.visible(Instant.now())) {
        // an expired row not yet gone (Cassandra drops it up to a second later): it goes first, as on PostgreSQL
        if (deleteVersion(old)) {
          changes.add(Change.deleted(old.row()));
        }
        continue;
      }
      if (old != null) {
        throw StoreErrors.primaryKeyViolation(schema, row, null);
      }
    }
    throw CassandraErrors.contention(schema.name());
  }

  /** The row that holds {@code row}'s primary key, read again (an {@code IF NOT EXISTS} answer may lack columns). */
  private Stored<E> storedFromConflict(E row) {
    return stored(findKey, cqlKey(mapping.key(row))).orElse(null);
  }

  @Override
  public Change<E> update(Lookup lookup, Object[] values, UnaryOperator<E> merge, boolean setExpiry,
      Instant expiresAt) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<Stored<E>> found = visible(lookup, values);
      if (found.isEmpty()) {
        throw StoreErrors.notFound(lookup, values);
      }
      Stored<E> old = found.get(0);
      E updated = merge.apply(old.row());
      if (rewrite(old, updated, setExpiry ? expiresAt : old.expiresAt())) {
        return Change.updated(updated, old.row());
      }
    }
    throw CassandraErrors.contention(schema.name());
  }

  /**
   * Writes {@code updated} over {@code old} if no one changed the row since it was read: claims the new unique
   * values, writes {@code IF version = ?}, then releases the values it dropped.
   *
   * @return false when another writer came first (nothing changed; read again)
   */
  private boolean rewrite(Stored<E> old, E updated, Instant expiresAt) {
    int ttl = ttlSeconds(expiresAt);
    List<String[]> claimed = claims.any() ? claims.claim(updated, old.row(), ttl) : List.of();
    ResultSet rs = execute(update.bind(values(updated, ttl, expiresAt, UUID.randomUUID(), old.version())));
    if (!rs.wasApplied()) {
      claims.releaseAll(claimed, updated);
      return false;
    }
    if (claims.any()) {
      claims.releaseDropped(old.row(), updated);
    }
    return true;
  }

  @Override
  public List<Change<E>> upsert(Lookup lookup, Object[] values, Predicate<E> isLookup, UnaryOperator<E> build,
      Instant expiresAt) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<Stored<E>> found = visible(lookup, values);
      if (!found.isEmpty()) {
        Stored<E> old = found.get(0);
        E updated = build.apply(old.row());
        if (rewrite(old, updated, expiresAt)) {
          return List.of(Change.updated(updated, old.row()));
        }
        continue;
      }
      E created = build.apply(null);
      try {
        return insert(created, expiresAt);
      } catch (dev.daogen.dao.DaoException e) {
        // a row with the lookup's values appeared meanwhile: update it instead, as a serial order would
        if (visible(lookup, values).isEmpty()) {
          throw e;
        }
      }
    }
    throw CassandraErrors.contention(schema.name());
  }

  @Override
  public List<E> lock(Lookup lookup, Object[] values) {
    return visible(lookup, values).stream().map(Stored::row).toList();
  }

  @Override
  public List<E> lockChildren(ForeignKey<E> key, Object parent) {
    Prepared page = pages.get(CassandraStatements.pageName(key.filter()));
    if (page == null) {
      throw new IllegalStateException(schema.name() + " has no Cassandra page of " + key.field());
    }
    List<E> out = new ArrayList<>();
    for (Row r : execute(page.bindValues(mapping.cql(key.filter().index(), parent)))) {
      Stored<E> s = stored(r);
      if (!s.ghost()) {
        out.add(s.row());
      }
    }
    return out;
  }

  @Override
  public List<E> delete(Lookup lookup, Object[] values) {
    List<E> deleted = new ArrayList<>();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<Stored<E>> found = visible(lookup, values);
      boolean raced = false;
      for (Stored<E> s : found) {
        if (deleteVersion(s)) {
          deleted.add(s.row());
        } else {
          raced = true;
        }
      }
      if (!raced) {
        return deleted;
      }
    }
    throw CassandraErrors.contention(schema.name());
  }

  /** Deletes what is left of a row that expired (see {@link Stored}), if it is still only that. */
  private void deleteGhost(Object[] key) {
    Object[] cqlKey = cqlKey(key);
    Object[] bound = Arrays.copyOf(cqlKey, cqlKey.length + 1);
    execute(delete.bindValues(bound));
  }

  /** Deletes a row if it still has the version read, and releases its unique values. */
  private boolean deleteVersion(Stored<E> s) {
    Object[] key = cqlKey(mapping.key(s.row()));
    Object[] bound = Arrays.copyOf(key, key.length + 1);
    bound[key.length] = s.version();
    if (!execute(delete.bindValues(bound)).wasApplied()) {
      return false;
    }
    if (claims.any()) {
      claims.releaseDropped(s.row(), null);
    }
    return true;
  }

  @Override
  public List<E> deleteExpired(int limit) {
    // Cassandra drops expired rows itself (USING TTL); reads hide them from their exact expiry until then
    return List.of();
  }

  @Override
  public void truncate() {
    execute(truncate.bindValues());
    if (truncateClaims != null) {
      execute(truncateClaims.bindValues());
    }
  }

  // ---- values ----------------------------------------------------------------------------------------------------

  private Prepared.Values values(E row, int ttl, Instant expiresAt, UUID version, UUID oldVersion) {
    Object[] plain = mapping.row(row);
    Object[] cql = new Object[plain.length];
    for (int i = 0; i < plain.length; i++) {
      cql[i] = mapping.cql(i, plain[i]);
    }
    return new Prepared.Values(cql, ttl, expiresAt, version, oldVersion);
  }

  private Object[] cql(Lookup lookup, Object[] values) {
    Object[] out = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      int index = lookup.index(i);
      out[i] = mapping.cql(index < 0 ? components : index, values[i]);
    }
    return out;
  }

  private Object[] cqlKey(Object[] key) {
    return cql(primaryKey, key);
  }

  /** Cassandra's ttl for an expiry: whole seconds, rounded up (the hidden expiry column hides the row on time). */
  private static int ttlSeconds(Instant expiresAt) {
    if (expiresAt == null) {
      return 0;
    }
    long millis = Duration.between(Instant.now(), expiresAt).toMillis();
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
  }

  ResultSet execute(BoundStatement statement) {
    return CassandraErrors.execute(session, statement);
  }

  CassandraMapping<E> mapping() {
    return mapping;
  }
}
