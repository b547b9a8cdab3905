package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.daogen.internal.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class JsonInputTest {
  private enum Protocol { http, https }

  private static final UUID ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");

  private static void refused(String message, Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertEquals(message, ex.getMessage());
  }

  @Test
  void strings() {
    assertEquals("x", JsonInput.string("x"));
    assertNull(JsonInput.string(null));
    refused("expected a string", () -> JsonInput.string(1));
    refused("expected a string", () -> JsonInput.string(true));
    refused("expected a string", () -> JsonInput.string(List.of("x")));
    refused("expected a string", () -> JsonInput.string(Map.of()));
  }

  @Test
  void uuids() {
    assertEquals(ID, JsonInput.uuid(ID.toString()));
    assertEquals(ID, JsonInput.uuid(ID.toString().toUpperCase()));
    assertNull(JsonInput.uuid(null));
    refused("expected a valid UUID", () -> JsonInput.uuid("1-1-1-1-1"));
    refused("expected a valid UUID", () -> JsonInput.uuid("0-0-0-0-0000000000000000000000000000"));
    refused("expected a valid UUID", () -> JsonInput.uuid(""));
    refused("expected a valid UUID", () -> JsonInput.uuid(42));
  }

  @Test
  void integers() {
    assertEquals(5, JsonInput.integer(5, false));
    assertEquals(5, JsonInput.integer(5L, false));
    assertEquals(Integer.MAX_VALUE, JsonInput.integer((long) Integer.MAX_VALUE, false));
    assertEquals(Integer.MIN_VALUE, JsonInput.integer((long) Integer.MIN_VALUE, false));
    assertNull(JsonInput.integer(null, false));
    refused("expected an integer between -2147483648 and 2147483647",
        () -> JsonInput.integer(Integer.MAX_VALUE + 1L, false));
    refused("expected an integer between -2147483648 and 2147483647",
        () -> JsonInput.integer(Integer.MIN_VALUE - 1L, false));
    refused("expected an integer (out of range)",
        () -> JsonInput.integer(new BigInteger("99999999999999999999"), false));
    refused("expected an integer", () -> JsonInput.integer(new BigDecimal("1.0"), false));
    refused("expected an integer", () -> JsonInput.integer("5", false));
    refused("expected an integer", () -> JsonInput.integer(true, false));
    // forms carry strings
    assertEquals(5, JsonInput.integer("5", true));
    assertEquals(-5, JsonInput.integer(" -5 ", true));
    refused("expected an integer", () -> JsonInput.integer("5.0", true));
    refused("expected an integer", () -> JsonInput.integer("", true));
    refused("expected an integer", () -> JsonInput.integer("x", true));
    refused("expected an integer between -2147483648 and 2147483647", () -> JsonInput.integer("2147483648", true));
  }

  @Test
  void bigints() {
    assertEquals(Long.MAX_VALUE, JsonInput.bigint(Long.MAX_VALUE, false));
    assertEquals(7L, JsonInput.bigint(7, false));
    assertNull(JsonInput.bigint(null, true));
    assertEquals(9_000_000_000L, JsonInput.bigint("9000000000", true));
    refused("expected an integer (out of range)", () -> JsonInput.bigint(new BigInteger("9223372036854775808"), false));
    refused("expected an integer", () -> JsonInput.bigint("9223372036854775808", true));
    refused("expected an integer", () -> JsonInput.bigint(new BigDecimal("1.5"), false));
    refused("expected an integer", () -> JsonInput.bigint("1", false));
  }

  @Test
  void numbersAndDecimals() {
    assertEquals(1.5, JsonInput.number(new BigDecimal("1.5"), false));
    assertEquals(3.0, JsonInput.number(3, false));
    assertEquals(3.0, JsonInput.number(3L, false));
    assertEquals(1e20, JsonInput.number(new BigInteger("100000000000000000000"), false));
    assertEquals(2.5, JsonInput.number(" 2.5 ", true));
    assertNull(JsonInput.number(null, false));
    refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("1e400"), false));
    // what a double cannot hold exactly would read back as another number
    refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("1e-400"), false));
    refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("0.10000000000000000001"), false));
    refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("9007199254740993"), false));
    assertEquals(Double.MIN_VALUE, JsonInput.number(new BigDecimal("4.9E-324"), false));
    assertEquals(Double.MAX_VALUE, JsonInput.number(new BigDecimal("1.7976931348623157E308"), false));
    assertEquals(0.1, JsonInput.number(new BigDecimal("0.1"), false));
    // form numbers are ASCII: Long.parseLong would read Arabic-Indic "١٠" as 10
    refused("expected an integer", () -> JsonInput.bigint("\u0661\u0660", true));
    refused("expected a number", () -> JsonInput.decimal("\u0661.5", true));
    refused("expected an integer", () -> JsonInput.bigint("1\u0000", true));
    refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("-1e400"), false));
    refused("expected a number", () -> JsonInput.number("1.5", false));
    refused("expected a number", () -> JsonInput.number("NaN", true));
    refused("expected a number", () -> JsonInput.number("x", true));
    refused("expected a number", () -> JsonInput.number(true, false));

    assertEquals(new BigDecimal("1.50"), JsonInput.decimal(new BigDecimal("1.50"), false));
    assertEquals(new BigDecimal("1.50"), JsonInput.decimal("1.50", true));
    assertEquals(BigDecimal.valueOf(7), JsonInput.decimal(7, false));
    assertEquals(new BigDecimal("99999999999999999999"),
        JsonInput.decimal(new BigInteger("99999999999999999999"), false));
    assertNull(JsonInput.decimal(null, false));
    refused("expected a number", () -> JsonInput.decimal("1", false));
    refused("expected a number", () -> JsonInput.decimal("1,5", true));
  }

  @Test
  void booleans() {
    assertEquals(true, JsonInput.bool(true, false));
    assertEquals(false, JsonInput.bool(false, true));
    assertNull(JsonInput.bool(null, false));
    assertEquals(true, JsonInput.bool("true", true));
    assertEquals(false, JsonInput.bool("false", true));
    refused("expected a boolean", () -> JsonInput.bool("true", false));
    refused("expected a boolean", () -> JsonInput.bool("TRUE", true));
    refused("expected a boolean", () -> JsonInput.bool("1", true));
    refused("expected a boolean", () -> JsonInput.bool(1, false));
  }

  @Test
  void instantsAreEpochSeconds() {
    assertEquals(Instant.ofEpochSecond(1_700_000_000), JsonInput.instant(1_700_000_000, false));
    assertEquals(Instant.ofEpochSecond(1_700_000_000), JsonInput.instant(1_700_000_000L, false));
    assertEquals(Instant.ofEpochSecond(1_700_000_000, 500_000_000),
        JsonInput.instant(new BigDecimal("1700000000.5"), false));
    assertEquals(Instant.ofEpochSecond(1_700_000_000, 1000),
        JsonInput.instant(new BigDecimal("1700000000.000001"), false));
    assertEquals(Instant.ofEpochSecond(-2, 500_000_000), JsonInput.instant(new BigDecimal("-1.5"), false));
    assertEquals(Instant.ofEpochSecond(1_700_000_000, 250_000_000), JsonInput.instant("1700000000.25", true));
    // past 2262, where the nanoseconds no longer fit a long
    assertEquals(Instant.ofEpochSecond(10_000_000_000L, 500_000_000),
        JsonInput.instant(new BigDecimal("10000000000.5"), false));
    // the edges the store keeps: years 1 and 9999, to the microsecond
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), JsonInput.instant(-62135596800L, false));
    assertEquals(Instant.parse("9999-12-31T23:59:59.999999Z"),
        JsonInput.instant(new BigDecimal("253402300799.999999"), false));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(-62135596801L, false));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(253402300800L, false));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(-210866803200L, false));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(31556889864403199L, false));
    // more digits than microseconds would be cut by the store: refused
    refused(JsonInput.TIMESTAMP_PRECISION, () -> JsonInput.instant(new BigDecimal("1700000000.1234567"), false));
    assertEquals(Instant.ofEpochSecond(1_700_000_000, 123_456_000),
        JsonInput.instant(new BigDecimal("1700000000.1234560000"), false));
    assertNull(JsonInput.instant(null, false));
    refused("expected a timestamp in epoch seconds", () -> JsonInput.instant("2024-01-01T00:00:00Z", false));
    refused("expected a timestamp in epoch seconds", () -> JsonInput.instant("1700000000", false));
    refused("expected a timestamp in epoch seconds", () -> JsonInput.instant("yesterday", true));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(Long.MAX_VALUE, false));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(new BigDecimal("1e30"), false));
    refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(new BigDecimal("1e30").add(new BigDecimal("0.5")), false));
  }

  @Test
  void hugeExponentsAreCheap() {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      refused(JsonInput.TIMESTAMP_PRECISION, () -> JsonInput.instant(new BigDecimal("1e-999999999"), false));
      refused(JsonInput.TIMESTAMP_PRECISION, () -> JsonInput.instant("1e-99999999", true));
      refused(JsonInput.TIMESTAMP_PRECISION, () -> JsonInput.instant(new BigDecimal("-1e-999999999"), false));
      refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant(new BigDecimal("1e999999999"), false));
      refused(JsonInput.TIMESTAMP_RANGE, () -> JsonInput.instant("-1e99999999", true));
      refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("1e999999999"), false));
      refused(JsonInput.NOT_A_DOUBLE, () -> JsonInput.number(new BigDecimal("1e-999999999"), false));
    });
  }

  @Test
  void seconds() {
    assertEquals(Duration.ofSeconds(60), JsonInput.seconds(60, false));
    assertEquals(Duration.ZERO, JsonInput.seconds(0, false));
    assertEquals(Duration.ofSeconds(3_153_600_000L), JsonInput.seconds(3_153_600_000L, false));
    assertEquals(Duration.ofSeconds(5), JsonInput.seconds("5", true));
    assertNull(JsonInput.seconds(null, false));
    refused("must be between 0 and 3153600000 seconds", () -> JsonInput.seconds(-1, false));
    refused("must be between 0 and 3153600000 seconds", () -> JsonInput.seconds(3_153_600_001L, false));
    refused("expected a number of seconds", () -> JsonInput.seconds(new BigDecimal("1.5"), false));
    refused("expected a number of seconds", () -> JsonInput.seconds("5", false));
    refused("expected a number of seconds (out of range)",
        () -> JsonInput.seconds(new BigInteger("100000000000000000000"), false));
  }

  @Test
  void dates() {
    assertEquals(LocalDate.of(2024, 2, 29), JsonInput.date("2024-02-29"));
    assertNull(JsonInput.date(null));
    assertEquals(LocalDate.of(1, 1, 1), JsonInput.date("0001-01-01"));
    assertEquals(LocalDate.of(9999, 12, 31), JsonInput.date("9999-12-31"));
    for (String outside : new String[] {"0000-12-31", "-4713-11-24", "+10000-01-01", "-999999999-01-01"}) {
      refused("expected a date between 0001-01-01 and 9999-12-31", () -> JsonInput.date(outside));
    }
    refused("expected a date (YYYY-MM-DD)", () -> JsonInput.date("2023-02-29"));
    refused("expected a date (YYYY-MM-DD)", () -> JsonInput.date("29.02.2024"));
    refused("expected a date (YYYY-MM-DD)", () -> JsonInput.date(20240229));
  }

  @Test
  void enums() {
    assertEquals(Protocol.https, JsonInput.enumValue("https", Protocol.class));
    assertNull(JsonInput.enumValue(null, Protocol.class));
    refused("expected one of: http, https", () -> JsonInput.enumValue("HTTP", Protocol.class));
    refused("expected one of: http, https", () -> JsonInput.enumValue("ftp", Protocol.class));
    refused("expected one of: http, https", () -> JsonInput.enumValue(1, Protocol.class));
  }

  @Test
  void lists() {
    assertEquals(List.of("a", "b"), JsonInput.list(List.of("a", "b"), false, JsonInput::string));
    assertEquals(List.of(), JsonInput.list(List.of(), false, JsonInput::string));
    assertNull(JsonInput.list(null, false, JsonInput::string));
    // a single form value is a one-element list
    assertEquals(List.of("a"), JsonInput.list("a", true, JsonInput::string));
    assertEquals(List.of(1, 2), JsonInput.list(List.of("1", "2"), true, v -> JsonInput.integer(v, true)));
    refused("expected an array", () -> JsonInput.list("a", false, JsonInput::string));
    refused("expected an array", () -> JsonInput.list(Map.of(), false, JsonInput::string));
    refused("expected an array", () -> JsonInput.list(1, true, JsonInput::string));
    refused("expected an array without null elements",
        () -> JsonInput.list(Arrays.asList("a", null), false, JsonInput::string));
    refused("expected a string", () -> JsonInput.list(List.of("a", 1), false, JsonInput::string));
    List<String> out = JsonInput.list(new ArrayList<>(List.of("a")), false, JsonInput::string);
    assertThrows(UnsupportedOperationException.class, () -> out.add("b"));
  }

  @Test
  void setsDropDuplicatesInOrder() {
    Set<String> set = JsonInput.set(List.of("b", "a", "b"), false, JsonInput::string);
    assertEquals(List.of("b", "a"), new ArrayList<>(set));
    assertNull(JsonInput.set(null, false, JsonInput::string));
    assertEquals(Set.of("x"), JsonInput.set("x", true, JsonInput::string));
    refused("expected an array", () -> JsonInput.set("x", false, JsonInput::string));
  }

  @Test
  void maps() {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("z", 1);
    in.put("a", 2);
    Map<String, Integer> out = JsonInput.map(in, v -> JsonInput.integer(v, false));
    assertEquals(Map.of("z", 1, "a", 2), out);
    assertEquals(List.of("z", "a"), List.copyOf(out.keySet()));
    assertNull(JsonInput.map(null, JsonInput::string));
    refused("expected a map", () -> JsonInput.map(List.of(), JsonInput::string));
    refused("expected a map", () -> JsonInput.map("a=b", JsonInput::string));
    refused("expected a string", () -> JsonInput.map(Map.of("a", 1), JsonInput::string));
  }

  @Test
  void foreignKeysAreKongsShape() {
    assertEquals(ID.toString(), JsonInput.foreign(Map.of("id", ID.toString()), "id"));
    assertEquals(7, JsonInput.foreign(Map.of("id", 7), "id"));
    assertNull(JsonInput.foreign(null, "id"));
    String message = "expected a foreign key: {\"id\": …}";
    refused(message, () -> JsonInput.foreign(ID.toString(), "id"));
    refused(message, () -> JsonInput.foreign(Map.of(), "id"));
    refused(message, () -> JsonInput.foreign(Map.of("name", "x"), "id"));
    refused(message, () -> JsonInput.foreign(Map.of("id", "x", "name", "y"), "id"));
    Map<String, Object> nullKey = new LinkedHashMap<>();
    nullKey.put("id", null);
    refused(message, () -> JsonInput.foreign(nullKey, "id"));
    refused("expected a foreign key: {\"name\": …}", () -> JsonInput.foreign(Map.of("id", "x"), "name"));
  }

  private record Point(Integer x, String label) {}

  private static Point readPoint(com.fasterxml.jackson.core.JsonParser p) throws java.io.IOException {
    if (!Json.startObject(p)) {
      return null;
    }
    Integer x = null;
    String label = null;
    for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
      switch (name) {
        case "x" -> x = Json.readInt(p);
        case "label" -> label = Json.readString(p);
        default -> p.skipChildren();
      }
    }
    return new Point(x, label);
  }

  @Test
  void recordsAreReadByTheirCodec() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("x", 3);
    tree.put("label", "é");
    tree.put("extra", List.of(Map.of("deep", new BigInteger("123456789012345678901234567890"))));
    assertEquals(new Point(3, "é"), JsonInput.record(tree, JsonInputTest::readPoint));
    assertNull(JsonInput.record(null, JsonInputTest::readPoint));
    refused("expected a record", () -> JsonInput.record("x", JsonInputTest::readPoint));
    refused("expected a record", () -> JsonInput.record(List.of(), JsonInputTest::readPoint));
    refused("expected an integer", () -> JsonInput.record(Map.of("x", "3"), JsonInputTest::readPoint));
    refused("expected a string", () -> JsonInput.record(Map.of("label", 1), JsonInputTest::readPoint));
  }
}
