package dev.daogen.migrate;

import com.fasterxml.jackson.core.JsonToken;
import dev.daogen.internal.Json;
import dev.daogen.schema.PluginResources;
import dev.daogen.schema.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Kong's migration runner for daogen: the subsystem {@code core} (daogen's own tables) and one subsystem per plugin,
 * each an ordered list of migration files with an {@code up} and a {@code teardown} part.
 *
 * <ul>
 *   <li>{@link #bootstrap()} creates {@code schema_meta} and runs every migration, up and teardown, on an empty
 *       database;
 *   <li>{@link #up(boolean)} runs the new migrations' up parts (expand: safe while nodes of the previous version still
 *       run) and leaves those with a teardown pending;
 *   <li>{@link #finish()} runs the pending teardowns (contract: once every node runs the new version);
 *   <li>{@link #state()} is what {@code list} and {@code status} show; {@link #reset()} drops everything.
 * </ul>
 *
 * <p>Each migration's up (and each teardown) runs in its own transaction together with its {@code schema_meta}
 * bookkeeping: a failed migration is rolled back, not recorded, and runs again next time, while the ones before it
 * stay recorded. The SHA-256 of every file that ran is recorded, and a run is refused when a recorded file changed.
 * Every command holds a PostgreSQL advisory lock for its whole run and re-reads the state after taking it, so two
 * nodes migrating at once never run a migration twice: the second waits up to the lock timeout, then fails.
 */
public final class Migrations {
  /** The subsystem of daogen's own tables. */
  public static final String CORE = "core";
  /** The {@code pg_advisory_lock} key every runner takes (the ASCII of "daogenMG"). */
  public static final long LOCK_KEY = 0x64616f67656e4d47L;
  /** How long a runner waits for another one by default (Kong's {@code --lock-timeout} default). */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  private static final List<String> CORE_FILES = List.of(PluginResources.baseMigration(CORE));
  private static final List<String> CORE_TABLES = List.of("cluster_events");
  private static final String META_KEY = "schema_meta";

  private final DataSource dataSource;
  private final List<MigrationSource> plugins;
  private final Duration lockTimeout;

  /** A runner for daogen's own tables and these subsystems (the plugins, each a {@link MigrationSource}). */
  public Migrations(DataSource dataSource, List<? extends MigrationSource> plugins) {
    this(dataSource, plugins, DEFAULT_LOCK_TIMEOUT);
  }

  private Migrations(DataSource dataSource, List<? extends MigrationSource> plugins, Duration lockTimeout) {
    this.dataSource = dataSource;
    this.plugins = List.copyOf(plugins);
    this.lockTimeout = lockTimeout;
  }

  /** The same runner with another lock timeout. */
  public Migrations withLockTimeout(Duration timeout) {
    return new Migrations(dataSource, plugins, timeout);
  }

  /** One subsystem's migrations as found on the class path. */
  private record Loaded(String name, String version, List<Migration> migrations) {}

  /** A subsystem's row in {@code schema_meta}. */
  private record Meta(List<String> executed, List<String> pending, String lastExecuted, Map<String, String> sums) {}

  // ---- commands ----------------------------------------------------------------------------------------------------

  /** Bootstraps an empty database; on a bootstrapped one does nothing ({@code ALREADY_BOOTSTRAPPED}). */
  public MigrationResult bootstrap() {
    return bootstrap(false);
  }

  /**
   * Creates {@code schema_meta} and runs every migration's up and teardown.
   *
   * @param force on a bootstrapped database, {@linkplain #reset() reset} it first
   */
  public MigrationResult bootstrap(boolean force) {
    List<Loaded> subsystems = load();
    return locked(c -> {
      SchemaState state = state(c, subsystems);
      if (!state.needsBootstrap()) {
        if (!force) {
          return MigrationResult.nothing(MigrationResult.Outcome.ALREADY_BOOTSTRAPPED, pendingNames(state));
        }
        drop(c);
      }
      try (Statement st = c.createStatement()) {
        st.execute("create table if not exists \"schema_meta\" (\"key\" text not null, \"subsystem\" text not null,"
            + " \"last_executed\" text, \"executed\" text[] not null default '{}',"
            + " \"pending\" text[] not null default '{}', \"checksums\" jsonb not null default '{}',"
            + " constraint \"schema_meta_pkey\" primary key (\"key\", \"subsystem\"))");
      }
      List<String> executed = new ArrayList<>();
      int processed = 0;
      for (Loaded s : subsystems) {
        for (Migration m : s.migrations()) {
          processed++;
          runUp(c, m, true);
          executed.add(m.subsystem() + ":" + m.name());
        }
      }
      return new MigrationResult(MigrationResult.Outcome.RAN, executed, List.of(), List.of(), processed);
    });
  }

  /**
   * Runs the up part of every new migration. Migrations with a teardown become pending.
   *
   * @param force run even while teardowns of earlier migrations are pending
   * @throws MigrationException when the database needs bootstrapping, has pending teardowns (without force), or an
   *     executed migration changed
   */
  public MigrationResult up(boolean force) {
    List<Loaded> subsystems = load();
    return locked(c -> {
      SchemaState state = state(c, subsystems);
      requireBootstrapped(state);
      requireUnchanged(state, subsystems);
      if (state.hasPending() && !force) {
        throw new MigrationException("Database has pending migrations (" + String.join(", ", pendingNames(state))
            + "); run 'migrations finish' first, or 'migrations up --force' to run new migrations anyway");
      }
      if (!state.hasNew()) {
        return MigrationResult.nothing(MigrationResult.Outcome.UP_TO_DATE, pendingNames(state));
      }
      List<String> executed = new ArrayList<>();
      int processed = 0;
      for (Loaded s : subsystems) {
        List<String> available = subsystem(state, s.name()).available();
        for (Migration m : s.migrations()) {
          if (available.contains(m.name())) {
            processed++;
            runUp(c, m, false);
            executed.add(m.subsystem() + ":" + m.name());
          }
        }
      }
      return new MigrationResult(MigrationResult.Outcome.RAN, executed, List.of(),
          pendingNames(state(c, subsystems)), processed);
    });
  }

  /** Runs the pending teardowns, in order. */
  public MigrationResult finish() {
    List<Loaded> subsystems = load();
    return locked(c -> {
      SchemaState state = state(c, subsystems);
      requireBootstrapped(state);
      requireUnchanged(state, subsystems);
      if (!state.hasPending()) {
        return MigrationResult.nothing(MigrationResult.Outcome.NOTHING_TO_FINISH, List.of());
      }
      List<String> finished = new ArrayList<>();
      for (Loaded s : subsystems) {
        List<String> pending = subsystem(state, s.name()).pending();
        for (Migration m : s.migrations()) {
          if (pending.contains(m.name())) {
            runTeardown(c, m);
            finished.add(m.subsystem() + ":" + m.name());
          }
        }
      }
      return new MigrationResult(MigrationResult.Outcome.RAN, List.of(), finished, List.of(), finished.size());
    });
  }

  /**
   * Drops every table of the plugins (as their current {@code schema.json} declares them), daogen's own tables and
   * {@code schema_meta}.
   *
   * @return false when the database was not bootstrapped (nothing to reset)
   */
  public boolean reset() {
    List<Loaded> subsystems = load();
    return locked(c -> {
      if (state(c, subsystems).needsBootstrap()) {
        return false;
      }
      drop(c);
      return true;
    });
  }

  /** The executed, pending and new migrations of every subsystem. Takes no lock. */
  public SchemaState state() {
    List<Loaded> subsystems = load();
    try (Connection c = dataSource.getConnection()) {
      return state(c, subsystems);
    } catch (SQLException e) {
      throw new MigrationException("cannot read the schema state: " + e.getMessage(), e);
    }
  }

  // ---- execution ---------------------------------------------------------------------------------------------------

  @FunctionalInterface
  private interface LockedWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T locked(LockedWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      lock(c);
      try {
        return work.run(c);
      } finally {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?)")) {
          st.setLong(1, LOCK_KEY);
          st.execute();
        }
      }
    } catch (SQLException e) {
      throw new MigrationException("database error while migrating: " + e.getMessage(), e);
    }
  }

  private void lock(Connection c) throws SQLException {
    long deadline = System.nanoTime() + lockTimeout.toNanos();
    try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
      st.setLong(1, LOCK_KEY);
      while (true) {
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() >= deadline) {
          throw new MigrationLockTimeoutException("Timed out after " + lockTimeout.toSeconds()
              + "s waiting for the migration lock: another node is migrating this database. Wait until it is done"
              + " and run the command again, or raise the lock timeout (--lock-timeout)");
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new MigrationException("interrupted while waiting for the migration lock", e);
        }
      }
    }
  }

  private static void runUp(Connection c, Migration m, boolean withTeardown) throws SQLException {
    boolean pending = m.hasTeardown() && !withTeardown;
    inTransaction(c, m, "up", () -> {
      try (Statement st = c.createStatement()) {
        if (m.hasUp()) {
          st.execute(m.up());
        }
        if (withTeardown && m.hasTeardown()) {
          st.execute(m.teardown());
        }
      }
      try (PreparedStatement st = c.prepareStatement("insert into \"schema_meta\" (\"key\", \"subsystem\","
          + " \"last_executed\", \"executed\", \"pending\", \"checksums\") values (?, ?, ?, ?, ?, jsonb_build_object(?, ?))"
          + " on conflict (\"key\", \"subsystem\") do update set \"last_executed\" = excluded.\"last_executed\","
          + " \"executed\" = \"schema_meta\".\"executed\" || excluded.\"executed\","
          + " \"pending\" = \"schema_meta\".\"pending\" || excluded.\"pending\","
          + " \"checksums\" = \"schema_meta\".\"checksums\" || excluded.\"checksums\"")) {
        String[] one = {m.name()};
        String[] none = {};
        st.setString(1, META_KEY);
        st.setString(2, m.subsystem());
        st.setString(3, m.name());
        st.setArray(4, c.createArrayOf("text", pending ? none : one));
        st.setArray(5, c.createArrayOf("text", pending ? one : none));
        st.setString(6, m.name());
        st.setString(7, m.checksum());
        st.executeUpdate();
      }
    });
  }

  private static void runTeardown(Connection c, Migration m) throws SQLException {
    inTransaction(c, m, "teardown", () -> {
      try (Statement st = c.createStatement()) {
        st.execute(m.teardown());
      }
      try (PreparedStatement st = c.prepareStatement("update \"schema_meta\" set \"pending\" = array_remove("
          + "\"pending\", ?), \"executed\" = array_append(\"executed\", ?) where \"key\" = ? and \"subsystem\" = ?")) {
        st.setString(1, m.name());
        st.setString(2, m.name());
        st.setString(3, META_KEY);
        st.setString(4, m.subsystem());
        st.executeUpdate();
      }
    });
  }

  @FunctionalInterface
  private interface SqlWork {
    void run() throws SQLException;
  }

  private static void inTransaction(Connection c, Migration m, String part, SqlWork work) throws SQLException {
    c.setAutoCommit(false);
    try {
      work.run();
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw new MigrationException("migration " + m.subsystem() + ":" + m.name() + " (" + m.resource() + ") failed in"
          + " its " + part + " part and was rolled back; it is not recorded and runs again next time: "
          + e.getMessage(), e);
    } finally {
      c.setAutoCommit(true);
    }
  }

  private void drop(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    for (MigrationSource plugin : plugins) {
      Snapshot snapshot = snapshot(plugin);
      if (snapshot != null) {
        snapshot.tables().forEach(t -> tables.add(t.name()));
      }
    }
    tables.addAll(CORE_TABLES);
    tables.add("schema_meta");
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (String table : tables) {
        st.execute("drop table if exists \"" + table.replace("\"", "\"\"") + "\" cascade");
      }
      // the sync functions of renamed columns (see @RenamedFrom) outlive their triggers' tables
      List<String> functions = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select proname from pg_proc where proname like '%\\_daogen\\_sync'"
          + " and pronamespace = current_schema()::regnamespace")) {
        while (rs.next()) {
          functions.add(rs.getString(1));
        }
      }
      for (String f : functions) {
        st.execute("drop function if exists \"" + f.replace("\"", "\"\"") + "\"() cascade");
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  // ---- state -------------------------------------------------------------------------------------------------------

  private static SchemaState state(Connection c, List<Loaded> subsystems) throws SQLException {
    Map<String, Meta> meta = new HashMap<>();
    boolean exists;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select to_regclass('schema_meta') is not null")) {
      rs.next();
      exists = rs.getBoolean(1);
    }
    if (exists) {
      try (PreparedStatement st = c.prepareStatement("select \"subsystem\", \"last_executed\", \"executed\","
          + " \"pending\", \"checksums\"::text from \"schema_meta\" where \"key\" = ?")) {
        st.setString(1, META_KEY);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            meta.put(rs.getString(1), new Meta(strings(rs.getArray(3)), strings(rs.getArray(4)), rs.getString(2),
                checksums(rs.getString(5))));
          }
        }
      }
    }
    List<SchemaState.Subsystem> out = new ArrayList<>();
    for (Loaded s : subsystems) {
      Meta m = meta.getOrDefault(s.name(), new Meta(List.of(), List.of(), null, Map.of()));
      List<String> available = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      for (Migration migration : s.migrations()) {
        boolean ran = m.executed().contains(migration.name()) || m.pending().contains(migration.name());
        if (!ran) {
          available.add(migration.name());
        } else {
          String recorded = m.sums().get(migration.name());
          if (recorded != null && !recorded.equals(migration.checksum())) {
            changed.add(migration.name());
          }
        }
      }
      out.add(new SchemaState.Subsystem(s.name(), s.version(), m.executed(), m.pending(), available,
          m.lastExecuted(), changed));
    }
    return new SchemaState(!exists || meta.isEmpty(), out);
  }

  private static SchemaState.Subsystem subsystem(SchemaState state, String name) {
    return state.subsystems().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> pendingNames(SchemaState state) {
    List<String> out = new ArrayList<>();
    state.subsystems().forEach(s -> s.pending().forEach(p -> out.add(s.name() + ":" + p)));
    return out;
  }

  private static void requireBootstrapped(SchemaState state) {
    if (state.needsBootstrap()) {
      throw new MigrationException("Database needs bootstrapping; run 'migrations bootstrap'");
    }
  }

  /** Refuses to run when a migration that already ran no longer matches its recorded checksum. */
  private static void requireUnchanged(SchemaState state, List<Loaded> subsystems) {
    for (SchemaState.Subsystem s : state.subsystems()) {
      for (String name : s.changed()) {
        String resource = subsystems.stream().filter(l -> l.name().equals(s.name()))
            .flatMap(l -> l.migrations().stream()).filter(m -> m.name().equals(name))
            .map(Migration::resource).findFirst().orElse(name);
        throw new MigrationException("Migration " + resource + " of subsystem '" + s.name() + "' changed after it"
            + " was executed (its checksum differs from the one recorded in schema_meta): restore the published"
            + " file and put further changes in a new migration");
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  private static Map<String, String> checksums(String json) {
    if (json == null) {
      return Map.of();
    }
    return Json.read(json, p -> {
      Map<String, String> out = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        out.put(name, p.getText());
      }
      return out;
    });
  }

  // ---- class path --------------------------------------------------------------------------------------------------

  private List<Loaded> load() {
    List<Loaded> out = new ArrayList<>();
    List<Migration> core = new ArrayList<>();
    for (String file : CORE_FILES) {
      String resource = PluginResources.migrations(CORE) + file;
      core.add(Migration.parse(CORE, resource, read(Migrations.class.getClassLoader(), resource, CORE)));
    }
    out.add(new Loaded(CORE, null, core));
    for (MigrationSource plugin : plugins) {
      snapshot(plugin); // verifies the schema snapshot against the module
      List<Migration> migrations = new ArrayList<>();
      for (String resource : plugin.migrations()) {
        migrations.add(Migration.parse(plugin.name(), resource,
            read(plugin.getClass().getClassLoader(), resource, plugin.name())));
      }
      out.add(new Loaded(plugin.name(), plugin.version(), migrations));
    }
    return out;
  }

  /**
   * The plugin's {@code schema.json}, verified: its recorded hash matches its content and the hash compiled into the
   * module. {@code null} for modules generated without a snapshot.
   */
  private static Snapshot snapshot(MigrationSource plugin) {
    String resource = PluginResources.schema(plugin.name());
    ClassLoader loader = plugin.getClass().getClassLoader();
    if (loader.getResource(resource) == null) {
      return null;
    }
    Snapshot snapshot;
    try {
      snapshot = Snapshot.parse(read(loader, resource, plugin.name()));
    } catch (IllegalArgumentException e) {
      throw new MigrationException(resource + ": " + e.getMessage(), e);
    }
    String expected = plugin.schemaHash();
    if (expected != null && !expected.equals(snapshot.hash())) {
      throw new MigrationException(resource + " has schema hash " + snapshot.hash() + " but plugin '" + plugin.name()
          + "' was compiled with " + expected + ": the class path mixes two builds of the plugin; rebuild it");
    }
    return snapshot;
  }

  private static String read(ClassLoader loader, String resource, String subsystem) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new MigrationException("migration " + resource + " of subsystem '" + subsystem + "' is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
