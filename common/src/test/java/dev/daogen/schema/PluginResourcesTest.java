package dev.daogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginResourcesTest {
  @Test
  void classPathResourcesOfAPlugin() {
    assertEquals("META-INF/daogen/key-auth/migrations/", PluginResources.migrations("key-auth"));
    assertEquals("000_base_key-auth.sql", PluginResources.baseMigration("key-auth"));
    assertEquals("META-INF/daogen/key-auth/schema.json", PluginResources.schema("key-auth"));
    assertEquals("META-INF/daogen/key-auth/admin-routes.json", PluginResources.adminRoutes("key-auth"));
    assertEquals("META-INF/daogen/key-auth/openapi.json", PluginResources.openApi("key-auth"));
  }

  @Test
  void migrationsForEachDatabaseShareTheirNames() {
    assertEquals("000_base_key-auth.sql", PluginResources.baseMigration("key-auth", PluginResources.SQL));
    assertEquals("000_base_key-auth.cql", PluginResources.baseMigration("key-auth", PluginResources.CQL));
    assertEquals("001_100_to_110.sql", PluginResources.versionMigration(1, "1.0.0", "1.1.0", PluginResources.SQL));
    assertEquals("012_1100_to_1200.cql",
        PluginResources.versionMigration(12, "1.10.0", "1.20.0", PluginResources.CQL));
  }

  @Test
  void daogensOwnMigrationsLiveWhereAPluginsDo() {
    assertEquals("META-INF/daogen/core/migrations/000_base_core.sql",
        PluginResources.migrations("core") + PluginResources.baseMigration("core"));
  }

  @Test
  void releasedSnapshotsLiveInTheSchemaDirectory() {
    Path dir = PluginResources.snapshots(Path.of("src", "main", "schemas"), "key-auth");
    assertEquals(Path.of("src", "main", "schemas", "key-auth", "1.0.0.json"),
        dir.resolve(PluginResources.snapshotFile("1.0.0")));
    assertTrue(PluginResources.isSnapshotFile("1.0.0.json"));
    assertFalse(PluginResources.isSnapshotFile("README.md"));
  }

  @Test
  void migrationMarkers() {
    assertEquals("-- daogen:up", PluginResources.UP_MARKER);
    assertEquals("-- daogen:teardown", PluginResources.TEARDOWN_MARKER);
  }
}
