package dev.daogen.store.cassandra.embedded;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The JVMs of the nodes this JVM started: killing one and waiting for it, and stopping the rest at exit. */
final class NodeProcesses {
  /** The JVMs of the nodes started and not yet seen to exit, for the shutdown hook. */
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
  /** How long the exit hook leaves nodes to their owners' hooks before it stops them itself. */
  private static final Duration OWNER_HEAD_START = Duration.ofSeconds(5);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(30);

  static {
    // nodes still running when this JVM exits stop as close() stops them: SIGTERM, so that Cassandra drains (flushes
    // what its commit log has not synced yet: acknowledged writes survive), then SIGKILL after the grace period. Their
    // owners' own shutdown hooks run at the same time and usually close them first (sessions before nodes): they get
    // a head start, so that a node does not vanish under a session still open
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long headStart = System.nanoTime() + OWNER_HEAD_START.toNanos();
      for (Process process : RUNNING) {
        try {
          process.waitFor(Math.max(0, headStart - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      for (Process process : RUNNING) {
        process.destroy();
      }
      long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
      for (Process process : RUNNING) {
        try {
          process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
      }
    }, "daogen-cassandra-node-reaper"));
  }

  private NodeProcesses() {}

  /** Registers a node's JVM just launched, for the exit hook. */
  static void started(Process process) {
    RUNNING.add(process);
  }

  /** Kills a node's JVM ({@code SIGKILL}) and waits for it to be gone. */
  static void killAndWait(Process process) {
    process.destroyForcibly();
    boolean interrupted = false;
    long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
    while (process.isAlive() && System.nanoTime() < deadline) {
      try {
        process.waitFor(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (process.isAlive()) {
      throw new IllegalStateException("The Cassandra node's JVM (pid " + process.pid() + ") is still alive "
          + KILL_TIMEOUT.toSeconds() + " s after SIGKILL");
    }
    RUNNING.remove(process);
  }
}
