package dev.daogen.sample;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.cache.CacheSettings;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.store.cassandra.CassandraStore;
import dev.daogen.store.cassandra.embedded.CassandraNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The behaviour tests' Cassandra (with {@code -Ddaogen.test.store=cassandra}): one embedded node for the whole run, in
 * its own JVM on free ports, the plugin's CQL migrations bootstrapped in keyspace {@code daogen_test}.
 */
final class TestCassandra {
  private static CassandraNode node;
  private static CassandraStore store;

  private TestCassandra() {}

  static Database start() {
    try {
      Path dir = Files.createTempDirectory("daogen-cassandra-test");
      node = CassandraNode.start(CassandraNode.Settings.builder(dir).nativePort(freePort()).storagePort(freePort())
          .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> node.close()));
    CqlSession session = node.sessionBuilder().withConfigLoader(DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .build()).build();
    store = CassandraStore.create(session, "daogen_test", 1);
    Database db = Database.connect(store, DaoSettings.DEFAULTS,
        CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.POLL, Duration.ofMillis(200)));
    db.migrations().bootstrap();
    return db;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Empties the tables that have rows (a Cassandra TRUNCATE costs more than a look), and their unique claims. */
  static void truncate(List<String> tables) {
    CqlSession session = store.session();
    for (String table : tables) {
      for (String t : List.of(table, table + "_unique")) {
        if (exists(t) && session.execute("SELECT * FROM \"" + t + "\" LIMIT 1").one() != null) {
          session.execute("TRUNCATE \"" + t + "\"");
        }
      }
    }
  }

  private static boolean exists(String table) {
    return store.session().execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
        "SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?",
        store.keyspace(), table)).one() != null;
  }

  /** Every row of a table (and of its unique claims), as JSON text, sorted. */
  static String snapshot(String table) {
    List<String> rows = new ArrayList<>();
    for (String t : List.of(table, table + "_unique")) {
      if (exists(t)) {
        for (Row r : store.session().execute("SELECT JSON * FROM \"" + t + "\"")) {
          rows.add(t + " " + r.getString(0));
        }
      }
    }
    Collections.sort(rows);
    return String.join("\n", rows);
  }

  static long count(String table) {
    return store.session().execute("SELECT COUNT(*) FROM \"" + table + "\"").one().getLong(0);
  }
}
