package dev.daogen.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Periodically deletes the expired rows of every ttl entity (several nodes may run it: rows are skip-locked). */
final class TtlCleanup {
  private static final Logger LOG = LoggerFactory.getLogger(TtlCleanup.class);
  private static final int BATCH = 1000;

  private TtlCleanup() {}

  static AutoCloseable start(Database db, Duration interval) {
    List<ExpiringDao> ttlDaos = new ArrayList<>();
    for (PluginModule plugin : db.plugins()) {
      for (Class<?> type : plugin.daos().keySet()) {
        if (db.dao(type) instanceof ExpiringDao dao && dao.schema().ttl()) {
          ttlDaos.add(dao);
        }
      }
    }
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "daogen-ttl-cleanup");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      for (ExpiringDao dao : ttlDaos) {
        try {
          int deleted;
          do {
            deleted = dao.deleteExpired(BATCH);
          } while (deleted == BATCH);
        } catch (RuntimeException e) {
          LOG.warn("ttl cleanup of {} failed: {}", dao.schema().name(), e.toString());
        }
      }
    }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return executor::shutdownNow;
  }
}
