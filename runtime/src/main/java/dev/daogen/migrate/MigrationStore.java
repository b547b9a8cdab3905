package dev.daogen.migrate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where migrations run and are recorded: a database's {@code schema_meta}, its migration lock, and how it runs one
 * migration file. {@link Migrations} holds the commands and their rules; each store brings one of these (PostgreSQL:
 * {@link PostgresMigrationStore}; the Cassandra store its own, with CQL files).
 */
public interface MigrationStore {
  /** The extension of this store's migration files ({@code sql}, {@code cql}); the runner loads {@code <name>.<ext>}. */
  String fileExtension();

  /** What {@code schema_meta} records, by subsystem; empty when the database was never bootstrapped. Takes no lock. */
  Map<String, Recorded> recorded();

  /**
   * Runs {@code work} holding the migration lock, so that two nodes never migrate at once: waits at most {@code
   * timeout} for another holder, then throws {@link MigrationLockTimeoutException}.
   */
  <T> T locked(Duration timeout, Function<Session, T> work);

  /**
   * One subsystem's row of {@code schema_meta}.
   *
   * @param checksums the SHA-256 of every file that ran, by migration name
   */
  record Recorded(List<String> executed, List<String> pending, String lastExecuted, Map<String, String> checksums) {
    public Recorded {
      executed = List.copyOf(executed);
      pending = List.copyOf(pending);
      checksums = Map.copyOf(checksums);
    }
  }

  /** What a command may do while it holds the lock. */
  interface Session {
    /** What {@code schema_meta} records now (read again under the lock). */
    Map<String, Recorded> recorded();

    /** Creates {@code schema_meta} (bootstrap). */
    void createMeta();

    /** Drops these tables and {@code schema_meta} (reset). */
    void drop(List<String> tables);

    /**
     * Runs a migration's up part, and its teardown too when {@code withTeardown} (bootstrap), and records it: executed,
     * or pending when a teardown is still to run. A failure throws {@link MigrationException} and records nothing.
     */
    void runUp(Migration m, boolean withTeardown);

    /** Runs a pending migration's teardown and records it as executed. */
    void runTeardown(Migration m);
  }
}
