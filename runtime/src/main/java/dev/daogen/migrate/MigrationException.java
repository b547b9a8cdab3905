package dev.daogen.migrate;

/** A migration could not be applied, or the database is not in a state where the requested command may run. */
public class MigrationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }

  public MigrationException(String message) {
    super(message);
  }
}
