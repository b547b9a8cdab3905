package dev.daogen.store.cassandra.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher of a node's JVM, without Cassandra: it runs the main class named by its first argument, and the JVM
 * ends when the watched parent process dies.
 */
class NodeMainTest {

  /** Stands in for CassandraDaemon: prints its arguments and blocks. */
  static final class Blocking {
    private Blocking() {
    }

    public static void main(String[] args) throws InterruptedException {
      System.out.println("started " + String.join(" ", args));
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void theNodeJvmEndsWhenItsParentDies(@TempDir Path dir) throws IOException, InterruptedException {
    Process parent = new ProcessBuilder("sleep", "600").start();
    Path output = dir.resolve("out.log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + NodeMain.PARENT_PID_PROPERTY + "=" + parent.pid(), "-cp", classPath(), NodeMain.class.getName(),
        Blocking.class.getName(), "a", "b")
        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      awaitTrue(Duration.ofSeconds(60), () -> Files.readString(output).contains("started a b"),
          "the main class ran with the remaining arguments");
      assertTrue(child.isAlive());

      parent.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the node JVM ended after its parent died");
      assertEquals(4, child.exitValue());
      assertTrue(Files.readString(output).contains("is gone"), Files.readString(output));
    } finally {
      parent.destroyForcibly();
      child.destroyForcibly();
    }
  }

  @Test
  void aParentAlreadyGoneStopsTheJvmAtOnce(@TempDir Path dir) throws IOException, InterruptedException {
    Process parent = new ProcessBuilder("true").start();
    parent.waitFor();
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + NodeMain.PARENT_PID_PROPERTY + "=" + parent.pid(), "-cp", classPath(), NodeMain.class.getName(),
        Blocking.class.getName())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
    try {
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(3, child.exitValue());
    } finally {
      child.destroyForcibly();
    }
  }

  private static String classPath() {
    try {
      return String.join(File.pathSeparator, List.of(
          Path.of(NodeMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
          Path.of(Blocking.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Check {
    boolean holds() throws IOException;
  }

  private static void awaitTrue(Duration timeout, Check check, String what) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not true within " + timeout + ": " + what);
      }
      Thread.sleep(100);
    }
  }
}
