package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.internal.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** How the admin API writes values that differ from stored JSON: Kong's epoch seconds and foreign key records. */
public final class AdminJson {
  private AdminJson() {}

  /** Epoch seconds, as Kong writes {@code created_at}; with a fraction only when there is one. */
  public static void writeTimestamp(JsonGenerator g, Instant value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value.getNano() == 0) {
      g.writeNumber(value.getEpochSecond());
    } else {
      g.writeNumber(BigDecimal.valueOf(value.getEpochSecond()).add(BigDecimal.valueOf(value.getNano(), 9))
          .stripTrailingZeros());
    }
  }

  /** Kong's {@code ttl} of a ttl entity: the whole seconds left (at least 1 while it lives), or null. */
  public static void writeRemaining(JsonGenerator g, java.util.Optional<Instant> expiresAt) throws IOException {
    if (expiresAt.isEmpty()) {
      g.writeNull();
      return;
    }
    long millis = expiresAt.get().toEpochMilli() - System.currentTimeMillis();
    g.writeNumber(Math.max(1, (millis + 999) / 1000));
  }

  /** A foreign key as {@code {"id": "…"}}, or null. */
  public static void writeForeign(JsonGenerator g, String keyName, Object key) throws IOException {
    if (key == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeFieldName(keyName);
    Json.writeScalar(g, key);
    g.writeEndObject();
  }
}
