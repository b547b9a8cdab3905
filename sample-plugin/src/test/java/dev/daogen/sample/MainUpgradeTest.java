package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The program on a database that 1.0.0 left, in process: it runs {@code up} by itself, says that teardowns are
 * pending and prints the {@code migrations finish} command, which works as printed. (The jar as a process on a 1.0.0
 * data directory: {@code MainJarIT}.)
 */
class MainUpgradeTest {
  private record Run(int code, String out, String err) {
    /** The printed {@code java -jar …} command, as its words after {@code java -jar <jar>}. */
    String[] printedCommand() {
      List<String> commands = out.lines().map(String::strip).filter(l -> l.startsWith("java -jar ")).toList();
      assertEquals(1, commands.size(), out);
      String prefix = "java -jar daogen-sample-plugin.jar ";
      assertTrue(commands.get(0).startsWith(prefix), commands.get(0));
      return commands.get(0).substring(prefix.length()).split(" ");
    }
  }

  private static Run run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runsUpOnA100DatabaseAndPrintsHowToFinishUntilFinished() throws Exception {
    String database = TestDatabase.newDatabase();
    DataSource ds = TestDatabase.dataSource(database);
    KeyAuth100.bootstrap(ds);
    KeyAuth100.insertRows(ds, "ann", "ann-key");
    String url = TestDatabase.jdbcUrl(database);

    // (the test server trusts local connections, so any password logs in)
    Run first = run("demo", "--jdbc-url", url, "--user", "postgres", "--password", "s3cret");
    assertEquals(0, first.code(), first.out() + first.err());
    assertFalse(first.out().contains("s3cret"), "a password is never printed: " + first.out());
    assertTrue(first.out().contains("Migrations executed: [key-auth:001_100_to_110] (up; pending until 'migrations"
        + " finish': [key-auth:001_100_to_110])"), first.out());
    assertTrue(first.out().contains("Database has pending migrations [key-auth:001_100_to_110]"), first.out());
    assertTrue(first.out().contains("Once every node runs key-auth 1.1.0, finish them"), first.out());
    String[] finish = first.printedCommand();
    assertEquals(List.of("migrations", "finish", "--jdbc-url", url, "--user", "postgres", "--password", "PASSWORD"),
        List.of(finish));
    assertEquals(1, count(ds, "select count(*) from information_schema.columns"
        + " where table_name = 'credential_scopes' and column_name = 'scope'"), "up keeps the old column");

    // a restart before finish: nothing new to run, the same hint
    Run second = run("demo", "--jdbc-url", url);
    assertEquals(0, second.code(), second.out() + second.err());
    assertFalse(second.out().contains("Migrations executed"), second.out());
    assertEquals(List.of("migrations", "finish", "--jdbc-url", url, "--user", "postgres"),
        List.of(second.printedCommand()));

    // the printed command, as printed
    Run finished = run(finish);
    assertEquals(0, finished.code(), finished.out() + finished.err());
    assertTrue(finished.out().contains("key-auth migrated up to: 001_100_to_110 (executed)"), finished.out());
    assertEquals(0, count(ds, "select count(*) from information_schema.columns"
        + " where table_name = 'credential_scopes' and column_name = 'scope'"), "finish drops the old column");

    Run third = run("demo", "--jdbc-url", url);
    assertEquals(0, third.code(), third.out() + third.err());
    assertFalse(third.out().contains("pending"), third.out());
    assertFalse(third.out().contains("java -jar"), third.out());
    assertEquals(2, count(ds, "select count(*) from credential_scopes where name in ('read', 'write')"
        + " and effect = 'ALLOW'"), "1.0.0's scopes under the new name, with the default effect");
  }

  @Test
  void refusesToServeWhenAnExecutedMigrationChanged() throws Exception {
    String database = TestDatabase.newDatabase();
    DataSource ds = TestDatabase.dataSource(database);
    KeyAuth100.bootstrap(ds);
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.executeUpdate("update schema_meta set checksums = jsonb_set(checksums, '{000_base_key-auth}', '\"0\"')"
          + " where subsystem = 'key-auth'");
    }

    Run run = run("serve", "--jdbc-url", TestDatabase.jdbcUrl(database), "--port", "0");
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("Error: Migration META-INF/daogen/key-auth/migrations/000_base_key-auth.sql of"
        + " subsystem 'key-auth' changed after it was executed"), run.err());
    assertFalse(run.out().contains("listening"), run.out());
    assertEquals(0, count(ds, "select count(*) from information_schema.tables"
        + " where table_name = 'keyauth_failed_attempts'"), "nothing of 1.1.0 ran");
  }

  @Test
  void printedWordsAreQuotedForTheShellWhereNeeded() {
    assertEquals("/tmp/daogen-data", Main.shellWord("/tmp/daogen-data"));
    assertEquals("jdbc:postgresql://db:5432/kong", Main.shellWord("jdbc:postgresql://db:5432/kong"));
    assertEquals("'/tmp/my data'", Main.shellWord("/tmp/my data"));
    assertEquals("'jdbc:postgresql://db/kong?ssl=true&user=o'\\''brien'",
        Main.shellWord("jdbc:postgresql://db/kong?ssl=true&user=o'brien"));
  }

  private static long count(DataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
