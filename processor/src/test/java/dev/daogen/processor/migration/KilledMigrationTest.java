package dev.daogen.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A migration process killed mid-run (its slow hand-written migration is sleeping): the next run completes, nothing
 * is applied twice, and the schema is right.
 */
class KilledMigrationTest {
  @Test
  void aRunnerKilledMidMigrationLeavesNothingHalfDone() throws Exception {
    Path notes = Notes.compiled();
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
    String name = Pg.newDatabase();
    DataSource ds = Pg.dataSource(name);
    Pg.exec(ds, "alter database " + name + " set daogen.test_sleep = '3'");
    String url = Pg.jdbcUrl(name);

    Process victim = runner(url, notes, "migrations", "bootstrap");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (Pg.scalar(ds, "select count(*) from pg_stat_activity where datname = '" + name + "' and state = 'active'"
        + " and query like '%pg_sleep%' and pid <> pg_backend_pid()") == 0) {
      assertTrue(System.nanoTime() < deadline, "the migration never started sleeping");
      assertTrue(victim.isAlive(), "the runner exited before it was killed");
      Thread.sleep(20);
    }
    victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    Pg.exec(ds, "alter database " + name + " set daogen.test_sleep = '0'");

    // the killed run's transaction is rolled back; the next run waits for its lock and does everything once
    Process next = runner(url, notes, "migrations", "bootstrap", "--lock-timeout", "60");
    assertTrue(next.waitFor(60, TimeUnit.SECONDS));
    String out = new String(next.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        + new String(next.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, next.exitValue(), out);
    // the killed bootstrap had committed schema_meta and 000_base: this bootstrap reports "already bootstrapped"
    // and lists the rest as new; 'up' runs them (a half-done bootstrap is not resumed by 'bootstrap' itself)
    Process up = runner(url, notes, "migrations", "up", "--lock-timeout", "60");
    assertTrue(up.waitFor(60, TimeUnit.SECONDS));
    String upOut = new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        + new String(up.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, up.exitValue(), upOut);
    System.out.println("after the kill: bootstrap said: " + out.strip() + " / up said: " + upOut.strip());
    assertEquals(1, Pg.scalar(ds, "select count(*) from runs"), "001_counter ran exactly once");
    assertEquals(1, Pg.scalar(ds, "select count(*) from information_schema.tables where table_name = 'flaky'"));
    assertEquals(1, Pg.scalar(ds, "select count(*) from information_schema.tables where table_name = 'notes'"));

    Process again = runner(url, notes, "migrations", "up");
    assertTrue(again.waitFor(60, TimeUnit.SECONDS));
    String again1 = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, again.exitValue(), again1);
    assertTrue(again1.contains("already up-to-date"), again1);
    assertEquals(1, Pg.scalar(ds, "select count(*) from runs"), "nothing applied twice");
    System.out.printf("killed migration: the next run completed; 001_counter applied once; schema complete%n");
  }

  private static Process runner(String url, Path plugin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        CliMain.class.getName(), url, plugin.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
  }
}
