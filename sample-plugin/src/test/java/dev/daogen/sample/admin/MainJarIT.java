package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.daogen.sample.KeyAuth100;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as a process (run by failsafe after {@code package}): it starts, serves the admin API, the curl
 * commands it prints work as printed, SIGTERM stops it cleanly, and a restart on the same data directory finds the
 * data again; on a data directory that 1.0.0 left, it runs the up part of the upgrade, serves, and prints a
 * {@code migrations finish} command that works as printed.
 */
class MainJarIT {
  private Path dataDir;
  private final List<Process> started = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @BeforeEach
  void dataDir() throws IOException {
    dataDir = Files.createTempDirectory("daogen-it-data");
  }

  @AfterEach
  void cleanUp() throws IOException {
    for (Process p : started) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    for (Path log : logs) {
      Files.deleteIfExists(log);
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** A running jar and everything it printed so far. */
  private final class Run {
    final Process process;
    final Path log;

    Run(String... args) throws IOException {
      String jar = System.getProperty("daogen.sample.jar");
      assertNotNull(jar, "system property daogen.sample.jar (set by failsafe)");
      assertTrue(Files.isRegularFile(Path.of(jar)), jar);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
      command.addAll(List.of(args));
      // to a file rather than a pipe: a pipe loses what the JVM prints in its shutdown hooks once it exits
      log = Files.createTempFile("daogen-it", ".log");
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      started.add(process);
      logs.add(log);
    }

    String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    List<String> lines() {
      return output().lines().toList();
    }

    void awaitLine(String fragment, long seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        if (lines().stream().anyMatch(l -> l.contains(fragment))) {
          return;
        }
        if (!process.isAlive()) {
          if (lines().stream().anyMatch(l -> l.contains(fragment))) {
            return;
          }
          fail("the jar exited (" + process.exitValue() + ") before printing '" + fragment + "':\n" + output());
        }
        Thread.sleep(100);
      }
      fail("no '" + fragment + "' within " + seconds + " s:\n" + output());
    }

    /** SIGTERM, then a clean exit: shutdown message printed, PostgreSQL stopped (no postmaster.pid left). */
    void terminate() throws InterruptedException {
      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "no exit within 60 s after SIGTERM:\n" + output());
      int exit = process.exitValue();
      assertTrue(exit == 0 || exit == 143, "exit status " + exit + " after SIGTERM:\n" + output());
      assertTrue(output().contains("stopping: admin API, then PostgreSQL"), output());
      assertFalse(output().contains("Exception"), "exceptions during the run:\n" + output());
      assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "PostgreSQL still running:\n" + output());
    }

    List<String> curlCommands() {
      return lines().stream().map(String::trim).filter(l -> l.startsWith("curl ")).toList();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static boolean hasCurl() {
    try {
      return new ProcessBuilder("curl", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs the printed curl commands as printed (by a shell) and checks each one's answer. */
  private static void runPrintedCurls(Run run) throws IOException, InterruptedException {
    List<String> curls = run.curlCommands();
    assertEquals(7, curls.size(), run.output());
    for (String curl : curls) {
      Process p = new ProcessBuilder("sh", "-c", curl).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), curl);
      assertEquals(0, p.exitValue(), curl + "\n" + out);
      assertFalse(out.contains("\"code\":") || out.contains("\"message\":"), curl + " answered an error: " + out);
      String expected;
      if (curl.contains("-X POST") && curl.contains("username=alice")) {
        expected = "\"username\":\"alice\"";
      } else if (curl.contains("-X POST") && curl.contains("/key-auth")) {
        expected = "\"key\":\"";
      } else if (curl.contains("-X PATCH")) {
        expected = "\"custom_id\":\"alice-1\"";
      } else if (curl.contains("/consumers/alice/key-auth") || curl.contains("/key-auths?")) {
        expected = "\"data\":[{";
      } else if (curl.contains("/schemas/consumers")) {
        expected = "\"name\":\"consumers\"";
      } else if (curl.contains("-X DELETE")) {
        expected = " 204";
      } else {
        throw new AssertionError("a printed command this test does not know: " + curl);
      }
      assertTrue(out.contains(expected), curl + "\nexpected " + expected + " in:\n" + out);
    }
  }

  @Test
  void servesOnCassandraAsPrintedStopsCleanlyAndKeepsTheData() throws Exception {
    String[] cassandra = {"--store", "cassandra", "--data-dir", dataDir.toString(),
        "--cql-port", Integer.toString(freePort()), "--storage-port", Integer.toString(freePort())};
    int port = freePort();
    Run first = new Run(concat(cassandra, "--port", Integer.toString(port)));
    first.awaitLine("listening on http://127.0.0.1:" + port, 240);
    assertTrue(first.output().contains("Cassandra (embedded) keeps its data in " + dataDir.toAbsolutePath()),
        first.output());
    if (hasCurl()) {
      runPrintedCurls(first);
    }
    Http http = new Http("http://127.0.0.1:" + port);
    String bobId = str(http.form("POST", "/consumers", "username=bob&tags[]=kept").expect(201).obj().get("id"));
    http.form("POST", "/consumers", "username=bob").expect(409);
    stop(first, "Cassandra");

    int port2 = freePort();
    Run second = new Run(concat(cassandra, "--port", Integer.toString(port2)));
    second.awaitLine("listening on http://127.0.0.1:" + port2, 240);
    Http http2 = new Http("http://127.0.0.1:" + port2);
    Map<String, Object> bob = http2.get("/consumers/bob").expect(200).obj();
    assertEquals(bobId, bob.get("id"));
    assertEquals(List.of("kept"), bob.get("tags"));
    assertEquals(Map.of("reachable", true), http2.get("/status").expect(200).obj().get("database"));
    stop(second, "Cassandra");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** SIGTERM, then a clean exit that stops the embedded database with it (its JVM gone). */
  private static void stop(Run run, String database) throws InterruptedException {
    java.util.Set<ProcessHandle> children = run.process.descendants().collect(java.util.stream.Collectors.toSet());
    run.process.destroy();
    assertTrue(run.process.waitFor(90, TimeUnit.SECONDS), "no exit within 90 s after SIGTERM:\n" + run.output());
    assertTrue(run.output().contains("stopping: admin API, then " + database), run.output());
    assertFalse(run.output().contains("Exception"), "exceptions during the run:\n" + run.output());
    for (ProcessHandle child : children) {
      child.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    }
  }

  @Test
  void servesAsPrintedStopsCleanlyAndKeepsTheData() throws Exception {
    int port = freePort();
    Run first = new Run("--data-dir", dataDir.toString(), "--port", Integer.toString(port));
    first.awaitLine("listening on http://127.0.0.1:" + port, 120);
    assertTrue(first.output().contains(dataDir.toAbsolutePath().toString()), "prints the data directory");
    Http http = new Http("http://127.0.0.1:" + port);
    first.awaitLine("Admin UI: http://127.0.0.1:" + port + "/ui/", 10);
    assertTrue(http.get("/ui/").expect(200).body().contains("app.js"), "the printed UI address serves the UI");
    if (hasCurl()) {
      runPrintedCurls(first);
    }
    http.get("/consumers/alice").expect(404);
    String bobId = str(http.form("POST", "/consumers", "username=bob&tags[]=kept").expect(201).obj().get("id"));
    String key = str(http.json("POST", "/consumers/bob/key-auth", "{}").expect(201).obj().get("key"));
    first.terminate();

    int port2 = freePort();
    Run second = new Run("--data-dir", dataDir.toString(), "--port", Integer.toString(port2));
    second.awaitLine("listening on http://127.0.0.1:" + port2, 120);
    Http http2 = new Http("http://127.0.0.1:" + port2);
    Map<String, Object> bob = http2.get("/consumers/bob").expect(200).obj();
    assertEquals(bobId, bob.get("id"));
    assertEquals(List.of("kept"), bob.get("tags"));
    assertEquals(bobId, http2.get("/key-auths/" + key + "/consumer").expect(200).obj().get("id"));
    assertEquals(Map.of("reachable", true), http2.get("/status").expect(200).obj().get("database"));
    if (hasCurl()) {
      runPrintedCurls(second); // alice was deleted by the first run: the same commands work again
    }
    second.terminate();
  }

  @Test
  @SuppressWarnings("unchecked")
  void upgradesA100DataDirectoryAndItsPrintedFinishCommandWorks() throws Exception {
    // a data directory as 1.0.0 left it: its base migration and rows, written through an embedded PostgreSQL here
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .start()) {
      KeyAuth100.bootstrap(pg.getPostgresDatabase());
      KeyAuth100.insertRows(pg.getPostgresDatabase(), "ann", "ann-key");
    }
    int port = freePort();
    Run run = new Run("--data-dir", dataDir.toString(), "--port", Integer.toString(port));
    run.awaitLine("(or, once this server is stopped: ", 120);
    String output = run.output();
    assertTrue(output.contains("Migrations executed: [key-auth:001_100_to_110]"), output);
    assertTrue(output.contains("listening on http://127.0.0.1:" + port), output);
    assertTrue(output.contains("Once every node runs key-auth 1.1.0, finish them"), output);
    List<String> finish = run.lines().stream().map(String::strip)
        .filter(l -> l.startsWith("java -jar ") && l.contains(" migrations finish --jdbc-url ")).toList();
    assertEquals(1, finish.size(), output);

    // 1.0.0's scopes through the 1.1.0 admin API, under the new name and with the new default; new writes too
    Http http = new Http("http://127.0.0.1:" + port);
    List<Map<String, Object>> scopes =
        (List<Map<String, Object>>) http.get("/key-auths/ann-key/scopes").expect(200).obj().get("data");
    assertEquals(2, scopes.size(), scopes.toString());
    for (Map<String, Object> scope : scopes) {
      assertTrue(List.of("read", "write").contains(scope.get("name")), scope.toString());
      assertEquals("ALLOW", scope.get("effect"), scope.toString());
      assertFalse(scope.containsKey("scope"), scope.toString());
    }
    http.json("POST", "/key-auths/ann-key/scopes", "{\"name\": \"delete\", \"effect\": \"DENY\"}").expect(201);

    // the printed finish command, run by a shell as printed (with this JVM's java first on the PATH), while the
    // server runs: it is the only node
    ProcessBuilder shell = new ProcessBuilder("sh", "-c", finish.get(0)).redirectErrorStream(true);
    shell.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + shell.environment().getOrDefault("PATH", ""));
    Process p = shell.start();
    started.add(p);
    String finished = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), finished);
    assertEquals(0, p.exitValue(), finish.get(0) + "\n" + finished);
    assertTrue(finished.contains("key-auth migrated up to: 001_100_to_110 (executed)"), finished);

    scopes = (List<Map<String, Object>>) http.get("/key-auths/ann-key/scopes").expect(200).obj().get("data");
    assertEquals(3, scopes.size(), "still serving after finish: " + scopes);
    run.terminate();

    Run list = new Run("migrations", "list", "--data-dir", dataDir.toString());
    assertTrue(list.process.waitFor(120, TimeUnit.SECONDS), list.output());
    assertEquals(0, list.process.exitValue(), list.output());
    assertTrue(list.output().contains("Database is up-to-date"), list.output());
  }

  @Test
  void refusesANonLoopbackAddressWithoutAToken() throws Exception {
    Run run = new Run("--data-dir", dataDir.toString(), "--port", Integer.toString(freePort()), "--listen",
        "0.0.0.0");
    assertTrue(run.process.waitFor(120, TimeUnit.SECONDS), run.output());
    assertEquals(1, run.process.exitValue(), run.output());
    assertTrue(run.output().contains("cannot start the admin API"), run.output());
    assertTrue(run.output().contains("token"), run.output());
    assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "PostgreSQL left running:\n" + run.output());
  }

  private static String str(Object o) {
    return (String) o;
  }
}
