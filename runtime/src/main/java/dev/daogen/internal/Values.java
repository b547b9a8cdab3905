package dev.daogen.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Conversions between key values and text: offset tokens, cache keys, and (for the admin API) path segments.
 * Parsers throw {@link IllegalArgumentException} (or a subclass) on bad input.
 */
public final class Values {
  private Values() {}

  public static String parseString(String s) {
    return s;
  }

  public static UUID parseUuid(String s) {
    // UUID.fromString accepts forms such as "1-1-1-1-1", "0-0-0-0-0000000000000000000000000000" (36 characters) or
    // signed parts ("+1234567-…"); require the canonical 8-4-4-4-12 form of ASCII hex digits. One pass, no regular
    // expression: the admin API parses every item path's key with this.
    if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-'
        || s.charAt(23) != '-') {
      throw new IllegalArgumentException("expected a UUID");
    }
    long msb = hex(s, 0, 8) << 32 | hex(s, 9, 13) << 16 | hex(s, 14, 18);
    long lsb = hex(s, 19, 23) << 48 | hex(s, 24, 36);
    return new UUID(msb, lsb);
  }

  /** The ASCII hex digits {@code s[from, to)} as a number. */
  private static long hex(String s, int from, int to) {
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) {
        throw new IllegalArgumentException("expected a UUID");
      }
      value = value << 4 | digit;
    }
    return value;
  }

  public static Integer parseInt(String s) {
    return Integer.valueOf(s);
  }

  public static Long parseLong(String s) {
    return Long.valueOf(s);
  }

  public static Double parseDouble(String s) {
    return Double.valueOf(s);
  }

  public static BigDecimal parseDecimal(String s) {
    return new BigDecimal(s);
  }

  public static Boolean parseBoolean(String s) {
    if (s.equals("true")) {
      return Boolean.TRUE;
    }
    if (s.equals("false")) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException("expected a boolean");
  }

  public static Instant parseInstant(String s) {
    try {
      return Instant.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("expected an ISO-8601 instant", e);
    }
  }

  public static LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("expected an ISO-8601 date", e);
    }
  }

  public static <T extends Enum<T>> T parseEnum(Class<T> type, String s) {
    return Enum.valueOf(type, s);
  }

  /** The text form of a key value ({@code toString}, enum names; empty for null). */
  public static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return v.toString();
  }

  /**
   * Renders key values as Kong prints them in messages: {@code {id="…"}} or {@code {a="x",b=1}}; strings and
   * other non-numbers quoted.
   */
  public static String describeKey(String[] names, Object[] values) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < names.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(names[i]).append('=');
      Object v = values[i];
      if (v == null) {
        sb.append("null");
      } else if (v instanceof Number || v instanceof Boolean) {
        sb.append(v);
      } else {
        sb.append('"').append(Checks.abbreviate(text(v))).append('"');
      }
    }
    return sb.append('}').toString();
  }
}
