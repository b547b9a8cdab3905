package dev.daogen.store.postgres;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.internal.Values;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL's errors as Kong's: unique and primary key violations name the fields and values, foreign key violations
 * the reference, anything else is a database error without SQL text.
 *
 * @param <E> the entity
 */
final class PostgresErrors<E> {
  private final EntitySchema<E> schema;

  PostgresErrors(EntitySchema<E> schema) {
    this.schema = schema;
  }

  /**
   * The error a failed statement means.
   *
   * @param entity the row being written, or null
   * @param deleting whether the statement deleted (a foreign key violation then means "still referenced")
   */
  DaoException translate(SQLException e, E entity, boolean deleting) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    String constraint = server == null ? null : server.getConstraint();
    if (state.equals("23505") && constraint != null) {
      if (constraint.equals(schema.primaryKeyConstraint())) {
        return keyViolation(ErrorCode.PRIMARY_KEY_VIOLATION, "primary key violation on key '%s'",
            schema.primaryKey(), entity, e);
      }
      List<FieldSchema<E>> fields = schema.uniqueConstraints().get(constraint);
      if (fields != null) {
        return keyViolation(ErrorCode.UNIQUE_VIOLATION, "UNIQUE violation detected on '%s'", fields, entity, e);
      }
    }
    if (state.equals("23503")) {
      String table = server == null ? null : server.getTable();
      if (deleting || (table != null && !table.equals(schema.name()))) {
        String child = table == null ? "unknown" : table;
        return new DaoException(ErrorCode.FOREIGN_KEY_VIOLATION,
            "an existing '" + child + "' entity references this '" + schema.name() + "' entity",
            Map.of("@referenced_by", child), e);
      }
      FieldSchema<E> field = constraint == null ? null : schema.foreignKeyConstraints().get(constraint);
      if (field != null) {
        Object value = entity == null ? null : field.get(entity);
        String message = "the foreign key '" + Values.describeKey(new String[] {"id"}, new Object[] {value})
            + "' does not reference an existing '" + field.foreignEntity() + "' entity.";
        return new DaoException(ErrorCode.FOREIGN_KEY_VIOLATION, message, Map.of(field.jsonName(), message), e);
      }
    }
    if (state.startsWith("22") || state.equals("23514") || state.equals("23502")) {
      // a value the database refuses (out of range, NUL characters, …): the input's fault, not the server's
      return new DaoException(ErrorCode.SCHEMA_VIOLATION,
          "schema violation (a value is not accepted by the database, SQLSTATE " + state + ")", Map.of(), e);
    }
    return DaoException.databaseError(e);
  }

  /** The key or unique violation a row that holds some of the entity's unique values makes; null if none. */
  DaoException violation(List<E> holders, E entity) {
    for (E holder : holders) {
      if (sameValues(schema.primaryKey(), holder, entity)) {
        return keyViolation(ErrorCode.PRIMARY_KEY_VIOLATION, "primary key violation on key '%s'",
            schema.primaryKey(), entity, null);
      }
      for (List<FieldSchema<E>> unique : schema.uniqueConstraints().values()) {
        if (sameValues(unique, holder, entity)) {
          return keyViolation(ErrorCode.UNIQUE_VIOLATION, "UNIQUE violation detected on '%s'", unique, entity, null);
        }
      }
    }
    return null;
  }

  private static <E> boolean sameValues(List<FieldSchema<E>> fields, E a, E b) {
    for (FieldSchema<E> f : fields) {
      if (!Objects.equals(f.get(a), f.get(b))) {
        return false;
      }
    }
    return true;
  }

  private DaoException keyViolation(
      ErrorCode code, String format, List<FieldSchema<E>> fields, E entity, SQLException cause) {
    String[] names = new String[fields.size()];
    Object[] values = new Object[fields.size()];
    Map<String, Object> byField = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      FieldSchema<E> f = fields.get(i);
      names[i] = f.jsonName();
      values[i] = entity == null ? null : f.get(entity);
      byField.put(f.jsonName(), Values.text(values[i]));
    }
    return new DaoException(code, String.format(format, Values.describeKey(names, values)), byField, cause);
  }
}
