package dev.daogen.store.cassandra.embedded;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One real Apache Cassandra node, running in a JVM of its own that this one started.
 *
 * <p>{@link #start(Settings)} writes the node's configuration under its data directory, launches
 * {@code java … CassandraDaemon} (through {@code NodeMain}, which stops the node when this JVM is gone) and returns
 * once the node answers CQL. The node's output goes to {@code logs/cassandra.log} under its data directory, never to
 * this JVM's output; a failed start says why with the log's last lines.
 *
 * <p>Starting again on the same data directory (after {@link #close()} or {@link #kill()}) restarts the node with
 * its data. A shutdown hook kills every node still running when this JVM exits.
 *
 * <p>Configuration: {@code GossipingPropertyFileSnitch}, with the datacenter of the settings (the driver's local
 * datacenter must name it) and rack {@code rack1}; 16 vnodes placed by the token allocator; no authentication; no
 * user-defined functions; storage-attached indexes (SAI) available as Cassandra 5.0 has them; small memtables and
 * caches; JMX off (no {@code nodetool}).
 */
public final class CassandraNode implements AutoCloseable {
  /** The JVMs of the nodes started and not yet seen to exit, for the shutdown hook. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final int LOG_TAIL_LINES = 40;
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
  /** How long the exit hook leaves nodes to their owners' hooks before it stops them itself. */
  private static final Duration OWNER_HEAD_START = Duration.ofSeconds(5);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

  static {
    // nodes still running when this JVM exits stop as close() stops them: SIGTERM, so that Cassandra drains (flushes
    // what its commit log has not synced yet: acknowledged writes survive), then SIGKILL after the grace period. Their
    // owners' own shutdown hooks run at the same time and usually close them first (sessions before nodes): they get
    // a head start, so that a node does not vanish under a session still open
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long headStart = System.nanoTime() + OWNER_HEAD_START.toNanos();
      for (Process process : RUNNING) {
        try {
          process.waitFor(Math.max(0, headStart - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (Process process : RUNNING) {
        process.destroy();
      }
      long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
      for (Process process : RUNNING) {
        try {
          process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
      }
    }, "daogen-cassandra-node-reaper"));
  }

  private final Settings settings;
  private final NodeConfiguration configuration;
  private final Process process;
  private final Duration startupTime;
  private final String releaseVersion;

  private CassandraNode(Settings settings, NodeConfiguration configuration, Process process, Duration startupTime,
      String releaseVersion) {
    this.settings = settings;
    this.configuration = configuration;
    this.process = process;
    this.startupTime = startupTime;
    this.releaseVersion = releaseVersion;
  }

  /**
   * Starts a node and waits until it answers CQL ({@code SELECT release_version FROM system.local}).
   *
   * @param settings the node's settings
   * @return the running node
   * @throws IllegalStateException when Cassandra's class path is not found, a port is taken, or the node exits or
   *     does not answer within {@link Settings#startTimeout()} (the node is then killed; the message ends with the
   *     last lines of its log)
   */
  public static CassandraNode start(Settings settings) {
    Path lib = CassandraLib.locate(settings.libDirectory());
    NodeConfiguration configuration = new NodeConfiguration(settings, lib);
    requireFree(settings.address(), settings.nativePort(), "native (CQL)");
    requireFree(settings.address(), settings.storagePort(), "storage");
    configuration.write();
    Path log = configuration.logFile();
    List<String> command = configuration.command();
    long started = System.nanoTime();
    Process process;
    try {
      Files.writeString(log, "=== daogen CassandraNode: starting at " + Instant.now() + ": " + String.join(" ", command)
          + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      process = new ProcessBuilder(command)
          .directory(configuration.root().toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the Cassandra node's JVM: " + command.get(0), e);
    }
    RUNNING.add(process);
    String releaseVersion;
    try {
      releaseVersion = awaitCql(settings, configuration, process, started + settings.startTimeout().toNanos());
    } catch (RuntimeException | Error e) {
      killAndWait(process);
      throw e;
    }
    return new CassandraNode(settings, configuration, process, Duration.ofNanos(System.nanoTime() - started),
        releaseVersion);
  }

  /** The settings this node was started with: {@code start(node.settings())} restarts it once it is stopped. */
  public Settings settings() {
    return settings;
  }

  /** The node's listen and CQL address, such as {@code 127.0.0.1}. */
  public String address() {
    return settings.address();
  }

  /** The address and port for a driver's contact point. */
  public InetSocketAddress contactPoint() {
    return contactPoint(settings);
  }

  /** The node's datacenter: the local datacenter a driver session must name. */
  public String datacenter() {
    return settings.datacenter();
  }

  /** The pid of the node's JVM. */
  public long pid() {
    return process.pid();
  }

  /** Whether the node's JVM is running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** How long {@link #start(Settings)} took, from launching the JVM to the first CQL answer. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Cassandra's version, as the node reported it ({@code system.local.release_version}). */
  public String releaseVersion() {
    return releaseVersion;
  }

  /** The node's log file (its standard output and error, appended to across restarts). */
  public Path logFile() {
    return configuration.logFile();
  }

  /**
   * A session builder that talks to this node only: the node is the contact point, the local datacenter is set, and
   * every other node of the cluster is ignored by the load balancing policy (so this node coordinates every request).
   * Callers may add configuration ({@code withConfigLoader}, a keyspace) before {@code build()}.
   */
  public CqlSessionBuilder sessionBuilder() {
    return sessionBuilder(settings);
  }

  private static CqlSessionBuilder sessionBuilder(Settings settings) {
    InetSocketAddress self = contactPoint(settings);
    return CqlSession.builder()
        .addContactPoint(self)
        .withLocalDatacenter(settings.datacenter())
        .withNodeDistanceEvaluator(DriverExecutionProfile.DEFAULT_NAME,
            (node, localDc) -> self.equals(node.getEndPoint().resolve()) ? null : NodeDistance.IGNORED);
  }

  /** Kills the node's JVM at once ({@code SIGKILL}) and waits for it to be gone. */
  public void kill() {
    killAndWait(process);
  }

  /**
   * Stops the node gracefully ({@code SIGTERM}: Cassandra drains), waits up to 10 seconds, then kills it. Does
   * nothing when the node is no longer running.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    kill();
  }

  /** Asks the node to stop ({@code SIGTERM}) without waiting: {@link #close()} then waits less. */
  void requestStop() {
    process.destroy();
  }

  @Override
  public String toString() {
    return "CassandraNode[" + settings.address() + ":" + settings.nativePort() + ", pid " + process.pid() + ", "
        + (isAlive() ? "running" : "stopped") + ", " + configuration.root() + "]";
  }

  private static void killAndWait(Process process) {
    process.destroyForcibly();
    boolean interrupted = false;
    long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (process.isAlive()) {
      throw new IllegalStateException("The Cassandra node's JVM (pid " + process.pid() + ") is still alive "
          + KILL_TIMEOUT.toSeconds() + " s after SIGKILL");
    }
    RUNNING.remove(process);
  }

  private static InetSocketAddress contactPoint(Settings settings) {
    return new InetSocketAddress(settings.address(), settings.nativePort());
  }

  /**
   * Polls until the native port accepts a connection, then until a CQL session answers; returns the release
   * version.
   */
  private static String awaitCql(Settings settings, NodeConfiguration configuration, Process process,
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
      if (accepts(contactPoint(settings))) {
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
    try (CqlSession session = sessionBuilder(settings).withConfigLoader(config).build()) {
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

  private static void requireFree(String address, int port, String what) {
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

  /**
   * The settings of a node. {@link #builder(Path)} starts from the defaults: address {@code 127.0.0.1}, CQL port
   * 9042, storage port 7000, the node itself as seed, cluster {@code daogen}, datacenter {@code datacenter1}, 1 GB
   * heap, Cassandra's class path located by default (see the package documentation), 120 s to start.
   *
   * @param dataDirectory the node's directory: configuration, data, commit log, saved caches, hints, CDC and logs
   * @param address the listen and CQL (rpc) address, such as {@code 127.0.0.1}; every 127.x.y.z is loopback on Linux
   * @param nativePort the CQL port
   * @param storagePort the inter-node port
   * @param seeds the seeds' addresses ({@code host} or {@code host:port})
   * @param clusterName the cluster name (every node of a cluster has the same)
   * @param datacenter the node's datacenter, the driver's local datacenter
   * @param heap the JVM's heap, as for {@code -Xmx} (such as {@code 1G} or {@code 768M})
   * @param extraJvmFlags more flags for the node's JVM, after daogen's own (such as {@code -Dcassandra.x=y})
   * @param libDirectory Cassandra's class path directory, or empty to locate it
   * @param startTimeout how long {@link CassandraNode#start} waits for CQL before killing the node
   */
  public record Settings(Path dataDirectory, String address, int nativePort, int storagePort, List<String> seeds,
      String clusterName, String datacenter, String heap, List<String> extraJvmFlags, Optional<Path> libDirectory,
      Duration startTimeout) {
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Checks the settings. */
    public Settings {
      Objects.requireNonNull(dataDirectory, "dataDirectory");
      Objects.requireNonNull(address, "address");
      seeds = List.copyOf(seeds);
      extraJvmFlags = List.copyOf(extraJvmFlags);
      Objects.requireNonNull(libDirectory, "libDirectory");
      Objects.requireNonNull(startTimeout, "startTimeout");
      requirePort(nativePort, "nativePort");
      requirePort(storagePort, "storagePort");
      if (nativePort == storagePort) {
        throw new IllegalArgumentException("nativePort and storagePort are both " + nativePort);
      }
      if (seeds.isEmpty()) {
        throw new IllegalArgumentException("no seeds");
      }
      if (!NAME.matcher(clusterName).matches() || !NAME.matcher(datacenter).matches()) {
        throw new IllegalArgumentException("cluster and datacenter names are letters, digits, '_', '.' and '-': "
            + clusterName + ", " + datacenter);
      }
      if (!HEAP.matcher(heap).matches()) {
        throw new IllegalArgumentException("heap is a size such as 1G or 768M: " + heap);
      }
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive: " + startTimeout);
      }
    }

    /**
     * The default settings of a node whose directory is {@code dataDirectory}.
     *
     * @param dataDirectory the node's directory (created if missing)
     * @return a builder
     */
    public static Builder builder(Path dataDirectory) {
      return new Builder(dataDirectory);
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
      Builder builder = new Builder(dataDirectory);
      builder.address = address;
      builder.nativePort = nativePort;
      builder.storagePort = storagePort;
      builder.seeds = seeds;
      builder.clusterName = clusterName;
      builder.datacenter = datacenter;
      builder.heap = heap;
      builder.extraJvmFlags = extraJvmFlags;
      builder.libDirectory = libDirectory;
      builder.startTimeout = startTimeout;
      return builder;
    }

    private static void requirePort(int port, String name) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(name + " out of range: " + port);
      }
    }

    /** Builds {@link Settings}; unset values are the defaults. */
    public static final class Builder {
      private Path dataDirectory;
      private String address = "127.0.0.1";
      private int nativePort = 9042;
      private int storagePort = 7000;
      private List<String> seeds;
      private String clusterName = "daogen";
      private String datacenter = "datacenter1";
      private String heap = "1G";
      private List<String> extraJvmFlags = List.of();
      private Optional<Path> libDirectory = Optional.empty();
      private Duration startTimeout = Duration.ofSeconds(120);

      private Builder(Path dataDirectory) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      }

      /**
       * Sets the node's directory.
       *
       * @param value the directory
       * @return this builder
       */
      public Builder dataDirectory(Path value) {
        dataDirectory = Objects.requireNonNull(value, "dataDirectory");
        return this;
      }

      /**
       * Sets the listen and CQL address (default {@code 127.0.0.1}).
       *
       * @param value an IP address
       * @return this builder
       */
      public Builder address(String value) {
        address = Objects.requireNonNull(value, "address");
        return this;
      }

      /**
       * Sets the CQL port (default 9042).
       *
       * @param value the port
       * @return this builder
       */
      public Builder nativePort(int value) {
        nativePort = value;
        return this;
      }

      /**
       * Sets the inter-node port (default 7000).
       *
       * @param value the port
       * @return this builder
       */
      public Builder storagePort(int value) {
        storagePort = value;
        return this;
      }

      /**
       * Sets the seeds (default: the node itself, a cluster of one).
       *
       * @param value {@code host} or {@code host:port} of each seed
       * @return this builder
       */
      public Builder seeds(List<String> value) {
        seeds = List.copyOf(value);
        return this;
      }

      /**
       * Sets the cluster name (default {@code daogen}).
       *
       * @param value the name
       * @return this builder
       */
      public Builder clusterName(String value) {
        clusterName = Objects.requireNonNull(value, "clusterName");
        return this;
      }

      /**
       * Sets the datacenter (default {@code datacenter1}).
       *
       * @param value the name
       * @return this builder
       */
      public Builder datacenter(String value) {
        datacenter = Objects.requireNonNull(value, "datacenter");
        return this;
      }

      /**
       * Sets the heap (default {@code 1G}).
       *
       * @param value a size as for {@code -Xmx}
       * @return this builder
       */
      public Builder heap(String value) {
        heap = Objects.requireNonNull(value, "heap");
        return this;
      }

      /**
       * Sets more flags for the node's JVM (default none).
       *
       * @param value the flags
       * @return this builder
       */
      public Builder extraJvmFlags(List<String> value) {
        extraJvmFlags = List.copyOf(value);
        return this;
      }

      /**
       * Sets Cassandra's class path directory (default: located, see the package documentation).
       *
       * @param value a directory holding cassandra-all and its dependencies
       * @return this builder
       */
      public Builder libDirectory(Path value) {
        libDirectory = Optional.of(value);
        return this;
      }

      /**
       * Sets how long a start may take (default 120 s).
       *
       * @param value the timeout
       * @return this builder
       */
      public Builder startTimeout(Duration value) {
        startTimeout = Objects.requireNonNull(value, "startTimeout");
        return this;
      }

      /** The settings. */
      public Settings build() {
        List<String> seedList = seeds != null ? seeds : List.of(address + ":" + storagePort);
        return new Settings(dataDirectory, address, nativePort, storagePort, seedList, clusterName, datacenter, heap,
            extraJvmFlags, libDirectory, startTimeout);
      }
    }
  }
}
