package dev.daogen.migrate;

import java.util.List;

/**
 * A subsystem's migrations on the class path, as {@link Migrations} runs them. Every plugin is one: the generated
 * {@code PluginModule} extends this interface, so that the runner needs nothing of {@code dev.daogen.db}.
 */
public interface MigrationSource {
  /** The subsystem's name: the plugin name ({@code key-auth}). */
  String name();

  /** The subsystem's version, as {@code list} and {@code status} show it. */
  String version();

  /**
   * Class path resources of the migrations, in the order they run, loaded through this object's class loader.
   */
  List<String> migrations();

  /**
   * The identity hash of the plugin's schema ({@link dev.daogen.schema.Snapshot#hash()}), which the runner checks
   * against {@code META-INF/daogen/<plugin>/schema.json}; {@code null} when there is no snapshot.
   */
  default String schemaHash() {
    return null;
  }
}
