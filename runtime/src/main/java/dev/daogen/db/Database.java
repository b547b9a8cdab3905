package dev.daogen.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.cache.CacheSettings;
import dev.daogen.cache.ClusterBus;
import dev.daogen.cache.EntityCache;
import dev.daogen.events.EntityEvent;
import dev.daogen.events.Events;
import dev.daogen.migrate.Migrations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;

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
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final DaoSettings settings;
  private final List<PluginModule> plugins;
  private final Map<Class<?>, Function<Database, ?>> factories;
  private final Map<Class<?>, Object> daos = new ConcurrentHashMap<>();
  private final Connections connections;
  private final Events events = new Events();
  private final CacheSettings cacheSettings;
  private final ClusterBus bus;
  private volatile EntityCache cache;

  private Database(DataSource dataSource, HikariDataSource ownedPool, DaoSettings settings,
      CacheSettings cacheSettings, ClassLoader loader) {
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.settings = settings;
    this.cacheSettings = cacheSettings;
    this.connections = new Connections(dataSource);
    this.bus = new ClusterBus(dataSource, cacheSettings);
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
    return new Database(dataSource, null, settings, cacheSettings, Thread.currentThread().getContextClassLoader());
  }

  /** Opens a HikariCP pool on a JDBC URL; {@link #close()} closes it. */
  public static Database connect(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setPoolName("daogen");
    HikariDataSource pool = new HikariDataSource(config);
    return new Database(pool, pool, DaoSettings.DEFAULTS, CacheSettings.DEFAULTS,
        Thread.currentThread().getContextClassLoader());
  }

  /** The DAO of an entity: {@code db.dao(ConsumerDao.class)}; one instance per database. */
  public <D> D dao(Class<D> type) {
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
   * together. A nested call joins the outer transaction. Exceptions roll back and propagate (checked ones wrapped).
   */
  public <T> T transaction(TransactionWork<T> work) {
    return connections.transaction(this, work);
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

  /** The migrations of every plugin. */
  public Migrations migrations() {
    return new Migrations(dataSource, plugins);
  }

  /** The plugins found on the class path. */
  public List<PluginModule> plugins() {
    return plugins;
  }

  /** DAO settings (page sizes). */
  public DaoSettings settings() {
    return settings;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** For generated code and the runtime: the connection of the current transaction or the pool. */
  public Connections connections() {
    return connections;
  }

  /** Stops the cluster threads; closes the pool if {@link #connect(String, String, String)} opened it. */
  @Override
  public void close() {
    bus.close();
    if (ownedPool != null) {
      ownedPool.close();
    }
  }
}
