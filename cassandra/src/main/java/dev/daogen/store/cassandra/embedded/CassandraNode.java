package dev.daogen.store.cassandra.embedded;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * its data. A shutdown hook stops every node still running when this JVM exits ({@code NodeProcesses}).
 *
 * <p>Configuration: {@code GossipingPropertyFileSnitch}, with the datacenter of the settings (the driver's local
 * datacenter must name it) and rack {@code rack1}; 16 vnodes placed by the token allocator; no authentication; no
 * user-defined functions; storage-attached indexes (SAI) available as Cassandra 5.0 has them; small memtables and
 * caches; JMX off (no {@code nodetool}).
 */
public final class CassandraNode implements AutoCloseable {
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
    NodeStartup.requireFree(settings.address(), settings.nativePort(), "native (CQL)");
    NodeStartup.requireFree(settings.address(), settings.storagePort(), "storage");
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
    NodeProcesses.started(process);
    String releaseVersion;
    try {
      releaseVersion = NodeStartup.awaitCql(settings, configuration, process, started + settings.startTimeout().toNanos());
    } catch (RuntimeException | Error e) {
      NodeProcesses.killAndWait(process);
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

  static CqlSessionBuilder sessionBuilder(Settings settings) {
    InetSocketAddress self = contactPoint(settings);
    return CqlSession.builder()
        .addContactPoint(self)
        .withLocalDatacenter(settings.datacenter())
        .withNodeDistanceEvaluator(DriverExecutionProfile.DEFAULT_NAME,
            (node, localDc) -> self.equals(node.getEndPoint().resolve()) ? null : NodeDistance.IGNORED);
  }

  /** Kills the node's JVM at once ({@code SIGKILL}) and waits for it to be gone. */
  public void kill() {
    NodeProcesses.killAndWait(process);
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
        process.waitFor(NodeProcesses.GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS);
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

  static InetSocketAddress contactPoint(Settings settings) {
    return new InetSocketAddress(settings.address(), settings.nativePort());
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
