package dev.daogen.schema;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes JSON trees (maps, lists, scalars) with nothing but Jackson core: one reader and writer for
 * {@link Snapshot}, the runtime's {@code dev.daogen.internal.Json} and the processor's resource files. For daogen
 * itself, not API.
 */
public final class JsonTree {
  private JsonTree() {}

  /**
   * Reads the value at the parser's current token: maps (in order), lists, strings, integers (as {@code Integer},
   * {@code Long} or {@code BigInteger}), decimals (as exact {@code BigDecimal}), booleans, null.
   */
  public static Object read(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      }
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDecimalValue();
      }
      case VALUE_TRUE -> {
        return Boolean.TRUE;
      }
      case VALUE_FALSE -> {
        return Boolean.FALSE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new JsonParseException(p, "expected a JSON value");
    }
  }

  /** Writes a scalar or enum value (or null). */
  public static void writeScalar(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      // UUID, Instant and LocalDate: their ISO text form
      g.writeString(v.toString());
    }
  }

  /** Writes a tree of maps (string keys), lists and scalars, as parsed request bodies and generated documents are. */
  public static void write(JsonGenerator g, Object value) throws IOException {
    if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        write(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof java.math.BigInteger big) {
      g.writeNumber(big);
    } else {
      writeScalar(g, value);
    }
  }
}
