package dev.daogen.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries cache invalidations between nodes through PostgreSQL: {@code NOTIFY} on channel
 * {@value #CHANNEL} (received on a dedicated {@code LISTEN} connection that reconnects), or rows of the polled
 * {@code cluster_events} table that the {@code core} migrations create (Kong's table and columns). Sending is asynchronous, off the writer's path, in batches. A node ignores
 * its own messages; polled rows are deduplicated and expire after an hour.
 */
public final class ClusterBus implements AutoCloseable {
  /** The NOTIFY channel. */
  public static final String CHANNEL = "daogen_invalidations";
  /** Invalidates every key that starts with the text before it ({@code consumers:*}); {@code *} alone: all. */
  public static final String WILDCARD = "*";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
  /** The {@code cluster_events} channel of cache invalidations (the table is Kong's, from the core migrations). */
  public static final String POLL_CHANNEL = "invalidations";
  private static final Duration RETENTION = Duration.ofHours(1);

  private final DataSource dataSource;
  private final CacheSettings settings;
  private final UUID nodeId = UUID.randomUUID();
  /** The least time between two sends while invalidations keep coming (1 ms). */
  private static final long COALESCE_NANOS = 1_000_000;

  private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);
  private final Thread sender;
  private volatile Thread receiver;
  private volatile boolean running = true;
  /** Open once this node receives other nodes' invalidations: its LISTEN is in place, or its first poll ran. */
  private final CountDownLatch receiving = new CountDownLatch(1);

  public ClusterBus(DataSource dataSource, CacheSettings settings) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.sender = new Thread(this::sendLoop, "daogen-cluster-send");
    sender.setDaemon(true);
    if (settings.cluster() != CacheSettings.Cluster.OFF) {
      sender.start();
    }
  }

  /** This node's id; its own messages come back and are ignored. */
  public UUID nodeId() {
    return nodeId;
  }

  /** Queues an invalidation for the other nodes. */
  public void broadcast(String key) {
    if (settings.cluster() != CacheSettings.Cluster.OFF && !outbox.offer(carried(key))) {
      LOG.warn("cluster outbox full: dropping the invalidation of {}", key);
    }
  }

  /**
   * PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more, and NUL in any text; either made the whole batch
   * fail, so one odd key cost every other key in it its invalidation.
   */
  static final int MAX_PAYLOAD_BYTES = 7999;

  /**
   * The key as it can travel: itself, or, when PostgreSQL cannot carry it (too long, or NUL), a wider invalidation
   * that covers it: its entity's keys ({@code consumers:*}), else every key. Other nodes drop more, never less.
   */
  static String carried(String key) {
    // the payload is "<node id> <key>": 36 + 1 bytes before the key; a char is at most 3 UTF-8 bytes
    if (key.indexOf('\0') < 0 && (37 + 3L * key.length() <= MAX_PAYLOAD_BYTES
        || 37 + key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES)) {
      return key;
    }
    int colon = key.indexOf(':');
    if (colon > 0 && colon < 1000 && key.lastIndexOf('\0', colon) < 0) {
      return key.substring(0, colon + 1) + WILDCARD;
    }
    return WILDCARD;
  }

  /**
   * Starts receiving: {@code onKey} for each invalidation from another node, {@code onGap} when messages may have
   * been missed (after a reconnect), so that the local cache can be purged.
   */
  public synchronized void startReceiving(Consumer<String> onKey, Runnable onGap) {
    if (receiver != null || settings.cluster() == CacheSettings.Cluster.OFF) {
      return;
    }
    Runnable loop = settings.cluster() == CacheSettings.Cluster.NOTIFY
        ? () -> listenLoop(onKey, onGap) : () -> pollLoop(onKey, onGap);
    receiver = new Thread(loop, "daogen-cluster-receive");
    receiver.setDaemon(true);
    receiver.start();
  }

  /**
   * Waits until this node receives the other nodes' invalidations (what they send earlier never reaches it).
   *
   * @return true once receiving, false if {@code timeout} passed first or the cache is single-node
   */
  public boolean awaitReceiving(Duration timeout) throws InterruptedException {
    return settings.cluster() != CacheSettings.Cluster.OFF && receiving.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  // ---- sending -------------------------------------------------------------------------------------------

  private void sendLoop() {
    List<String> batch = new ArrayList<>();
    long lastSend = System.nanoTime() - COALESCE_NANOS;
    try {
      while (running) {
        try {
          String first = outbox.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          // under a stream of writes, coalesce: at most one statement per COALESCE_NANOS (an isolated write still
          // goes out at once); without this, every write cost the database a second round trip
          long wait = lastSend + COALESCE_NANOS - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          outbox.drainTo(batch, 999);
          send(batch);
          lastSend = System.nanoTime();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (SQLException | RuntimeException e) {
          LOG.warn("could not send {} cache invalidation(s) to the cluster: {}", batch.size(), e.toString());
          sleep(500);
        } finally {
          batch.clear();
        }
      }
      // closing: what this node wrote still reaches the others, so that they keep no stale entries
      outbox.drainTo(batch);
      if (!batch.isEmpty()) {
        try {
          send(batch);
        } catch (SQLException | RuntimeException e) {
          LOG.warn("could not send {} cache invalidation(s) to the cluster: {}", batch.size(), e.toString());
        }
      }
    } finally {
      // the sender owns its connection: closed here, never while a statement runs on it
      if (senderConnection != null) {
        closeQuietly(senderConnection);
        senderConnection = null;
      }
    }
  }

  /** The sender's own connection, kept between batches (the pool may be a plain, non-pooling data source). */
  private Connection senderConnection;

  private Connection senderConnection() throws SQLException {
    if (senderConnection == null || senderConnection.isClosed()) {
      senderConnection = dataSource.getConnection();
      senderConnection.setAutoCommit(true);
    }
    return senderConnection;
  }

  private void send(List<String> keys) throws SQLException {
    Connection c = senderConnection();
    try {
      if (settings.cluster() == CacheSettings.Cluster.NOTIFY) {
        try (PreparedStatement ps = c.prepareStatement("select pg_notify('" + CHANNEL
            + "', ? || ' ' || k) from unnest(?::text[]) k")) {
          ps.setString(1, nodeId.toString());
          ps.setArray(2, c.createArrayOf("text", keys.toArray()));
          ps.executeQuery().close();
        }
      } else {
        UUID[] ids = new UUID[keys.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = UUID.randomUUID();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into cluster_events "
            + "(id, node_id, at, expire_at, channel, data) select e.id, ?, now(), now() + make_interval(secs => ?), "
            + "?, e.data from unnest(?::uuid[], ?::text[]) as e(id, data)")) {
          ps.setObject(1, nodeId);
          ps.setDouble(2, RETENTION.toSeconds());
          ps.setString(3, POLL_CHANNEL);
          ps.setArray(4, c.createArrayOf("uuid", ids));
          ps.setArray(5, c.createArrayOf("text", keys.toArray()));
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      closeQuietly(c);
      senderConnection = null;
      throw e;
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // it is being replaced
    }
  }

  // ---- receiving: LISTEN/NOTIFY --------------------------------------------------------------------------

  private void listenLoop(Consumer<String> onKey, Runnable onGap) {
    boolean first = true;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
          st.execute("listen " + CHANNEL);
        }
        receiving.countDown();
        if (!first) {
          LOG.info("cluster listener reconnected; purging the local cache (messages may have been missed)");
          onGap.run();
        }
        first = false;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications != null) {
            for (PGNotification n : notifications) {
              deliver(n.getParameter(), onKey);
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.warn("cluster listener lost its connection ({}); reconnecting", e.toString());
          first = false;
          sleep(500);
        }
      }
    }
  }

  private void deliver(String payload, Consumer<String> onKey) {
    int space = payload.indexOf(' ');
    if (space < 0 || payload.substring(0, space).equals(nodeId.toString())) {
      return;
    }
    onKey.accept(payload.substring(space + 1));
  }

  // ---- receiving: polling ----------------------------------------------------------------------------------

  private void pollLoop(Consumer<String> onKey, Runnable onGap) {
    // ids seen within the look-back window, oldest first
    Map<UUID, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
        return size() > 200_000;
      }
    };
    long margin = Math.max(2_000, settings.pollInterval().toMillis() * 2);
    long polls = 0;
    boolean failed = false;
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        if (failed) {
          onGap.run();
          failed = false;
        }
        try (PreparedStatement ps = c.prepareStatement("select id, node_id, data from cluster_events "
            + "where channel = ? and at > now() - make_interval(secs => ?) order by at")) {
          ps.setString(1, POLL_CHANNEL);
          ps.setDouble(2, (settings.pollInterval().toMillis() + margin) / 1000.0);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              UUID id = rs.getObject(1, UUID.class);
              if (seen.put(id, Boolean.TRUE) == null && !nodeId.equals(rs.getObject(2, UUID.class))) {
                onKey.accept(rs.getString(3));
              }
            }
          }
        }
        receiving.countDown();
        if (++polls % 600 == 0) {
          try (PreparedStatement ps = c.prepareStatement("delete from cluster_events where expire_at < now()")) {
            ps.executeUpdate();
          }
        }
      } catch (SQLException | RuntimeException e) {
        LOG.warn("cluster poll failed: {}", e.toString());
        failed = true;
      }
      sleep(settings.pollInterval().toMillis());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    // the sender finishes the statement it runs and sends what is queued; it is interrupted only if the database
    // does not answer for that long
    try {
      sender.join(SENDER_CLOSE_MILLIS);
      if (sender.isAlive()) {
        sender.interrupt();
        sender.join(1000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Thread r = receiver;
    if (r != null) {
      r.interrupt();
    }
  }

  /** How long closing waits for the sender's last statements. */
  private static final long SENDER_CLOSE_MILLIS = 10_000;
}
