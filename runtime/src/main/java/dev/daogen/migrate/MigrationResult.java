package dev.daogen.migrate;

import java.util.List;

/**
 * What one run of {@code bootstrap}, {@code up} or {@code finish} did.
 *
 * @param outcome whether migrations ran, or why nothing had to
 * @param executed the migrations ({@code subsystem:name}) whose up (and, for bootstrap, teardown) ran now
 * @param finished the migrations whose teardown ran now
 * @param pending the migrations left with a teardown to run, after this run
 * @param processed how many migrations this run looked at
 */
public record MigrationResult(
    Outcome outcome, List<String> executed, List<String> finished, List<String> pending, int processed) {

  /** Why a run did what it did. */
  public enum Outcome {
    /** Migrations ran. */
    RAN,
    /** {@code bootstrap} found {@code schema_meta} already there. */
    ALREADY_BOOTSTRAPPED,
    /** {@code up} found no new migration. */
    UP_TO_DATE,
    /** {@code finish} found no pending teardown. */
    NOTHING_TO_FINISH
  }

  public MigrationResult {
    executed = List.copyOf(executed);
    finished = List.copyOf(finished);
    pending = List.copyOf(pending);
  }

  static MigrationResult nothing(Outcome outcome, List<String> pending) {
    return new MigrationResult(outcome, List.of(), List.of(), pending, 0);
  }
}
