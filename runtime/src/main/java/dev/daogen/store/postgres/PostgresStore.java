package dev.daogen.store.postgres;

import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.ClusterTransport;
import dev.daogen.dao.DaoException;
import dev.daogen.migrate.MigrationStore;
import dev.daogen.migrate.PostgresMigrationStore;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Store;
import dev.daogen.store.StoreMapping;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL store: JDBC through the database's pool, transactions bound to the calling thread. */
public final class PostgresStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

  private final DataSource dataSource;
  private final Connections connections;

  /** A store on this pool; it owns the thread-bound transactions on it. */
  public PostgresStore(DataSource dataSource) {
    this.dataSource = dataSource;
    this.connections = new Connections(dataSource);
  }

  /** The store's transactions: the connection of the thread's transaction, or the pool. For the runtime; not API. */
  public Connections connections() {
    return connections;
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public <E> EntityStore<E> open(StoreMapping<E> mapping) {
    if (!(mapping instanceof PostgresMapping<E> pg)) {
      throw new IllegalArgumentException("entity " + mapping.schema().name()
          + " was not generated for the postgres store (processor option -Adaogen.stores)");
    }
    return new PostgresEntityStore<>(pg, connections);
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    try {
      return connections.inTransaction(c -> work.get());
    } catch (SQLException e) {
      throw DaoException.databaseError(e);
    }
  }

  @Override
  public void afterCommit(Runnable action) {
    connections.afterCommit(action);
  }

  @Override
  public <T> T transaction(Callable<T> work) throws Exception {
    return connections.transaction(work);
  }

  @Override
  public boolean enforcesForeignKeys() {
    return true;
  }

  @Override
  public ClusterTransport clusterTransport(CacheSettings settings) {
    return switch (settings.cluster()) {
      case NOTIFY -> new NotifyTransport(dataSource);
      case POLL -> new PollTransport(dataSource, settings.pollInterval());
      case OFF -> ClusterTransport.NONE;
    };
  }

  @Override
  public MigrationStore migrations() {
    return new PostgresMigrationStore(dataSource);
  }

  @Override
  public boolean reachable(Duration timeout) {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid((int) Math.max(1, timeout.toSeconds()));
    } catch (SQLException e) {
      LOG.warn("database unreachable: {}", e.toString());
      return false;
    }
  }
}
