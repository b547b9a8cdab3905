package dev.daogen.dao;

import java.util.Map;

/**
 * The one exception a DAO throws: a Kong error code, a Kong-style message and, for field-level problems, the
 * per-field errors. Messages never contain SQL; the underlying database error, if any, is the cause.
 */
public final class DaoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> fields;

  /**
   * @param code what went wrong
   * @param message Kong-style message
   * @param fields field (snake_case name) → message, or a nested map for records and foreign keys, or a list of
   *     messages under {@code @entity}; empty when the error is not about fields
   */
  public DaoException(ErrorCode code, String message, Map<String, Object> fields) {
    this(code, message, fields, null);
  }

  public DaoException(ErrorCode code, String message, Map<String, Object> fields, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.fields = Map.copyOf(fields);
  }

  public DaoException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  /**
   * A database error as clients may see it: the SQLSTATE, never the statement or the server's message (the
   * exception is kept as the cause, for the log).
   */
  public static DaoException databaseError(java.sql.SQLException cause) {
    return new DaoException(ErrorCode.DATABASE_ERROR, "database error (SQLSTATE " + cause.getSQLState() + ")",
        Map.of(), cause);
  }

  /** The error code. */
  public ErrorCode code() {
    return code;
  }

  /** Per-field errors (unmodifiable), keyed by snake_case field name, {@code @entity} or {@code @referenced_by}. */
  public Map<String, Object> fields() {
    return fields;
  }
}
