package dev.daogen.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.cli.Cli;
import dev.daogen.db.Database;
import dev.daogen.migrate.MigrationException;
import dev.daogen.schema.Snapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The shop plugin migrated 1.0.0 → 1.1.0 → 1.2.0 on a real PostgreSQL, Kong's way: up, the previous version keeps
 * working, finish, the new version works; and the catalog equals what the annotations declare.
 */
class VersionedMigrationsTest {
  @Test
  void generatesVersionMigrationsAndSnapshots() throws Exception {
    Path[] classes = Shop.compiled();
    String folder = "META-INF/daogen/shop/migrations/";
    assertTrue(Files.exists(classes[0].resolve(folder + "000_base_shop.sql")));
    assertTrue(Files.exists(classes[1].resolve(folder + "001_100_to_110.sql")));
    assertTrue(Files.exists(classes[2].resolve(folder + "002_110_to_120.sql")));
    for (String v : List.of("1.0.0", "1.1.0", "1.2.0")) {
      assertTrue(Files.exists(Shop.schemaDir().resolve("shop/" + v + ".json")), v);
    }
    // the base migration is the oldest released schema, so every build publishes the same file
    assertEquals(Files.readString(classes[0].resolve(folder + "000_base_shop.sql")),
        Files.readString(classes[2].resolve(folder + "000_base_shop.sql")));
    String v3 = Files.readString(classes[2].resolve(folder + "002_110_to_120.sql"));
    assertTrue(v3.contains("create trigger \"customers_full_name_daogen_sync\""), v3);
    Snapshot schema = Snapshot.parse(Files.readString(classes[2].resolve("META-INF/daogen/shop/schema.json")));
    assertEquals("1.2.0", schema.version());
  }

  @Test
  void upKeepsThePreviousVersionWorkingThenFinish() throws Exception {
    Path[] classes = Shop.compiled();
    DataSource ds = Pg.dataSource(Pg.newDatabase());
    URLClassLoader l1 = PluginCompiler.load(classes[0]);
    URLClassLoader l2 = PluginCompiler.load(classes[1]);
    URLClassLoader l3 = PluginCompiler.load(classes[2]);

    Database db1 = Shop.connect(ds, l1);
    MigrationException notYet = assertThrows(MigrationException.class, () -> Shop.dao(db1, l1, "Customer"));
    assertTrue(notYet.getMessage().contains("migrations bootstrap"), notYet.getMessage());
    db1.migrations().bootstrap();
    Object ann = Shop.insert(db1, l1, "Customer", "email", "ann@example.com", "name", "Ann", "legacyCode", "A1");

    // 1.1.0: refused until up
    Database db2 = Shop.connect(ds, l2);
    MigrationException refused = assertThrows(MigrationException.class, () -> Shop.dao(db2, l2, "Customer"));
    assertTrue(refused.getMessage().contains("migrations up"), refused.getMessage());
    assertEquals(0, cli(db2, "migrations", "up"));
    // the previous version still inserts (the new column's database default fills it)
    Object bob = Shop.insert(db1, l1, "Customer", "email", "bob@example.com", "name", "Bob", "legacyCode", "B1");
    Object bobV2 = Shop.select(db2, l2, "Customer", Shop.get(bob, "id")).orElseThrow();
    assertEquals("basic", Shop.get(bobV2, "tier"));
    assertEquals("basic", Shop.get(Shop.select(db2, l2, "Customer", Shop.get(ann, "id")).orElseThrow(), "tier"));
    Object cy = Shop.insert(db2, l2, "Customer", "email", "cy@example.com", "name", "Cy", "legacyCode", "C1",
        "tier", "gold", "nickname", "cy");
    Shop.insert(db2, l2, "Order", "customer", Shop.get(cy, "id"), "sku", "sku-1");
    assertEquals(0, cli(db2, "migrations", "finish"));
    Object dee = Shop.insert(db2, l2, "Customer", "email", "dee@example.com", "name", "Dee", "legacyCode", "D1");
    assertEquals("basic", Shop.get(dee, "tier"));

    // 1.2.0: drop legacyCode, rename name → fullName
    Database db3 = Shop.connect(ds, l3);
    assertThrows(MigrationException.class, () -> Shop.dao(db3, l3, "Customer"));
    assertEquals(0, cli(db3, "migrations", "up"));
    Object eve = Shop.insert(db2, l2, "Customer", "email", "eve@example.com", "name", "Eve", "legacyCode", "E1");
    Object eveV3 = Shop.select(db3, l3, "Customer", Shop.get(eve, "id")).orElseThrow();
    assertEquals("Eve", Shop.get(eveV3, "fullName"));
    assertEquals("Ann", Shop.get(Shop.select(db3, l3, "Customer", Shop.get(ann, "id")).orElseThrow(), "fullName"));
    Object fay = Shop.insert(db3, l3, "Customer", "email", "fay@example.com", "fullName", "Fay");
    assertEquals("Fay", Shop.get(Shop.select(db2, l2, "Customer", Shop.get(fay, "id")).orElseThrow(), "name"));
    assertEquals(0, cli(db3, "migrations", "finish"));
    Object gus = Shop.insert(db3, l3, "Customer", "email", "gus@example.com", "fullName", "Gus");
    assertEquals("Gus", Shop.get(Shop.select(db3, l3, "Customer", Shop.get(gus, "id")).orElseThrow(), "fullName"));
    assertNull(Shop.get(gus, "nickname"));
    assertEquals(7, Pg.scalar(ds, "select count(*) from customers"));

    // the migrated catalog is the declared schema, and the same as a fresh install of 1.2.0
    Snapshot declared = Snapshot.parse(Files.readString(classes[2].resolve("META-INF/daogen/shop/schema.json")));
    List<String> tables = declared.tables().stream().map(Snapshot.Table::name).toList();
    assertEquals(Catalog.normalise(declared), Catalog.read(ds, tables));
    assertEquals(0, Catalog.triggers(ds));
    DataSource fresh = Pg.dataSource(Pg.newDatabase());
    Database db3Fresh = Shop.connect(fresh, l3);
    db3Fresh.migrations().bootstrap();
    assertEquals(Catalog.normalise(declared), Catalog.read(fresh, tables));
    assertEquals(0, Catalog.triggers(fresh));
    // and nothing else differs either: defaults, constraint and index definitions, functions
    assertEquals(Catalog.describe(fresh), Catalog.describe(ds));
    UUID id = (UUID) Shop.get(Shop.insert(db3Fresh, l3, "Customer", "email", "h@example.com", "fullName", "H"), "id");
    assertTrue(Shop.select(db3Fresh, l3, "Customer", id).isPresent());
  }

  static int cli(Database db, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, db, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      System.err.println(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
    return code;
  }
}
