package dev.daogen.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries cache invalidations between nodes over the store's {@link ClusterTransport} (PostgreSQL {@code NOTIFY}, or
 * the polled {@code cluster_events} table that the {@code core} migrations create: Kong's table and columns). Sending
 * is asynchronous, off the writer's path, in batches; a stream of writes is coalesced. A node ignores its own
 * messages; a receiver that lost its connection purges the local cache once it is back.
 */
public final class ClusterBus implements AutoCloseable {
  /** Invalidates every key that starts with the text before it ({@code consumers:*}); {@code *} alone: all. */
  public static final String WILDCARD = "*";

  private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
  /** The {@code cluster_events} channel of cache invalidations (the table is Kong's, from the core migrations). */
  public static final String POLL_CHANNEL = "invalidations";

  private final ClusterTransport transport;
  private final CacheSettings settings;
  private final UUID nodeId = UUID.randomUUID();
  /**
   * The least time between two sends while invalidations keep coming (10 ms; an isolated write's goes out at once).
   * Every send is a statement and, with NOTIFY, a wake-up of every listening node: at 1 ms a stream of writes on a
   * small machine lost a tenth of its throughput to them, for a latency gain no reader of Kong's 5 s polls would see.
   */
  private static final long COALESCE_NANOS = 10_000_000;

  private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);
  private final Thread sender;
  private volatile Thread receiver;
  private volatile boolean running = true;
  /** Open once this node receives other nodes' invalidations: its LISTEN is in place, or its first poll ran. */
  private final CountDownLatch receiving = new CountDownLatch(1);

  /** A bus over this transport; {@link CacheSettings.Cluster#OFF} sends and receives nothing. */
  public ClusterBus(ClusterTransport transport, CacheSettings settings) {
    this.transport = transport;
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
    if (settings.cluster() != CacheSettings.Cluster.OFF && !outbox.offer(transport.carried(key))) {
      LOG.warn("cluster outbox full: dropping the invalidation of {}", key);
    }
  }

  /**
   * Starts receiving: {@code onKey} for each invalidation from another node, {@code onGap} when messages may have
   * been missed (after a reconnect), so that the local cache can be purged.
   */
  public synchronized void startReceiving(Consumer<String> onKey, Runnable onGap) {
    if (receiver != null || settings.cluster() == CacheSettings.Cluster.OFF) {
      return;
    }
    receiver = new Thread(() -> receiveLoop(onKey, onGap), "daogen-cluster-receive");
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
        } catch (Exception e) {
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
        } catch (Exception e) {
          LOG.warn("could not send {} cache invalidation(s) to the cluster: {}", batch.size(), e.toString());
        }
      }
    } finally {
      // the sender owns what it sends with (a connection): released here, never while a statement runs on it
      transport.closeSender();
    }
  }

  private void send(List<String> keys) throws Exception {
    transport.send(nodeId, keys);
  }

  // ---- receiving -------------------------------------------------------------------------------------------------

  private void receiveLoop(Consumer<String> onKey, Runnable onGap) {
    boolean first = true;
    while (running) {
      boolean[] gap = {!first};
      try {
        transport.receive(nodeId, onKey, () -> {
          receiving.countDown();
          if (gap[0]) {
            gap[0] = false;
            LOG.info("cluster receiver reconnected; purging the local cache (messages may have been missed)");
            onGap.run();
          }
        }, () -> running);
      } catch (Exception e) {
        if (running) {
          LOG.warn("cluster receiver lost its connection ({}); reconnecting", e.toString());
          sleep(500);
        }
      }
      first = false;
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
