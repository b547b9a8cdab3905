package dev.daogen.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;
import dev.daogen.cache.CacheSettings;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.sample.ConsumerMapping;
import dev.daogen.store.cassandra.CassandraStore;
import dev.daogen.store.cassandra.Cql;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Cassandra end-to-end benchmark's plumbing: sessions on the embedded node (the same driver settings for every
 * contender), the contenders by name, the seed rows, and a request tracker that records what a call sends.
 */
final class CassandraBench {
  /** System property with the node's {@code host:port:datacenter}, handed to JMH's forks by {@link RunAll}. */
  static final String CONTACT_PROPERTY = "daogen.bench.cassandra";
  static final String KEYSPACE = "bench";
  /** Every contender of the Cassandra table, the limit first. */
  static final String[] ALL = {"driver", "dao"};

  private CassandraBench() {}

  /** A driver session on the node ({@code host:port:datacenter}), with the sample tests' timeouts; no keyspace. */
  static CqlSession session(String contact, RequestTracker tracker) {
    String[] parts = contact.split(":");
    var builder = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])))
        .withLocalDatacenter(parts[2])
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
            .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
            .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
            .build());
    if (tracker != null) {
      builder.addRequestTracker(tracker);
    }
    return builder.build();
  }

  static String contactFromProperty() {
    String contact = System.getProperty(CONTACT_PROPERTY);
    if (contact == null) {
      throw new IllegalStateException("-D" + CONTACT_PROPERTY + " is not set: run the benchmarks through RunAll");
    }
    return contact;
  }

  /**
   * A Database on the keyspace with the cluster cache OFF (no {@code cluster_events} writes, no poller): the
   * generated DAO's store as a single node runs it.
   */
  static Database database(CqlSession session) {
    return Database.connect(CassandraStore.create(session, KEYSPACE, 1), DaoSettings.DEFAULTS,
        CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.OFF, Duration.ofSeconds(1)));
  }

  /** A contender by name on a session of its own (closed with it). */
  static ConsumerOps open(String name, String contact, RequestTracker tracker) {
    CqlSession session = session(contact, tracker);
    return switch (name) {
      case "dao" -> new DaoOps(database(session));
      case "driver" -> {
        session.execute("USE \"" + KEYSPACE + "\"");
        yield new DriverOps(session);
      }
      default -> {
        session.close();
        throw new IllegalArgumentException(name);
      }
    };
  }

  /** The generated mapping's CQL by statement name ({@code ConsumerMapping.cassandra().all()}). */
  static Map<String, Cql> statements() {
    return new ConsumerMapping().cassandra().all();
  }

  /**
   * Seeds {@code n} consumers as the DAO would have written them (a version, the claims of both unique values), with
   * plain writes, 64 in flight: {@code user-i}, {@code cid-i}, tags bench and seed.
   */
  static void seed(CqlSession session, int n) {
    PreparedStatement row = session.prepare("INSERT INTO \"consumers\" (\"id\", \"created_at\", \"updated_at\","
        + " \"username\", \"custom_id\", \"tags\", \"version\") VALUES (?, ?, ?, ?, ?, ?, ?)");
    PreparedStatement claim = session.prepare("INSERT INTO \"consumers_unique\" (\"name\", \"value\", \"owner\")"
        + " VALUES (?, ?, ?)");
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Semaphore inFlight = new Semaphore(64);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    for (int i = 1; i <= n && failed.get() == null; i++) {
      UUID id = UUID.randomUUID();
      String owner = id.toString();
      for (BoundStatement s : List.of(
          row.bind(id, now, now, "user-" + i, "cid-" + i, ConsumerOps.SEED_TAGS, UUID.randomUUID()),
          claim.bind(DriverOps.USERNAME_KEY, "user-" + i, owner),
          claim.bind(DriverOps.CUSTOM_ID_KEY, "cid-" + i, owner))) {
        inFlight.acquireUninterruptibly();
        CompletionStage<AsyncResultSet> f = session.executeAsync(s);
        f.whenComplete((r, e) -> {
          if (e != null) {
            failed.compareAndSet(null, e);
          }
          inFlight.release();
        });
      }
    }
    inFlight.acquireUninterruptibly(64);
    if (failed.get() != null) {
      throw new IllegalStateException("seeding failed", failed.get());
    }
  }

  /** A seeded consumer: key, unique username. */
  static List<Pools.Row> seeded(CqlSession session) {
    List<Pools.Row> out = new ArrayList<>();
    for (Row r : session.execute("SELECT \"id\", \"username\" FROM \"" + KEYSPACE + "\".\"consumers\"")) {
      String username = r.getString(1);
      if (username != null && username.startsWith("user-")) {
        out.add(new Pools.Row(r.getUuid(0), username));
      }
    }
    return out;
  }

  /**
   * Cursors of pages spread over the table (every {@code step} rows, none within {@code tail} rows of its end): the
   * contender walks the table itself, so each holds its own kind of cursor for the same positions.
   */
  static Object[] cursors(ConsumerOps ops, int step, int tail) {
    List<Object> walked = new ArrayList<>();
    Object page = ops.pageAfter(null, step);
    Object cursor;
    while ((cursor = ops.nextCursor(page)) != null) {
      walked.add(cursor);
      page = ops.pageAfter(cursor, step);
    }
    int keep = walked.size() - (tail + step - 1) / step;
    List<Object> out = new ArrayList<>(walked.subList(0, Math.max(0, keep)));
    if (out.isEmpty()) {
      throw new IllegalStateException("the table has too few rows for pages");
    }
    return out.toArray();
  }

  /**
   * Runs each operation once per contender with a {@link Recorder} on its session, checks the answers, and returns
   * contender → operation → the statements it sent, each by its name in the generated mapping (its CQL text when it
   * has none).
   */
  static Map<String, Map<String, List<String>>> check(String contact, List<Pools.Row> rows, String... contenders) {
    Map<String, String> names = new java.util.HashMap<>();
    statements().forEach((name, cql) -> names.put(cql.text(), name));
    Map<String, Map<String, List<String>>> out = new java.util.LinkedHashMap<>();
    Pools.Row row = rows.get(7);
    for (String name : contenders) {
      Recorder recorder = new Recorder();
      Map<String, List<String>> ops = new java.util.LinkedHashMap<>();
      try (ConsumerOps c = open(name, contact, recorder)) {
        String tag = name + "-" + Long.toHexString(System.nanoTime());
        ops.put("selectByPrimaryKey", recorder.run(() -> c.selectById(row.id()).orElseThrow()));
        ops.put("selectByUniqueKey", recorder.run(() -> c.selectByUsername(row.username()).orElseThrow()));
        ops.put("insert", recorder.run(() -> c.insert("check-insert-" + tag)));
        ops.put("update", recorder.run(() -> c.updateCustomId(row.id(), "check-update-" + tag)));
        Object updated = c.selectById(row.id()).orElseThrow();
        if (!((dev.daogen.sample.Consumer) updated).customId().equals("check-update-" + tag)) {
          throw new IllegalStateException(name + ": the update was not stored: " + updated);
        }
        ops.put("upsert", recorder.run(() -> c.upsert(row.id(), row.username(), "check-upsert-" + tag)));
        ops.put("upsert (new row)", recorder.run(() -> c.upsert(UUID.randomUUID(), "check-new-" + tag,
            "check-new-" + tag)));
        Object[] cursors = cursors(c, 50, 100);
        ops.put("page100", recorder.run(() -> {
          Object page = c.pageAfter(cursors[cursors.length / 2]);
          if (c.size(page) != 100 || c.nextCursor(page) == null) {
            throw new IllegalStateException(name + ": a page of " + c.size(page));
          }
          return page;
        }));
      }
      ops.replaceAll((op, sent) -> sent.stream().map(t -> names.getOrDefault(t, t)).toList());
      out.put(name, ops);
    }
    return out;
  }

  /** Records the CQL text of every request a session sends (between {@link #start()} and {@link #stop()}). */
  static final class Recorder implements RequestTracker {
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean on;

    void start() {
      sent.clear();
      on = true;
    }

    /**
     * The statements sent while {@code op} ran. The driver tells its trackers on its I/O thread, at about the time
     * it completes the caller's request: the recorder waits a moment before and after, so that no report of another
     * call's statement falls into this one.
     */
    List<String> run(java.util.function.Supplier<Object> op) {
      settle();
      start();
      try {
        if (op.get() == null) {
          throw new IllegalStateException("no result");
        }
      } finally {
        settle();
      }
      return stop();
    }

    private static void settle() {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    List<String> stop() {
      on = false;
      synchronized (sent) {
        return List.copyOf(sent);
      }
    }

    private void record(Request request, String outcome) {
      if (!on) {
        return;
      }
      String text = request instanceof BoundStatement b ? b.getPreparedStatement().getQuery()
          : request instanceof com.datastax.oss.driver.api.core.cql.SimpleStatement s ? s.getQuery()
          : request.getClass().getSimpleName();
      sent.add(outcome == null ? text : text + " [" + outcome + "]");
    }

    @Override
    public void onSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node node,
        String logPrefix) {
      record(request, null);
    }

    @Override
    public void onError(Request request, Throwable error, long latencyNanos, DriverExecutionProfile profile,
        Node node, String logPrefix) {
      record(request, error.getClass().getSimpleName());
    }

    @Override
    public void close() {}
  }
}
