package dev.daogen.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.ClusterBus;
import dev.daogen.cache.EntityCache;
import dev.daogen.dao.DaoException;
import dev.daogen.events.EntityEvent;
import dev.daogen.events.Events;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.Migrations;
import dev.daogen.migrate.SchemaState;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import dev.daogen.store.Store;
import dev.daogen.store.postgres.Connections;
import dev.daogen.store.postgres.PostgresStore;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: Kong's {@code kong.db}. Discovers every plugin on the class path and hands out their DAOs.
 *
 * <pre>{@code
 * Database db = Database.connect(dataSource);
 * ConsumerDao consumers = db.dao(ConsumerDao.class);
 * db.transaction(tx -> { consumers.insert(...); credentials.insert(...); return null; });
 * }</pre>
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final DataSource dataSource;
  private final AutoCloseable owned;
  private final DaoSettings settings;
  private final List<PluginModule> plugins;
  private final Map<Class<?>, Function<Database, ?>> factories;
  private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();
  private final Store store;
  private final Events events = new Events();
  private final CacheSettings cacheSettings;
  private final ClusterBus bus;
  private volatile EntityCache cache;
  /** Set once the schema state allowed handing out DAOs; checked again until then (see {@link #dao}). */
  private volatile boolean schemaChecked;

  private Database(Store store, DataSource dataSource, AutoCloseable owned, DaoSettings settings,
      CacheSettings cacheSettings, ClassLoader loader) {
    this.dataSource = dataSource;
    this.owned = owned;
    this.settings = settings;
    this.cacheSettings = cacheSettings;
    this.store = store;
    this.bus = new ClusterBus(store.clusterTransport(cacheSettings), cacheSettings);
    // every committed write invalidates its cache keys here (if this node caches) and on the other nodes
    events.subscribeAll(this::invalidate);
    List<PluginModule> found = new ArrayList<>();
    Map<Class<?>, Function<Database, ?>> byType = new HashMap<>();
    for (PluginModule module : ServiceLoader.load(PluginModule.class, loader)) {
      found.add(module);
      byType.putAll(module.daos());
    }
    this.plugins = List.copyOf(found);
    this.factories = Map.copyOf(byType);
  }

  /** Connects to a data source (bring your own pool) with Kong's default page sizes. */
  public static Database connect(DataSource dataSource) {
    return connect(dataSource, DaoSettings.DEFAULTS);
  }

  /** Connects to a data source with these DAO settings. */
  public static Database connect(DataSource dataSource, DaoSettings settings) {
    return connect(dataSource, settings, CacheSettings.DEFAULTS);
  }

  /** Connects to a data source with these DAO and cache settings. */
  public static Database connect(DataSource dataSource, DaoSettings settings, CacheSettings cacheSettings) {
    return new Database(new PostgresStore(dataSource), dataSource, null, settings, cacheSettings,
        Thread.currentThread().getContextClassLoader());
  }

  /**
   * Connects the plugins' DAOs to another store (e.g. Cassandra's, from {@code daogen-cassandra}); {@link #close()}
   * closes the store.
   */
  public static Database connect(Store store, DaoSettings settings, CacheSettings cacheSettings) {
    return new Database(store, null, store::close, settings, cacheSettings,
        Thread.currentThread().getContextClassLoader());
  }

  /**
   * Opens a HikariCP pool on a JDBC URL (connections wait at most 5 s for the database); {@link #close()} closes it.
   */
  public static Database connect(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("daogen");
    // while the database is down, a request fails after 5 s instead of HikariCP's default 30 s
    config.setConnectionTimeout(5_000);
    HikariDataSource pool = new HikariDataSource(config);
    return new Database(new PostgresStore(pool), pool, pool, DaoSettings.DEFAULTS, CacheSettings.DEFAULTS,
        Thread.currentThread().getContextClassLoader());
  }

  /**
   * The DAO of an entity: {@code db.dao(ConsumerDao.class)}; one instance per database.
   *
   * <p>The first call checks the migrations (one query on {@code schema_meta}; {@code connect} itself never touches
   * the database, so that the migration commands can use it): it refuses while the database needs bootstrapping, has
   * new migrations or a changed one, and logs a warning while teardowns are pending. Once the check passes it is not
   * repeated.
   *
   * @throws MigrationException when the database is not migrated to the plugins on the class path
   */
  public <D> D dao(Class<D> type) {
    if (!schemaChecked) {
      checkSchema();
    }
    Object dao = daos.computeIfAbsent(type, t -> {
      Function<Database, ?> factory = factories.get(t);
      if (factory == null) {
        throw new IllegalArgumentException(t.getName() + " is not a DAO of any plugin on the class path; plugins: "
            + plugins.stream().map(PluginModule::name).toList());
      }
      return factory.apply(this);
    });
    return type.cast(dao);
  }

  /**
   * Runs {@code work} in one transaction: every DAO call made by this thread inside it commits or rolls back
   * together. A nested call joins the outer transaction. Exceptions roll back and propagate: unchecked ones as they
   * are, SQLExceptions as {@link DaoException#databaseError}, other checked ones wrapped in a
   * {@link TransactionException}.
   *
   * @throws UnsupportedOperationException on a store without multi-statement transactions (Cassandra), before
   *     running anything
   */
  public <T> T transaction(TransactionWork<T> work) {
    try {
      return store.transaction(() -> work.run(this));
    } catch (RuntimeException e) {
      throw e;
    } catch (SQLException e) {
      throw DaoException.databaseError(e);
    } catch (Exception e) {
      throw new TransactionException(e);
    }
  }

  /** CRUD events of every entity, delivered after commit. */
  public Events events() {
    return events;
  }

  /** This node's entity cache (started on first use, with its cluster listener). */
  public EntityCache cache() {
    EntityCache c = cache;
    if (c == null) {
      synchronized (this) {
        c = cache;
        if (c == null) {
          c = new EntityCache(cacheSettings, bus);
          cache = c;
        }
      }
    }
    return c;
  }

  private void invalidate(EntityEvent<?> event) {
    EntityCache local = cache;
    if (local != null) {
      local.onEvent(event);
    }
    if (event.operation() == EntityEvent.Operation.TRUNCATE) {
      bus.broadcast(event.entity() + ":" + ClusterBus.WILDCARD);
      return;
    }
    if (event.cacheKey() != null) {
      bus.broadcast(event.cacheKey());
    }
    if (event.oldCacheKey() != null && !event.oldCacheKey().equals(event.cacheKey())) {
      bus.broadcast(event.oldCacheKey());
    }
  }

  /**
   * Starts deleting expired rows of every ttl entity, in batches, every {@code interval}; each deleted row is a
   * delete event, so every node's cache drops it. Close the result to stop.
   */
  public AutoCloseable startTtlCleanup(java.time.Duration interval) {
    return TtlCleanup.start(this, interval);
  }

  private synchronized void checkSchema() {
    if (schemaChecked) {
      return;
    }
    SchemaState state = migrations().state();
    if (state.needsBootstrap()) {
      throw new MigrationException("Database needs bootstrapping: run 'migrations bootstrap' before using the DAOs");
    }
    for (SchemaState.Subsystem s : state.subsystems()) {
      if (!s.changed().isEmpty()) {
        throw new MigrationException("Migrations " + s.changed() + " of subsystem '" + s.name() + "' changed after"
            + " they were executed; restore the published files ('migrations list' shows the state)");
      }
    }
    if (state.hasNew()) {
      List<String> available = new ArrayList<>();
      state.subsystems().forEach(s -> s.available().forEach(m -> available.add(s.name() + ":" + m)));
      throw new MigrationException("Database has new migrations " + available
          + ": run 'migrations up' (then 'migrations finish' once every node runs this version)");
    }
    if (state.hasPending()) {
      List<String> pending = new ArrayList<>();
      state.subsystems().forEach(s -> s.pending().forEach(m -> pending.add(s.name() + ":" + m)));
      LOG.warn("Database has pending migrations {}: run 'migrations finish' once every node runs this version",
          pending);
    }
    schemaChecked = true;
  }

  /** The migrations of every plugin. */
  public Migrations migrations() {
    return new Migrations(store.migrations(), plugins);
  }

  /** The plugins found on the class path. */
  public List<PluginModule> plugins() {
    return plugins;
  }

  /** DAO settings (page sizes). */
  public DaoSettings settings() {
    return settings;
  }

  /** The PostgreSQL pool the DAOs run on; null on another store. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The store the DAOs run on (PostgreSQL through this database's pool, or the one given); for the runtime. */
  public Store store() {
    return store;
  }

  /**
   * The PostgreSQL store's transactions: the connection of the current transaction or the pool. For the runtime; not
   * API.
   *
   * @throws IllegalStateException on another store
   */
  public Connections connections() {
    if (store instanceof PostgresStore pg) {
      return pg.connections();
    }
    throw new IllegalStateException("the DAOs run on " + store.name() + ", not on PostgreSQL");
  }

  /** Stops the cluster threads; closes the pool or store if {@code connect} opened it. */
  @Override
  public void close() {
    bus.close();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        LOG.warn("could not close the database's {} store: {}", store.name(), e.toString());
      }
    }
  }
}
