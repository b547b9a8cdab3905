package dev.daogen.cache;

import java.time.Duration;

/**
 * The entity cache and how its invalidations reach the other nodes.
 *
 * @param maximumSize entries kept per node
 * @param ttl how long a found value is kept (null: until invalidated, as Kong's {@code db_cache_ttl = 0})
 * @param negativeTtl how long a miss is kept (null: until invalidated)
 * @param cluster how invalidations travel between nodes
 * @param pollInterval for {@link Cluster#POLL}: how often the {@code cluster_events} table is read
 */
public record CacheSettings(
    long maximumSize, Duration ttl, Duration negativeTtl, Cluster cluster, Duration pollInterval) {

  /** How invalidations reach the other nodes sharing the database. */
  public enum Cluster {
    /** PostgreSQL {@code LISTEN/NOTIFY} on a dedicated connection (default). */
    NOTIFY,
    /** A polled {@code daogen_cluster_events} table, for setups where notifications do not arrive. */
    POLL,
    /** A single node: nothing is sent. */
    OFF
  }

  /** 10,000 entries, no expiry (invalidation only), LISTEN/NOTIFY, 1 s polls when polling. */
  public static final CacheSettings DEFAULTS =
      new CacheSettings(10_000, null, null, Cluster.NOTIFY, Duration.ofSeconds(1));

  public CacheSettings withCluster(Cluster cluster, Duration pollInterval) {
    return new CacheSettings(maximumSize, ttl, negativeTtl, cluster, pollInterval);
  }

  public CacheSettings withTtl(Duration ttl, Duration negativeTtl) {
    return new CacheSettings(maximumSize, ttl, negativeTtl, cluster, pollInterval);
  }
}
