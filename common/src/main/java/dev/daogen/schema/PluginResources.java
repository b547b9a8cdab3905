package dev.daogen.schema;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files a plugin ships, spelled once: the processor writes them and the runtime reads them.
 *
 * <p>On the class path, under {@code META-INF/daogen/<plugin>/}: {@code migrations/*.sql} (the generated
 * {@code 000_base_<plugin>.sql} and version migrations, plus hand-written files), for plugins generated for Cassandra
 * too ({@code -Adaogen.stores=postgres,cassandra}) the same migrations in CQL beside them ({@code migrations/*.cql},
 * same names: one statement per line, ending with {@code ;}, and {@code --} comment lines), {@code schema.json} (the
 * {@linkplain Snapshot snapshot} of the schema the plugin was compiled with), {@code admin-routes.json} and
 * {@code openapi.json}. Released snapshots live in the plugin's source tree instead, as
 * {@code <schemaDir>/<plugin>/<version>.json} (processor option {@code daogen.schemaDir}).
 */
public final class PluginResources {
  /** The class path folder of every plugin's resources (and of daogen's own {@code core} migrations). */
  public static final String ROOT = "META-INF/daogen/";
  /** Marks the start of the non-destructive part of a migration file. */
  public static final String UP_MARKER = "-- daogen:up";
  /** Marks the start of the destructive part of a migration file. */
  public static final String TEARDOWN_MARKER = "-- daogen:teardown";

  /** The extension of PostgreSQL migrations. */
  public static final String SQL = "sql";
  /** The extension of Cassandra (CQL) migrations. */
  public static final String CQL = "cql";

  private static final String SNAPSHOT_SUFFIX = ".json";

  private PluginResources() {}

  /** {@code META-INF/daogen/<plugin>/migrations/}, ending with a slash. */
  public static String migrations(String plugin) {
    return folder(plugin) + "migrations/";
  }

  /** {@code 000_base_<plugin>.sql}: the file name of the plugin's base migration, in {@link #migrations}. */
  public static String baseMigration(String plugin) {
    return baseMigration(plugin, SQL);
  }

  /**
   * {@code 000_base_<plugin>.<extension>}: the file name of the plugin's base migration for one database ({@link #SQL},
   * {@link #CQL}), in {@link #migrations}.
   */
  public static String baseMigration(String plugin, String extension) {
    return "000_base_" + Objects.requireNonNull(plugin, "plugin") + "." + extension;
  }

  /**
   * {@code NNN_<from>_to_<to>.<extension>}: the file name of the {@code number}th version migration (from 1), the
   * versions without their dots ({@code 001_100_to_110.sql}), in {@link #migrations}.
   */
  public static String versionMigration(int number, String from, String to, String extension) {
    return String.format("%03d_%s_to_%s.%s", number, from.replace(".", ""), to.replace(".", ""), extension);
  }

  /** {@code META-INF/daogen/<plugin>/schema.json}: the schema snapshot the plugin was compiled with. */
  public static String schema(String plugin) {
    return folder(plugin) + "schema.json";
  }

  /** {@code META-INF/daogen/<plugin>/admin-routes.json}: the plugin's admin routes, as data. */
  public static String adminRoutes(String plugin) {
    return folder(plugin) + "admin-routes.json";
  }

  /** {@code META-INF/daogen/<plugin>/openapi.json}: the OpenAPI document of the plugin's admin API. */
  public static String openApi(String plugin) {
    return folder(plugin) + "openapi.json";
  }

  /** {@code <schemaDir>/<plugin>/}: the folder of the plugin's released snapshots. */
  public static Path snapshots(Path schemaDir, String plugin) {
    return schemaDir.resolve(plugin);
  }

  /** {@code <version>.json}: the file name of a released snapshot, in {@link #snapshots}. */
  public static String snapshotFile(String version) {
    return version + SNAPSHOT_SUFFIX;
  }

  /** Whether a file name in {@link #snapshots} names a snapshot. */
  public static boolean isSnapshotFile(String fileName) {
    return fileName.endsWith(SNAPSHOT_SUFFIX);
  }

  private static String folder(String plugin) {
    return ROOT + Objects.requireNonNull(plugin, "plugin") + "/";
  }
}
