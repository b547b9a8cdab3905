package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.internal.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminJsonTest {
  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Body body) {
    return Json.write("", (g, ignored) -> body.write(g));
  }

  @Test
  void timestampsAreEpochSeconds() {
    assertEquals("1700000000", json(g -> AdminJson.writeTimestamp(g, Instant.ofEpochSecond(1_700_000_000))));
    assertEquals("1700000000.5",
        json(g -> AdminJson.writeTimestamp(g, Instant.ofEpochSecond(1_700_000_000, 500_000_000))));
    assertEquals("1700000000.000000001",
        json(g -> AdminJson.writeTimestamp(g, Instant.ofEpochSecond(1_700_000_000, 1))));
    assertEquals("1700000000.123456",
        json(g -> AdminJson.writeTimestamp(g, Instant.ofEpochSecond(1_700_000_000, 123_456_000))));
    assertEquals("-1.5", json(g -> AdminJson.writeTimestamp(g, Instant.ofEpochSecond(-2, 500_000_000))));
    assertEquals("0", json(g -> AdminJson.writeTimestamp(g, Instant.EPOCH)));
    assertEquals("null", json(g -> AdminJson.writeTimestamp(g, null)));
  }

  @Test
  void timestampsRoundTripThroughJsonInput() {
    Instant t = Instant.ofEpochSecond(1_700_000_000, 120_000_000);
    String text = json(g -> AdminJson.writeTimestamp(g, t));
    assertEquals(t, JsonInput.instant(new java.math.BigDecimal(text), false));
  }

  @Test
  void remainingTtlIsWholeSecondsRoundedUp() {
    assertEquals("null", json(g -> AdminJson.writeRemaining(g, Optional.empty())));
    long ttl = Long.parseLong(json(g -> AdminJson.writeRemaining(g, Optional.of(Instant.now().plusSeconds(100)))));
    // 100 s minus the few milliseconds this takes, rounded up
    assertEquals(100, ttl);
    long half = Long.parseLong(json(g -> AdminJson.writeRemaining(g, Optional.of(Instant.now().plusMillis(1500)))));
    assertEquals(2, half);
    // expired but not yet removed: still alive for at least a second
    assertEquals("1", json(g -> AdminJson.writeRemaining(g, Optional.of(Instant.now().minusSeconds(30)))));
  }

  @Test
  void foreignKeysAreRecords() {
    UUID id = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");
    assertEquals("{\"id\":\"6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab\"}", json(g -> AdminJson.writeForeign(g, "id", id)));
    assertEquals("{\"name\":7}", json(g -> AdminJson.writeForeign(g, "name", 7)));
    assertEquals("null", json(g -> AdminJson.writeForeign(g, "id", null)));
  }
}
