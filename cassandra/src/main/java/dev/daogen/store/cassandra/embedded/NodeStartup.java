package dev.daogen.store.cassandra.embedded;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.store.cassandra.embedded.CassandraNode.Settings;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A node's start as seen from outside: its ports free before, then CQL answering, or the reason it does not. */
final class NodeStartup {
  private static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL = Duration.ofMillis(250);

  private NodeStartup() {}

  /**
   * Polls until the native port accepts a connection, then until a CQL session answers; returns the release
   * version.
   */
  static String awaitCql(Settings settings, NodeConfiguration configuration, Process process,
      long deadlineNanos) {
    RuntimeException lastFailure = null;
    while (true) {
      if (!process.isAlive()) {
        throw failure(settings, configuration, process,
            "exited with code " + process.exitValue() + " before answering CQL", null);
      }
      if (System.nanoTime() > deadlineNanos) {
        throw failure(settings, configuration, process,
            "did not answer CQL within " + settings.startTimeout().toSeconds() + " s, and is killed", lastFailure);
      }
      if (accepts(CassandraNode.contactPoint(settings))) {
        Optional<Row> local = Optional.empty();
        try {
          local = Optional.of(probe(settings));
        } catch (RuntimeException e) {
          lastFailure = e;
        }
        if (local.isPresent()) {
          String clusterName = local.get().getString("cluster_name");
          if (!settings.clusterName().equals(clusterName)) {
            // the port was free a moment ago: another process took it first
            throw failure(settings, configuration, process, "is not the Cassandra answering on its port (that one"
                + " belongs to cluster " + clusterName + "), and is killed", null);
          }
          return local.get().getString("release_version");
        }
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure(settings, configuration, process, "was interrupted while starting, and is killed", null);
      }
    }
  }

  /** One CQL session and query: the row of {@code system.local}. */
  private static Row probe(Settings settings) {
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        // native protocol v4: v5's segment framing once broke a response apart under load (driver 4.19, Cassandra 5.0)
        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(5))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(10))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
        // no quiet period when closing (the driver's default, 2 s, would add up to every start)
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        .build();
    try (CqlSession session = CassandraNode.sessionBuilder(settings).withConfigLoader(config).build()) {
      return Objects.requireNonNull(
          session.execute("SELECT release_version, cluster_name FROM system.local").one(), "no row in system.local");
    }
  }

  private static IllegalStateException failure(Settings settings, NodeConfiguration configuration, Process process,
      String what, Throwable cause) {
    return new IllegalStateException("The Cassandra node " + settings.address() + ":" + settings.nativePort() + " (pid "
        + process.pid() + ", data " + configuration.root() + ") " + what + ". Last lines of "
        + configuration.logFile() + ":\n" + logTail(configuration.logFile(), LOG_TAIL_LINES), cause);
  }

  private static boolean accepts(InetSocketAddress address) {
    try (Socket socket = new Socket()) {
      socket.connect(address, 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void requireFree(String address, int port, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(address), port));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start a Cassandra node on " + address + ": cannot bind its " + what
          + " port " + port + " (" + e.getMessage() + "). Either the port is taken (another Cassandra node still"
          + " running? `pgrep -af CassandraDaemon` lists them) or " + address + " is not an address of this machine.",
          e);
    }
  }

  /**
   * The last lines of a log file.
   *
   * @param file the file (may be missing)
   * @param lines how many lines
   * @return those lines, or a note that the file could not be read
   */
  static String logTail(Path file, int lines) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      long from = Math.max(0, length - 64 * 1024);
      byte[] bytes = new byte[(int) (length - from)];
      in.seek(from);
      in.readFully(bytes);
      List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
      List<String> tail = new ArrayList<>(all.subList(Math.max(0, all.size() - lines - 1), all.size()));
      return String.join("\n", tail).stripTrailing();
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
