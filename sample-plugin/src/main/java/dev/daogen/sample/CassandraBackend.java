package dev.daogen.sample;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.daogen.cache.CacheSettings;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.store.cassandra.CassandraStore;
import dev.daogen.store.cassandra.embedded.CassandraNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The sample on Cassandra ({@code --store cassandra}): an embedded single node keeping its data in {@code --data-dir},
 * or a cluster named by {@code --contact-points host:port,… --datacenter DC --keyspace K}. Other nodes learn of
 * cache invalidations by polling {@code cluster_events} every 5 s (Kong's {@code db_update_frequency}).
 */
final class CassandraBackend {
  /** Kong's default {@code db_update_frequency} on Cassandra. */
  static final Duration UPDATE_FREQUENCY = Duration.ofSeconds(5);

  private CassandraBackend() {}

  static Main.Backend open(Map<String, String> options, PrintStream out) throws IOException {
    String keyspace = options.getOrDefault("keyspace", "daogen");
    if (!keyspace.matches("[a-z][a-z0-9_]{0,47}")) {
      throw new IllegalArgumentException("--keyspace must be lowercase letters, digits and _ (at most 48)");
    }
    int replication = Integer.parseInt(options.getOrDefault("replication-factor", "1"));
    String points = options.get("contact-points");
    CassandraNode node = null;
    CqlSessionBuilder builder;
    String datacenter;
    String reach;
    String afterExit;
    if (points != null) {
      datacenter = options.getOrDefault("datacenter", "datacenter1");
      builder = CqlSession.builder().withLocalDatacenter(datacenter);
      for (String point : points.split(",")) {
        builder.addContactPoint(address(point.strip()));
      }
      reach = "--store cassandra --contact-points " + Main.shellWord(points) + " --datacenter "
          + Main.shellWord(datacenter) + " --keyspace " + keyspace;
      afterExit = reach;
      out.println("Cassandra: " + points + " (datacenter " + datacenter + ", keyspace " + keyspace + ")");
    } else {
      Path dir = Path.of(options.getOrDefault("data-dir", "daogen-cassandra-data")).toAbsolutePath();
      Files.createDirectories(dir);
      out.println("starting Cassandra (embedded, its own JVM; about 20 s)…");
      node = CassandraNode.start(CassandraNode.Settings.builder(dir)
          .nativePort(Integer.parseInt(options.getOrDefault("cql-port", "9042")))
          .storagePort(Integer.parseInt(options.getOrDefault("storage-port", "7000")))
          .build());
      datacenter = node.datacenter();
      builder = node.sessionBuilder();
      InetSocketAddress cql = node.contactPoint();
      reach = "--store cassandra --contact-points " + cql.getHostString() + ":" + cql.getPort() + " --datacenter "
          + datacenter + " --keyspace " + keyspace;
      afterExit = "--store cassandra --data-dir " + Main.shellWord(dir.toString());
      out.println("Cassandra (embedded) keeps its data in " + dir + "; CQL on " + cql.getHostString() + ":"
          + cql.getPort());
    }
    CqlSession session;
    try {
      session = builder.withConfigLoader(DriverConfigLoader.programmaticBuilder()
          // native protocol v4: v5's segment framing once broke a response apart under load (driver 4.19, Cassandra 5.0)
          .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
          .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
          // the store switches the session to its keyspace once, after creating it
          .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
          .build()).build();
    } catch (RuntimeException e) {
      if (node != null) {
        node.close();
      }
      throw e;
    }
    CassandraStore store = CassandraStore.create(session, keyspace, replication);
    Database db = Database.connect(store, DaoSettings.DEFAULTS,
        CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.POLL, UPDATE_FREQUENCY));
    return new Main.Backend("Cassandra", db, node, reach, afterExit);
  }

  private static InetSocketAddress address(String point) {
    int colon = point.lastIndexOf(':');
    if (colon < 0) {
      return new InetSocketAddress(point, 9042);
    }
    return new InetSocketAddress(point.substring(0, colon), Integer.parseInt(point.substring(colon + 1)));
  }
}
