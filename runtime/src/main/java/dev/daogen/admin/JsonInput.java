package dev.daogen.admin;

import dev.daogen.internal.FieldErrors;
import dev.daogen.internal.Json;
import dev.daogen.internal.Values;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts one value of a parsed request body to a field's type, for generated admin code. Each converter throws
 * {@link IllegalArgumentException} with a Kong-style message ("expected a string") that becomes the field's error.
 * Form bodies carry strings; {@code form = true} lets numbers and booleans be parsed from them.
 */
public final class JsonInput {
  private JsonInput() {}

  public static String string(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return text(s);
    }
    throw new IllegalArgumentException("expected a string");
  }

  /**
   * Refuses text that cannot be stored as it was sent: PostgreSQL text and jsonb cannot hold the NUL character, and
   * a lone UTF-16 surrogate (a JSON escape such as {@code "\ud800"}) has no UTF-8 form, so it would be stored as
   * {@code ?}.
   */
  static String text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        throw new IllegalArgumentException("must not contain the NUL character");
      }
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("must not contain an unpaired UTF-16 surrogate");
      }
    }
    return s;
  }

  /** The errors of a nested record's fields, reported under the record's field. */
  public static final class InvalidRecord extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient FieldErrors errors;

    InvalidRecord(FieldErrors errors) {
      super("invalid record");
      this.errors = errors;
    }

    public FieldErrors errors() {
      return errors;
    }
  }

  /** Records a conversion error of {@code field}: a message, or the field errors of a nested record. */
  public static void report(FieldErrors errors, String field, IllegalArgumentException e) {
    if (e instanceof InvalidRecord r) {
      errors.nested(field, r.errors());
    } else {
      errors.add(field, e.getMessage());
    }
  }

  /** A nested record's fields, for its generated {@code input} converter. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object v) {
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a record");
    }
    return (Map<String, Object>) v;
  }

  /** Throws the errors of a nested record, if there is any. */
  public static void throwIfAny(FieldErrors errors) {
    if (!errors.isEmpty()) {
      throw new InvalidRecord(errors);
    }
  }

  public static UUID uuid(Object v) {
    if (v == null) {
      return null;
    }
    try {
      return Values.parseUuid(string(v));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a valid UUID");
    }
  }

  public static Integer integer(Object v, boolean form) {
    Long l = bigint(v, form, "expected an integer");
    if (l == null) {
      return null;
    }
    if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("expected an integer between " + Integer.MIN_VALUE + " and "
          + Integer.MAX_VALUE);
    }
    return l.intValue();
  }

  public static Long bigint(Object v, boolean form) {
    return bigint(v, form, "expected an integer");
  }

  private static Long bigint(Object v, boolean form, String message) {
    if (v == null) {
      return null;
    }
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger) {
      throw new IllegalArgumentException(message + " (out of range)");
    }
    if (form && v instanceof String s) {
      try {
        return Long.parseLong(formNumber(s));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(message);
      }
    }
    throw new IllegalArgumentException(message);
  }

  /**
   * The form text of a number: ASCII only, as {@code Long.parseLong} and {@code BigDecimal} would also take other
   * scripts' digits ({@code "١٠"} is 10 to them).
   */
  private static String formNumber(String s) {
    String stripped = s.strip();
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (c > 0x7e || c < 0x20) {
        throw new NumberFormatException();
      }
    }
    return stripped;
  }

  /** A double precision number; refused unless the double is exactly the number sent (read back identical). */
  public static Double number(Object v, boolean form) {
    BigDecimal d = decimal(v, form);
    if (d == null) {
      return null;
    }
    // more digits than a double can hold: checked before the conversion, which would cost time on huge exponents
    BigDecimal digits = d.stripTrailingZeros();
    if (digits.precision() > 17 || Math.abs((long) digits.precision() - digits.scale()) > 330) {
      throw new IllegalArgumentException(NOT_A_DOUBLE);
    }
    double value = d.doubleValue();
    if (Double.isInfinite(value) || new BigDecimal(Double.toString(value)).compareTo(d) != 0) {
      throw new IllegalArgumentException(NOT_A_DOUBLE);
    }
    return value;
  }

  static final String NOT_A_DOUBLE =
      "expected a number that a double holds exactly (at most 17 significant digits, magnitude 4.9e-324 to 1.8e308)";

  public static BigDecimal decimal(Object v, boolean form) {
    if (v == null) {
      return null;
    }
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Integer || v instanceof Long) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (form && v instanceof String s) {
      try {
        return new BigDecimal(formNumber(s));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number");
      }
    }
    throw new IllegalArgumentException("expected a number");
  }

  public static Boolean bool(Object v, boolean form) {
    if (v == null || v instanceof Boolean) {
      return (Boolean) v;
    }
    if (form && v instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    throw new IllegalArgumentException("expected a boolean");
  }

  /** Timestamps are epoch seconds, as in Kong (fractions allowed). */
  public static Instant instant(Object v, boolean form) {
    BigDecimal seconds;
    try {
      seconds = decimal(v, form);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a timestamp in epoch seconds");
    }
    if (seconds == null) {
      return null;
    }
    // digits before the point: more than 18 is beyond any Instant; checked before any rescaling, which would cost
    // time and memory in the exponent ("1e999999999", "1e-999999999")
    int integerDigits = seconds.precision() - seconds.scale();
    if (integerDigits > 18) {
      throw new IllegalArgumentException(TIMESTAMP_RANGE);
    }
    // the store keeps microseconds: a finer fraction would be silently cut
    if (seconds.stripTrailingZeros().scale() > 6) {
      throw new IllegalArgumentException(TIMESTAMP_PRECISION);
    }
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    if (whole.compareTo(MIN_EPOCH_SECOND) < 0 || whole.compareTo(MAX_EPOCH_SECOND) > 0) {
      throw new IllegalArgumentException(TIMESTAMP_RANGE);
    }
    return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValueExact());
  }

  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the years every store and the JSON of every client agree on. */
  private static final BigDecimal MIN_EPOCH_SECOND = BigDecimal.valueOf(-62135596800L);
  private static final BigDecimal MAX_EPOCH_SECOND = BigDecimal.valueOf(253402300799L);
  static final String TIMESTAMP_PRECISION = "expected a timestamp in epoch seconds with at most 6 decimal places "
      + "(microseconds, as stored)";
  static final String TIMESTAMP_RANGE = "expected a timestamp in epoch seconds between -62135596800 "
      + "(0001-01-01T00:00:00Z) and 253402300799 (9999-12-31T23:59:59Z)";
  private static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
  private static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

  /** A ttl in whole seconds, as Kong's {@code ttl} field: 0 clears it; null leaves it unset. */
  public static java.time.Duration seconds(Object v, boolean form) {
    Long seconds = bigint(v, form, "expected a number of seconds");
    if (seconds == null) {
      return null;
    }
    if (seconds < 0 || seconds > 100L * 365 * 24 * 3600) {
      throw new IllegalArgumentException("must be between 0 and 3153600000 seconds");
    }
    return java.time.Duration.ofSeconds(seconds);
  }

  public static LocalDate date(Object v) {
    if (v == null) {
      return null;
    }
    LocalDate date;
    try {
      date = Values.parseDate(string(v));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected a date (YYYY-MM-DD)");
    }
    // outside years 1 to 9999 the driver and PostgreSQL disagree on calendars (4713 BC came back as year -999999999)
    if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new IllegalArgumentException("expected a date between 0001-01-01 and 9999-12-31");
    }
    return date;
  }

  public static <T extends Enum<T>> T enumValue(Object v, Class<T> type) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      for (T constant : type.getEnumConstants()) {
        if (constant.name().equals(s)) {
          return constant;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (T constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw new IllegalArgumentException("expected one of: " + String.join(", ", names));
  }

  private static <T> List<T> list(Object v, Function<Object, T> element) {
    if (v == null) {
      return null;
    }
    List<?> in = v instanceof List<?> l ? l : v instanceof String s ? List.of(s) : null;
    if (in == null) {
      throw new IllegalArgumentException("expected an array");
    }
    List<T> out = new ArrayList<>(in.size());
    for (Object item : in) {
      if (item == null) {
        throw new IllegalArgumentException("expected an array without null elements");
      }
      out.add(element.apply(item));
    }
    return Collections.unmodifiableList(out);
  }

  /** Strict JSON arrays; a single form value counts as a one-element array. */
  public static <T> List<T> list(Object v, boolean form, Function<Object, T> element) {
    if (v instanceof String && !form) {
      throw new IllegalArgumentException("expected an array");
    }
    return list(v, element);
  }

  public static <T> Set<T> set(Object v, boolean form, Function<Object, T> element) {
    List<T> list = list(v, form, element);
    return list == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(list));
  }

  public static <T> Map<String, T> map(Object v, Function<Object, T> value) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> in)) {
      throw new IllegalArgumentException("expected a map");
    }
    Map<String, T> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : in.entrySet()) {
      String key = (String) e.getKey();
      try {
        text(key);
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException("invalid key: " + bad.getMessage());
      }
      out.put(key, value.apply(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** A foreign key as Kong writes it: {@code {"id": "…"}}; returns the key value (still to be typed). */
  public static Object foreign(Object v, String keyName) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?> ref) || !ref.containsKey(keyName) || ref.size() != 1) {
      throw new IllegalArgumentException("expected a foreign key: {\"" + keyName + "\": …}");
    }
    Object key = ref.get(keyName);
    if (key == null) {
      throw new IllegalArgumentException("expected a foreign key: {\"" + keyName + "\": …}");
    }
    return key;
  }

  /** A nested record, read by its generated codec from the tree. */
  public static <T> T record(Object v, Json.Reader<T> reader) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a record");
    }
    StringWriter text = new StringWriter();
    try (var g = Json.FACTORY.createGenerator(text)) {
      Json.writeTree(g, v);
    } catch (IOException e) {
      throw new IllegalArgumentException("expected a record");
    }
    try {
      return Json.read(text.toString(), reader);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String message = cause instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? j.getOriginalMessage() : "expected a record";
      throw new IllegalArgumentException(message);
    }
  }

}
