package dev.daogen.sample.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.session.Request;
import com.datastax.oss.driver.api.core.tracker.RequestTracker;
import dev.daogen.cache.CacheSettings;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.MigrationResult;
import dev.daogen.migrate.MigrationSource;
import dev.daogen.migrate.Migrations;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import dev.daogen.sample.ConsumerDraft;
import dev.daogen.sample.ConsumerPatch;
import dev.daogen.sample.KeyAuthCredential;
import dev.daogen.sample.KeyAuthCredentialDao;
import dev.daogen.sample.KeyAuthCredentialDraft;
import dev.daogen.sample.KeyAuthCredentialPatch;
import dev.daogen.store.cassandra.CassandraStore;
import dev.daogen.store.cassandra.embedded.CassandraCluster;
import dev.daogen.store.cassandra.embedded.CassandraNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Cassandra store on a real 3-node cluster: replication factor 3, QUORUM reads and writes and SERIAL lightweight
 * transactions (set in the driver configuration of every session), the sample plugin's CQL migrations. Writes through
 * one node are read through another at once; a node killed during a stream of writes loses no acknowledged write;
 * migrations run by two nodes at once run once; cache invalidations reach another node within the poll interval and
 * a second.
 *
 * <p>Not part of the default build. Run only this suite with
 *
 * <pre>
 * mvn -B -ntp -pl sample-plugin -am verify -Pcassandra-cluster -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=CassandraClusterSuiteIT -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>The cluster starts once for the class (nodes on 127.0.0.1 to 127.0.0.3, on ports free on all three addresses);
 * the data tests share one keyspace bootstrapped once, the migration tests each get a fresh keyspace. Every wait is a
 * poll with a generous deadline, so that a loaded machine makes the suite slower, never red; the kill happens after a
 * number of acknowledged writes, and the writer goes on until a number more are acknowledged. The figures are printed
 * on lines that start with {@code [cluster-suite]}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraClusterSuiteIT {
  private static final Path BASE = Path.of("target", "cassandra-cluster-suite").toAbsolutePath();
  private static final String KEYSPACE = "cluster_suite";
  private static final int NODES = 3;
  private static final int REPLICATION = 3;
  /** Bounds for waits on a loaded machine: generous, and polled, never slept. */
  private static final Duration AGREEMENT = Duration.ofMinutes(2);
  private static final Duration NODE_STATE = Duration.ofMinutes(3);
  private static final Duration WRITES = Duration.ofMinutes(5);
  /** The poll interval of the cache test (the sample's default, Kong's db_update_frequency, is 5 s). */
  private static final Duration UPDATE_FREQUENCY = Duration.ofSeconds(1);
  private static final Duration INVALIDATION_BOUND = UPDATE_FREQUENCY.plusSeconds(1);
  private static final int INVALIDATIONS = 20;
  /** The kill test: node 3 is killed after this many acknowledged writes, and the writer goes on for as many more. */
  private static final int WRITES_BEFORE_KILL = 200;
  private static final int WRITES_AFTER_KILL = 200;
  /** How many fresh keyspaces get their lock table created by two nodes at once. */
  private static final int LOCK_TABLE_ROUNDS = 3;
  /** How long a migration command waits for the other node's lock. */
  private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(10);

  private static CassandraCluster cluster;
  /** Node 3 once the kill test restarted it (the cluster's own handle is the killed JVM's). */
  private static CassandraNode restartedNode3;
  /** A session on every node, for checks outside the DAOs (schema agreement, schema_meta, node states). */
  private static CqlSession admin;
  private static final AtomicInteger KEYSPACES = new AtomicInteger();

  @BeforeAll
  static void startClusterAndBootstrap() throws IOException {
    deleteRecursively(BASE);
    int nativePort = freePortOnEveryNode(Set.of());
    int storagePort = freePortOnEveryNode(Set.of(nativePort));
    cluster = CassandraCluster.start(NODES, BASE,
        b -> b.nativePort(nativePort).storagePort(storagePort).startTimeout(Duration.ofMinutes(5)));
    report("cluster of %d nodes up and normal after %d ms (CQL port %d, storage port %d)", NODES,
        cluster.startupTime().toMillis(), nativePort, storagePort);
    for (CassandraNode node : cluster.nodes()) {
      report("  node %s: CQL after %d ms (pid %d)", node.address(), node.startupTime().toMillis(), node.pid());
    }
    admin = cluster.sessionBuilder().withConfigLoader(config()).build();
    awaitNodesUp(admin, NODES);

    long started = System.nanoTime();
    try (Database db = database(onNode(cluster.node(1)), KEYSPACE, CacheSettings.DEFAULTS.withCluster(
        CacheSettings.Cluster.OFF, UPDATE_FREQUENCY))) {
      MigrationResult bootstrap = db.migrations().bootstrap();
      assertEquals(MigrationResult.Outcome.RAN, bootstrap.outcome());
      report("migrations bootstrapped through node 1 in %d ms: %s", millisSince(started), bootstrap.executed());
    }
    awaitSchemaAgreement();
  }

  @AfterAll
  static void stopCluster() {
    if (admin != null) {
      admin.close();
    }
    if (restartedNode3 != null) {
      restartedNode3.close();
      assertFalse(restartedNode3.isAlive(), restartedNode3 + " stopped");
    }
    if (cluster != null) {
      cluster.close();
      for (CassandraNode node : cluster.nodes()) {
        assertFalse(node.isAlive(), node + " stopped");
      }
    }
  }

  // ---- a. writes through one node are read through another at once ----------------------------------------------

  @Test
  @Order(1)
  void writesThroughNode1AreReadThroughNode2AtOnce() {
    CacheSettings noCache = CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.OFF, UPDATE_FREQUENCY);
    try (Database a = database(onNode(cluster.node(1)), KEYSPACE, noCache);
        Database b = database(onNode(cluster.node(2)), KEYSPACE, noCache)) {
      assertOnlyNodeUsed(session(a), cluster.node(1));
      assertOnlyNodeUsed(session(b), cluster.node(2));
      ConsumerDao consumersA = a.dao(ConsumerDao.class);
      ConsumerDao consumersB = b.dao(ConsumerDao.class);
      KeyAuthCredentialDao keysA = a.dao(KeyAuthCredentialDao.class);
      KeyAuthCredentialDao keysB = b.dao(KeyAuthCredentialDao.class);
      String p = "a" + System.nanoTime() + "-";

      // insert through A, read through B: by key and by unique value
      Consumer bob = consumersA.insert(new ConsumerDraft().username(p + "bob").tags(Set.of("one")));
      assertEquals(Optional.of(bob), consumersB.select(bob.id()));
      assertEquals(Optional.of(bob), consumersB.selectByUsername(p + "bob"));
      KeyAuthCredential key = keysA.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key(p + "key"));
      assertEquals(Optional.of(key), keysB.select(key.id()));
      assertEquals(Optional.of(key), keysB.selectByKey(p + "key"));

      // unique values claimed through A are taken for B
      expect(ErrorCode.UNIQUE_VIOLATION, () -> consumersB.insert(new ConsumerDraft().username(p + "bob")));
      expect(ErrorCode.UNIQUE_VIOLATION,
          () -> keysB.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key(p + "key")));

      // foreign key: a parent inserted through B is there for A's check at once; a missing one is refused
      Consumer carol = consumersB.insert(new ConsumerDraft().username(p + "carol"));
      KeyAuthCredential carolKey = keysA.insert(new KeyAuthCredentialDraft().consumer(carol.id()).key(p + "carol"));
      assertEquals(Optional.of(carolKey), keysB.selectByKey(p + "carol"));
      expect(ErrorCode.FOREIGN_KEY_VIOLATION,
          () -> keysB.insert(new KeyAuthCredentialDraft().consumer(UUID.randomUUID()).key(p + "orphan")));
      assertEquals(Optional.empty(), keysA.selectByKey(p + "orphan"));

      // update through A: B reads the new values, and the unique value A dropped is free for B
      Consumer robert = consumersA.update(bob.id(), new ConsumerPatch().username(p + "robert").tags(Set.of("two")));
      assertEquals(Optional.of(robert), consumersB.select(bob.id()));
      assertEquals(Optional.of(robert), consumersB.selectByUsername(p + "robert"));
      assertEquals(Optional.empty(), consumersB.selectByUsername(p + "bob"));
      Consumer newBob = consumersB.insert(new ConsumerDraft().username(p + "bob"));
      assertEquals(Optional.of(newBob), consumersA.selectByUsername(p + "bob"));
      KeyAuthCredential rotated = keysA.update(key.id(), new KeyAuthCredentialPatch().tags(Set.of("rotated")));
      assertEquals(Optional.of(rotated), keysB.selectByKey(p + "key"));

      // delete through A cascades to the consumer's credentials: gone for B at once, and the key is free again
      assertTrue(consumersA.delete(bob.id()));
      assertEquals(Optional.empty(), consumersB.select(bob.id()));
      assertEquals(Optional.empty(), consumersB.selectByUsername(p + "robert"));
      assertEquals(Optional.empty(), keysB.select(key.id()), "cascaded");
      assertEquals(Optional.empty(), keysB.selectByKey(p + "key"), "cascaded");
      KeyAuthCredential reused = keysB.insert(new KeyAuthCredentialDraft().consumer(newBob.id()).key(p + "key"));
      assertEquals(Optional.of(reused), keysA.selectByKey(p + "key"));

      // and the other way round: deletes through B are gone for A
      assertTrue(keysB.delete(carolKey.id()));
      assertEquals(Optional.empty(), keysA.select(carolKey.id()));
      assertTrue(consumersB.delete(carol.id()));
      assertEquals(Optional.empty(), consumersA.select(carol.id()));
      report("replication: inserts, updates, a cascade delete, unique and foreign key checks through one node, each"
          + " read back through the other at once");
    }
  }

  // ---- c. migrations run by two nodes at once run once -----------------------------------------------------------

  @Test
  @Order(2)
  void theLockTableCreatedByTwoNodesAtOnceIsOneTable() throws Exception {
    for (int round = 1; round <= LOCK_TABLE_ROUNDS; round++) {
      String keyspace = freshKeyspace("locks");
      try (Database a = database(onNode(cluster.node(1)), keyspace, noCluster());
          Database b = database(onNode(cluster.node(2)), keyspace, noCluster())) {
        // reset takes the lock (creating its table) and finds nothing to drop
        List<Boolean> reset = results(atOnce(() -> migrations(a).reset(), () -> migrations(b).reset()));
        assertEquals(List.of(false, false), reset);
      }
      awaitSchemaAgreement();
      Set<UUID> ids = new HashSet<>();
      for (CassandraNode node : cluster.nodes()) {
        try (CqlSession s = onNode(node)) {
          Row r = s.execute(SimpleStatement.newInstance("SELECT id FROM system_schema.tables WHERE keyspace_name = ?"
              + " AND table_name = 'locks'", keyspace)).one();
          assertNotNull(r, "node " + node.address() + " has " + keyspace + ".locks");
          ids.add(r.getUuid(0));
        }
      }
      assertEquals(1, ids.size(), "one locks table on every node: " + ids);
      assertLockReleased(keyspace);
    }
    report("the lock table created by nodes 1 and 2 at once, %d times: one table each time", LOCK_TABLE_ROUNDS);
  }

  @Test
  @Order(3)
  void bootstrapByTwoNodesAtOnceRunsEachMigrationOnce() throws Exception {
    String keyspace = freshKeyspace("bootstrap");
    try (Database a = database(onNode(cluster.node(1)), keyspace, noCluster());
        Database b = database(onNode(cluster.node(2)), keyspace, noCluster())) {
      List<Outcome<MigrationResult>> outcomes = atOnce(() -> migrations(a).bootstrap(),
          () -> migrations(b).bootstrap());
      List<MigrationResult> results = results(outcomes);
      List<MigrationResult> ran = results.stream().filter(r -> r.outcome() == MigrationResult.Outcome.RAN).toList();
      assertEquals(1, ran.size(), "exactly one node ran the migrations: " + results);
      MigrationResult other = results.stream().filter(r -> r != ran.get(0)).findFirst().orElseThrow();
      assertEquals(MigrationResult.Outcome.ALREADY_BOOTSTRAPPED, other.outcome(), results.toString());
      assertEquals(List.of(), other.executed());
      List<String> all = ran.get(0).executed();
      assertEquals(all.size(), new HashSet<>(all).size(), all.toString());
      assertTrue(all.contains("core:000_base_core") && all.contains("key-auth:001_100_to_110"), all.toString());
      awaitSchemaAgreement();
      assertRecordedOnce(keyspace, all, List.of());
      assertLockReleased(keyspace);
      // both nodes accept the schema and work on it
      Consumer c = a.dao(ConsumerDao.class).insert(new ConsumerDraft().username("after-bootstrap"));
      assertEquals(Optional.of(c), b.dao(ConsumerDao.class).selectByUsername("after-bootstrap"));
      report("bootstrap by nodes 1 and 2 at once: %s ran %d migrations in %d ms, %s answered %s after %d ms; "
          + "schema_meta records each once", outcomes.get(results.indexOf(ran.get(0))).label, all.size(),
          outcomes.get(results.indexOf(ran.get(0))).millis, outcomes.get(results.indexOf(other)).label,
          other.outcome(), outcomes.get(results.indexOf(other)).millis);
    }
  }

  @Test
  @Order(4)
  void upAndFinishByTwoNodesAtOnceRunEachMigrationOnce() throws Exception {
    String keyspace = freshKeyspace("up");
    try (Database a = database(onNode(cluster.node(1)), keyspace, noCluster());
        Database b = database(onNode(cluster.node(2)), keyspace, noCluster())) {
      // the keyspace as key-auth 1.0.0 left it: its base migration only
      MigrationResult first = new Migrations(a.store().migrations(), List.of(new KeyAuthBaseOnly())).bootstrap();
      assertEquals(List.of("core:000_base_core", "key-auth:000_base_key-auth"), first.executed());
      awaitSchemaAgreement();

      List<Outcome<MigrationResult>> ups = atOnce(() -> migrations(a).up(false), () -> migrations(b).up(false));
      List<MigrationResult> ran = new ArrayList<>();
      List<Throwable> refused = new ArrayList<>();
      for (Outcome<MigrationResult> o : ups) {
        if (o.error == null) {
          ran.add(o.result);
        } else {
          refused.add(o.error);
        }
      }
      assertEquals(1, ran.size(), "exactly one node ran up: " + ups);
      assertEquals(MigrationResult.Outcome.RAN, ran.get(0).outcome());
      assertEquals(List.of("key-auth:001_100_to_110"), ran.get(0).executed());
      assertEquals(List.of("key-auth:001_100_to_110"), ran.get(0).pending());
      // the other took the lock after it, found 001 run and pending, and refused as Kong's `migrations up` does
      // while a teardown is pending (it never runs a migration twice)
      assertEquals(1, refused.size(), ups.toString());
      MigrationException e = assertInstanceOf(MigrationException.class, refused.get(0));
      assertTrue(e.getMessage().startsWith("Database has pending migrations (key-auth:001_100_to_110)"),
          e.getMessage());
      awaitSchemaAgreement();
      assertRecordedOnce(keyspace, List.of("core:000_base_core", "key-auth:000_base_key-auth"),
          List.of("key-auth:001_100_to_110"));

      List<Outcome<MigrationResult>> finishes = atOnce(() -> migrations(a).finish(), () -> migrations(b).finish());
      List<MigrationResult> finished = results(finishes);
      List<MigrationResult> finishedRan = finished.stream()
          .filter(r -> r.outcome() == MigrationResult.Outcome.RAN).toList();
      assertEquals(1, finishedRan.size(), "exactly one node ran finish: " + finished);
      assertEquals(List.of("key-auth:001_100_to_110"), finishedRan.get(0).finished());
      assertTrue(finished.stream().anyMatch(r -> r.outcome() == MigrationResult.Outcome.NOTHING_TO_FINISH),
          finished.toString());
      awaitSchemaAgreement();
      assertRecordedOnce(keyspace, List.of("core:000_base_core", "key-auth:000_base_key-auth",
          "key-auth:001_100_to_110"), List.of());
      assertLockReleased(keyspace);
      report("up by nodes 1 and 2 at once: one ran %s (%d ms), the other waited for the lock and refused on the"
          + " pending teardown (%d ms); finish at once: one ran it, the other had nothing to finish",
          ran.get(0).executed(), ups.stream().filter(o -> o.error == null).findFirst().orElseThrow().millis,
          ups.stream().filter(o -> o.error != null).findFirst().orElseThrow().millis);
    }
  }

  // ---- d. cache invalidation across nodes within the poll interval + 1 s ------------------------------------------

  @Test
  @Order(5)
  void anUpdateThroughNode1InvalidatesNode2sCacheWithinThePollIntervalAndASecond() throws Exception {
    CacheSettings poll = CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.POLL, UPDATE_FREQUENCY);
    try (Database a = database(onNode(cluster.node(1)), KEYSPACE, poll);
        Database b = database(onNode(cluster.node(2)), KEYSPACE, poll)) {
      ConsumerDao onA = a.dao(ConsumerDao.class);
      ConsumerDao onB = b.dao(ConsumerDao.class);
      Consumer consumer = onA.insert(new ConsumerDraft().username("cached-" + System.nanoTime())
          .tags(Set.of("v0")));
      assertTrue(a.cache().awaitCluster(NODE_STATE), "node A polls cluster_events");
      assertTrue(b.cache().awaitCluster(NODE_STATE), "node B polls cluster_events");
      assertEquals(Optional.of(consumer), onB.selectCached(consumer.id()));

      List<Long> latencies = new ArrayList<>();
      for (int i = 1; i <= INVALIDATIONS; i++) {
        String tag = "v" + i;
        Consumer cached = onB.selectCached(consumer.id()).orElseThrow();
        assertFalse(cached.tags().contains(tag));
        Consumer updated = onA.update(consumer.id(), new ConsumerPatch().tags(Set.of(tag)));
        long acknowledged = System.nanoTime();
        // B's store has it at once (QUORUM); B's cache has it once the invalidation arrived
        assertEquals(Optional.of(updated), onB.select(consumer.id()));
        long latency = millisUntil(() -> {
          Set<String> tags = onB.selectCached(consumer.id()).orElseThrow().tags();
          return tags != null && tags.contains(tag);
        }, acknowledged, Duration.ofMinutes(1), "the invalidation of update " + i + " on node B");
        latencies.add(latency);
      }
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      long p50 = sorted.get(sorted.size() / 2);
      long max = sorted.get(sorted.size() - 1);
      report("cross-node invalidation (POLL every %d ms) over %d updates: p50 %d ms, max %d ms (bound %d ms); all: %s",
          UPDATE_FREQUENCY.toMillis(), latencies.size(), p50, max, INVALIDATION_BOUND.toMillis(), latencies);
      assertTrue(max <= INVALIDATION_BOUND.toMillis(), "max invalidation latency " + max + " ms > "
          + INVALIDATION_BOUND.toMillis() + " ms: " + latencies);
    }
  }

  // ---- b. a node killed during a stream of writes loses no acknowledged write -------------------------------------

  @Test
  @Order(6)
  void aNodeKilledDuringAStreamOfWritesLosesNoAcknowledgedWrite() throws Exception {
    CoordinatorCount coordinators = new CoordinatorCount();
    CqlSession writerSession = cluster.sessionBuilder().withConfigLoader(config()).addRequestTracker(coordinators)
        .build();
    Writer writer;
    int kills = 0;
    long killMillis;
    int acknowledgedAtKill;
    Map<String, Long> coordinatedBeforeKill;
    try (Database db = database(writerSession, KEYSPACE, noCluster())) {
      awaitNodesUp(writerSession, NODES);
      writer = new Writer(db.dao(ConsumerDao.class), "w" + System.nanoTime() + "-");
      Thread thread = new Thread(writer, "cluster-suite-writer");
      thread.start();
      try {
        writer.awaitAcknowledged(WRITES_BEFORE_KILL, WRITES);
        CassandraNode node3 = cluster.node(3);
        coordinatedBeforeKill = coordinators.snapshot();
        long killStart = System.nanoTime();
        node3.kill();
        killMillis = millisSince(killStart);
        kills++;
        acknowledgedAtKill = writer.acknowledged.size();
        assertFalse(node3.isAlive());
        writer.awaitAcknowledged(acknowledgedAtKill + WRITES_AFTER_KILL, WRITES);
      } finally {
        writer.stop();
        thread.join(TimeUnit.MINUTES.toMillis(2));
        assertFalse(thread.isAlive(), "the writer stopped");
      }
    }
    assertNull(writer.unexpected, () -> "the writer failed: " + writer.unexpected);
    assertTrue(coordinatedBeforeKill.getOrDefault(cluster.node(3).address(), 0L) > 0,
        "node 3 coordinated requests before it was killed: " + coordinatedBeforeKill);

    // every acknowledged write is there, read at QUORUM through node 1 and through node 2
    List<Consumer> acknowledged = List.copyOf(writer.acknowledged);
    CacheSettings noCache = noCluster();
    int lostOn1;
    int lostOn2;
    try (Database on1 = database(onNode(cluster.node(1)), KEYSPACE, noCache);
        Database on2 = database(onNode(cluster.node(2)), KEYSPACE, noCache)) {
      lostOn1 = lost(on1.dao(ConsumerDao.class), acknowledged);
      lostOn2 = lost(on2.dao(ConsumerDao.class), acknowledged);
      for (UUID id : writer.appliedAfterAll) {
        assertTrue(on1.dao(ConsumerDao.class).select(id).isPresent(), "an ambiguous write found applied: " + id);
      }
    }
    report("kill: %d writes acknowledged (%d before the kill, %d after), %d attempts failed with a database error and"
        + " were retried, %d failed attempts turned out applied; kills %d (SIGKILL of node 3 took %d ms); lost %d"
        + " (read through node 1), %d (through node 2); coordinators before the kill: %s", acknowledged.size(),
        acknowledgedAtKill, acknowledged.size() - acknowledgedAtKill, writer.failures.get(),
        writer.appliedAfterAll.size(), kills, killMillis, lostOn1, lostOn2, coordinatedBeforeKill);
    assertEquals(0, lostOn1, "acknowledged writes lost (read through node 1)");
    assertEquals(0, lostOn2, "acknowledged writes lost (read through node 2)");

    // node 3 comes back on its data, and serves QUORUM reads of what was written while it was down
    long restart = System.nanoTime();
    restartedNode3 = CassandraNode.start(cluster.node(3).settings());
    awaitNodesUp(admin, NODES);
    long upMillis = millisSince(restart);
    try (Database on3 = database(onNode(restartedNode3), KEYSPACE, noCache)) {
      ConsumerDao dao = on3.dao(ConsumerDao.class);
      Consumer last = acknowledged.get(acknowledged.size() - 1);
      millisUntil(() -> {
        try {
          return dao.select(last.id()).isPresent();
        } catch (DaoException e) {
          return false; // node 3 does not see a quorum yet
        }
      }, System.nanoTime(), NODE_STATE, "a QUORUM read through the restarted node 3");
      int lostOn3 = lost(dao, acknowledged);
      report("restart: node 3 up again after %d ms (CQL after %d ms); lost %d (read through node 3)", upMillis,
          restartedNode3.startupTime().toMillis(), lostOn3);
      assertEquals(0, lostOn3, "acknowledged writes missing when read through the restarted node 3");
    }
  }

  /**
   * Inserts consumers one after another until stopped. An insert that returned is acknowledged; one that failed with
   * a database error (its coordinator died, a timeout) is retried with the same id and username until it returns, or
   * until its primary key is taken: then the failed attempt was applied after all.
   */
  private static final class Writer implements Runnable {
    private final ConsumerDao dao;
    private final String prefix;
    final ConcurrentLinkedQueue<Consumer> acknowledged = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<UUID> appliedAfterAll = new ConcurrentLinkedQueue<>();
    final AtomicInteger failures = new AtomicInteger();
    volatile Throwable unexpected;
    private volatile boolean running = true;

    Writer(ConsumerDao dao, String prefix) {
      this.dao = dao;
      this.prefix = prefix;
    }

    @Override
    public void run() {
      for (int i = 0; running; i++) {
        ConsumerDraft draft = new ConsumerDraft().id(UUID.randomUUID()).username(prefix + i);
        boolean failedBefore = false;
        while (running) {
          try {
            acknowledged.add(dao.insert(draft));
            break;
          } catch (DaoException e) {
            if (e.code() == ErrorCode.PRIMARY_KEY_VIOLATION && failedBefore) {
              appliedAfterAll.add(draft.id());
              break;
            }
            if (e.code() != ErrorCode.DATABASE_ERROR) {
              unexpected = e;
              running = false;
              return;
            }
            failures.incrementAndGet();
            failedBefore = true;
            pause(100);
          } catch (RuntimeException | Error e) {
            unexpected = e;
            running = false;
            return;
          }
        }
      }
    }

    void stop() {
      running = false;
    }

    void awaitAcknowledged(int count, Duration bound) {
      long deadline = System.nanoTime() + bound.toNanos();
      while (acknowledged.size() < count) {
        if (unexpected != null) {
          throw new AssertionError("the writer failed after " + acknowledged.size() + " writes", unexpected);
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("only " + acknowledged.size() + " of " + count + " writes acknowledged within "
              + bound + " (" + failures.get() + " failed attempts)");
        }
        pause(20);
      }
    }
  }

  /** How many of {@code written} a DAO does not return as written. */
  private static int lost(ConsumerDao dao, List<Consumer> written) {
    int lost = 0;
    for (Consumer c : written) {
      Optional<Consumer> read = readWithRetries(() -> dao.select(c.id()));
      if (!read.equals(Optional.of(c))) {
        lost++;
      }
    }
    return lost;
  }

  /** A read, retried on database errors (a node that just restarted may not see a quorum yet) within a bound. */
  private static <T> T readWithRetries(Supplier<T> read) {
    long deadline = System.nanoTime() + NODE_STATE.toNanos();
    while (true) {
      try {
        return read.get();
      } catch (DaoException e) {
        if (e.code() != ErrorCode.DATABASE_ERROR || System.nanoTime() > deadline) {
          throw e;
        }
        pause(200);
      }
    }
  }

  /** Counts the requests each node coordinated successfully. */
  private static final class CoordinatorCount implements RequestTracker {
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    public void onNodeSuccess(Request request, long latencyNanos, DriverExecutionProfile profile, Node node,
        String logPrefix) {
      if (node.getEndPoint().resolve() instanceof InetSocketAddress address) {
        counts.computeIfAbsent(address.getAddress().getHostAddress(), k -> new AtomicLong()).incrementAndGet();
      }
    }

    Map<String, Long> snapshot() {
      Map<String, Long> out = new java.util.TreeMap<>();
      counts.forEach((k, v) -> out.put(k, v.get()));
      return out;
    }

    @Override
    public void close() {}
  }

  // ---- migrations helpers ----------------------------------------------------------------------------------------

  /** The sample plugin as 1.0.0 shipped it to Cassandra: its base migration only (the runner reads the .cql). */
  private static final class KeyAuthBaseOnly implements MigrationSource {
    @Override
    public String name() {
      return "key-auth";
    }

    @Override
    public String version() {
      return "1.0.0";
    }

    @Override
    public List<String> migrations() {
      return List.of("META-INF/daogen/key-auth/migrations/000_base_key-auth.sql");
    }
  }

  /**
   * A database's migration runner that waits for the other node's lock long enough for a loaded machine (the default,
   * Kong's 60 s, is shorter than a bootstrap of the sample's migrations on a 3-node cluster on 2 busy cores).
   */
  private static Migrations migrations(Database db) {
    return db.migrations().withLockTimeout(LOCK_TIMEOUT);
  }

  /** schema_meta lists each migration once: {@code executed} and {@code pending} as {@code subsystem:name}. */
  private static void assertRecordedOnce(String keyspace, List<String> executed, List<String> pending) {
    List<String> recordedExecuted = new ArrayList<>();
    List<String> recordedPending = new ArrayList<>();
    for (Row r : admin.execute(SimpleStatement.newInstance("SELECT \"subsystem\", \"executed\", \"pending\" FROM \""
        + keyspace + "\".\"schema_meta\" WHERE \"key\" = 'schema_meta'"))) {
      String subsystem = r.getString(0);
      r.getList(1, String.class).forEach(m -> recordedExecuted.add(subsystem + ":" + m));
      r.getList(2, String.class).forEach(m -> recordedPending.add(subsystem + ":" + m));
    }
    assertEquals(sorted(executed), sorted(recordedExecuted), "schema_meta executed, each once");
    assertEquals(sorted(pending), sorted(recordedPending), "schema_meta pending, each once");
  }

  private static void assertLockReleased(String keyspace) {
    assertEquals(List.of(), admin.execute("SELECT * FROM \"" + keyspace + "\".\"locks\"").all(),
        "the migration lock is released");
  }

  private static List<String> sorted(List<String> list) {
    List<String> out = new ArrayList<>(list);
    Collections.sort(out);
    return out;
  }

  private record Outcome<T>(String label, T result, Throwable error, long millis) {}

  /** Runs each piece of work on a thread of its own, all released at once; waits for all (generously). */
  @SafeVarargs
  private static <T> List<Outcome<T>> atOnce(Callable<T>... work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(work.length);
    ExecutorService pool = Executors.newFixedThreadPool(work.length);
    try {
      List<Future<Outcome<T>>> futures = new ArrayList<>();
      for (int i = 0; i < work.length; i++) {
        Callable<T> w = work[i];
        String label = "node " + (i + 1);
        futures.add(pool.submit(() -> {
          start.await();
          long started = System.nanoTime();
          try {
            return new Outcome<>(label, w.call(), null, millisSince(started));
          } catch (Exception e) {
            return new Outcome<>(label, null, e, millisSince(started));
          }
        }));
      }
      List<Outcome<T>> out = new ArrayList<>();
      for (Future<Outcome<T>> f : futures) {
        out.add(f.get(10, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The results, failing on any error. */
  private static <T> List<T> results(List<Outcome<T>> outcomes) {
    List<T> out = new ArrayList<>();
    for (Outcome<T> o : outcomes) {
      if (o.error != null) {
        throw new AssertionError(o.label + " failed", o.error);
      }
      out.add(o.result);
    }
    return out;
  }

  // ---- cluster helpers -------------------------------------------------------------------------------------------

  /** Every session's configuration: QUORUM and SERIAL, and timeouts for a loaded machine. */
  private static DriverConfigLoader config() {
    return DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "QUORUM")
        .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "SERIAL")
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
        // a node that comes back is reconnected to soon, not after the default exponential backoff
        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        .build();
  }

  /** A session that talks to one node only, with the suite's configuration. */
  private static CqlSession onNode(CassandraNode node) {
    CqlSessionBuilder builder = node.sessionBuilder().withConfigLoader(config());
    CqlSession session = builder.build();
    DriverExecutionProfile profile = session.getContext().getConfig().getDefaultProfile();
    assertEquals("QUORUM", profile.getString(DefaultDriverOption.REQUEST_CONSISTENCY));
    assertEquals("SERIAL", profile.getString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY));
    return session;
  }

  /** A database on the keyspace (created with replication factor 3 if missing); closing it closes the session. */
  private static Database database(CqlSession session, String keyspace, CacheSettings cache) {
    return Database.connect(CassandraStore.create(session, keyspace, REPLICATION), DaoSettings.DEFAULTS, cache);
  }

  private static CacheSettings noCluster() {
    return CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.OFF, UPDATE_FREQUENCY);
  }

  private static CqlSession session(Database db) {
    return ((CassandraStore) db.store()).session();
  }

  private static String freshKeyspace(String what) {
    return "suite_" + what + "_" + KEYSPACES.incrementAndGet();
  }

  /** The session's load balancing ignores every node but this one. */
  private static void assertOnlyNodeUsed(CqlSession session, CassandraNode node) {
    for (Node known : session.getMetadata().getNodes().values()) {
      boolean self = node.contactPoint().equals(known.getEndPoint().resolve());
      assertEquals(self, known.getDistance() != NodeDistance.IGNORED, known + " distance " + known.getDistance());
    }
  }

  /** Polls until the session sees {@code count} nodes up. */
  private static void awaitNodesUp(CqlSession session, int count) {
    millisUntil(() -> session.getMetadata().getNodes().values().stream()
        .filter(n -> n.getState() == NodeState.UP).count() >= count, System.nanoTime(), NODE_STATE,
        count + " nodes up for the driver " + session.getMetadata().getNodes().values());
  }

  /** Polls until every node up has the same schema version. */
  private static void awaitSchemaAgreement() {
    millisUntil(admin::checkSchemaAgreement, System.nanoTime(), AGREEMENT, "schema agreement");
  }

  /** Polls {@code condition} until it holds; returns the milliseconds since {@code fromNanos}; fails at the bound. */
  private static long millisUntil(Supplier<Boolean> condition, long fromNanos, Duration bound, String what) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + bound);
      }
      pause(5);
    }
    return (System.nanoTime() - fromNanos) / 1_000_000;
  }

  private static void expect(ErrorCode code, org.junit.jupiter.api.function.Executable action) {
    DaoException e = assertThrows(DaoException.class, action);
    assertEquals(code, e.code(), e::getMessage);
  }

  /** A port free on 127.0.0.1 to 127.0.0.N, below the ephemeral range (so that no client socket takes it later). */
  private static int freePortOnEveryNode(Set<Integer> taken) throws IOException {
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
      if (!taken.contains(port) && freeOnEveryNode(port)) {
        return port;
      }
    }
    throw new IOException("no port free on every node's address");
  }

  private static boolean freeOnEveryNode(int port) {
    for (int i = 1; i <= NODES; i++) {
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + i), port));
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void report(String format, Object... args) {
    System.out.println("[cluster-suite] " + String.format(format, args));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
