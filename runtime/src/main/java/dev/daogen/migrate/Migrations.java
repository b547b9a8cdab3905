package dev.daogen.migrate;

import dev.daogen.migrate.ClassPathMigrations.Loaded;
import java.time.Duration;
import java.util.ArrayList;
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
 * Every command holds the store's migration lock (PostgreSQL: an advisory lock) for its whole run and re-reads the
 * state after taking it, so two nodes migrating at once never run a migration twice: the second waits up to the lock
 * timeout, then fails.
 *
 * <p>This class holds the commands and their rules, for every store; the class path ({@code ClassPathMigrations})
 * has a class, and each store its {@link MigrationStore} (PostgreSQL: {@link PostgresMigrationStore}, over the
 * bookkeeping {@code SchemaMeta}, the lock {@code MigrationLock}, {@code MigrationSteps} and {@code SchemaReset}).
 */
public final class Migrations {
  /** The subsystem of daogen's own tables. */
  public static final String CORE = "core";
  /** The {@code pg_advisory_lock} key every runner takes (the ASCII of "daogenMG"). */
  public static final long LOCK_KEY = 0x64616f67656e4d47L;
  /** How long a runner waits for another one by default (Kong's {@code --lock-timeout} default). */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  private final MigrationStore store;
  private final List<MigrationSource> plugins;
  private final Duration lockTimeout;

  /**
   * A runner on PostgreSQL for daogen's own tables and these subsystems (the plugins, each a {@link MigrationSource}).
   */
  public Migrations(DataSource dataSource, List<? extends MigrationSource> plugins) {
    this(new PostgresMigrationStore(dataSource), plugins, DEFAULT_LOCK_TIMEOUT);
  }

  /** A runner on another store (its files, {@code schema_meta} and lock). */
  public Migrations(MigrationStore store, List<? extends MigrationSource> plugins) {
    this(store, plugins, DEFAULT_LOCK_TIMEOUT);
  }

  private Migrations(MigrationStore store, List<? extends MigrationSource> plugins, Duration lockTimeout) {
    this.store = store;
    this.plugins = List.copyOf(plugins);
    this.lockTimeout = lockTimeout;
  }

  /** The same runner with another lock timeout. */
  public Migrations withLockTimeout(Duration timeout) {
    return new Migrations(store, plugins, timeout);
  }

  private List<Loaded> load() {
    return ClassPathMigrations.load(plugins, store.fileExtension());
  }

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
    return store.locked(lockTimeout, c -> {
      SchemaState state = state(c.recorded(), subsystems);
      if (!state.needsBootstrap()) {
        if (!force) {
          return MigrationResult.nothing(MigrationResult.Outcome.ALREADY_BOOTSTRAPPED, pendingNames(state));
        }
        c.drop(ClassPathMigrations.tables(plugins));
      }
      c.createMeta();
      List<String> executed = new ArrayList<>();
      int processed = 0;
      for (Loaded s : subsystems) {
        for (Migration m : s.migrations()) {
          processed++;
          c.runUp(m, true);
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
    return store.locked(lockTimeout, c -> {
      SchemaState state = state(c.recorded(), subsystems);
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
            c.runUp(m, false);
            executed.add(m.subsystem() + ":" + m.name());
          }
        }
      }
      return new MigrationResult(MigrationResult.Outcome.RAN, executed, List.of(),
          pendingNames(state(c.recorded(), subsystems)), processed);
    });
  }

  /** Runs the pending teardowns, in order. */
  public MigrationResult finish() {
    List<Loaded> subsystems = load();
    return store.locked(lockTimeout, c -> {
      SchemaState state = state(c.recorded(), subsystems);
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
            c.runTeardown(m);
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
    return store.locked(lockTimeout, c -> {
      if (state(c.recorded(), subsystems).needsBootstrap()) {
        return false;
      }
      c.drop(ClassPathMigrations.tables(plugins));
      return true;
    });
  }

  /** The executed, pending and new migrations of every subsystem. Takes no lock. */
  public SchemaState state() {
    return state(store.recorded(), load());
  }

  /** The executed, pending, new and changed migrations of every subsystem on the class path. */
  private static SchemaState state(Map<String, MigrationStore.Recorded> recorded, List<Loaded> subsystems) {
    MigrationStore.Recorded none = new MigrationStore.Recorded(List.of(), List.of(), null, Map.of());
    List<SchemaState.Subsystem> out = new ArrayList<>();
    for (Loaded s : subsystems) {
      MigrationStore.Recorded m = recorded.getOrDefault(s.name(), none);
      List<String> available = new ArrayList<>();
      List<String> changed = new ArrayList<>();
      for (Migration migration : s.migrations()) {
        boolean ran = m.executed().contains(migration.name()) || m.pending().contains(migration.name());
        if (!ran) {
          available.add(migration.name());
        } else {
          String sum = m.checksums().get(migration.name());
          if (sum != null && !sum.equals(migration.checksum())) {
            changed.add(migration.name());
          }
        }
      }
      out.add(new SchemaState.Subsystem(s.name(), s.version(), m.executed(), m.pending(), available,
          m.lastExecuted(), changed));
    }
    return new SchemaState(recorded.isEmpty(), out);
  }

  // ---- rules -------------------------------------------------------------------------------------------------------

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
}
