package dev.daogen.store.cassandra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real node, started once for the class: CQL, lightweight transactions, TTL, a storage-attached index, a restart
 * on the same data directory after a kill, a graceful stop, and the errors of a missing class path. The kill test
 * runs last and hands the restarted node on to {@link #stopNode()}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraNodeTest {
  /** Under target/, not a temporary directory: the node's log stays there when a test fails. */
  private static final Path DATA = Path.of("target", "cassandra-node-test").toAbsolutePath();
  private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);

  private static CassandraNode node;
  private static CqlSession session;

  @BeforeAll
  static void startNode() throws IOException {
    deleteRecursively(DATA);
    // free ports: another node (a parallel build, a cluster test) may hold 9042/7000
    node = CassandraNode.start(CassandraNode.Settings.builder(DATA).nativePort(freePort()).storagePort(freePort())
        .build());
    report("first start", node);
    session = session(node);
    execute("CREATE KEYSPACE IF NOT EXISTS it WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    execute("CREATE TABLE IF NOT EXISTS it.kv (k text PRIMARY KEY, v text, n int)");
  }

  /**
   * A session with a request timeout for a small, busy machine: the driver's default of 2 s is shorter than a cold
   * read right after a restart (commit log replayed, caches empty) on 2 shared cores.
   */
  private static CqlSession session(CassandraNode node) {
    return node.sessionBuilder().withConfigLoader(DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build()).build();
  }

  @AfterAll
  static void stopNode() {
    if (session != null) {
      session.close();
    }
    if (node != null) {
      long pid = node.pid();
      node.close();
      assertFalse(node.isAlive());
      assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no process " + pid + " is left");
    }
  }

  @Test
  @Order(1)
  void answersCql() {
    assertTrue(node.isAlive());
    assertTrue(node.releaseVersion().startsWith("5.0"), node.releaseVersion());
    session.execute(SimpleStatement.newInstance("INSERT INTO it.kv (k, v, n) VALUES (?, ?, ?)", "a", "alpha", 1));
    Row row = session.execute(SimpleStatement.newInstance("SELECT v, n FROM it.kv WHERE k = ?", "a")).one();
    assertNotNull(row);
    assertEquals("alpha", row.getString("v"));
    assertEquals(1, row.getInt("n"));
    assertEquals(node.datacenter(), session.execute("SELECT data_center FROM system.local").one().getString(0));
  }

  @Test
  @Order(2)
  void lightweightTransactions() {
    SimpleStatement insert = SimpleStatement.newInstance("INSERT INTO it.kv (k, v) VALUES (?, ?) IF NOT EXISTS",
        "lwt", "first");
    assertTrue(session.execute(insert).wasApplied());
    ResultSet again = session.execute(SimpleStatement.newInstance(
        "INSERT INTO it.kv (k, v) VALUES (?, ?) IF NOT EXISTS", "lwt", "second"));
    assertFalse(again.wasApplied());
    assertEquals("first", again.one().getString("v"), "a refused LWT returns the current row");
    assertTrue(session.execute(SimpleStatement.newInstance("UPDATE it.kv SET v = ? WHERE k = ? IF v = ?", "third", "lwt",
        "first")).wasApplied());
    assertEquals("third", session.execute("SELECT v FROM it.kv WHERE k = 'lwt'").one().getString("v"));
  }

  @Test
  @Order(3)
  void timeToLive() {
    session.execute("INSERT INTO it.kv (k, v) VALUES ('ttl', 'expiring') USING TTL 3600");
    Row row = session.execute("SELECT v, TTL(v) FROM it.kv WHERE k = 'ttl'").one();
    assertNotNull(row);
    int ttl = row.getInt(1);
    assertTrue(ttl > 0 && ttl <= 3600, "TTL(v) = " + ttl);

    session.execute("INSERT INTO it.kv (k, v) VALUES ('gone', 'soon') USING TTL 1");
    awaitTrue(Duration.ofSeconds(30), () -> session.execute("SELECT v FROM it.kv WHERE k = 'gone'").one() == null,
        "the row with TTL 1 expired");
  }

  @Test
  @Order(4)
  void storageAttachedIndex() {
    execute("CREATE TABLE IF NOT EXISTS it.people (id int PRIMARY KEY, city text, age int)");
    execute("CREATE INDEX IF NOT EXISTS people_city ON it.people (city) USING 'sai'");
    execute("CREATE INDEX IF NOT EXISTS people_age ON it.people (age) USING 'sai'");
    for (int id = 0; id < 20; id++) {
      session.execute(SimpleStatement.newInstance("INSERT INTO it.people (id, city, age) VALUES (?, ?, ?)", id,
          id % 2 == 0 ? "Lyon" : "Oslo", 20 + id));
    }
    // an index is built asynchronously after CREATE INDEX returns: poll until it answers
    awaitTrue(SCHEMA_TIMEOUT, () -> {
      try {
        return session.execute("SELECT id FROM it.people WHERE city = 'Oslo'").all().size() == 10;
      } catch (RuntimeException e) {
        return false;
      }
    }, "the SAI index on city answers");
    List<Row> rows = session.execute("SELECT id FROM it.people WHERE city = 'Lyon' AND age > 30").all();
    assertEquals(List.of(12, 14, 16, 18), rows.stream().map(r -> r.getInt("id")).sorted().toList());
  }

  @Test
  @Order(10)
  void killLeavesNoProcessAndARestartKeepsTheData() {
    // written to the commit log only (no flush): the restart replays it
    session.execute("INSERT INTO it.kv (k, v) VALUES ('crash', 'killed')");
    session.close();
    session = null;
    long pid = node.pid();
    node.kill();
    assertFalse(node.isAlive());
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no process " + pid + " is left");

    node = CassandraNode.start(node.settings());
    report("restart after kill", node);
    session = session(node);
    assertEquals("killed", session.execute("SELECT v FROM it.kv WHERE k = 'crash'").one().getString("v"));
  }

  @Test
  void missingLibDirectoryIsAClearError(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-lib");
    IllegalStateException explicit = assertThrows(IllegalStateException.class,
        () -> CassandraNode.start(CassandraNode.Settings.builder(dir.resolve("node")).libDirectory(missing).build()));
    assertTrue(explicit.getMessage().contains(missing.toString()), explicit.getMessage());
    assertTrue(explicit.getMessage().contains(CassandraLib.PROPERTY), explicit.getMessage());
    assertTrue(explicit.getMessage().contains("mvn -B -ntp -pl cassandra-server"), explicit.getMessage());

    IllegalStateException property = assertThrows(IllegalStateException.class,
        () -> CassandraLib.locate(Optional.empty(), missing.toString(), null, List.of(dir)));
    assertTrue(property.getMessage().contains("system property daogen.cassandra.lib"), property.getMessage());

    IllegalStateException nothing = assertThrows(IllegalStateException.class,
        () -> CassandraLib.locate(Optional.empty(), null, "", List.of(dir)));
    assertTrue(nothing.getMessage().contains(CassandraLib.PROPERTY), nothing.getMessage());
    assertTrue(nothing.getMessage().contains(CassandraLib.ENVIRONMENT), nothing.getMessage());
    assertTrue(nothing.getMessage().contains("mvn -B -ntp -pl cassandra-server generate-resources"),
        nothing.getMessage());
  }

  @Test
  void aTakenPortIsAClearError(@TempDir Path dir) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CassandraNode.Settings settings = CassandraNode.Settings.builder(dir).nativePort(taken.getLocalPort())
          .storagePort(freePort()).build();
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> CassandraNode.start(settings));
      assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
      assertTrue(e.getMessage().contains("taken"), e.getMessage());
    }
  }

  @Test
  void libDirectoryIsFoundAboveTheCurrentDirectory(@TempDir Path dir) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("cassandra-server/target/lib"));
    Files.createFile(lib.resolve("cassandra-all-5.0.6.jar"));
    Path deep = Files.createDirectories(dir.resolve("sample/target/classes"));
    assertEquals(lib.toAbsolutePath(), CassandraLib.locate(Optional.empty(), null, null, List.of(deep)));
    Path env = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createFile(env.resolve("cassandra-all-5.0.6.jar"));
    assertEquals(env.toAbsolutePath(), CassandraLib.locate(Optional.empty(), null, env.toString(), List.of(deep)));
  }

  private static void execute(String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(SCHEMA_TIMEOUT));
  }

  private static void awaitTrue(Duration timeout, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not true within " + timeout + ": " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private static void report(String what, CassandraNode started) {
    System.out.printf("CassandraNode %s: CQL after %d ms, RSS %s (pid %d)%n", what, started.startupTime().toMillis(),
        residentMemory(started.pid()), started.pid());
  }

  /** VmRSS from /proc (Linux), or "unknown". */
  static String residentMemory(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try (Stream<String> lines = Files.lines(status)) {
      return lines.filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).trim()).findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
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

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
