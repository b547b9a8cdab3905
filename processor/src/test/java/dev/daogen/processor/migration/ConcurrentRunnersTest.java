package dev.daogen.processor.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.db.Database;
import dev.daogen.migrate.MigrationLockTimeoutException;
import dev.daogen.migrate.MigrationResult;
import dev.daogen.migrate.Migrations;
import java.io.File;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two runners at once, as two nodes starting together: the advisory lock lets one run while the other waits (then
 * finds the work done) or gives up after its lock timeout with a clear message. {@code runs} counts how often the
 * hand-written migration {@code 001_counter} ran: never more than once.
 */
class ConcurrentRunnersTest {
  @Test
  void twoThreadsBootstrapOnceAndAnImpatientOneTimesOut() throws Exception {
    Path notes = Notes.compiled();
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
    URLClassLoader loader = PluginCompiler.load(notes);
    String name = Pg.newDatabase();
    DataSource ds = Pg.dataSource(name);
    Pg.exec(ds, "alter database " + name + " set daogen.test_sleep = '1.5'");
    Database a = Shop.connect(ds, loader);
    Database b = Shop.connect(ds, loader);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<MigrationResult> first = pool.submit(() -> a.migrations().bootstrap());
      Future<MigrationResult> second = pool.submit(() -> b.migrations().withLockTimeout(Duration.ofSeconds(30))
          .bootstrap());
      Thread.sleep(300);
      Future<?> impatient = pool.submit(() -> b.migrations().withLockTimeout(Duration.ofMillis(500)).up(false));
      List<MigrationResult.Outcome> outcomes = List.of(first.get(30, TimeUnit.SECONDS).outcome(),
          second.get(30, TimeUnit.SECONDS).outcome());
      assertTrue(outcomes.contains(MigrationResult.Outcome.RAN), outcomes.toString());
      assertTrue(outcomes.contains(MigrationResult.Outcome.ALREADY_BOOTSTRAPPED), outcomes.toString());
      Exception timedOut = assertThrows(Exception.class, () -> impatient.get(30, TimeUnit.SECONDS));
      assertTrue(timedOut.getCause() instanceof MigrationLockTimeoutException, timedOut.toString());
      assertTrue(timedOut.getCause().getMessage().contains("another node is migrating"), timedOut.getMessage());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, Pg.scalar(ds, "select count(*) from runs"));
  }

  @Test
  void aRunnerInAnotherJvmWaitsOrFailsClearly() throws Exception {
    Path notes = Notes.compiled();
    Notes.write(notes, Notes.COUNTER, Notes.FLAKY_GOOD);
    URLClassLoader loader = PluginCompiler.load(notes);
    String name = Pg.newDatabase();
    DataSource ds = Pg.dataSource(name);
    Pg.exec(ds, "alter database " + name + " set daogen.test_sleep = '1'");
    String url = Pg.jdbcUrl(name);
    try (Connection holder = ds.getConnection()) {
      lock(holder, "select pg_advisory_lock(?)");
      // another node holds the lock: an impatient process gives up with a clear message
      Process impatient = runner(url, notes, "migrations", "bootstrap", "--lock-timeout", "1");
      assertEquals(1, impatient.waitFor());
      String err = new String(impatient.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(err.contains("another node is migrating"), err);
      // a patient process and a thread of this JVM both wait; once the lock is free, exactly one runs
      Process patient = runner(url, notes, "migrations", "bootstrap", "--lock-timeout", "60");
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<MigrationResult> local = pool.submit(() -> Shop.connect(ds, loader).migrations().bootstrap());
      Thread.sleep(1500);
      lock(holder, "select pg_advisory_unlock(?)");
      MigrationResult here = local.get(60, TimeUnit.SECONDS);
      assertTrue(patient.waitFor(60, TimeUnit.SECONDS));
      String out = new String(patient.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, patient.exitValue(), out);
      boolean processRan = out.contains("notes migrated up to: 001_counter (executed)");
      boolean threadRan = here.outcome() == MigrationResult.Outcome.RAN;
      assertTrue(processRan ^ threadRan, out + " / " + here);
      assertTrue(processRan || out.contains("Database already bootstrapped"), out);
      pool.shutdown();
    }
    assertEquals(1, Pg.scalar(ds, "select count(*) from runs"));
    Process up = runner(url, notes, "migrations", "up");
    assertEquals(0, up.waitFor());
    assertTrue(new String(up.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        .contains("Database is already up-to-date"));
    assertEquals(1, Pg.scalar(ds, "select count(*) from runs"));
  }

  private static void lock(Connection c, String sql) throws Exception {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.setLong(1, Migrations.LOCK_KEY);
      st.execute();
    }
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
