package dev.daogen.store.cassandra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.loadbalancing.NodeDistance;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real nodes on 127.0.0.1 to 127.0.0.3 (run by {@code mvn -B -ntp -pl cassandra -am verify -Pcassandra-cluster},
 * not by the default build): all up, a keyspace with replication factor 3, a QUORUM write through node 1 read at
 * QUORUM through node 2.
 */
class CassandraClusterIT {
  private static final Path BASE = Path.of("target", "cassandra-cluster-it").toAbsolutePath();
  private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);

  private static CassandraCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    deleteRecursively(BASE);
    cluster = CassandraCluster.start(3, BASE);
    System.out.printf("CassandraCluster: 3 nodes up and normal after %d ms%n", cluster.startupTime().toMillis());
    for (CassandraNode node : cluster.nodes()) {
      System.out.printf("  node %s: CQL after %d ms, RSS %s (pid %d)%n", node.address(),
          node.startupTime().toMillis(), CassandraNodeTest.residentMemory(node.pid()), node.pid());
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      for (CassandraNode node : cluster.nodes()) {
        assertTrue(!node.isAlive(), node + " stopped");
      }
    }
  }

  @Test
  void allNodesAreUp() {
    try (CqlSession session = cluster.sessionBuilder().build()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      // the driver opens its pools to the other nodes in the background: poll
      while (session.getMetadata().getNodes().values().stream().filter(n -> n.getState() == NodeState.UP).count() < 3) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not 3 nodes up: " + session.getMetadata().getNodes().values());
        }
        sleep();
      }
      assertEquals(3, session.getMetadata().getNodes().size());
      assertEquals(2, session.execute("SELECT peer FROM system.peers_v2").all().size());
    }
  }

  @Test
  void quorumWriteThroughNode1IsReadAtQuorumThroughNode2() {
    CassandraNode node1 = cluster.node(1);
    CassandraNode node2 = cluster.node(2);
    try (CqlSession session1 = node1.sessionBuilder().build();
        CqlSession session2 = node2.sessionBuilder().build()) {
      assertOnlyNodeUsed(session1, node1);
      assertOnlyNodeUsed(session2, node2);

      session1.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS replicated WITH replication = "
          + "{'class': 'NetworkTopologyStrategy', '" + cluster.datacenter() + "': 3}").setTimeout(SCHEMA_TIMEOUT));
      session1.execute(SimpleStatement.newInstance("CREATE TABLE IF NOT EXISTS replicated.kv (k text PRIMARY KEY, v text)")
          .setTimeout(SCHEMA_TIMEOUT));
      assertTrue(session1.checkSchemaAgreement() || awaitSchemaAgreement(session2), "schema agreement");

      ResultSet written = session1.execute(SimpleStatement.newInstance("INSERT INTO replicated.kv (k, v) VALUES (?, ?)",
          "key", "written through node 1").setConsistencyLevel(ConsistencyLevel.QUORUM));
      assertEquals(node1.contactPoint(), written.getExecutionInfo().getCoordinator().getEndPoint().resolve());

      ResultSet read = session2.execute(SimpleStatement.newInstance("SELECT v FROM replicated.kv WHERE k = ?", "key")
          .setConsistencyLevel(ConsistencyLevel.QUORUM));
      assertEquals(node2.contactPoint(), read.getExecutionInfo().getCoordinator().getEndPoint().resolve());
      Row row = read.one();
      assertNotNull(row, "the row written at QUORUM through node 1 is read at QUORUM through node 2");
      assertEquals("written through node 1", row.getString("v"));
    }
  }

  /** The session's load balancing ignores every node but this one. */
  private static void assertOnlyNodeUsed(CqlSession session, CassandraNode node) {
    for (Node known : session.getMetadata().getNodes().values()) {
      boolean self = node.contactPoint().equals(known.getEndPoint().resolve());
      assertEquals(self, known.getDistance() != NodeDistance.IGNORED, known + " distance " + known.getDistance());
    }
  }

  private static boolean awaitSchemaAgreement(CqlSession session) {
    long deadline = System.nanoTime() + SCHEMA_TIMEOUT.toNanos();
    while (!session.checkSchemaAgreement()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep();
    }
    return true;
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
