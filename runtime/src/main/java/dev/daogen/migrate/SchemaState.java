package dev.daogen.migrate;

import java.util.List;

/**
 * What the database has executed compared with the migrations on the class path (Kong's schema state).
 *
 * @param needsBootstrap whether {@code schema_meta} is missing (run {@code migrations bootstrap})
 * @param subsystems per subsystem, {@code core} first, then the plugins in class path order
 */
public record SchemaState(boolean needsBootstrap, List<Subsystem> subsystems) {
  public SchemaState {
    subsystems = List.copyOf(subsystems);
  }

  /**
   * One subsystem's state.
   *
   * @param name {@code core} or the plugin name
   * @param version the plugin version on the class path ({@code null} for core)
   * @param executed migrations whose up and teardown ran
   * @param pending migrations whose up ran and whose teardown waits for {@code migrations finish}
   * @param available migrations on the class path that have not run (Kong's "new migrations")
   * @param lastExecuted the last migration recorded, or {@code null}
   * @param changed executed or pending migrations whose file no longer matches the recorded checksum
   */
  public record Subsystem(
      String name,
      String version,
      List<String> executed,
      List<String> pending,
      List<String> available,
      String lastExecuted,
      List<String> changed) {
    public Subsystem {
      executed = List.copyOf(executed);
      pending = List.copyOf(pending);
      available = List.copyOf(available);
      changed = List.copyOf(changed);
    }
  }

  /** Whether any subsystem has migrations that have not run ({@code migrations up}). */
  public boolean hasNew() {
    return subsystems.stream().anyMatch(s -> !s.available().isEmpty());
  }

  /** Whether any teardown waits for {@code migrations finish}. */
  public boolean hasPending() {
    return subsystems.stream().anyMatch(s -> !s.pending().isEmpty());
  }

  /** Whether an executed migration's file changed since it ran. */
  public boolean hasChanged() {
    return subsystems.stream().anyMatch(s -> !s.changed().isEmpty());
  }

  /** Whether nothing is left to do. */
  public boolean upToDate() {
    return !needsBootstrap && !hasNew() && !hasPending();
  }
}
