package dev.daogen.db;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Hands DAOs the connection to work on: the current transaction's, if this thread is inside
 * {@link Database#transaction}, else one from the pool. For the runtime and generated code; not API.
 */
public final class Connections {
  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  Connections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether this thread is inside a transaction. */
  public boolean inTransaction() {
    return current.get() != null;
  }

  /** Runs {@code work} on the current transaction's connection, or on a pooled one in auto-commit mode. */
  public <T> T withConnection(Work<T> work) throws SQLException {
    Connection tx = current.get();
    if (tx != null) {
      return work.run(tx);
    }
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    }
  }

  /** Runs {@code work} atomically: joins the current transaction or runs in a new one. */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    Connection tx = current.get();
    if (tx != null) {
      return work.run(tx);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  <T> T transaction(Database db, TransactionWork<T> work) {
    if (current.get() != null) {
      return runJoined(db, work);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      current.set(c);
      try {
        T result = work.run(db);
        c.commit();
        return result;
      } catch (Exception | Error e) {
        rollbackQuietly(c, e);
        throw propagate(e);
      } finally {
        current.remove();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DaoException(ErrorCode.DATABASE_ERROR, "database error (SQLSTATE " + e.getSQLState() + ")",
          java.util.Map.of(), e);
    }
  }

  private static <T> T runJoined(Database db, TransactionWork<T> work) {
    try {
      return work.run(db);
    } catch (Exception e) {
      throw propagate(e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }

  private static RuntimeException propagate(Throwable e) {
    if (e instanceof RuntimeException r) {
      return r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e instanceof SQLException sql) {
      return new DaoException(ErrorCode.DATABASE_ERROR, "database error (SQLSTATE " + sql.getSQLState() + ")",
          java.util.Map.of(), sql);
    }
    return new TransactionException(e);
  }

  /** A checked exception thrown by transaction work, rethrown unchecked after the rollback. */
  public static final class TransactionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TransactionException(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
