package dev.daogen.events;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions to CRUD events ({@code db.events()}). Events are delivered after the write commits, on the thread
 * that committed, in commit order; a rolled-back transaction delivers nothing. A listener that throws is logged and
 * does not affect the write or the other listeners.
 */
public final class Events {
  private static final Logger LOG = LoggerFactory.getLogger(Events.class);

  private record Listener(String entity, EntityEvent.Operation operation, Consumer<EntityEvent<?>> action) {
    boolean wants(EntityEvent<?> event) {
      return (entity == null || entity.equals(event.entity()))
          && (operation == null || operation == event.operation());
    }
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Subscribes to the events of one entity.
   *
   * @param entity the entity name, or null for every entity
   * @param operation the operation, or null for every operation
   * @param action called once per event
   * @return closing it unsubscribes
   */
  public AutoCloseable subscribe(String entity, EntityEvent.Operation operation, Consumer<EntityEvent<?>> action) {
    Listener listener = new Listener(entity, operation, Objects.requireNonNull(action));
    listeners.add(listener);
    // by identity: Listener is a record, and remove(Object) would take an equal subscription on a second close
    return () -> listeners.removeIf(l -> l == listener);
  }

  /** Subscribes to every event of every entity. */
  public AutoCloseable subscribeAll(Consumer<EntityEvent<?>> action) {
    return subscribe(null, null, action);
  }

  /** Delivers a committed event (runtime only). */
  public void publish(EntityEvent<?> event) {
    for (Listener listener : listeners) {
      if (listener.wants(event)) {
        try {
          listener.action().accept(event);
        } catch (RuntimeException e) {
          LOG.error("event listener failed on {} {}", event.operation(), event.entity(), e);
        }
      }
    }
  }
}
