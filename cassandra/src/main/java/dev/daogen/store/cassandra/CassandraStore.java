package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.ClusterTransport;
import dev.daogen.migrate.MigrationStore;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Store;
import dev.daogen.store.StoreMapping;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cassandra store: the plugins' DAOs on a keyspace, through a driver session. Each DAO write is atomic on its own
 * row (lightweight transactions); there are no multi-statement transactions, so {@code db.transaction} is refused,
 * and the engine checks foreign keys and performs cascades. Cache invalidations travel through the polled {@code
 * cluster_events} table, as on Kong's Cassandra strategy.
 *
 * <pre>{@code
 * CqlSession session = CqlSession.builder().addContactPoint(...).withLocalDatacenter("dc1").build();
 * Database db = Database.connect(CassandraStore.create(session, "daogen", 3), DaoSettings.DEFAULTS,
 *     CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.POLL, Duration.ofSeconds(5)));
 * }</pre>
 */
public final class CassandraStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraStore.class);

  private final CqlSession session;
  private final String keyspace;
  private final boolean ownsSession;

  private CassandraStore(CqlSession session, String keyspace, boolean ownsSession) {
    this.session = session;
    this.keyspace = keyspace;
    this.ownsSession = ownsSession;
  }

  /**
   * A store on {@code keyspace}, created if missing ({@code SimpleStrategy} with this replication factor), which the
   * session then uses. Closing the store closes the session.
   */
  public static CassandraStore create(CqlSession session, String keyspace, int replicationFactor) {
    String ks = CqlIdentifier.fromInternal(keyspace).asCql(true);
    session.execute(SimpleStatement.newInstance("CREATE KEYSPACE IF NOT EXISTS " + ks
        + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor + "}")
        .setTimeout(Duration.ofSeconds(30)));
    session.execute("USE " + ks);
    return new CassandraStore(session, keyspace, true);
  }

  /** The session the store runs on (its keyspace in use). */
  public CqlSession session() {
    return session;
  }

  /** The keyspace the plugins' tables live in. */
  public String keyspace() {
    return keyspace;
  }

  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public <E> EntityStore<E> open(StoreMapping<E> mapping) {
    if (!(mapping instanceof CassandraMapping<E> cassandra)) {
      throw new IllegalArgumentException("entity " + mapping.schema().name()
          + " was not generated for the cassandra store (processor option -Adaogen.stores=postgres,cassandra)");
    }
    return new CassandraEntityStore<>(session, cassandra);
  }

  /** Runs {@code work} as it is: each write in it is atomic on its own (Cassandra has no transactions). */
  @Override
  public <T> T atomically(Supplier<T> work) {
    return work.get();
  }

  /** At once: there is no transaction to wait for. */
  @Override
  public void afterCommit(Runnable action) {
    action.run();
  }

  @Override
  public <T> T transaction(Callable<T> work) {
    throw new UnsupportedOperationException("db.transaction is not supported on Cassandra: it has no multi-statement"
        + " transactions (nor had Kong's Cassandra strategy); each DAO call is atomic on its own row");
  }

  @Override
  public boolean enforcesForeignKeys() {
    return false;
  }

  /** Polls {@code cluster_events} (Cassandra has no notifications); OFF sends nothing. */
  @Override
  public ClusterTransport clusterTransport(CacheSettings settings) {
    return settings.cluster() == CacheSettings.Cluster.OFF ? ClusterTransport.NONE
        : new CassandraClusterTransport(session, settings.pollInterval());
  }

  @Override
  public MigrationStore migrations() {
    return new CassandraMigrationStore(session);
  }

  @Override
  public boolean reachable(Duration timeout) {
    try {
      return session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local")
          .setTimeout(timeout)).one() != null;
    } catch (DriverException e) {
      LOG.warn("Cassandra unreachable: {}", e.toString());
      return false;
    }
  }

  @Override
  public void close() {
    if (ownsSession) {
      session.close();
    }
  }
}
