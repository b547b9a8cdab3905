package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One of an entity's CQL statements, prepared once when the store opens the entity, with its parameters resolved to
 * codes: binding is a loop over ints, never a lookup by name.
 */
final class Prepared {
  /** Parameter codes below 0: the special parameters of {@link Cql}. */
  static final int TTL = -1;
  static final int VERSION = -2;
  static final int OLD_VERSION = -3;
  static final int UNIQUE_NAME = -4;
  static final int UNIQUE_VALUE = -5;
  static final int OWNER = -6;
  static final int OLD_OWNER = -7;
  static final int EXPIRES_AT = -8;

  final String name;
  final PreparedStatement statement;
  private final int[] params;

  private Prepared(String name, PreparedStatement statement, int[] params) {
    this.name = name;
    this.statement = statement;
    this.params = params;
  }

  /**
   * Prepares a statement; a parameter names a column ({@code columns}: components, then the hidden cache key) or a
   * special parameter.
   */
  static Prepared of(CqlSession session, String name, Cql cql, List<String> columns) {
    int[] codes = new int[cql.params().size()];
    for (int i = 0; i < codes.length; i++) {
      String p = cql.params().get(i);
      codes[i] = switch (p) {
        case Cql.TTL -> TTL;
        case Cql.VERSION -> VERSION;
        case Cql.OLD_VERSION -> OLD_VERSION;
        case Cql.UNIQUE_NAME -> UNIQUE_NAME;
        case Cql.UNIQUE_VALUE -> UNIQUE_VALUE;
        case Cql.OWNER -> OWNER;
        case Cql.OLD_OWNER -> OLD_OWNER;
        case "ttl" -> EXPIRES_AT;
        default -> {
          int column = columns.indexOf(p);
          if (column < 0) {
            throw new IllegalStateException("statement '" + name + "' binds an unknown column " + p);
          }
          yield column;
        }
      };
    }
    return new Prepared(name, session.prepare(cql.text()), codes);
  }

  /** The values a write binds. */
  record Values(Object[] row, int ttlSeconds, Instant expiresAt, UUID version, UUID oldVersion) {}

  /** Binds a write: row columns (already in the driver's types) and the special values. */
  BoundStatement bind(Values v) {
    Object[] out = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      int p = params[i];
      out[i] = switch (p) {
        case TTL -> v.ttlSeconds();
        case VERSION -> v.version();
        case OLD_VERSION -> v.oldVersion();
        case EXPIRES_AT -> v.expiresAt();
        default -> {
          if (p < 0) {
            throw new IllegalStateException("statement '" + name + "' takes a claim parameter");
          }
          yield v.row()[p];
        }
      };
    }
    return statement.bind(out);
  }

  /** Binds a lookup, a filter or a key: the values in order (already in the driver's types). */
  BoundStatement bindValues(Object... values) {
    if (values.length != params.length) {
      throw new IllegalStateException("statement '" + name + "' takes " + params.length + " values, not "
          + values.length);
    }
    return statement.bind(values);
  }

  /** Binds a claim statement. */
  BoundStatement bindClaim(String unique, String value, String owner, String oldOwner, int ttlSeconds) {
    Object[] out = new Object[params.length];
    for (int i = 0; i < params.length; i++) {
      out[i] = switch (params[i]) {
        case UNIQUE_NAME -> unique;
        case UNIQUE_VALUE -> value;
        case OWNER -> owner;
        case OLD_OWNER -> oldOwner;
        case TTL -> ttlSeconds;
        default -> throw new IllegalStateException("statement '" + name + "' binds a row column");
      };
    }
    return statement.bind(out);
  }
}
