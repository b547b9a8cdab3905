package dev.daogen.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Migrations on PostgreSQL: SQL files, {@code schema_meta} as a table, and an advisory lock; each migration part runs
 * in one transaction with its bookkeeping.
 */
public final class PostgresMigrationStore implements MigrationStore {
  private final DataSource dataSource;

  public PostgresMigrationStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String fileExtension() {
    return "sql";
  }

  @Override
  public Map<String, Recorded> recorded() {
    try (Connection c = dataSource.getConnection()) {
      return SchemaMeta.recorded(c);
    } catch (SQLException e) {
      throw new MigrationException("cannot read the schema state: " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T locked(Duration timeout, Function<Session, T> work) {
    return MigrationLock.locked(dataSource, timeout, c -> work.apply(new SqlSession(c)));
  }

  /** A session on the locked connection; SQL errors end the command as {@link MigrationException}s. */
  private record SqlSession(Connection c) implements Session {
    @Override
    public Map<String, Recorded> recorded() {
      try {
        return SchemaMeta.recorded(c);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public void createMeta() {
      try {
        SchemaMeta.create(c);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public void drop(List<String> tables) {
      try {
        SchemaReset.drop(c, tables);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public void runUp(Migration m, boolean withTeardown) {
      try {
        MigrationSteps.runUp(c, m, withTeardown);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    @Override
    public void runTeardown(Migration m) {
      try {
        MigrationSteps.runTeardown(c, m);
      } catch (SQLException e) {
        throw failed(e);
      }
    }

    private static MigrationException failed(SQLException e) {
      return new MigrationException("database error while migrating: " + e.getMessage(), e);
    }
  }
}
