package dev.daogen.store.postgres;

import dev.daogen.cache.ClusterBus;
import dev.daogen.cache.ClusterTransport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Invalidations as rows of Kong's {@code cluster_events} table, polled every interval; rows are deduplicated by id
 * and expire after an hour.
 */
public final class PollTransport implements ClusterTransport {
  private static final Duration RETENTION = Duration.ofHours(1);

  private final DataSource dataSource;
  private final Duration interval;
  /** Ids seen within the look-back window, oldest first (the receiver thread's only). */
  private final Map<UUID, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
      return size() > 200_000;
    }
  };
  private long polls;

  public PollTransport(DataSource dataSource, Duration interval) {
    this.dataSource = dataSource;
    this.interval = interval;
  }

  @Override
  public void send(UUID node, List<String> keys) throws SQLException {
    UUID[] ids = new UUID[keys.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = UUID.randomUUID();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("insert into cluster_events "
            + "(id, node_id, at, expire_at, channel, data) select e.id, ?, now(), now() + make_interval(secs => ?), "
            + "?, e.data from unnest(?::uuid[], ?::text[]) as e(id, data)")) {
      ps.setObject(1, node);
      ps.setDouble(2, RETENTION.toSeconds());
      ps.setString(3, ClusterBus.POLL_CHANNEL);
      ps.setArray(4, c.createArrayOf("uuid", ids));
      ps.setArray(5, c.createArrayOf("text", keys.toArray()));
      ps.executeUpdate();
    }
  }

  @Override
  public void receive(UUID node, Consumer<String> onKey, Runnable ready, BooleanSupplier running)
      throws SQLException, InterruptedException {
    long margin = Math.max(2_000, interval.toMillis() * 2);
    while (running.getAsBoolean()) {
      try (Connection c = dataSource.getConnection()) {
        try (PreparedStatement ps = c.prepareStatement("select id, node_id, data from cluster_events "
            + "where channel = ? and at > now() - make_interval(secs => ?) order by at")) {
          ps.setString(1, ClusterBus.POLL_CHANNEL);
          ps.setDouble(2, (interval.toMillis() + margin) / 1000.0);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              UUID id = rs.getObject(1, UUID.class);
              if (seen.put(id, Boolean.TRUE) == null && !node.equals(rs.getObject(2, UUID.class))) {
                onKey.accept(rs.getString(3));
              }
            }
          }
        }
        ready.run();
        if (++polls % 600 == 0) {
          try (PreparedStatement ps = c.prepareStatement("delete from cluster_events where expire_at < now()")) {
            ps.executeUpdate();
          }
        }
      }
      Thread.sleep(interval.toMillis());
    }
  }
}
