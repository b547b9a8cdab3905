package dev.daogen.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.daogen.events.EntityEvent;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-node entity cache ({@code db.cache()}), as Kong's {@code kong.cache}: values and misses (negative
 * caching) by cache key, each with its own time to live, bounded in size. Every committed write invalidates the old
 * and new cache keys of the entity (and of cascaded children) here and, through the {@link ClusterBus}, on every
 * other node. Concurrent misses of one key load once; a loader that throws caches nothing.
 */
public final class EntityCache {
  private static final Object MISS = new Object();
  private static final long FOREVER = Long.MAX_VALUE;

  private record Entry(Object value, long ttlNanos) {}

  private final CacheSettings settings;
  private final ClusterBus bus;
  private final Cache<String, Entry> cache;

  public EntityCache(CacheSettings settings, ClusterBus bus) {
    this.settings = settings;
    this.bus = bus;
    this.cache = Caffeine.newBuilder()
        .maximumSize(settings.maximumSize())
        .expireAfter(new Expiry<String, Entry>() {
          @Override
          public long expireAfterCreate(String key, Entry entry, long now) {
            return entry.ttlNanos();
          }

          @Override
          public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
            return entry.ttlNanos();
          }

          @Override
          public long expireAfterRead(String key, Entry entry, long now, long remaining) {
            return remaining;
          }
        })
        .recordStats()
        .build();
    bus.startReceiving(this::invalidateLocal, this::purgeLocal);
  }

  /** Reads through the cache with the default times to live. */
  public <T> Optional<T> get(String key, Function<String, Optional<T>> loader) {
    return get(key, settings.ttl(), settings.negativeTtl(), loader);
  }

  /**
   * Reads through the cache.
   *
   * @param key the cache key ({@code keyauth_credentials:<key>})
   * @param ttl how long a found value stays (null: until invalidated)
   * @param negativeTtl how long a miss stays (null: until invalidated)
   * @param loader loads the value on a miss; empty means "absent" and is cached as a miss
   */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> get(String key, Duration ttl, Duration negativeTtl, Function<String, Optional<T>> loader) {
    Entry entry = cache.get(key, k -> {
      Optional<T> loaded = loader.apply(k);
      return loaded.isPresent()
          ? new Entry(loaded.get(), nanos(ttl))
          : new Entry(MISS, nanos(negativeTtl));
    });
    return entry.value() == MISS ? Optional.empty() : Optional.of((T) entry.value());
  }

  private static long nanos(Duration d) {
    return d == null ? FOREVER : d.toNanos();
  }

  /**
   * What this node holds for a key, without loading or counting a read.
   *
   * @return empty when nothing is cached; a {@link Peek} with a null value for a cached miss
   */
  public Optional<Peek> peek(String key) {
    Entry entry = cache.policy().getIfPresentQuietly(key);
    return entry == null ? Optional.empty() : Optional.of(new Peek(entry.value() == MISS ? null : entry.value()));
  }

  /**
   * A cached entry.
   *
   * @param value the cached value, or null for a cached miss
   */
  public record Peek(Object value) {}

  /** Drops a key here and on every other node. */
  public void invalidate(String key) {
    invalidateLocal(key);
    bus.broadcast(key);
  }

  /** Drops a key on this node only. */
  public void invalidateLocal(String key) {
    if (key.endsWith(ClusterBus.WILDCARD)) {
      String prefix = key.substring(0, key.length() - 1);
      cache.asMap().keySet().removeIf(k -> k.startsWith(prefix));
    } else {
      cache.invalidate(key);
    }
  }

  /** Empties the cache here and on every other node. */
  public void purge() {
    purgeLocal();
    bus.broadcast(ClusterBus.WILDCARD);
  }

  /** Empties the cache on this node only. */
  public void purgeLocal() {
    cache.invalidateAll();
  }

  /** Hits, misses, loads and size of this node's cache. */
  public Stats stats() {
    var s = cache.stats();
    return new Stats(s.hitCount(), s.missCount(), s.loadCount(), cache.estimatedSize());
  }

  /**
   * Waits until this node receives the other nodes' invalidations (those sent before never reach it), e.g. before a
   * node reports itself ready or a test writes on another node.
   *
   * @return true once receiving; false after {@code timeout}, or for a single-node cache
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitCluster(Duration timeout) throws InterruptedException {
    return bus.awaitReceiving(timeout);
  }

  /**
   * Cache statistics of this node.
   *
   * @param hits reads answered from the cache
   * @param misses reads that had to load
   * @param loads loader calls
   * @param size entries (estimate)
   */
  public record Stats(long hits, long misses, long loads, long size) {}

  /** Invalidates locally what a committed event changed (the bus carries it to the other nodes). */
  public void onEvent(EntityEvent<?> event) {
    if (event.operation() == EntityEvent.Operation.TRUNCATE) {
      invalidateLocal(event.entity() + ":" + ClusterBus.WILDCARD);
      return;
    }
    if (event.cacheKey() != null) {
      invalidateLocal(event.cacheKey());
    }
    if (event.oldCacheKey() != null) {
      invalidateLocal(event.oldCacheKey());
    }
  }
}
