package dev.daogen.bench;

import dev.daogen.cache.CacheSettings;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import dev.daogen.sample.ConsumerPatch;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Cross-node invalidation latency, as in the sample's ClusterTest: two {@link Database}s on one PostgreSQL play two
 * nodes. Node B caches a consumer; node A updates it; the clock runs from A's update returning (committed) until B's
 * {@code selectCached} returns the new value, polled every 50 µs.
 */
final class ClusterBench {
  record Result(int writes, double p50Ms, double p99Ms, double maxMs) {}

  static Result run(DataSource dsA, DataSource dsB, UUID id, int writes) throws InterruptedException {
    CacheSettings notify = CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.NOTIFY, Duration.ofSeconds(1));
    try (Database a = Database.connect(dsA, DaoSettings.DEFAULTS, notify);
        Database b = Database.connect(dsB, DaoSettings.DEFAULTS, notify)) {
      ConsumerDao onA = a.dao(ConsumerDao.class);
      ConsumerDao onB = b.dao(ConsumerDao.class);
      a.cache();
      b.cache();
      Thread.sleep(500); // both listeners are up
      long[] nanos = new long[writes];
      String nonce = Long.toHexString(System.nanoTime());
      for (int i = 0; i < writes + 10; i++) {
        onB.selectCached(id).orElseThrow();
        String value = "node-" + nonce + "-" + i;
        onA.update(id, new ConsumerPatch().customId(value));
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(5).toNanos();
        while (true) {
          Consumer seen = onB.selectCached(id).orElseThrow();
          if (value.equals(seen.customId())) {
            break;
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("invalidation " + i + " did not arrive within 5 s");
          }
          LockSupport.parkNanos(50_000);
        }
        if (i >= 10) { // the first ten are warm-up
          nanos[i - 10] = System.nanoTime() - start;
        }
      }
      Arrays.sort(nanos);
      return new Result(writes, nanos[(int) Math.ceil(0.5 * writes) - 1] / 1e6,
          nanos[(int) Math.ceil(0.99 * writes) - 1] / 1e6, nanos[writes - 1] / 1e6);
    }
  }
}
