package dev.daogen.store.postgres;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.support.StoreErrors;
import java.sql.SQLException;
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
        return StoreErrors.primaryKeyViolation(schema, entity, e);
      }
      List<FieldSchema<E>> fields = schema.uniqueConstraints().get(constraint);
      if (fields != null) {
        return StoreErrors.uniqueViolation(fields, entity, e);
      }
    }
    if (state.equals("23503")) {
      String table = server == null ? null : server.getTable();
      if (deleting || (table != null && !table.equals(schema.name()))) {
        return StoreErrors.referencedBy(schema.name(), table == null ? "unknown" : table, e);
      }
      FieldSchema<E> field = constraint == null ? null : schema.foreignKeyConstraints().get(constraint);
      if (field != null) {
        return StoreErrors.missingParent(field, entity == null ? null : field.get(entity), e);
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
        return StoreErrors.primaryKeyViolation(schema, entity, null);
      }
      for (List<FieldSchema<E>> unique : schema.uniqueConstraints().values()) {
        if (sameValues(unique, holder, entity)) {
          return StoreErrors.uniqueViolation(unique, entity, null);
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
}
