package dev.daogen.engine;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.schema.EntitySchema;
import dev.daogen.store.Lookup;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Kong's checks of a DAO call's arguments, before any store is asked: lookup values and ttl options. */
final class Rules {
  private Rules() {}

  /** Kong's errors for missing lookup values: an invalid primary key, or an invalid unique value. */
  static void require(Lookup lookup, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        String field = lookup.fields().get(i);
        if (lookup.kind() == Lookup.Kind.UNIQUE) {
          throw new DaoException(ErrorCode.INVALID_UNIQUE, "invalid unique " + field + ": missing value",
              Map.of(field, "missing value"));
        }
        requireKey(null, field);
      }
    }
  }

  /** Kong's invalid primary key error when a key value is missing. */
  static void requireKey(Object value, String field) {
    if (value == null) {
      throw new DaoException(ErrorCode.INVALID_PRIMARY_KEY,
          "invalid primary key: '{" + field + "=\"missing primary key\"}'", Map.of(field, "missing primary key"));
    }
  }

  /** The expiry of a ttl: null or zero clears it. */
  static Instant expiry(EntitySchema<?> schema, Duration ttl) {
    if (ttl == null || ttl.isZero()) {
      return null;
    }
    if (!schema.ttl()) {
      throw new DaoException(ErrorCode.INVALID_OPTIONS,
          "invalid option (ttl: cannot be used on '" + schema.name() + "' entities)",
          Map.of("ttl", "cannot be used on '" + schema.name() + "' entities"));
    }
    if (ttl.isNegative()) {
      throw new DaoException(ErrorCode.INVALID_OPTIONS, "invalid option (ttl: must be positive)",
          Map.of("ttl", "must be positive"));
    }
    return Instant.now().plus(ttl);
  }
}
