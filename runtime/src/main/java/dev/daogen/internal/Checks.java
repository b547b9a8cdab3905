package dev.daogen.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks that generated validation code calls: Jakarta constraints and Kong's entity checks, turned into plain
 * method calls at compile time. Messages follow Kong's wording.
 */
public final class Checks {
  public static final String REQUIRED = "required field missing";
  public static final String IMMUTABLE = "immutable field cannot be updated";

  private Checks() {}

  /** Records "required field missing" when {@code value} is null. Returns whether the value is present. */
  public static boolean required(FieldErrors errors, String field, Object value) {
    if (value == null) {
      errors.add(field, REQUIRED);
      return false;
    }
    return true;
  }

  public static void size(FieldErrors errors, String field, CharSequence value, long min, long max) {
    if (value != null) {
      length(errors, field, value.length(), min, max);
    }
  }

  public static void size(FieldErrors errors, String field, Collection<?> value, long min, long max) {
    if (value != null) {
      length(errors, field, value.size(), min, max);
    }
  }

  public static void size(FieldErrors errors, String field, Map<?, ?> value, long min, long max) {
    if (value != null) {
      length(errors, field, value.size(), min, max);
    }
  }

  private static void length(FieldErrors errors, String field, int length, long min, long max) {
    if (length < min) {
      errors.add(field, "length must be at least " + min);
    } else if (length > max) {
      errors.add(field, "length must be at most " + max);
    }
  }

  public static void min(FieldErrors errors, String field, Number value, long min) {
    if (value != null && compare(value, min) < 0) {
      errors.add(field, "value must be at least " + min);
    }
  }

  public static void max(FieldErrors errors, String field, Number value, long max) {
    if (value != null && compare(value, max) > 0) {
      errors.add(field, "value must be at most " + max);
    }
  }

  public static void positive(FieldErrors errors, String field, Number value) {
    if (value != null && compare(value, 0) <= 0) {
      errors.add(field, "value must be greater than 0");
    }
  }

  private static int compare(Number value, long bound) {
    if (value instanceof BigDecimal d) {
      return d.compareTo(BigDecimal.valueOf(bound));
    }
    if (value instanceof Double || value instanceof Float) {
      return Double.compare(value.doubleValue(), bound);
    }
    return Long.compare(value.longValue(), bound);
  }

  /** {@code @Pattern}: the whole value must match, as in Jakarta Bean Validation. */
  public static void pattern(FieldErrors errors, String field, CharSequence value, Pattern pattern) {
    if (value != null && !pattern.matcher(value).matches()) {
      errors.add(field, "invalid value '" + abbreviate(value) + "': must match the pattern '" + pattern.pattern() + "'");
    }
  }

  public static void notBlank(FieldErrors errors, String field, CharSequence value) {
    if (value != null && value.toString().isBlank()) {
      errors.add(field, "must not be blank");
    }
  }

  public static void email(FieldErrors errors, String field, CharSequence value) {
    if (value != null && !isEmail(value)) {
      errors.add(field, "invalid email address '" + abbreviate(value) + "'");
    }
  }

  /**
   * A pragmatic address check: one {@code @}, no whitespace, a dot in the domain and no empty label. One pass, no
   * regular expression: a repeated group over a long domain overflowed the regex engine's stack.
   */
  static boolean isEmail(CharSequence value) {
    int at = -1;
    int labelStart = -1;
    int dots = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        return false;
      }
      if (c == '@') {
        if (at >= 0 || i == 0) {
          return false;
        }
        at = i;
        labelStart = i + 1;
      } else if (c == '.' && at >= 0) {
        if (i == labelStart) {
          return false;
        }
        dots++;
        labelStart = i + 1;
      }
    }
    return at >= 0 && dots > 0 && labelStart < value.length();
  }

  /** Whether a value counts as set for entity checks: not null, and not an empty string, collection or map. */
  public static boolean isSet(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  private static int countSet(Object[] values) {
    int n = 0;
    for (Object v : values) {
      if (isSet(v)) {
        n++;
      }
    }
    return n;
  }

  /** {@code @AtLeastOneOf}; {@code names} is the quoted list, e.g. {@code 'username', 'custom_id'}. */
  public static void atLeastOneOf(FieldErrors errors, String names, Object... values) {
    if (countSet(values) == 0) {
      errors.entity("at least one of these fields must be non-empty: " + names);
    }
  }

  /** {@code @OnlyOneOf}: exactly one set. */
  public static void onlyOneOf(FieldErrors errors, String names, Object... values) {
    if (countSet(values) != 1) {
      errors.entity("exactly one of these fields must be non-empty: " + names);
    }
  }

  /** {@code @MutuallyRequired}: all or none. */
  public static void mutuallyRequired(FieldErrors errors, String names, Object... values) {
    int n = countSet(values);
    if (n != 0 && n != values.length) {
      errors.entity("all or none of these fields must be set: " + names);
    }
  }

  /** {@code @MutuallyExclusive}: at most one. */
  public static void mutuallyExclusive(FieldErrors errors, String names, Object... values) {
    if (countSet(values) > 1) {
      errors.entity("only one or none of these fields must be set: " + names);
    }
  }

  /** Cuts user input that is echoed in a message. */
  public static String abbreviate(CharSequence value) {
    return value.length() <= 64 ? value.toString() : value.subSequence(0, 61) + "...";
  }
}
