package dev.daogen.store.cassandra.embedded;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A cluster of real Cassandra nodes on one machine: node {@code i} (from 1) listens on {@code 127.0.0.i} (every
 * 127.x.y.z is loopback on Linux), with the same ports as the others, in {@code baseDirectory/node<i>}; node 1 is the
 * seed.
 *
 * <p>Nodes start one after another: each joins only once the previous ones are up and normal ("UN") as the cluster
 * sees them, since Cassandra does not let two nodes join at once. "Up and normal" is checked without {@code nodetool}:
 * the driver, connected through node 1, sees every node up, and every node's {@code system_views.gossip_info} shows
 * every node in status {@code NORMAL}.
 */
public final class CassandraCluster implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(500);

  private final List<CassandraNode> nodes;
  private final Duration startupTime;

  private CassandraCluster(List<CassandraNode> nodes, Duration startupTime) {
    this.nodes = List.copyOf(nodes);
    this.startupTime = startupTime;
  }

  /**
   * Starts a cluster of nodes with the default settings.
   *
   * @param size how many nodes (1 to 254)
   * @param baseDirectory the parent of the nodes' data directories
   * @return the cluster, every node up and normal
   * @throws IllegalStateException when a node does not start or join (the nodes already started are killed)
   */
  public static CassandraCluster start(int size, Path baseDirectory) {
    return start(size, baseDirectory, builder -> { });
  }

  /**
   * Starts a cluster of nodes whose settings the customizer adjusts (heap, ports, cluster name, …). The data
   * directory, address and seeds of each node are the cluster's own and are set after the customizer.
   *
   * @param size how many nodes (1 to 254)
   * @param baseDirectory the parent of the nodes' data directories
   * @param customizer called with each node's settings builder
   * @return the cluster, every node up and normal
   * @throws IllegalStateException when a node does not start or join (the nodes already started are killed)
   */
  public static CassandraCluster start(int size, Path baseDirectory,
      Consumer<CassandraNode.Settings.Builder> customizer) {
    if (size < 1 || size > 254) {
      throw new IllegalArgumentException("a cluster has 1 to 254 nodes: " + size);
    }
    long started = System.nanoTime();
    List<CassandraNode> nodes = new ArrayList<>();
    CqlSession monitor = null;
    try {
      for (int i = 1; i <= size; i++) {
        CassandraNode.Settings.Builder builder = CassandraNode.Settings.builder(baseDirectory.resolve("node" + i));
        customizer.accept(builder);
        CassandraNode.Settings settings = builder.dataDirectory(baseDirectory.resolve("node" + i))
            .address(address(i)).build();
        settings = settings.toBuilder().seeds(List.of(address(1) + ":" + settings.storagePort())).build();
        CassandraNode node = CassandraNode.start(settings);
        nodes.add(node);
        if (monitor == null) {
          monitor = monitorSession(node);
        }
        awaitUpAndNormal(monitor, nodes, settings.startTimeout());
      }
    } catch (RuntimeException | Error e) {
      for (CassandraNode node : nodes) {
        node.kill();
      }
      throw e;
    } finally {
      if (monitor != null) {
        monitor.close();
      }
    }
    return new CassandraCluster(nodes, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The nodes, node 1 first. */
  public List<CassandraNode> nodes() {
    return nodes;
  }

  /**
   * One node.
   *
   * @param number the node's number, from 1
   * @return the node listening on {@code 127.0.0.<number>}
   */
  public CassandraNode node(int number) {
    return nodes.get(number - 1);
  }

  /** The datacenter of the nodes: the local datacenter a driver session must name. */
  public String datacenter() {
    return nodes.get(0).datacenter();
  }

  /** How long {@link #start} took, until every node was up and normal. */
  public Duration startupTime() {
    return startupTime;
  }

  /**
   * A session builder for the whole cluster: every node is a contact point, the local datacenter is set, and the
   * driver balances requests over all nodes. {@link CassandraNode#sessionBuilder()} talks to one node only.
   */
  public CqlSessionBuilder sessionBuilder() {
    CqlSessionBuilder builder = CqlSession.builder().withLocalDatacenter(datacenter());
    for (CassandraNode node : nodes) {
      builder.addContactPoint(node.contactPoint());
    }
    return builder;
  }

  /** Stops every node gracefully (see {@link CassandraNode#close()}), all at once. */
  @Override
  public void close() {
    for (CassandraNode node : nodes) {
      node.requestStop();
    }
    RuntimeException failure = null;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      try {
        nodes.get(i).close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public String toString() {
    return "CassandraCluster" + nodes;
  }

  private static String address(int number) {
    return "127.0.0." + number;
  }

  private static CqlSession monitorSession(CassandraNode first) {
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, false)
        .withBoolean(DefaultDriverOption.METADATA_TOKEN_MAP_ENABLED, false)
        // a node that joins is retried soon, not after the default exponential backoff
        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(500))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofSeconds(2))
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        .build();
    return CqlSession.builder().addContactPoint(first.contactPoint()).withLocalDatacenter(first.datacenter())
        .withConfigLoader(config).build();
  }

  /** Polls until the driver sees every node up and every node's gossip shows every node NORMAL. */
  private static void awaitUpAndNormal(CqlSession monitor, List<CassandraNode> nodes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String seen = "";
    while (true) {
      for (CassandraNode node : nodes) {
        if (!node.isAlive()) {
          throw new IllegalStateException("Cassandra node " + node + " died while the cluster started. Last lines of "
              + node.logFile() + ":\n" + NodeStartup.logTail(node.logFile(), 40));
        }
      }
      Optional<String> missing = missing(monitor, nodes);
      if (missing.isEmpty()) {
        return;
      }
      seen = missing.get();
      if (System.nanoTime() > deadline) {
        CassandraNode last = nodes.get(nodes.size() - 1);
        throw new IllegalStateException("The Cassandra cluster's " + nodes.size() + " nodes were not all up and normal"
            + " within " + timeout.toSeconds() + " s: " + seen + ". Last lines of " + last.logFile() + ":\n"
            + NodeStartup.logTail(last.logFile(), 40));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the Cassandra cluster started", e);
      }
    }
  }

  /** What is not up and normal yet, or empty when all is. */
  private static Optional<String> missing(CqlSession monitor, List<CassandraNode> nodes) {
    Map<InetSocketAddress, Node> known = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (Node node : monitor.getMetadata().getNodes().values()) {
      if (node.getEndPoint().resolve() instanceof InetSocketAddress address) {
        known.put(address, node);
      }
    }
    List<String> problems = new ArrayList<>();
    List<Node> up = new ArrayList<>();
    for (CassandraNode node : nodes) {
      Node driverNode = known.get(node.contactPoint());
      if (driverNode == null) {
        problems.add(node.address() + " unknown to the driver");
      } else if (driverNode.getState() != NodeState.UP) {
        problems.add(node.address() + " " + driverNode.getState() + " for the driver");
      } else {
        up.add(driverNode);
      }
    }
    if (!problems.isEmpty()) {
      return Optional.of(String.join(", ", problems));
    }
    for (Node viewer : up) {
      Map<String, String> status = gossipStatus(monitor, viewer);
      for (CassandraNode node : nodes) {
        String state = status.getOrDefault(node.address(), "absent");
        if (!state.startsWith("NORMAL")) {
          problems.add(node.address() + " is " + state + " in the gossip of " + viewer.getEndPoint());
        }
      }
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", problems));
  }

  /** A node's view of the ring: address to gossip status, such as {@code NORMAL,-123…}. */
  private static Map<String, String> gossipStatus(CqlSession monitor, Node viewer) {
    try {
      Collection<Row> rows = monitor.execute(SimpleStatement
          .newInstance("SELECT address, status_with_port FROM system_views.gossip_info").setNode(viewer)).all();
      return rows.stream().collect(Collectors.toMap(row -> row.getInetAddress("address").getHostAddress(),
          row -> String.valueOf(row.getString("status_with_port")), (a, b) -> a));
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
