package dev.daogen.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The PostgreSQL advisory lock ({@link Migrations#LOCK_KEY}) every migration command holds for its whole run, so that
 * two nodes migrating at once never run a migration twice: the second waits up to the lock timeout, then fails.
 */
final class MigrationLock {
  /** Work done on the locked connection. */
  @FunctionalInterface
  interface LockedWork<T> {
    T run(Connection c) throws SQLException;
  }

  private MigrationLock() {}

  /** Takes the lock on a connection of its own (waiting up to {@code timeout}), runs {@code work}, and releases it. */
  static <T> T locked(DataSource dataSource, Duration timeout, LockedWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      lock(c, timeout);
      try {
        return work.run(c);
      } finally {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?)")) {
          st.setLong(1, Migrations.LOCK_KEY);
          st.execute();
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("database error while migrating: " + e.getMessage(), e);
    }
  }

  private static void lock(Connection c, Duration timeout) throws SQLException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
      st.setLong(1, Migrations.LOCK_KEY);
      while (true) {
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() >= deadline) {
          throw new MigrationLockTimeoutException("Timed out after " + timeout.toSeconds()
              + "s waiting for the migration lock: another node is migrating this database. Wait until it is done"
              + " and run the command again, or raise the lock timeout (--lock-timeout)");
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
      }
    }
  }
}
