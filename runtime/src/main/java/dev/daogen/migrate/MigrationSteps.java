package dev.daogen.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs one migration's up or teardown part in its own transaction, together with its bookkeeping in
 * {@code schema_meta}: a failed part is rolled back, not recorded, and runs again next time, while the migrations
 * before it stay recorded.
 */
final class MigrationSteps {
  private MigrationSteps() {}

  /**
   * Runs a migration's up part, and its teardown too when {@code withTeardown} (bootstrap); otherwise a migration
   * with a teardown is recorded as pending.
   */
  static void runUp(Connection c, Migration m, boolean withTeardown) throws SQLException {
    boolean pending = m.hasTeardown() && !withTeardown;
    inTransaction(c, m, "up", () -> {
      try (Statement st = c.createStatement()) {
        if (m.hasUp()) {
          st.execute(m.up());
        }
        if (withTeardown && m.hasTeardown()) {
          st.execute(m.teardown());
        }
      }
      SchemaMeta.recordUp(c, m, pending);
    });
  }

  /** Runs a pending migration's teardown part; the migration becomes executed. */
  static void runTeardown(Connection c, Migration m) throws SQLException {
    inTransaction(c, m, "teardown", () -> {
      try (Statement st = c.createStatement()) {
        st.execute(m.teardown());
      }
      SchemaMeta.recordTeardown(c, m);
    });
  }

  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }

  private static void inTransaction(Connection c, Migration m, String part, SqlWork work) throws SQLException {
    c.setAutoCommit(false);
    try {
      work.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw new MigrationException("migration " + m.subsystem() + ":" + m.name() + " (" + m.resource() + ") failed in"
          + " its " + part + " part and was rolled back; it is not recorded and runs again next time: "
          + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
    }
  }
}
