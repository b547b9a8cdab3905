package dev.daogen.dao;

/** The error codes of a {@link DaoException}: Kong's DAO error codes, numbers and names. */
public enum ErrorCode {
  INVALID_PRIMARY_KEY(1, "invalid primary key"),
  SCHEMA_VIOLATION(2, "schema violation"),
  PRIMARY_KEY_VIOLATION(3, "primary key violation"),
  FOREIGN_KEY_VIOLATION(4, "foreign key violation"),
  UNIQUE_VIOLATION(5, "unique constraint violation"),
  NOT_FOUND(6, "not found"),
  INVALID_OFFSET(7, "invalid offset"),
  DATABASE_ERROR(8, "database error"),
  INVALID_SIZE(9, "invalid size"),
  INVALID_UNIQUE(10, "invalid unique"),
  INVALID_OPTIONS(11, "invalid options"),
  OPERATION_UNSUPPORTED(12, "operation unsupported"),
  FOREIGN_KEYS_UNRESOLVED(13, "foreign keys unresolved");

  private final int code;
  private final String errorName;

  ErrorCode(int code, String errorName) {
    this.code = code;
    this.errorName = errorName;
  }

  /** Kong's numeric code. */
  public int code() {
    return code;
  }

  /** Kong's error name, as in {@code {"name": "unique constraint violation"}}. */
  public String errorName() {
    return errorName;
  }
}
