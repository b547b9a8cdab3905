package dev.daogen.sample;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenFactory;
import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.ClusterTransport;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.migrate.MigrationStore;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Store;
import dev.daogen.store.StoreMapping;
import dev.daogen.store.cassandra.CassandraStore;
import dev.daogen.store.cassandra.embedded.CassandraNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The behaviour tests' Cassandra (with {@code -Ddaogen.test.store=cassandra}): one embedded node for the whole run, in
 * its own JVM on free ports, the plugin's CQL migrations bootstrapped in keyspace {@code daogen_test}.
 */
final class TestCassandra {
  private static CassandraNode node;
  private static CassandraStore store;

  private TestCassandra() {}

  static Database start() {
    try {
      Path dir = Files.createTempDirectory("daogen-cassandra-test");
      node = CassandraNode.start(CassandraNode.Settings.builder(dir).nativePort(freePort()).storagePort(freePort())
          .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> node.close()));
    CqlSession session = node.sessionBuilder().withConfigLoader(DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .build()).build();
    store = CassandraStore.create(session, "daogen_test", 1);
    Database db = Database.connect(store, DaoSettings.DEFAULTS,
        CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.POLL, Duration.ofMillis(200)));
    db.migrations().bootstrap();
    return db;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Empties the tables that have rows (a Cassandra TRUNCATE costs more than a look), and their unique claims. */
  static void truncate(List<String> tables) {
    CqlSession session = store.session();
    for (String table : tables) {
      for (String t : List.of(table, table + "_unique")) {
        if (exists(t) && session.execute("SELECT * FROM \"" + t + "\" LIMIT 1").one() != null) {
          session.execute("TRUNCATE \"" + t + "\"");
        }
      }
    }
  }

  private static boolean exists(String table) {
    return store.session().execute(SimpleStatement.newInstance(
        "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
        store.keyspace(), table)).one() != null;
  }

  /** Every row of a table (and of its unique claims), as JSON text, sorted. */
  static String snapshot(String table) {
    List<String> rows = new ArrayList<>();
    for (String t : List.of(table, table + "_unique")) {
      if (exists(t)) {
        for (Row r : store.session().execute("SELECT JSON * FROM \"" + t + "\"")) {
          rows.add(t + " " + r.getString(0));
        }
      }
    }
    Collections.sort(rows);
    return String.join("\n", rows);
  }

  static long count(String table) {
    return store.session().execute("SELECT COUNT(*) FROM \"" + table + "\"").one().getLong(0);
  }

  /** The rows of a table whose column (an indexed one) has {@code value}, counted in CQL. */
  static long count(String table, String column, Object value) {
    return store.session().execute(SimpleStatement.newInstance("SELECT COUNT(*) FROM \"" + table + "\" WHERE \""
        + column + "\" = ?", value)).one().getLong(0);
  }

  /**
   * The ids of a table's rows (those whose {@code column} has {@code value}, or {@code CONTAINS} it for a set; all
   * when {@code column} is null) in the order one CQL query returns them: the token order of the partition key, the
   * order the store's pages follow.
   */
  static List<UUID> ids(String table, String column, Object value, boolean contains) {
    String cql = "SELECT \"id\" FROM \"" + table + "\"" + (column == null ? ""
        : " WHERE \"" + column + "\" " + (contains ? "CONTAINS" : "=") + " ?");
    SimpleStatement statement = column == null ? SimpleStatement.newInstance(cql)
        : SimpleStatement.newInstance(cql, value);
    List<UUID> out = new ArrayList<>();
    for (Row r : store.session().execute(statement.setPageSize(5000))) {
      out.add(r.getUuid(0));
    }
    return out;
  }

  /** The ids of a table sorted by the token of their partition key, as Cassandra computes it. */
  static List<UUID> idsByToken(String table) {
    Map<Long, UUID> byToken = new TreeMap<>();
    for (Row r : store.session().execute(SimpleStatement.newInstance("SELECT token(\"id\"), \"id\" FROM \""
        + table + "\"").setPageSize(5000))) {
      byToken.put(r.getLong(0), r.getUuid(1));
    }
    return new ArrayList<>(byToken.values());
  }

  /** Whether what Cassandra keeps of a row is its key alone (every other column expired or deleted). */
  static boolean bareKey(String table, UUID id) {
    Row r = store.session().execute(SimpleStatement.newInstance("SELECT \"version\" FROM \"" + table
        + "\" WHERE \"id\" = ?", id)).one();
    return r != null && r.isNull(0);
  }

  /** A new random id whose token is above every row's of the table: it comes after all of them in pages. */
  static UUID idAfterEveryRow(String table) {
    long top = Long.MIN_VALUE;
    for (Row r : store.session().execute("SELECT token(\"id\") FROM \"" + table + "\"")) {
      top = Math.max(top, r.getLong(0));
    }
    while (true) {
      UUID candidate = UUID.randomUUID();
      if (token(candidate) > top) {
        return candidate;
      }
    }
  }

  /** The Murmur3 token of a uuid partition key (the node's partitioner), as the driver computes it. */
  private static long token(UUID id) {
    return ((Murmur3Token) new Murmur3TokenFactory().hash(TypeCodecs.UUID.encode(id, ProtocolVersion.DEFAULT)))
        .getValue();
  }

  /** Inserts consumers u1..un through the DAO, several at a time (every write is a lightweight transaction). */
  static void insertConsumers(ConsumerDao consumers, int n) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Consumer>> done = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        String name = "u" + i;
        done.add(pool.submit((Callable<Consumer>) () -> consumers.insert(new ConsumerDraft().username(name))));
      }
      for (Future<Consumer> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Sets the hidden expiry of the credential with {@code key} (what the passing of time does to it), leaving its
   * Cassandra TTL as it is: a row whose expiry has passed stays stored, only hidden, until Cassandra drops it.
   */
  static void setExpiry(String key, Instant expiresAt) {
    Row r = store.session().execute(SimpleStatement.newInstance(
        "SELECT \"id\" FROM \"keyauth_credentials\" WHERE \"key\" = ?", key)).one();
    if (r == null) {
      throw new IllegalStateException("no credential with key " + key);
    }
    store.session().execute(SimpleStatement.newInstance(
        "UPDATE \"keyauth_credentials\" SET \"ttl\" = ? WHERE \"id\" = ?", expiresAt, r.getUuid(0)));
  }

  /**
   * Every table of the keyspace (plugin tables, unique claims and bookkeeping alike) → "rows:md5 of all rows as JSON,
   * sorted", to show that a request changed nothing. Except {@code cluster_events}: the cache's sender thread writes
   * the invalidations of earlier writes there a moment after they returned (on PostgreSQL the test database notifies
   * instead, and its table stays empty).
   */
  static Map<String, String> snapshotKeyspace() {
    Map<String, String> out = new TreeMap<>();
    for (Row t : store.session().execute(SimpleStatement.newInstance(
        "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ?", store.keyspace()))) {
      String table = t.getString(0);
      if (table.equals("cluster_events")) {
        continue;
      }
      List<String> rows = new ArrayList<>();
      for (Row r : store.session().execute("SELECT JSON * FROM \"" + table + "\"")) {
        rows.add(r.getString(0));
      }
      Collections.sort(rows);
      out.put(table, rows.size() + ":" + md5(String.join("|", rows)));
    }
    return out;
  }

  private static String md5(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
      return String.format("%032x", new BigInteger(1, digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Another {@link Database} on the run's store (its own DAOs, settings and cache); closing it leaves the shared
   * session open.
   */
  static Database connect(DaoSettings settings, CacheSettings cache) {
    return Database.connect(new Shared(store), settings, cache);
  }

  /** The run's store, for another Database: everything but {@link #close()}. */
  private record Shared(CassandraStore store) implements Store {
    @Override
    public String name() {
      return store.name();
    }

    @Override
    public <E> EntityStore<E> open(StoreMapping<E> mapping) {
      return store.open(mapping);
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
      return store.atomically(work);
    }

    @Override
    public void afterCommit(Runnable action) {
      store.afterCommit(action);
    }

    @Override
    public <T> T transaction(Callable<T> work) {
      return store.transaction(work);
    }

    @Override
    public boolean enforcesForeignKeys() {
      return store.enforcesForeignKeys();
    }

    @Override
    public ClusterTransport clusterTransport(CacheSettings settings) {
      return store.clusterTransport(settings);
    }

    @Override
    public MigrationStore migrations() {
      return store.migrations();
    }

    @Override
    public boolean reachable(Duration timeout) {
      return store.reachable(timeout);
    }

    @Override
    public void close() {
      // the run's session stays open for the other tests
    }
  }
}
