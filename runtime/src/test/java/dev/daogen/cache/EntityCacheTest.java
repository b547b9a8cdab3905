package dev.daogen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.events.EntityEvent;
import dev.daogen.events.EntityEvent.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A single node ({@link CacheSettings.Cluster#OFF}): the bus never uses its transport. */
class EntityCacheTest {
  private static final CacheSettings SINGLE_NODE = CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.OFF, null);

  private ClusterBus bus;
  private EntityCache cache;
  private final AtomicInteger loads = new AtomicInteger();

  @BeforeEach
  void setUp() {
    bus = new ClusterBus(ClusterTransport.NONE, SINGLE_NODE);
    cache = new EntityCache(SINGLE_NODE, bus);
  }

  @AfterEach
  void tearDown() {
    bus.close();
  }

  /** A loader that counts its calls and finds {@code value} (empty: nothing). */
  private <T> Function<String, Optional<T>> loader(T value) {
    return k -> {
      loads.incrementAndGet();
      return Optional.ofNullable(value);
    };
  }

  private Optional<EntityCache.Peek> peek(String key) {
    return cache.peek(key);
  }

  @Test
  void readsThroughOnce() {
    assertEquals(Optional.of("v"), cache.get("consumers:1", loader("v")));
    assertEquals(Optional.of("v"), cache.get("consumers:1", loader("other")));
    assertEquals(1, loads.get());
    assertEquals(Optional.of(new EntityCache.Peek("v")), peek("consumers:1"));
    assertEquals(new EntityCache.Stats(1, 1, 1, 1), cache.stats());
  }

  @Test
  void missesAreCachedToo() {
    assertEquals(Optional.empty(), cache.get("consumers:404", loader(null)));
    assertEquals(Optional.empty(), cache.get("consumers:404", loader("late")));
    assertEquals(1, loads.get());
    // a cached miss: present, with a null value
    assertEquals(Optional.of(new EntityCache.Peek(null)), peek("consumers:404"));
    assertEquals(Optional.empty(), peek("consumers:never"));
  }

  @Test
  void peekNeitherLoadsNorCounts() {
    cache.get("k", loader("v"));
    peek("k");
    peek("absent");
    assertEquals(new EntityCache.Stats(0, 1, 1, 1), cache.stats());
    assertEquals(Optional.empty(), peek("absent"));
  }

  @Test
  void concurrentMissesLoadOnce() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Function<String, Optional<String>> slow = k -> {
      loads.incrementAndGet();
      loading.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Optional.of("v");
    };
    var pool = Executors.newFixedThreadPool(4);
    try {
      var first = pool.submit(() -> cache.get("k", slow));
      loading.await();
      List<Future<Optional<String>>> others = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        others.add(pool.submit(() -> cache.get("k", slow)));
      }
      Thread.sleep(50);
      release.countDown();
      assertEquals(Optional.of("v"), first.get(5, TimeUnit.SECONDS));
      for (var f : others) {
        assertEquals(Optional.of("v"), f.get(5, TimeUnit.SECONDS));
      }
      assertEquals(1, loads.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThrowingLoaderCachesNothing() {
    assertThrows(IllegalStateException.class, () -> cache.get("k", k -> {
      throw new IllegalStateException("db down");
    }));
    assertEquals(Optional.empty(), peek("k"));
    assertEquals(Optional.of("v"), cache.get("k", loader("v")));
  }

  @Test
  void perEntryTimesToLive() throws InterruptedException {
    cache.get("short", Duration.ofMillis(50), null, loader("v"));
    cache.get("long", Duration.ofHours(1), null, loader("v"));
    cache.get("miss-short", null, Duration.ofMillis(50), loader(null));
    cache.get("miss-forever", Duration.ofMillis(1), null, loader(null));
    Thread.sleep(120);
    assertEquals(Optional.empty(), peek("short"));
    assertEquals(Optional.of(new EntityCache.Peek("v")), peek("long"));
    assertEquals(Optional.empty(), peek("miss-short"));
    // the value ttl does not apply to misses
    assertEquals(Optional.of(new EntityCache.Peek(null)), peek("miss-forever"));
    // expired: loaded again
    assertEquals(Optional.of("new"), cache.get("short", Duration.ofMillis(50), null, loader("new")));
    assertEquals(5, loads.get());
  }

  @Test
  void defaultTimesToLiveComeFromTheSettings() throws InterruptedException {
    CacheSettings settings = SINGLE_NODE.withTtl(Duration.ofMillis(50), Duration.ofHours(1));
    EntityCache ttlCache = new EntityCache(settings, bus);
    ttlCache.get("value", loader("v"));
    ttlCache.get("miss", loader(null));
    Thread.sleep(120);
    assertEquals(Optional.empty(), ttlCache.peek("value"));
    assertEquals(Optional.of(new EntityCache.Peek(null)), ttlCache.peek("miss"));
  }

  @Test
  void zeroTtlIsNotCached() {
    cache.get("k", Duration.ZERO, Duration.ZERO, loader("v"));
    cache.get("k", Duration.ZERO, Duration.ZERO, loader("v"));
    assertEquals(2, loads.get());
  }

  @Test
  void invalidateDropsOneKey() {
    cache.get("consumers:1", loader("a"));
    cache.get("consumers:2", loader("b"));
    cache.invalidate("consumers:1");
    assertEquals(Optional.empty(), peek("consumers:1"));
    assertEquals(Optional.of(new EntityCache.Peek("b")), peek("consumers:2"));
    cache.invalidateLocal("consumers:2");
    assertEquals(Optional.empty(), peek("consumers:2"));
    // unknown keys are fine
    cache.invalidate("nothing");
  }

  @Test
  void wildcardInvalidatesAPrefix() {
    cache.get("consumers:1", loader("a"));
    cache.get("consumers:2", loader(null));
    cache.get("consumers_extra:1", loader("c"));
    cache.get("routes:1", loader("d"));
    cache.invalidateLocal("consumers:*");
    assertEquals(Optional.empty(), peek("consumers:1"));
    assertEquals(Optional.empty(), peek("consumers:2"));
    assertEquals(Optional.of(new EntityCache.Peek("c")), peek("consumers_extra:1"));
    assertEquals(Optional.of(new EntityCache.Peek("d")), peek("routes:1"));
    cache.invalidate(ClusterBus.WILDCARD);
    assertEquals(Optional.empty(), peek("routes:1"));
    assertEquals(Optional.empty(), peek("consumers_extra:1"));
  }

  @Test
  void purgeEmptiesTheCache() {
    cache.get("a", loader("1"));
    cache.get("b", loader(null));
    cache.purge();
    assertEquals(Optional.empty(), peek("a"));
    assertEquals(Optional.empty(), peek("b"));
    cache.get("a", loader("1"));
    cache.purgeLocal();
    assertEquals(Optional.empty(), peek("a"));
  }

  private static EntityEvent<String> event(String entity, Operation op, String key, String oldKey) {
    return new EntityEvent<>(entity, op, "v", null, key, oldKey, false);
  }

  @Test
  void eventsInvalidateTheirKeys() {
    for (String k : new String[] {"consumers:1", "consumers:2", "consumers:old", "consumers:new", "routes:1"}) {
      cache.get(k, loader(k));
    }
    cache.onEvent(event("consumers", Operation.CREATE, "consumers:1", null));
    assertEquals(Optional.empty(), peek("consumers:1"));
    assertEquals(Optional.of(new EntityCache.Peek("consumers:2")), peek("consumers:2"));

    cache.onEvent(event("consumers", Operation.UPDATE, "consumers:new", "consumers:old"));
    assertEquals(Optional.empty(), peek("consumers:new"));
    assertEquals(Optional.empty(), peek("consumers:old"));
    assertEquals(Optional.of(new EntityCache.Peek("consumers:2")), peek("consumers:2"));

    cache.onEvent(event("consumers", Operation.DELETE, "consumers:2", null));
    assertEquals(Optional.empty(), peek("consumers:2"));
    assertEquals(Optional.of(new EntityCache.Peek("routes:1")), peek("routes:1"));
  }

  @Test
  void aCreateDropsACachedMiss() {
    assertEquals(Optional.empty(), cache.get("consumers:bob", loader(null)));
    cache.onEvent(event("consumers", Operation.CREATE, "consumers:bob", null));
    assertEquals(Optional.of("bob"), cache.get("consumers:bob", loader("bob")));
  }

  @Test
  void truncateDropsEveryKeyOfTheEntity() {
    cache.get("consumers:1", loader("a"));
    cache.get("consumers:2", loader(null));
    cache.get("consumersx:1", loader("x"));
    cache.get("routes:1", loader("r"));
    cache.onEvent(new EntityEvent<>("consumers", Operation.TRUNCATE, null, null, null, null, false));
    assertEquals(Optional.empty(), peek("consumers:1"));
    assertEquals(Optional.empty(), peek("consumers:2"));
    assertEquals(Optional.of(new EntityCache.Peek("x")), peek("consumersx:1"));
    assertEquals(Optional.of(new EntityCache.Peek("r")), peek("routes:1"));
  }

  @Test
  void sizeIsBounded() {
    CacheSettings small = new CacheSettings(10, null, null, CacheSettings.Cluster.OFF, null);
    EntityCache bounded = new EntityCache(small, bus);
    for (int i = 0; i < 100; i++) {
      bounded.get("k" + i, loader("v"));
    }
    // Caffeine evicts asynchronously; the estimate settles after maintenance
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (bounded.stats().size() > 10 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(bounded.stats().size() <= 10, bounded.stats().toString());
  }

  @Test
  void singleNodeBusSendsNothing() throws InterruptedException {
    // OFF: broadcast and startReceiving are no-ops; a transport that counts proves nothing is sent or received
    AtomicInteger connections = new AtomicInteger();
    ClusterTransport counting = new ClusterTransport() {
      @Override
      public void send(java.util.UUID node, List<String> keys) {
        connections.incrementAndGet();
      }

      @Override
      public void receive(java.util.UUID node, java.util.function.Consumer<String> onKey, Runnable ready,
          java.util.function.BooleanSupplier running) {
        connections.incrementAndGet();
      }
    };
    try (ClusterBus offBus = new ClusterBus(counting, SINGLE_NODE)) {
      EntityCache offCache = new EntityCache(SINGLE_NODE, offBus);
      offBus.broadcast("consumers:1");
      offBus.startReceiving(k -> {
        throw new AssertionError("nothing is received");
      }, () -> {
        throw new AssertionError("no gap");
      });
      offCache.invalidate("x");
      offCache.purge();
      Thread.sleep(300); // longer than the sender's poll, had one started
      assertFalse(offCache.awaitCluster(Duration.ofSeconds(1)), "a single node receives nothing");
    }
    assertEquals(0, connections.get());
  }

}
