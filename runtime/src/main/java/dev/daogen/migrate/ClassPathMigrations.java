package dev.daogen.migrate;

import dev.daogen.schema.PluginResources;
import dev.daogen.schema.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The migrations on the class path: the subsystem {@code core} (daogen's own tables) and one subsystem per plugin;
 * and each plugin's {@code schema.json}, verified against the module that lists it.
 */
final class ClassPathMigrations {
  private static final String CORE_BASE = PluginResources.baseMigration(Migrations.CORE);
  private static final List<String> CORE_TABLES = List.of("cluster_events");

  /** One subsystem's migrations as found on the class path. */
  record Loaded(String name, String version, List<Migration> migrations) {}

  private ClassPathMigrations() {}

  /**
   * Reads every subsystem's migrations, {@code core} first, and verifies each plugin's schema snapshot. Plugins list
   * their {@code .sql} files; a store with another {@code extension} reads the file of the same name with it.
   */
  static List<Loaded> load(List<MigrationSource> plugins, String extension) {
    List<Loaded> out = new ArrayList<>();
    String coreResource = withExtension(PluginResources.migrations(Migrations.CORE) + CORE_BASE, extension);
    out.add(new Loaded(Migrations.CORE, null, List.of(Migration.parse(Migrations.CORE, coreResource,
        read(Migrations.class.getClassLoader(), coreResource, Migrations.CORE)))));
    for (MigrationSource plugin : plugins) {
      snapshot(plugin); // verifies the schema snapshot against the module
      List<Migration> migrations = new ArrayList<>();
      for (String listed : plugin.migrations()) {
        String resource = withExtension(listed, extension);
        migrations.add(Migration.parse(plugin.name(), resource,
            read(plugin.getClass().getClassLoader(), resource, plugin.name())));
      }
      out.add(new Loaded(plugin.name(), plugin.version(), migrations));
    }
    return out;
  }

  private static String withExtension(String resource, String extension) {
    return resource.endsWith(".sql") ? resource.substring(0, resource.length() - 3) + extension : resource;
  }

  /** Every table of the plugins (as their current {@code schema.json} declares them), then daogen's own. */
  static List<String> tables(List<MigrationSource> plugins) {
    List<String> tables = new ArrayList<>();
    for (MigrationSource plugin : plugins) {
      Snapshot snapshot = snapshot(plugin);
      if (snapshot != null) {
        snapshot.tables().forEach(t -> tables.add(t.name()));
      }
    }
    tables.addAll(CORE_TABLES);
    return tables;
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
