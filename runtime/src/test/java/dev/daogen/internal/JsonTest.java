package dev.daogen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonTest {
  private enum Color { RED, GREEN }

  private static final UUID ID = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");

  /** The message of the parse error a reader raises for this JSON. */
  private static String error(String json, Json.Reader<?> reader) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Json.read(json, reader));
    return ((JsonProcessingException) e.getCause()).getOriginalMessage();
  }

  @Test
  void nullStaysNull() {
    assertNull(Json.write(null, Json::writeScalar));
    assertNull(Json.read(null, Json::readString));
    assertNull(Json.read("null", Json::readString));
    assertNull(Json.read("null", Json::readInt));
    assertNull(Json.read("null", Json::readUuid));
    assertNull(Json.read("null", p -> Json.readList(p, Json::readString)));
    assertNull(Json.read("null", p -> Json.readSet(p, Json::readString)));
    assertNull(Json.read("null", p -> Json.readMap(p, Json::readString)));
    assertEquals("null", Json.write(List.of(), (g, v) -> Json.writeScalar(g, null)));
  }

  @Test
  void scalarsAreWrittenInTheirJsonForm() {
    assertEquals("\"a\\\"b\"", Json.write("a\"b", Json::writeScalar));
    assertEquals("7", Json.write(7, Json::writeScalar));
    assertEquals("9000000000", Json.write(9_000_000_000L, Json::writeScalar));
    assertEquals("1.5", Json.write(1.5, Json::writeScalar));
    assertEquals("1.50", Json.write(new BigDecimal("1.50"), Json::writeScalar));
    assertEquals("true", Json.write(true, Json::writeScalar));
    assertEquals("\"GREEN\"", Json.write(Color.GREEN, Json::writeScalar));
    assertEquals("\"" + ID + "\"", Json.write(ID, Json::writeScalar));
    assertEquals("\"2023-11-14T22:13:20.500Z\"",
        Json.write(Instant.ofEpochSecond(1_700_000_000, 500_000_000), Json::writeScalar));
    assertEquals("\"2024-02-29\"", Json.write(LocalDate.of(2024, 2, 29), Json::writeScalar));
  }

  @Test
  void scalarsRoundTrip() {
    assertEquals("é😀\n", Json.read(Json.write("é😀\n", Json::writeScalar), Json::readString));
    assertEquals(Integer.MIN_VALUE, Json.read(Json.write(Integer.MIN_VALUE, Json::writeScalar), Json::readInt));
    assertEquals(Long.MAX_VALUE, Json.read(Json.write(Long.MAX_VALUE, Json::writeScalar), Json::readLong));
    assertEquals(0.1, Json.read(Json.write(0.1, Json::writeScalar), Json::readDouble));
    assertEquals(new BigDecimal("123456789012345678901234.5678"),
        Json.read(Json.write(new BigDecimal("123456789012345678901234.5678"), Json::writeScalar), Json::readDecimal));
    assertEquals(Boolean.FALSE, Json.read("false", Json::readBoolean));
    assertEquals(ID, Json.read(Json.write(ID, Json::writeScalar), Json::readUuid));
    Instant t = Instant.ofEpochSecond(1_700_000_000, 123_456_789);
    assertEquals(t, Json.read(Json.write(t, Json::writeScalar), Json::readInstant));
    assertEquals(LocalDate.of(2024, 2, 29), Json.read("\"2024-02-29\"", Json::readDate));
    assertEquals(Color.RED, Json.read("\"RED\"", p -> Json.readEnum(p, Color.class)));
    // integers are numbers too
    assertEquals(3.0, Json.read("3", Json::readDouble));
    assertEquals(new BigDecimal("3"), Json.read("3", Json::readDecimal));
    assertEquals(42L, Json.read("42", Json::readLong));
  }

  @Test
  void listsSetsAndMapsRoundTrip() {
    List<String> list = List.of("b", "a", "b");
    String text = Json.write(list, (g, v) -> Json.writeList(g, v, Json::writeScalar));
    assertEquals("[\"b\",\"a\",\"b\"]", text);
    assertEquals(list, Json.read(text, p -> Json.readList(p, Json::readString)));

    Set<String> set = Json.read(text, p -> Json.readSet(p, Json::readString));
    assertEquals(List.of("b", "a"), new ArrayList<>(set));

    Map<String, List<Integer>> map = new LinkedHashMap<>();
    map.put("z", List.of(1, 2));
    map.put("a", List.of());
    map.put("n", null);
    String mapText =
        Json.write(map, (g, v) -> Json.writeMap(g, v, (g2, l) -> Json.writeList(g2, l, Json::writeScalar)));
    assertEquals("{\"z\":[1,2],\"a\":[],\"n\":null}", mapText);
    Map<String, List<Integer>> back = Json.read(mapText, p -> Json.readMap(p, p2 -> Json.readList(p2, Json::readInt)));
    assertEquals(map, back);
    assertEquals(List.of("z", "a", "n"), List.copyOf(back.keySet()));

    assertEquals("null", Json.write("x", (g, v) -> Json.writeList(g, null, Json::writeScalar)));
    assertEquals("null", Json.write("x", (g, v) -> Json.writeMap(g, null, Json::writeScalar)));
  }

  @Test
  void readCollectionsAreUnmodifiable() {
    List<String> list = Json.read("[\"a\"]", p -> Json.readList(p, Json::readString));
    assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
    Map<String, String> map = Json.read("{\"a\":\"b\"}", p -> Json.readMap(p, Json::readString));
    assertThrows(UnsupportedOperationException.class, () -> map.put("c", "d"));
    Set<String> set = Json.read("[\"a\"]", p -> Json.readSet(p, Json::readString));
    assertThrows(UnsupportedOperationException.class, () -> set.add("b"));
  }

  @Test
  void typeErrors() {
    assertEquals("expected a string", error("1", Json::readString));
    assertEquals("expected an integer", error("\"1\"", Json::readInt));
    assertEquals("expected an integer", error("1.0", Json::readInt));
    assertEquals("expected an integer", error("2147483648", Json::readInt));
    assertEquals("expected an integer", error("9223372036854775808", Json::readLong));
    assertEquals("expected an integer", error("1.5", Json::readLong));
    assertEquals("expected a number", error("\"1\"", Json::readDouble));
    assertEquals("expected a number", error("true", Json::readDecimal));
    assertEquals("expected a boolean", error("\"true\"", Json::readBoolean));
    assertEquals("expected a boolean", error("1", Json::readBoolean));
    assertEquals("expected a UUID", error("\"1-1-1-1-1\"", Json::readUuid));
    assertEquals("expected a string", error("1", Json::readUuid));
    assertEquals("expected an ISO-8601 instant", error("\"2024-01-01\"", Json::readInstant));
    assertEquals("expected an ISO-8601 date", error("\"2024-01-01T00:00:00Z\"", Json::readDate));
    assertEquals("expected one of [RED, GREEN]", error("\"BLUE\"", p -> Json.readEnum(p, Color.class)));
    assertEquals("expected an array", error("{}", p -> Json.readList(p, Json::readString)));
    assertEquals("expected an array", error("\"a\"", p -> Json.readSet(p, Json::readString)));
    assertEquals("expected an object", error("[]", p -> Json.readMap(p, Json::readString)));
    assertEquals("expected a string", error("[\"a\",1]", p -> Json.readList(p, Json::readString)));
    assertEquals("expected an object", error("1", Json::startObject));
  }

  @Test
  void walksObjectsFieldByField() {
    List<String> seen = new ArrayList<>();
    Json.read("{\"a\":1,\"b\":\"x\"}", p -> {
      assertTrue(Json.startObject(p));
      for (String name = Json.nextField(p); name != null; name = Json.nextField(p)) {
        seen.add(name + "=" + p.getText());
      }
      return null;
    });
    assertEquals(List.of("a=1", "b=x"), seen);
    assertFalse(Json.read("null", Json::startObject));
  }
}
