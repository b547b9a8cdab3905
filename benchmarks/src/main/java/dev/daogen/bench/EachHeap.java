package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.db.Database;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Run in a child JVM with a small heap by {@link RunAll}: streams {@code ConsumerDao.each(1000)} over the first
 * {@code limit} rows and prints the heap used after a full GC every 50,000 rows (its high-water mark), and the peak
 * heap use including garbage. Arguments: JDBC URL, limit.
 */
public final class EachHeap {
  private EachHeap() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long limit = Long.parseLong(args[1]);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    try (HikariDataSource ds = Pools.open(url, 2); Database db = Database.connect(ds)) {
      ConsumerDao dao = db.dao(ConsumerDao.class);
      System.gc();
      long baseline = memory.getHeapMemoryUsage().getUsed();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      long highWater = 0;
      long rows = 0;
      long start = System.nanoTime();
      try (Stream<Consumer> all = dao.each(1000)) {
        Iterator<Consumer> it = all.limit(limit).iterator();
        while (it.hasNext()) {
          if (it.next().id() == null) {
            throw new IllegalStateException();
          }
          rows++;
          if (rows % 50_000 == 0) {
            System.gc();
            highWater = Math.max(highWater, memory.getHeapMemoryUsage().getUsed());
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("RESULT rows=%d baseline=%d highWater=%d peak=%d max=%d seconds=%.2f%n", rows, baseline,
          highWater, peak, Runtime.getRuntime().maxMemory(), seconds);
    }
  }
}
