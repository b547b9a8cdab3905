package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.cache.ClusterBus;
import dev.daogen.cache.ClusterTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Invalidations as rows of Kong's {@code cluster_events} table on Cassandra (partition: the channel; clustering: the
 * time, the node, the id), polled every interval (Kong's {@code db_update_frequency}) over a look-back window, so
 * that a node's clock a little behind another's loses nothing; rows are deduplicated by id and expire after an hour.
 */
final class CassandraClusterTransport implements ClusterTransport {
  private static final int RETENTION_SECONDS = 3600;
  private static final int BATCH = 50;

  private final CqlSession session;
  private final Duration interval;
  private PreparedStatement insert;
  private PreparedStatement select;
  private final Map<UUID, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
      return size() > 200_000;
    }
  };

  CassandraClusterTransport(CqlSession session, Duration interval) {
    this.session = session;
    this.interval = interval;
  }

  @Override
  public void send(UUID node, List<String> keys) {
    if (insert == null) {
      insert = session.prepare("INSERT INTO \"cluster_events\" (\"channel\", \"at\", \"node_id\", \"id\", \"data\")"
          + " VALUES (?, ?, ?, ?, ?) USING TTL " + RETENTION_SECONDS);
    }
    Instant at = Instant.now();
    // one partition per batch (cheap), in chunks that stay under Cassandra's batch size limits
    for (int from = 0; from < keys.size(); from += BATCH) {
      BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
      for (String key : keys.subList(from, Math.min(keys.size(), from + BATCH))) {
        batch.addStatement(insert.bind(ClusterBus.POLL_CHANNEL, at, node, UUID.randomUUID(), key));
      }
      CassandraErrors.execute(session, batch.build());
    }
  }

  @Override
  public void receive(UUID node, Consumer<String> onKey, Runnable ready, BooleanSupplier running)
      throws InterruptedException {
    if (select == null) {
      select = session.prepare("SELECT \"id\", \"node_id\", \"data\" FROM \"cluster_events\""
          + " WHERE \"channel\" = ? AND \"at\" > ?");
    }
    long lookBack = interval.toMillis() + Math.max(2_000, interval.toMillis() * 2);
    while (running.getAsBoolean()) {
      Instant since = Instant.now().minusMillis(lookBack);
      for (Row r : CassandraErrors.execute(session, select.bind(ClusterBus.POLL_CHANNEL, since))) {
        UUID id = r.getUuid(0);
        if (seen.put(id, Boolean.TRUE) == null && !node.equals(r.getUuid(1))) {
          onKey.accept(r.getString(2));
        }
      }
      ready.run();
      Thread.sleep(interval.toMillis());
    }
  }
}
