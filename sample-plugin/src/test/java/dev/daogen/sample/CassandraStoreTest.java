package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the Cassandra store does differently from PostgreSQL (the README's table), each shown; the rest of the
 * behaviour suite runs on both stores. Runs only in the {@code cassandra} test execution.
 */
@Tag("cassandra")
class CassandraStoreTest {
  private final Fixtures f = new Fixtures();

  @Test
  void transactionsAreRefusedBeforeAnythingRuns() {
    List<String> ran = new ArrayList<>();
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> f.db.transaction(tx -> {
          ran.add("work");
          return f.consumer("never");
        }));
    assertTrue(e.getMessage().startsWith("db.transaction is not supported on Cassandra"), e.getMessage());
    assertEquals(List.of(), ran);
    assertEquals(0, f.consumers.count());
  }

  @Test
  void pagesFollowTheDriversPagingStateAndReturnEveryRowOnce() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 25; i++) {
      names.add(f.consumer("user" + i).username());
    }
    Set<String> seen = new HashSet<>();
    String offset = null;
    int pages = 0;
    do {
      Page<Consumer> page = f.consumers.page(10, offset);
      for (Consumer c : page.data()) {
        assertTrue(seen.add(c.username()), () -> "returned twice: " + c.username());
      }
      offset = page.offset();
      pages++;
    } while (offset != null);
    assertEquals(names, seen);
    assertTrue(pages >= 3, "pages: " + pages);
  }

  @Test
  void pagesOfTheDefaultSizeFollowTheTokenOrder() {
    TestCassandra.insertConsumers(f.consumers, 250);
    List<java.util.UUID> byToken = TestCassandra.idsByToken("consumers");
    Page<Consumer> first = f.consumers.page(null, null);
    assertEquals(byToken.subList(0, 100), first.data().stream().map(Consumer::id).toList());
    Page<Consumer> second = f.consumers.page(null, first.offset());
    assertEquals(byToken.subList(100, 200), second.data().stream().map(Consumer::id).toList());
    Page<Consumer> third = f.consumers.page(null, second.offset());
    assertEquals(byToken.subList(200, 250), third.data().stream().map(Consumer::id).toList());
    assertNull(third.offset());
  }

  @Test
  void anOffsetOfAnotherFilterOrGarbageIsAnInvalidOffset() {
    for (int i = 0; i < 5; i++) {
      f.consumer("user" + i);
    }
    String offset = f.consumers.page(2, null).offset();
    Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.consumers.page(2, "garbage"));
    Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.upstreams.page(2, offset));
  }

  @Test
  void expiredRowsAreHiddenAtTheirExpiryAndCassandraDropsThemWithoutCleanup() throws InterruptedException {
    Consumer bob = f.consumer("bob");
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k"),
        Duration.ofSeconds(2));
    assertTrue(f.credentials.select(k.id()).isPresent());
    Instant expiry = f.credentials.expiresAt(k.id()).orElseThrow();
    while (Instant.now().isBefore(expiry.plusMillis(100))) {
      Thread.sleep(50);
    }
    assertTrue(f.credentials.select(k.id()).isEmpty(), "hidden from its expiry");
    assertTrue(f.credentials.selectByKey("k").isEmpty());
    assertEquals(0, f.credentials.deleteExpired(100), "Cassandra drops expired rows itself: nothing to clean up");
    // the key is free again at once: its claim expired with the row (or is taken over)
    f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k"));
  }

  @Test
  void countLeavesOutExpiredRowsAndTheKeysCassandraKeepsOfThem() throws InterruptedException {
    Consumer bob = f.consumer("bob");
    // inserted without ttl, then every column rewritten with one: once they expire Cassandra keeps the bare key
    KeyAuthCredential ghost = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("ghost"));
    f.credentials.update(ghost.id(), new KeyAuthCredentialPatch(), Duration.ofSeconds(1));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!TestCassandra.bareKey("keyauth_credentials", ghost.id())) {
      assertTrue(System.nanoTime() < deadline, "the columns are still there 10 s after a ttl of 1 s");
      Thread.sleep(50);
    }
    // a row whose expiry has passed while Cassandra has not dropped it yet
    f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("expired"), Duration.ofHours(1));
    Fixtures.setExpiry("expired", Duration.ofSeconds(-1));
    f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("live"), Duration.ofHours(1));
    assertEquals(3, Fixtures.rows("keyauth_credentials"), "Cassandra's own count has all three");
    assertEquals(1, f.credentials.count());
    assertTrue(f.credentials.select(ghost.id()).isEmpty());
  }

  @Test
  void uniqueValuesHoldUnderConcurrentInserts() throws Exception {
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        results.add(pool.submit((Callable<Object>) () -> {
          start.await();
          try {
            return f.consumers.insert(new ConsumerDraft().username("same"));
          } catch (DaoException e) {
            return e.code();
          }
        }));
      }
      start.countDown();
      int created = 0;
      for (Future<Object> r : results) {
        Object outcome = r.get();
        if (outcome instanceof Consumer) {
          created++;
        } else {
          assertEquals(ErrorCode.UNIQUE_VIOLATION, outcome);
        }
      }
      assertEquals(1, created);
      assertEquals(1, f.consumers.count());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theEngineCascadesRestrictsAndClearsReferencesWithAnEventForEachRow() {
    Consumer bob = f.consumer("bob");
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k"));
    Upstream u = f.upstream("u");
    Route r = f.routes.insert(new RouteDraft().name("r").upstream(u.id()));
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));

    DaoException restrict = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.upstreams.delete(u.id()));
    assertEquals(Map.of("@referenced_by", "targets"), restrict.fields());
    f.targets.delete(t.id());
    assertTrue(f.upstreams.delete(u.id()));
    assertNull(f.routes.select(r.id()).orElseThrow().upstream(), "SET NULL");

    List<String> events = new ArrayList<>();
    f.db.events().subscribeAll(e -> events.add(e.operation() + " " + e.entity()));
    assertTrue(f.consumers.delete(bob.id()));
    assertTrue(f.credentials.select(k.id()).isEmpty(), "CASCADE");
    assertTrue(events.contains("DELETE keyauth_credentials"), events.toString());
    assertTrue(events.contains("DELETE consumers"), events.toString());
  }

  @Test
  void aMissingParentIsRefusedByTheEngine() {
    DaoException e = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.credentials.insert(new KeyAuthCredentialDraft().consumer(java.util.UUID.randomUUID())));
    assertEquals(4, e.code().code());
    assertFalse(e.fields().isEmpty());
  }

  @Test
  void everyComponentTypeRoundTripsThroughTheDao() {
    HealthCheck hc = new HealthCheck("/health", 5, List.of(200, 204, 302));
    Upstream u = f.upstreams.insert(new UpstreamDraft().name("svc.local").algorithm(Algorithm.CONSISTENT_HASHING)
        .slots(65536).healthcheck(hc).hashFallbackHeaders(List.of("x-b", "x-a", "x-b"))
        .labels(Map.of("team", "core", "tier", "1")).contact("ops@example.com"));
    assertEquals(u, f.upstreams.select(u.id()).orElseThrow());
    Route r = f.routes.insert(new RouteDraft().name("r1").upstream(u.id()).paths(Set.of("/a", "/b"))
        .retiresOn(java.time.LocalDate.of(2031, 12, 31)).tags(Set.of("t")));
    assertEquals(r, f.routes.select(r.id()).orElseThrow());
    Consumer bob = f.consumer("bob");
    GroupMembership g = f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold")
        .quota(new java.math.BigDecimal("12345678901234567890.125")).priority(Long.MAX_VALUE));
    assertEquals(g, f.groups.select(bob.id(), "gold").orElseThrow());
  }

  @Test
  void emptyCollectionsReadBackAsNullSinceCassandraStoresThemSo() {
    Consumer c = f.consumers.insert(new ConsumerDraft().username("empty").tags(Set.of()));
    assertEquals(Set.of(), c.tags(), "the DAO returns what it wrote");
    assertNull(f.consumers.select(c.id()).orElseThrow().tags(), "Cassandra keeps no empty collection");
  }

  @Test
  void tagFiltersReturnEachMatchOnceAcrossPages() {
    Consumer ab = f.consumers.insert(new ConsumerDraft().username("ab").tags(Set.of("a", "b")));
    Consumer a = f.consumers.insert(new ConsumerDraft().username("a").tags(Set.of("a")));
    Consumer bc = f.consumers.insert(new ConsumerDraft().username("bc").tags(Set.of("b", "c")));
    f.consumers.insert(new ConsumerDraft().username("none"));
    assertEquals(Set.of(ab.id()), walk(dev.daogen.dao.Tags.all("a", "b")));
    assertEquals(Set.of(ab.id(), a.id()), walk(dev.daogen.dao.Tags.all("a")));
    assertEquals(Set.of(ab.id(), a.id(), bc.id()), walk(dev.daogen.dao.Tags.any("a", "c")));
    assertEquals(Set.of(ab.id(), a.id(), bc.id()), walk(dev.daogen.dao.Tags.any("a", "b", "c")));
    assertEquals(Set.of(), walk(dev.daogen.dao.Tags.all("a", "c")));
    try (java.util.stream.Stream<Consumer> all = f.consumers.each(1, dev.daogen.dao.Tags.any("b", "a"))) {
      assertEquals(3, all.count(), "each row once, though two tags match it");
    }
  }

  /** Every id of the pages of one row each, checking that none comes twice. */
  private Set<java.util.UUID> walk(dev.daogen.dao.Tags tags) {
    Set<java.util.UUID> ids = new HashSet<>();
    String offset = null;
    do {
      Page<Consumer> page = f.consumers.page(1, offset, tags);
      for (Consumer c : page.data()) {
        assertTrue(ids.add(c.id()), () -> "twice: " + c.username());
      }
      offset = page.offset();
    } while (offset != null);
    return ids;
  }

  @Test
  void theCacheIsReadThroughAndInvalidatedByWrites() {
    Consumer bob = f.consumer("bob");
    assertEquals(bob, f.consumers.selectCached(bob.id()).orElseThrow());
    Consumer renamed = f.consumers.update(bob.id(), new ConsumerPatch().username("bobby"));
    assertEquals(renamed, f.consumers.selectCached(bob.id()).orElseThrow(), "the write invalidated the entry");
    f.consumers.delete(bob.id());
    assertTrue(f.consumers.selectCached(bob.id()).isEmpty());
  }
}
