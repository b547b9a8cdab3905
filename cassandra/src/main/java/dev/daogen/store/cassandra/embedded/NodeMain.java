package dev.daogen.store.cassandra.embedded;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The main class of a node's JVM: watches the process that started the node, then runs Cassandra's own
 * {@code CassandraDaemon.main}, whose class name is the first argument (so that {@code ps} and {@code pgrep -f
 * CassandraDaemon} find the node as they find any Cassandra). When the parent process is gone (killed, crashed, or ended without running its
 * shutdown hooks) the node exits too, so no Cassandra JVM is ever orphaned.
 *
 * <p>{@link CassandraNode} copies this class file alone onto the node's class path, before Cassandra's jars: it must
 * depend on nothing but the JDK (Cassandra is called reflectively), and must compile to a single class file (no
 * nested, inner or anonymous classes; lambdas are fine).
 */
final class NodeMain {
  /** The system property holding the pid of the process to watch. */
  static final String PARENT_PID_PROPERTY = "daogen.cassandra.parent_pid";

  private static final Duration POLL = Duration.ofSeconds(1);
  /** How long Cassandra's own shutdown hooks (a drain) may run once the parent is gone. */
  private static final Duration EXIT_GRACE = Duration.ofSeconds(15);

  private NodeMain() {
  }

  /**
   * Starts the parent watch, then Cassandra.
   *
   * @param args the main class to run ({@code org.apache.cassandra.service.CassandraDaemon}), then its arguments
   * @throws Throwable whatever Cassandra's main throws
   */
  public static void main(String[] args) throws Throwable {
    String parentPid = System.getProperty(PARENT_PID_PROPERTY);
    if (parentPid != null) {
      watch(Long.parseLong(parentPid));
    }
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: NodeMain <main class> [argument…]");
    }
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static void watch(long pid) {
    Optional<ProcessHandle> parent = ProcessHandle.of(pid);
    if (parent.isEmpty() || !parent.get().isAlive()) {
      System.err.println("daogen: parent process " + pid + " is already gone; not starting Cassandra");
      Runtime.getRuntime().halt(3);
    }
    ProcessHandle handle = parent.get();
    Thread watcher = new Thread(() -> {
      // ProcessHandle.isAlive also compares the process start time, so a reused pid does not count as the parent
      while (handle.isAlive()) {
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
          return;
        }
      }
      System.err.println("daogen: parent process " + pid + " is gone; stopping this Cassandra node");
      Thread halt = new Thread(() -> {
        try {
          Thread.sleep(EXIT_GRACE.toMillis());
        } catch (InterruptedException e) {
          // halt at once
        }
        Runtime.getRuntime().halt(4);
      }, "daogen-exit-deadline");
      halt.setDaemon(true);
      halt.start();
      System.exit(4);
    }, "daogen-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }
}
