package dev.daogen.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands DAOs the connection to work on: the current transaction's, if this thread is inside one, else one from the
 * pool; and runs work registered with {@link #afterCommit} once the data is committed (never after a rollback).
 * The PostgreSQL store's transactions, bound to the calling thread; {@code Database.transaction} runs on them. For the
 * runtime; not API.
 */
public final class Connections {
  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** The transaction a thread is in: its connection, and what to do once it commits. */
  private static final class Tx {
    final Connection connection;
    final List<Runnable> afterCommit = new ArrayList<>();

    Tx(Connection connection) {
      this.connection = connection;
    }
  }

  private final DataSource dataSource;
  private final ThreadLocal<Tx> current = new ThreadLocal<>();

  Connections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Whether this thread is inside a transaction. */
  public boolean inTransaction() {
    return current.get() != null;
  }

  /**
   * Runs {@code action} once the current transaction commits, or at once when the thread is not in a transaction
   * (auto-commit work has committed when it returns). Dropped on rollback.
   */
  public void afterCommit(Runnable action) {
    Tx tx = current.get();
    if (tx == null) {
      runQuietly(action);
    } else {
      tx.afterCommit.add(action);
    }
  }

  /** Runs {@code work} on the current transaction's connection, or on a pooled one in auto-commit mode. */
  public <T> T withConnection(Work<T> work) throws SQLException {
    Tx tx = current.get();
    if (tx != null) {
      return work.run(tx.connection);
    }
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    }
  }

  /** Runs {@code work} atomically: joins the current transaction or runs in a new one. */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    Tx joined = current.get();
    if (joined != null) {
      return work.run(joined.connection);
    }
    try (Connection c = dataSource.getConnection()) {
      Tx tx = begin(c);
      try {
        T result = work.run(c);
        c.commit();
        finish(tx);
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        end(c);
      }
    }
  }

  /**
   * Runs a caller's unit of work atomically: joins the current transaction or runs in a new one, which commits when
   * {@code work} returns and rolls back when it throws. Whatever {@code work} throws propagates unchanged, and so do
   * the SQLExceptions of the transaction itself (connecting, committing).
   */
  public <T> T transaction(Callable<T> work) throws Exception {
    if (current.get() != null) {
      return work.call();
    }
    try (Connection c = dataSource.getConnection()) {
      Tx tx = begin(c);
      try {
        T result = work.call();
        c.commit();
        finish(tx);
        return result;
      } catch (Exception | Error e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        end(c);
      }
    }
  }

  private Tx begin(Connection c) throws SQLException {
    c.setAutoCommit(false);
    Tx tx = new Tx(c);
    current.set(tx);
    return tx;
  }

  private void finish(Tx tx) {
    current.remove();
    for (Runnable action : tx.afterCommit) {
      runQuietly(action);
    }
  }

  private void end(Connection c) throws SQLException {
    current.remove();
    c.setAutoCommit(true);
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      // a listener's failure must not turn a committed write into an error
      LOG.error("after-commit action failed", e);
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException suppressed) {
      cause.addSuppressed(suppressed);
    }
  }
}
