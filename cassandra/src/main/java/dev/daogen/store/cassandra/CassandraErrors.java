package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** The driver's errors as Kong's: a database error that names what happened, never the CQL. */
final class CassandraErrors {
  private CassandraErrors() {}

  static ResultSet execute(CqlSession session, Statement<?> statement) {
    try {
      return session.execute(statement);
    } catch (DriverException e) {
      throw databaseError(e);
    }
  }

  static <T> T join(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof DriverException d) {
        throw databaseError(d);
      }
      throw e;
    }
  }

  static DaoException databaseError(DriverException e) {
    return new DaoException(ErrorCode.DATABASE_ERROR, "database error (Cassandra: " + kind(e) + ")", Map.of(), e);
  }

  /** What went wrong, in words (the exception's class name without "Exception", spaced). */
  private static String kind(DriverException e) {
    String name = e.getClass().getSimpleName().replace("Exception", "");
    return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }

  /** A conditional write that kept losing to other writers of the same row. */
  static DaoException contention(String entity) {
    return new DaoException(ErrorCode.DATABASE_ERROR,
        "database error (Cassandra: too many concurrent writers of one '" + entity + "' row; retry)");
  }
}
