package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.daogen.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns request bodies into a plain tree (maps, lists, strings, numbers, booleans, null) that generated code
 * converts field by field: JSON (strict: one object, no duplicate keys, bounded nesting, valid UTF-8) and HTML form
 * bodies ({@code a=1&tags[]=x&consumer.id=…}).
 */
final class RequestBodies {
  static final String CANNOT_PARSE = "Cannot parse JSON body";
  private static final int MAX_DEPTH = 32;
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(1 << 20)
          .maxNumberLength(100).build())
      .build();

  private RequestBodies() {}

  /** Whether the body is a form (string values, typed by the schema) rather than JSON. */
  static boolean isForm(String contentType) {
    return mediaType(contentType).equals("application/x-www-form-urlencoded");
  }

  /** The media type without parameters, lower case: {@code application/json; charset=utf-8} → application/json. */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** Parses a body by its content type; refuses others with 415. An empty body is an empty object. */
  static Map<String, Object> parse(String contentType, byte[] body) {
    String type = mediaType(contentType);
    boolean none = contentType == null || contentType.isBlank();
    if (body.length == 0 && none) {
      return Map.of();
    }
    // exactly JSON: application/json-patch+json or application/jsonx mean something else
    if (type.equals("application/json") || none) {
      return json(body);
    }
    if (isForm(type)) {
      return form(utf8(body, "Cannot parse form body"));
    }
    throw new BadRequest(415, "Unsupported Content-Type: use application/json or application/x-www-form-urlencoded");
  }

  static Map<String, Object> json(byte[] body) {
    // parsed from the strictly decoded text: from bytes, Jackson would detect UTF-16 or UTF-32 and skip a BOM
    String text = utf8(body, CANNOT_PARSE);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      throw new BadRequest(400, CANNOT_PARSE);
    }
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRequest(400, CANNOT_PARSE);
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) Json.readTree(p);
      if (p.nextToken() != null) {
        throw new BadRequest(400, CANNOT_PARSE);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadRequest bad) {
        throw bad;
      }
      throw new BadRequest(400, CANNOT_PARSE);
    }
  }

  /** {@code a=1&tags[]=x&tags[]=y&consumer.id=…}: repeated or {@code []} keys make lists, dots make records. */
  static Map<String, Object> form(String body) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return out;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      boolean array = key.endsWith("[]");
      if (array) {
        key = key.substring(0, key.length() - 2);
      }
      Map<String, Object> target = out;
      String[] path = key.split("\\.", -1);
      for (int i = 0; i < path.length - 1; i++) {
        Object next = target.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        if (!(next instanceof Map<?, ?>)) {
          throw new BadRequest(400, "Cannot parse form body: '" + key + "' conflicts with another field");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> typed = (Map<String, Object>) next;
        target = typed;
      }
      String last = path[path.length - 1];
      Object existing = target.get(last);
      if (existing instanceof Map<?, ?>) {
        // a record from dotted keys ("a.b=1") cannot also be a value ("a=2")
        throw new BadRequest(400, "Cannot parse form body: '" + key + "' conflicts with another field");
      }
      if (existing instanceof FormList list) {
        list.add(value);
      } else if (existing != null || array) {
        FormList list = new FormList();
        if (existing != null) {
          list.add(existing);
        }
        list.add(value);
        target.put(last, list);
      } else {
        target.put(last, value);
      }
    }
    return out;
  }

  /** A list built from form fields (so that a single {@code tags=a} can still be read as a list). */
  static final class FormList extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Percent-decodes a form key or value ({@code +} is a space); the bytes must be UTF-8 ({@code URLDecoder} would
   * silently turn a bad sequence such as {@code %E9} into U+FFFD).
   */
  static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          throw new BadRequest(400, "Cannot parse form body: bad percent-encoding");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
        bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return utf8(bytes.toByteArray(), "Cannot parse form body: bad percent-encoding");
  }

  private static String utf8(byte[] body, String message) {
    if (isAscii(body)) {
      // ASCII is valid UTF-8 as it is (most bodies): no decoder, no char buffer
      return new String(body, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequest(400, message);
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }
}
