package dev.daogen.internal;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects every field error of one write, so that all of them are reported together (Kong's schema violations).
 * The first error of a field wins; entity-level errors go under {@code @entity}.
 */
public final class FieldErrors {
  /** The key of entity-level errors. */
  public static final String ENTITY = "@entity";

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> entity = new ArrayList<>();

  /** Records an error on a field (snake_case name); keeps the first one. */
  public void add(String field, String message) {
    fields.putIfAbsent(field, message);
  }

  /** Records the errors of a nested record or foreign key under one field. */
  public void nested(String field, FieldErrors nested) {
    if (!nested.isEmpty()) {
      fields.putIfAbsent(field, nested.toMap());
    }
  }

  /** Records an entity-level error. */
  public void entity(String message) {
    entity.add(message);
  }

  /** Whether a field already has an error. */
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  public boolean isEmpty() {
    return fields.isEmpty() && entity.isEmpty();
  }

  /** The errors as field → message (or nested map), plus {@code @entity} → list of messages. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>(fields);
    if (!entity.isEmpty()) {
      out.put(ENTITY, List.copyOf(entity));
    }
    return out;
  }

  /** Throws a schema violation carrying every recorded error, if there is any. */
  public void throwIfAny() {
    if (!isEmpty()) {
      throw schemaViolation(toMap());
    }
  }

  /** A schema violation with Kong's message: {@code schema violation (name: required field missing; …)}. */
  public static DaoException schemaViolation(Map<String, Object> fields) {
    StringBuilder sb = new StringBuilder("schema violation (");
    describe(sb, "", fields);
    sb.setLength(sb.length() - 2);
    return new DaoException(ErrorCode.SCHEMA_VIOLATION, sb.append(')').toString(), fields);
  }

  private static void describe(StringBuilder sb, String prefix, Map<String, ?> fields) {
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> nested) {
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) nested;
        describe(sb, prefix + e.getKey() + ".", typed);
      } else if (v instanceof List<?> list) {
        for (Object m : list) {
          sb.append(m).append("; ");
        }
      } else {
        sb.append(prefix).append(e.getKey()).append(": ").append(v).append("; ");
      }
    }
  }
}
