package dev.daogen.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daogen.events.EntityEvent.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventsTest {
  private final Events events = new Events();
  private final List<String> seen = new ArrayList<>();

  private static EntityEvent<String> event(String entity, Operation op) {
    return new EntityEvent<>(entity, op, "v", null, entity + ":1", null, false);
  }

  private Consumer<EntityEvent<?>> record(String name) {
    return e -> seen.add(name + " " + e.operation() + " " + e.entity());
  }

  @Test
  void filtersByEntityAndOperation() {
    events.subscribeAll(record("all"));
    events.subscribe("consumers", null, record("consumers"));
    events.subscribe(null, Operation.DELETE, record("deletes"));
    events.subscribe("consumers", Operation.UPDATE, record("consumer-updates"));

    events.publish(event("consumers", Operation.CREATE));
    events.publish(event("consumers", Operation.UPDATE));
    events.publish(event("routes", Operation.DELETE));
    events.publish(event("routes", Operation.TRUNCATE));

    assertEquals(List.of(
        "all CREATE consumers", "consumers CREATE consumers",
        "all UPDATE consumers", "consumers UPDATE consumers", "consumer-updates UPDATE consumers",
        "all DELETE routes", "deletes DELETE routes",
        "all TRUNCATE routes"), seen);
  }

  @Test
  void unsubscribing() throws Exception {
    AutoCloseable a = events.subscribeAll(record("a"));
    events.subscribeAll(record("b"));
    events.publish(event("x", Operation.CREATE));
    a.close();
    events.publish(event("x", Operation.DELETE));
    assertEquals(List.of("a CREATE x", "b CREATE x", "b DELETE x"), seen);
  }

  @Test
  void closingTwiceLeavesAnEqualSubscriptionAlone() throws Exception {
    Consumer<EntityEvent<?>> listener = record("same");
    AutoCloseable first = events.subscribe("x", null, listener);
    events.subscribe("x", null, listener);
    first.close();
    first.close();
    events.publish(event("x", Operation.CREATE));
    assertEquals(List.of("same CREATE x"), seen);
  }

  @Test
  void aThrowingListenerDoesNotStopTheOthers() {
    events.subscribeAll(record("before"));
    events.subscribeAll(e -> {
      throw new IllegalStateException("listener bug");
    });
    events.subscribeAll(record("after"));
    events.publish(event("x", Operation.CREATE));
    assertEquals(List.of("before CREATE x", "after CREATE x"), seen);
  }

  @Test
  void aListenerMaySubscribeWhileBeingCalled() {
    events.subscribeAll(e -> events.subscribeAll(record("late")));
    events.publish(event("x", Operation.CREATE));
    assertEquals(List.of(), seen);
    events.publish(event("x", Operation.UPDATE));
    assertEquals(List.of("late UPDATE x"), seen);
  }

  @Test
  void nullActionsAreRefused() {
    assertThrows(NullPointerException.class, () -> events.subscribeAll(null));
  }

  @Test
  void noListenersNoProblem() {
    events.publish(event("x", Operation.CREATE));
    assertEquals(List.of(), seen);
  }
}
