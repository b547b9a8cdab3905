package dev.daogen.db;

/**
 * A checked exception thrown by the work of {@link Database#transaction(TransactionWork)}, rethrown unchecked after
 * the rollback; its cause is the original exception.
 */
public final class TransactionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TransactionException(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
