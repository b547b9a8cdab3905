package dev.daogen.cache;

import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * How cache invalidations travel between the nodes sharing a database: PostgreSQL {@code NOTIFY}, or a polled {@code
 * cluster_events} table (PostgreSQL, Cassandra). Each store brings its transports; the {@link ClusterBus} queues,
 * batches, and runs the sending and receiving threads over one.
 */
public interface ClusterTransport {
  /** Sends a batch of keys from {@code node} to the others; called by the bus's one sender thread. */
  void send(UUID node, List<String> keys) throws Exception;

  /**
   * Receives the other nodes' keys until {@code running} turns false: calls {@code ready} whenever receiving is in
   * place (after each successful poll, or once the listener listens), then {@code onKey} for each key another node
   * sent (its own come back and are skipped here). Returns when {@code running} is false; throws when the connection
   * is lost, and the bus calls it again (reporting a gap, since messages may have been missed).
   */
  void receive(UUID node, Consumer<String> onKey, Runnable ready, BooleanSupplier running) throws Exception;

  /** The key as this transport can carry it: itself, or a wider key that covers it (default: itself). */
  default String carried(String key) {
    return key;
  }

  /** Releases what the sender thread holds; called by that thread when it stops. */
  default void closeSender() {}

  /** A transport for a single node: sends nowhere, receives nothing. */
  ClusterTransport NONE = new ClusterTransport() {
    @Override
    public void send(UUID node, List<String> keys) {}

    @Override
    public void receive(UUID node, Consumer<String> onKey, Runnable ready, BooleanSupplier running) {}
  };
}
