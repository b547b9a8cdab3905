package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.EntityCache;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The entity cache on one node: negative caching, TTLs, size bound, loads, invalidation by writes. */
class CacheTest {
  private Database db;
  private EntityCache cache;
  private ConsumerDao consumers;
  private KeyAuthCredentialDao credentials;

  @BeforeEach
  void setUp() {
    TestDatabase.reset();
    db = TestDatabase.connect(DaoSettings.DEFAULTS,
        new CacheSettings(3, null, null, CacheSettings.Cluster.OFF, Duration.ofSeconds(1)));
    cache = db.cache();
    consumers = db.dao(ConsumerDao.class);
    credentials = db.dao(KeyAuthCredentialDao.class);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aHitDoesNotLoadAndAMissIsCachedToo() {
    AtomicInteger loads = new AtomicInteger();
    assertEquals(Optional.empty(), cache.get("k", k -> {
      loads.incrementAndGet();
      return Optional.empty();
    }));
    assertEquals(Optional.empty(), cache.get("k", k -> {
      loads.incrementAndGet();
      return Optional.of("found");
    }));
    assertEquals(1, loads.get());
    assertEquals(1, cache.stats().hits());
    assertEquals(1, cache.stats().misses());
  }

  @Test
  void entriesExpireAfterTheirOwnTtl() throws InterruptedException {
    cache.get("short", Duration.ofMillis(100), null, k -> Optional.of("v1"));
    cache.get("long", Duration.ofHours(1), null, k -> Optional.of("v1"));
    Thread.sleep(300);
    assertEquals(Optional.of("v2"), cache.get("short", k -> Optional.of("v2")));
    assertEquals(Optional.of("v1"), cache.get("long", k -> Optional.of("v2")));
  }

  @Test
  void aLoaderThatThrowsCachesNothing() {
    assertThrows(IllegalStateException.class, () -> cache.get("k", k -> {
      throw new IllegalStateException("database down");
    }));
    assertEquals(Optional.of("v"), cache.get("k", k -> Optional.of("v")));
  }

  @Test
  void concurrentMissesOfOneKeyLoadOnce() throws Exception {
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<String>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> {
          start.await();
          return cache.get("slow", k -> {
            loads.incrementAndGet();
            sleep(200);
            return Optional.of("v");
          });
        }));
      }
      start.countDown();
      for (Future<Optional<String>> r : results) {
        assertEquals(Optional.of("v"), r.get(5, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, loads.get());
  }

  @Test
  void theCacheIsBounded() {
    for (int i = 0; i < 50; i++) {
      String key = "k" + i;
      cache.get(key, k -> Optional.of(key));
    }
    cache.stats();
    // Caffeine evicts asynchronously; the estimate settles at the bound of 3 (within 10 s on a busy machine)
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (cache.stats().size() > 3 && System.nanoTime() < deadline) {
      sleep(10);
      cache.get("k49", k -> Optional.of("k49"));
    }
    assertTrue(cache.stats().size() <= 3, "size " + cache.stats().size());
  }

  @Test
  void invalidateAndPurgeDropEntries() {
    cache.get("a", k -> Optional.of("1"));
    cache.get("b", k -> Optional.of("1"));
    cache.invalidate("a");
    assertEquals(Optional.of("2"), cache.get("a", k -> Optional.of("2")));
    assertEquals(Optional.of("1"), cache.get("b", k -> Optional.of("2")));
    cache.purge();
    assertEquals(Optional.of("3"), cache.get("b", k -> Optional.of("3")));
  }

  @Test
  void generatedDaosReadThroughTheCacheByCacheKey() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    long loadsBefore = cache.stats().loads();
    assertEquals(Optional.of(key), credentials.selectCached(key.key()));
    assertEquals(Optional.of(key), credentials.selectCached(key.key()));
    assertEquals(loadsBefore + 1, cache.stats().loads());

    // entities without @CacheKey are cached by primary key
    assertEquals(Optional.of(bob), consumers.selectCached(bob.id()));
    assertEquals("consumers:" + bob.id(), consumers.cacheKey(bob));
  }

  @Test
  void aWriteInvalidatesTheOldAndNewCacheKeys() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("old-key"));
    assertEquals(Optional.of(key), credentials.selectCached("old-key"));
    assertEquals(Optional.empty(), credentials.selectCached("new-key"));

    KeyAuthCredential changed = credentials.update(key.id(), new KeyAuthCredentialPatch().key("new-key"));

    assertEquals(Optional.empty(), credentials.selectCached("old-key"));
    assertEquals(Optional.of(changed), credentials.selectCached("new-key"));
  }

  @Test
  void aCachedMissIsInvalidatedByTheInsertThatCreatesTheRow() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    assertEquals(Optional.empty(), credentials.selectCached("soon"));
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("soon"));
    assertEquals(Optional.of(key), credentials.selectCached("soon"));
  }

  @Test
  @Tag("postgres") // db.transaction: refused on Cassandra (CassandraStoreTest)
  void aRolledBackWriteInvalidatesNothing() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    credentials.selectCached("never");
    long loads = cache.stats().loads();
    assertThrows(IllegalStateException.class, () -> db.transaction(tx -> {
      credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("never"));
      throw new IllegalStateException("roll back");
    }));
    assertEquals(Optional.empty(), credentials.selectCached("never"));
    assertEquals(loads, cache.stats().loads(), "the cached miss must still be there");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
