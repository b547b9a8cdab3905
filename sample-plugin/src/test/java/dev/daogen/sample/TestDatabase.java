package dev.daogen.sample;

import dev.daogen.cache.CacheSettings;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL server for the whole test run (started on first use, stopped at JVM exit), with the
 * plugin's migrations applied. Tests start from empty tables with {@link #reset()}.
 */
final class TestDatabase {
  /** Which store the behaviour tests run on: {@code postgres} (default) or {@code cassandra}. */
  static final String STORE = System.getProperty("daogen.test.store", "postgres");

  private static EmbeddedPostgres postgres;
  private static Database database;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private TestDatabase() {}

  /** Whether this run's store is Cassandra. */
  static boolean cassandra() {
    return STORE.equals("cassandra");
  }

  static synchronized Database get() {
    if (database == null && cassandra()) {
      database = TestCassandra.start();
    }
    if (database == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
      database = Database.connect(postgres.getPostgresDatabase());
      database.migrations().bootstrap();
    }
    return database;
  }

  /**
   * Another {@link Database} on the run's database (its own DAOs, settings and cache; no cluster invalidation on
   * Cassandra, where it would poll); closing it leaves the run's database open.
   */
  static Database connect(DaoSettings settings) {
    if (cassandra()) {
      get();
      return TestCassandra.connect(settings, CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.OFF,
          CacheSettings.DEFAULTS.pollInterval()));
    }
    return Database.connect(get().dataSource(), settings);
  }

  /** As {@link #connect(DaoSettings)}, with these cache settings. */
  static Database connect(DaoSettings settings, CacheSettings cache) {
    if (cassandra()) {
      get();
      return TestCassandra.connect(settings, cache);
    }
    return Database.connect(get().dataSource(), settings, cache);
  }

  /** Empties every table of the plugin. */
  static void reset() {
    if (cassandra()) {
      get();
      TestCassandra.truncate(Fixtures.TABLES);
      return;
    }
    try (Connection c = get().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("truncate table consumers, keyauth_credentials, credential_scopes, upstreams, targets, routes, "
          + "group_memberships, keyauth_failed_attempts");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates a new, empty database on the test server and returns its name (unique within the test run). */
  static String newDatabase() {
    String name = "empty_" + DATABASES.incrementAndGet();
    try (Connection c = get().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return name;
  }

  /** A database of the test server, without a pool. */
  static DataSource dataSource(String database) {
    get();
    return postgres.getDatabase("postgres", database);
  }

  /** The JDBC URL of a database of the test server (user {@code postgres}, no password). */
  static String jdbcUrl(String database) {
    get();
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
  }

  /** Runs a SQL query that returns one number (for checks that bypass the DAO). */
  static long scalar(String sql) {
    try (Connection c = get().dataSource().getConnection(); Statement st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
