package dev.daogen.store.postgres;

import dev.daogen.cache.ClusterBus;
import dev.daogen.cache.ClusterTransport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Invalidations by PostgreSQL {@code NOTIFY} on channel {@value #CHANNEL}, received on a dedicated {@code LISTEN}
 * connection. A batch of keys travels in as few payloads as fit ({@link NotifyPayloads}).
 */
public final class NotifyTransport implements ClusterTransport {
  /** The NOTIFY channel. */
  public static final String CHANNEL = "daogen_invalidations";

  /** The longest payload PostgreSQL accepts, in bytes. */
  static final int MAX_PAYLOAD_BYTES = NotifyPayloads.MAX_PAYLOAD_BYTES;

  private static final String NOTIFY = "select pg_notify('" + CHANNEL + "', p) from unnest(?::text[]) p";

  private final DataSource dataSource;
  /** The sender's own connection, kept between batches (the pool may be a plain, non-pooling data source). */
  private Connection senderConnection;

  public NotifyTransport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The key as it can travel: itself, or, when PostgreSQL cannot carry it (too long, or NUL), a wider invalidation
   * that covers it: its entity's keys ({@code consumers:*}), else every key. Other nodes drop more, never less.
   */
  @Override
  public String carried(String key) {
    return carriedKey(key);
  }

  static String carriedKey(String key) {
    if (key.indexOf('\0') < 0 && NotifyPayloads.fits(key)) {
      return key;
    }
    int colon = key.indexOf(':');
    if (colon > 0 && colon < 1000 && key.lastIndexOf('\0', colon) < 0) {
      return key.substring(0, colon + 1) + ClusterBus.WILDCARD;
    }
    return ClusterBus.WILDCARD;
  }

  @Override
  public void send(UUID node, List<String> keys) throws SQLException {
    Connection c = senderConnection();
    try (PreparedStatement ps = c.prepareStatement(NOTIFY)) {
      ps.setArray(1, c.createArrayOf("text", NotifyPayloads.pack(node.toString(), keys).toArray()));
      ps.executeQuery().close();
    } catch (SQLException e) {
      closeSender();
      throw e;
    }
  }

  private Connection senderConnection() throws SQLException {
    if (senderConnection == null || senderConnection.isClosed()) {
      senderConnection = dataSource.getConnection();
      senderConnection.setAutoCommit(true);
    }
    return senderConnection;
  }

  @Override
  public void closeSender() {
    if (senderConnection != null) {
      try {
        senderConnection.close();
      } catch (SQLException ignored) {
        // it is being replaced or the node stops
      }
      senderConnection = null;
    }
  }

  @Override
  public void receive(UUID node, Consumer<String> onKey, Runnable ready, BooleanSupplier running)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("listen " + CHANNEL);
      }
      ready.run();
      PGConnection pg = c.unwrap(PGConnection.class);
      String self = node.toString();
      while (running.getAsBoolean()) {
        PGNotification[] notifications = pg.getNotifications(500);
        if (notifications != null) {
          for (PGNotification n : notifications) {
            NotifyPayloads.unpack(n.getParameter(), self, onKey);
          }
        }
      }
    }
  }
}
