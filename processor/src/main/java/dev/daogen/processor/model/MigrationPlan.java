package dev.daogen.processor.model;

import dev.daogen.schema.PluginResources;
import dev.daogen.schema.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A plugin's migrations, decided: what the base migration creates, the version migrations between released
 * snapshots, the hand-written files that join them, and the snapshot to add to the schema directory.
 *
 * @param current the schema the annotations declare now (also written as {@code schema.json})
 * @param base the schema the base migration creates: the oldest released snapshot, or the current schema
 * @param steps one per version migration, in order
 * @param handWritten class path resources of hand-written migrations found for the plugin
 * @param snapshotToWrite where to store the current snapshot, when the schema directory lacks this version
 */
public record MigrationPlan(
    Snapshot current,
    Snapshot base,
    List<Step> steps,
    List<String> handWritten,
    Optional<Path> snapshotToWrite) {

  /**
   * One version migration.
   *
   * @param fileName {@code 001_100_to_110.sql}
   * @param before the schema of the previous version
   * @param after the schema of the next version
   * @param up statements of the up part
   * @param teardown statements of the teardown part
   */
  public record Step(String fileName, Snapshot before, Snapshot after, List<String> up, List<String> teardown) {
    /** The previous version. */
    public String from() {
      return before.version();
    }

    /** The next version. */
    public String to() {
      return after.version();
    }

    /** The step's file name for another database: {@code 001_100_to_110.cql}. */
    public String fileName(String extension) {
      return fileName.substring(0, fileName.lastIndexOf('.') + 1) + extension;
    }
  }

  /** Every migration resource, generated and hand-written, in the order they run: by file name. */
  public List<String> resources() {
    String folder = PluginResources.migrations(current.plugin());
    java.util.List<String> all = new java.util.ArrayList<>();
    all.add(folder + PluginResources.baseMigration(current.plugin()));
    steps.forEach(s -> all.add(folder + s.fileName()));
    all.addAll(handWritten);
    all.sort(java.util.Comparator.comparing(r -> r.substring(r.lastIndexOf('/') + 1)));
    return List.copyOf(all);
  }
}
