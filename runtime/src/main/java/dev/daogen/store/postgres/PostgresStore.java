package dev.daogen.store.postgres;

import dev.daogen.dao.DaoException;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Store;
import dev.daogen.store.StoreMapping;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** The PostgreSQL store: JDBC through the database's pool, transactions bound to the calling thread. */
public final class PostgresStore implements Store {
  private final Connections connections;

  /** A store on this pool; it owns the thread-bound transactions on it. */
  public PostgresStore(DataSource dataSource) {
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
}
