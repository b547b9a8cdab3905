package dev.daogen.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.daogen.schema.JsonTree;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Streaming JSON (Jackson core, no data binding, no reflection) for jsonb columns. Generated codecs of nested
 * records call these helpers. In stored JSON, instants and dates are ISO-8601 strings.
 */
public final class Json {
  /** Shared, thread-safe factory. */
  public static final JsonFactory FACTORY = JsonFactory.builder().build();

  /** Writes one value. */
  @FunctionalInterface
  public interface Writer<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  /** Reads one value; the parser is positioned on its first token. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonParser p) throws IOException;
  }

  private Json() {}

  /** Renders a value as JSON text; null stays null (SQL NULL). */
  public static <T> String write(T value, Writer<T> writer) {
    if (value == null) {
      return null;
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writer.write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses JSON text; null stays null. */
  public static <T> T read(String json, Reader<T> reader) {
    if (json == null) {
      return null;
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      return reader.read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a scalar or enum value (or null). */
  public static void writeScalar(JsonGenerator g, Object v) throws IOException {
    JsonTree.writeScalar(g, v);
  }

  /** Writes a tree of maps (string keys), lists and scalars, as parsed request bodies and generated documents are. */
  public static void writeTree(JsonGenerator g, Object value) throws IOException {
    JsonTree.write(g, value);
  }

  /**
   * Reads the value at the parser's current token as a tree: maps (in order), lists, strings, integers (as
   * {@code Integer}, {@code Long} or {@code BigInteger}), decimals (as exact {@code BigDecimal}), booleans, null.
   */
  public static Object readTree(JsonParser p) throws IOException {
    return JsonTree.read(p);
  }

  public static <T> void writeList(JsonGenerator g, Collection<T> values, Writer<T> element) throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (T v : values) {
      element.write(g, v);
    }
    g.writeEndArray();
  }

  public static <T> void writeMap(JsonGenerator g, Map<String, T> values, Writer<T> value) throws IOException {
    if (values == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (Map.Entry<String, T> e : values.entrySet()) {
      g.writeFieldName(e.getKey());
      value.write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static boolean isNull(JsonParser p) {
    return p.currentToken() == JsonToken.VALUE_NULL;
  }

  private static IOException expected(JsonParser p, String what) {
    return new com.fasterxml.jackson.core.JsonParseException(p, "expected " + what);
  }

  public static String readString(JsonParser p) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw expected(p, "a string");
    }
    return p.getText();
  }

  public static Integer readInt(JsonParser p) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
      throw expected(p, "an integer");
    }
    return p.getIntValue();
  }

  public static Long readLong(JsonParser p) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw expected(p, "an integer");
    }
    return p.getLongValue();
  }

  public static Double readDouble(JsonParser p) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (!p.currentToken().isNumeric()) {
      throw expected(p, "a number");
    }
    return p.getDoubleValue();
  }

  public static BigDecimal readDecimal(JsonParser p) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (!p.currentToken().isNumeric()) {
      throw expected(p, "a number");
    }
    return p.getDecimalValue();
  }

  public static Boolean readBoolean(JsonParser p) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (!p.currentToken().isBoolean()) {
      throw expected(p, "a boolean");
    }
    return p.getBooleanValue();
  }

  public static UUID readUuid(JsonParser p) throws IOException {
    String s = readString(p);
    try {
      return s == null ? null : Values.parseUuid(s);
    } catch (IllegalArgumentException e) {
      throw expected(p, "a UUID");
    }
  }

  public static Instant readInstant(JsonParser p) throws IOException {
    String s = readString(p);
    try {
      return s == null ? null : Values.parseInstant(s);
    } catch (IllegalArgumentException e) {
      throw expected(p, "an ISO-8601 instant");
    }
  }

  public static LocalDate readDate(JsonParser p) throws IOException {
    String s = readString(p);
    try {
      return s == null ? null : Values.parseDate(s);
    } catch (IllegalArgumentException e) {
      throw expected(p, "an ISO-8601 date");
    }
  }

  public static <T extends Enum<T>> T readEnum(JsonParser p, Class<T> type) throws IOException {
    String s = readString(p);
    try {
      return s == null ? null : Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      throw expected(p, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  public static <T> List<T> readList(JsonParser p, Reader<T> element) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw expected(p, "an array");
    }
    List<T> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(element.read(p));
    }
    return Collections.unmodifiableList(out);
  }

  public static <T> Set<T> readSet(JsonParser p, Reader<T> element) throws IOException {
    List<T> list = readList(p, element);
    return list == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(list));
  }

  public static <T> Map<String, T> readMap(JsonParser p, Reader<T> value) throws IOException {
    if (isNull(p)) {
      return null;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw expected(p, "an object");
    }
    Map<String, T> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      out.put(name, value.read(p));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Moves to the first field of an object; returns false for JSON null. */
  public static boolean startObject(JsonParser p) throws IOException {
    if (isNull(p)) {
      return false;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw expected(p, "an object");
    }
    return true;
  }

  /** Advances to the next field name inside an object and returns it, or null at the object's end. */
  public static String nextField(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return null;
    }
    String name = p.currentName();
    p.nextToken();
    return name;
  }
}
