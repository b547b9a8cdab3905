package dev.daogen.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.cli.Cli;
import dev.daogen.db.Database;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.SchemaState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner's bookkeeping on a real PostgreSQL: failures, checksums, reset, and every exit code of the CLI. */
class MigrationRunnerTest {
  private Path notes;
  private URLClassLoader loader;

  @BeforeEach
  void setUp() {
    notes = Notes.compiled();
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
    loader = PluginCompiler.load(notes);
  }

  @AfterEach
  void restore() {
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
  }

  @Test
  void handWrittenMigrationsJoinTheGeneratedOnes() {
    DataSource ds = Pg.dataSource(Pg.newDatabase());
    Database db = Shop.connect(ds, loader);
    db.migrations().bootstrap();
    SchemaState.Subsystem subsystem = db.migrations().state().subsystems().get(1);
    assertEquals("notes", subsystem.name());
    assertEquals(List.of("000_base_notes", "001_counter", "002_flaky"), subsystem.executed());
    assertEquals(List.of("000_base_core"), db.migrations().state().subsystems().get(0).executed());
  }

  @Test
  void aFailedMigrationIsRolledBackNotRecordedAndRunsAgain() {
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_BAD);
    DataSource ds = Pg.dataSource(Pg.newDatabase());
    Database db = Shop.connect(ds, loader);
    MigrationException e = assertThrows(MigrationException.class, () -> db.migrations().bootstrap());
    assertTrue(e.getMessage().contains("notes:002_flaky (META-INF/daogen/notes/migrations/002_flaky.sql) failed"),
        e.getMessage());
    assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    SchemaState.Subsystem subsystem = db.migrations().state().subsystems().get(1);
    assertEquals(List.of("000_base_notes", "001_counter"), subsystem.executed());
    assertEquals(List.of("002_flaky"), subsystem.available());
    assertEquals(0, Pg.scalar(ds, "select count(*) from pg_class where relname = 'flaky'"));
    Run again = cli(db, "migrations", "up");
    assertEquals(Cli.ERROR, again.code); // still failing: nothing recorded
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
    Run fixed = cli(db, "migrations", "up");
    assertEquals(Cli.OK, fixed.code, fixed.err);
    assertTrue(fixed.out.contains("notes migrated up to: 002_flaky (executed)"), fixed.out);
    assertTrue(fixed.out.contains("1 migrations processed\n1 executed\n0 pending"), fixed.out);
    assertEquals(1, Pg.scalar(ds, "select count(*) from runs"));
    assertEquals(1, Pg.scalar(ds, "select count(*) from pg_class where relname = 'flaky'"));
  }

  @Test
  void anExecutedMigrationThatChangedIsRefusedByName() {
    DataSource ds = Pg.dataSource(Pg.newDatabase());
    Database db = Shop.connect(ds, loader);
    db.migrations().bootstrap();
    Notes.write(notes, Notes.COUNTER + "-- edited after release\n", Notes.FLAKY_GOOD);
    MigrationException e = assertThrows(MigrationException.class, () -> db.migrations().up(false));
    assertTrue(e.getMessage().contains("META-INF/daogen/notes/migrations/001_counter.sql"), e.getMessage());
    assertTrue(e.getMessage().contains("changed after it was executed"), e.getMessage());
    assertThrows(MigrationException.class, () -> db.migrations().finish());
    Run list = cli(db, "migrations", "list");
    assertEquals(Cli.ERROR, list.code);
    assertTrue(list.out.contains("001_counter"), list.out);
    Database other = Shop.connect(ds, loader);
    MigrationException refused = assertThrows(MigrationException.class,
        () -> other.dao(loader.loadClass("test.notes.NoteDao")));
    assertTrue(refused.getMessage().contains("001_counter"), refused.getMessage());
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
    assertEquals(Cli.OK, cli(db, "migrations", "list").code);
  }

  @Test
  void reset() {
    DataSource ds = Pg.dataSource(Pg.newDatabase());
    Database db = Shop.connect(ds, loader);
    Run notBootstrapped = cli(db, "migrations", "reset", "--yes");
    assertEquals(Cli.ERROR, notBootstrapped.code);
    assertTrue(notBootstrapped.err.contains("Database not bootstrapped, nothing to reset"), notBootstrapped.err);
    Run noTerminal = cli(db, "migrations", "reset");
    assertEquals(Cli.ERROR, noTerminal.code);
    assertTrue(noTerminal.err.contains("pass --yes"), noTerminal.err);
    assertEquals(Cli.OK, cli(db, "migrations", "bootstrap").code);
    assertEquals(Cli.ERROR, cli(db, "migrations", "reset").code); // still no terminal
    Run reset = cli(db, "migrations", "reset", "-y");
    assertEquals(Cli.OK, reset.code, reset.err);
    assertEquals(0, Pg.scalar(ds, "select count(*) from pg_class where relname in ('notes', 'schema_meta',"
        + " 'cluster_events')"));
    assertEquals(Cli.NEEDS_BOOTSTRAP, cli(db, "migrations", "list").code);
    assertEquals(Cli.OK, cli(db, "migrations", "bootstrap").code);
  }

  @Test
  void everyExitCodeOfTheCli() throws Exception {
    Path[] shop = Shop.compiled();
    URLClassLoader l1 = PluginCompiler.load(shop[0]);
    URLClassLoader l2 = PluginCompiler.load(shop[1]);
    DataSource ds = Pg.dataSource(Pg.newDatabase());
    Database db1 = Shop.connect(ds, l1);
    Database db2 = Shop.connect(ds, l2);

    assertEquals(Cli.USAGE, cli(db1).code);
    assertEquals(Cli.USAGE, cli(db1, "migrations", "sideways").code);
    assertEquals(Cli.USAGE, cli(db1, "migrations", "up", "--sideways").code);
    assertEquals(Cli.USAGE, cli(db1, "migrations", "up", "--lock-timeout", "soon").code);
    assertEquals(Cli.OK, cli(db1, "migrations", "--help").code);

    Run list = cli(db1, "migrations", "list");
    assertEquals(Cli.NEEDS_BOOTSTRAP, list.code);
    assertTrue(list.out.contains("run 'migrations bootstrap'"), list.out);
    assertTrue(cli(db1, "migrations", "status").out.contains("\"needs_bootstrap\" : true"));
    assertEquals(Cli.ERROR, cli(db1, "migrations", "up").code);
    assertEquals(Cli.ERROR, cli(db1, "migrations", "finish").code);

    Run bootstrap = cli(db1, "migrations", "bootstrap");
    assertEquals(Cli.OK, bootstrap.code, bootstrap.err);
    assertTrue(bootstrap.out.contains("shop migrated up to: 000_base_shop (executed)"), bootstrap.out);
    assertTrue(bootstrap.out.contains("2 migrations processed\n2 executed"), bootstrap.out);
    Run again = cli(db1, "migrations", "bootstrap");
    assertEquals(Cli.OK, again.code);
    assertTrue(again.out.contains("Database already bootstrapped"), again.out);
    Shop.insert(db1, l1, "Customer", "email", "a@example.com", "name", "A", "legacyCode", "A");
    assertEquals(Cli.OK, cli(db1, "migrations", "bootstrap", "--force").code);
    assertEquals(0, Pg.scalar(ds, "select count(*) from customers"));
    assertEquals(Cli.OK, cli(db1, "migrations", "list").code);
    assertEquals(Cli.OK, cli(db1, "migrations", "up").code);
    assertTrue(cli(db1, "migrations", "up").out.contains("Database is already up-to-date"));

    Run hasNew = cli(db2, "migrations", "list");
    assertEquals(Cli.NEW, hasNew.code);
    assertTrue(hasNew.out.contains("New migrations available:\nshop: 001_100_to_110"), hasNew.out);
    assertTrue(cli(db2, "migrations", "finish").out.contains("No pending migrations to finish"));
    Run up = cli(db2, "migrations", "up");
    assertEquals(Cli.OK, up.code, up.err);
    assertTrue(up.out.contains("shop migrated up to: 001_100_to_110 (pending)"), up.out);
    assertTrue(up.out.contains("1 migrations processed\n0 executed\n1 pending"), up.out);
    Run pending = cli(db2, "migrations", "list");
    assertEquals(Cli.PENDING, pending.code);
    assertTrue(pending.out.contains("Pending migrations:\nshop: 001_100_to_110"), pending.out);
    Run refused = cli(db2, "migrations", "up");
    assertEquals(Cli.ERROR, refused.code);
    assertTrue(refused.err.contains("Database has pending migrations"), refused.err);
    assertTrue(cli(db2, "migrations", "up", "--force").out.contains("Database is already up-to-date"));
    Run status = cli(db2, "migrations", "status");
    assertTrue(status.out.contains("\"pending\" : [ \"001_100_to_110\" ]"), status.out);
    Run finish = cli(db2, "migrations", "finish");
    assertEquals(Cli.OK, finish.code, finish.err);
    assertTrue(finish.out.contains("shop migrated up to: 001_100_to_110 (executed)"), finish.out);
    assertTrue(cli(db2, "migrations", "finish").out.contains("No pending migrations to finish"));
    assertEquals(Cli.OK, cli(db2, "migrations", "list").code);
    assertTrue(cli(db2, "migrations", "status").out.contains("\"up_to_date\" : true"));
  }

  record Run(int code, String out, String err) {}

  static Run cli(Database db, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, db, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
