package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.cache.CacheSettings;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Several {@link Database}s on one PostgreSQL play several nodes: a write on one invalidates the others' caches
 * through LISTEN/NOTIFY (or the polled table), including cascaded grandchildren, and after the database restarts.
 */
class ClusterTest {
  private static final Duration NOTIFY_BOUND = Duration.ofSeconds(2);
  /** How long a new node may take to open its LISTEN connection (a bound for a loaded machine, not a sleep). */
  private static final Duration LISTENER_READY = Duration.ofSeconds(30);

  private static Database node(DataSource ds, CacheSettings.Cluster mode, Duration poll) {
    return Database.connect(ds, DaoSettings.DEFAULTS, CacheSettings.DEFAULTS.withCluster(mode, poll));
  }

  /** Waits until {@code condition} holds; returns how long it took, or fails after {@code bound}. */
  private static long millisUntil(Supplier<Boolean> condition, Duration bound, String what) {
    long start = System.nanoTime();
    long deadline = start + bound.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + bound);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aNodeThatClosesRightAfterAWriteStillInvalidatesTheOthers() throws Exception {
    TestDatabase.reset();
    DataSource ds = TestDatabase.get().dataSource();
    try (Database b = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1))) {
      KeyAuthCredentialDao onB = b.dao(KeyAuthCredentialDao.class);
      Database a = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1));
      Consumer bob = a.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
      KeyAuthCredential key = a.dao(KeyAuthCredentialDao.class)
          .insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k-close"));
      assertTrue(b.cache().awaitCluster(LISTENER_READY), "B's listener is up");
      assertTrue(onB.selectCached(key.key()).isPresent());
      // the write's invalidation is queued for the sender; closing the node must send it, not drop it
      a.dao(KeyAuthCredentialDao.class).delete(key.id());
      a.close();
      millisUntil(() -> onB.selectCached(key.key()).isEmpty(), NOTIFY_BOUND, "the closed node's invalidation");
    }
  }

  @Test
  void aWriteOnOneNodeInvalidatesTheOtherNodesCacheThroughNotify() throws Exception {
    TestDatabase.reset();
    DataSource ds = TestDatabase.get().dataSource();
    try (Database a = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1));
        Database b = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1))) {
      KeyAuthCredentialDao onA = a.dao(KeyAuthCredentialDao.class);
      KeyAuthCredentialDao onB = b.dao(KeyAuthCredentialDao.class);
      Consumer bob = a.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
      KeyAuthCredential key = onA.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k-0"));
      assertTrue(b.cache().awaitCluster(LISTENER_READY), "B's listener is up");

      List<Long> latencies = new ArrayList<>();
      for (int i = 1; i <= 40; i++) {
        KeyAuthCredential cached = onB.selectCached(key.key()).orElseThrow();
        String tag = "t" + i;
        onA.update(key.id(), new KeyAuthCredentialPatch().tags(java.util.Set.of(tag)));
        latencies.add(millisUntil(() -> {
          java.util.Set<String> tags = onB.selectCached(key.key()).orElseThrow().tags();
          return tags != null && tags.contains(tag);
        }, NOTIFY_BOUND, "invalidation " + i));
        assertTrue(cached.tags() == null || !cached.tags().contains(tag));
      }
      Collections.sort(latencies);
      long p50 = latencies.get(latencies.size() / 2);
      long p99 = latencies.get(latencies.size() - 1);
      System.out.printf("cross-node invalidation via NOTIFY over %d writes: p50 %d ms, p99 %d ms%n",
          latencies.size(), p50, p99);
      assertTrue(p99 <= NOTIFY_BOUND.toMillis());
    }
  }

  @Test
  void aCascadeDeleteInvalidatesCachedGrandchildrenOnBothNodes() throws Exception {
    TestDatabase.reset();
    DataSource ds = TestDatabase.get().dataSource();
    try (Database a = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1));
        Database b = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1))) {
      Consumer bob = a.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
      KeyAuthCredential key = a.dao(KeyAuthCredentialDao.class)
          .insert(new KeyAuthCredentialDraft().consumer(bob.id()));
      CredentialScope scope = a.dao(CredentialScopeDao.class)
          .insert(new CredentialScopeDraft().credential(key.id()).name("read"));
      assertTrue(b.cache().awaitCluster(LISTENER_READY), "B's listener is up");
      for (Database node : List.of(a, b)) {
        assertEquals(Optional.of(key), node.dao(KeyAuthCredentialDao.class).selectCached(key.key()));
        assertEquals(Optional.of(scope), node.dao(CredentialScopeDao.class).selectCached(scope.id()));
      }

      a.dao(ConsumerDao.class).delete(bob.id());

      assertEquals(Optional.empty(), a.dao(CredentialScopeDao.class).selectCached(scope.id()));
      assertEquals(Optional.empty(), a.dao(KeyAuthCredentialDao.class).selectCached(key.key()));
      millisUntil(() -> b.dao(CredentialScopeDao.class).selectCached(scope.id()).isEmpty(), NOTIFY_BOUND,
          "grandchild invalidation on B");
      millisUntil(() -> b.dao(KeyAuthCredentialDao.class).selectCached(key.key()).isEmpty(), NOTIFY_BOUND,
          "child invalidation on B");
    }
  }

  @Test
  void aCachedMissOnAnotherNodeIsInvalidatedByTheInsert() throws Exception {
    TestDatabase.reset();
    DataSource ds = TestDatabase.get().dataSource();
    try (Database a = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1));
        Database b = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1))) {
      assertTrue(b.cache().awaitCluster(LISTENER_READY), "B's listener is up");
      assertEquals(Optional.empty(), b.dao(KeyAuthCredentialDao.class).selectCached("later"));
      Consumer bob = a.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
      a.dao(KeyAuthCredentialDao.class).insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("later"));
      millisUntil(() -> b.dao(KeyAuthCredentialDao.class).selectCached("later").isPresent(), NOTIFY_BOUND,
          "negative entry invalidation on B");
    }
  }

  @Test
  void thePolledTableCarriesInvalidationsWhereNotificationsDoNot() throws Exception {
    TestDatabase.reset();
    DataSource ds = TestDatabase.get().dataSource();
    Duration interval = Duration.ofMillis(200);
    try (Database a = node(ds, CacheSettings.Cluster.POLL, interval);
        Database b = node(ds, CacheSettings.Cluster.POLL, interval)) {
      assertTrue(b.cache().awaitCluster(LISTENER_READY), "B polls");
      ConsumerDao onA = a.dao(ConsumerDao.class);
      ConsumerDao onB = b.dao(ConsumerDao.class);
      Consumer bob = onA.insert(new ConsumerDraft().username("bob"));
      // the insert's own invalidation must pass before B caches bob, so that only the update's is in flight
      flush(onA, onB, interval);
      assertEquals("bob", onB.selectCached(bob.id()).orElseThrow().username());
      onA.update(bob.id(), new ConsumerPatch().username("robert"));
      long ms = millisUntil(() -> onB.selectCached(bob.id()).orElseThrow().username().equals("robert"),
          interval.plusSeconds(2), "polled invalidation");
      System.out.printf("cross-node invalidation via the polled table (interval %d ms): %d ms%n",
          interval.toMillis(), ms);
      // a node ignores its own rows, and rows are read once: B's fresh entry stays cached over further polls
      flush(onA, onB, interval);
      onB.selectCached(bob.id());
      long loads = b.cache().stats().loads();
      Thread.sleep(interval.toMillis() * 3);
      onB.selectCached(bob.id());
      assertEquals(loads, b.cache().stats().loads());
    }
  }

  /**
   * Returns once B has received every invalidation A sent so far: B caches a miss, A inserts that row, and B sees
   * it; the polled rows are read in the order they were written.
   */
  private static void flush(ConsumerDao onA, ConsumerDao onB, Duration interval) {
    UUID marker = UUID.randomUUID();
    assertEquals(Optional.empty(), onB.selectCached(marker));
    onA.insert(new ConsumerDraft().id(marker).username("marker-" + marker));
    millisUntil(() -> onB.selectCached(marker).isPresent(), interval.plusSeconds(2), "marker invalidation");
  }

  @Test
  void theListenerReconnectsAfterTheDatabaseRestarts() throws Exception {
    Path dir = Files.createTempDirectory("daogen-restart");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmbeddedPostgres pg = start(dir, port);
    DataSource ds = pg.getPostgresDatabase();
    try (Database a = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1));
        Database b = node(ds, CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1))) {
      a.migrations().bootstrap();
      Consumer bob = a.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
      assertTrue(b.cache().awaitCluster(LISTENER_READY), "B's listener is up");
      assertEquals("bob", b.dao(ConsumerDao.class).selectCached(bob.id()).orElseThrow().username());

      pg.close();
      pg = start(dir, port);

      // after the restart, a write on A must still reach B
      millisUntil(() -> {
        try {
          a.dao(ConsumerDao.class).update(bob.id(), new ConsumerPatch().customId("after-restart"));
          return true;
        } catch (RuntimeException reconnecting) {
          return false;
        }
      }, Duration.ofSeconds(10), "write after restart");
      millisUntil(() -> "after-restart".equals(
              b.dao(ConsumerDao.class).selectCached(bob.id()).map(Consumer::customId).orElse(null)),
          Duration.ofSeconds(10), "invalidation after restart");
      a.dao(ConsumerDao.class).update(bob.id(), new ConsumerPatch().customId("second"));
      millisUntil(() -> "second".equals(
              b.dao(ConsumerDao.class).selectCached(bob.id()).map(Consumer::customId).orElse(null)),
          NOTIFY_BOUND, "invalidation through the new LISTEN connection");
    } finally {
      pg.close();
    }
  }

  private static EmbeddedPostgres start(Path dir, int port) throws java.io.IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
  }
}
