package dev.daogen.migrate;

/** Another runner held the migration lock for longer than the lock timeout. */
public final class MigrationLockTimeoutException extends MigrationException {
  private static final long serialVersionUID = 1L;

  /** For stores whose lock waited too long (the message says what to do). */
  public MigrationLockTimeoutException(String message) {
    super(message);
  }
}
