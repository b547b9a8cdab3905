package dev.daogen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * DAO operations over the seeded consumers on one embedded Cassandra node, for the generated DAO on {@code
 * CassandraStore} and hand-written driver code that sends the same statements ({@link DriverOps}). Keys are drawn at
 * random from the seeded rows on every call; pages start at paging states spread over the table.
 *
 * <p>Besides JMH's score, each fork measures the library's own cost: the CPU time of the calling thread over the
 * measurement iterations (binding, the driver's request path, waiting excluded, decoding and mapping the rows: the
 * driver decodes a row's values on the caller's thread), divided by the calls made in them, and appends it to the
 * file named by {@code -D}{@value #CPU_FILE_PROPERTY} as {@code impl method cpu-ns calls}. The node's work and the
 * time the thread waited for a core do not count in it, so it holds on a busy machine where the wall-clock scores
 * do not. (The setup and teardown run on the same thread: JMH runs fixtures on the benchmark's worker threads.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CassandraBenchmark {
  /** System property: the file each fork appends its client CPU line to (none: not measured). */
  public static final String CPU_FILE_PROPERTY = "daogen.bench.cpuFile";
  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Param({"driver", "dao"})
  public String impl;

  private ConsumerOps ops;
  private List<Pools.Row> rows;
  private Object[] cursors;
  private String nonce;
  private long counter;
  private long calls;
  private boolean measuring;
  private long cpuAtStart;
  private long callsAtStart;
  private long cpuMeasured;
  private long callsMeasured;

  @Setup(Level.Trial)
  public void setUp() {
    ops = CassandraBench.open(impl, CassandraBench.contactFromProperty(), null);
    try (var session = CassandraBench.session(CassandraBench.contactFromProperty(), null)) {
      rows = CassandraBench.seeded(session);
    }
    if (rows.size() < 1000) {
      throw new IllegalStateException("expected seeded consumers, found " + rows.size());
    }
    cursors = CassandraBench.cursors(ops, 50, 100);
    nonce = impl + "-" + Long.toHexString(System.nanoTime());
  }

  @Setup(Level.Iteration)
  public void startIteration(IterationParams iteration) {
    measuring = iteration.getType() == IterationType.MEASUREMENT;
    callsAtStart = calls;
    cpuAtStart = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    long cpu = THREADS.getCurrentThreadCpuTime();
    if (measuring) {
      cpuMeasured += cpu - cpuAtStart;
      callsMeasured += calls - callsAtStart;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown(BenchmarkParams benchmark) {
    ops.close();
    String file = System.getProperty(CPU_FILE_PROPERTY);
    if (file != null && callsMeasured > 0) {
      String method = benchmark.getBenchmark().substring(benchmark.getBenchmark().lastIndexOf('.') + 1);
      try {
        Files.writeString(Path.of(file), String.format(Locale.ROOT, "%s %s %d %d%n", impl, method, cpuMeasured,
            callsMeasured), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private Pools.Row anyRow() {
    return rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
  }

  @Benchmark
  public Object selectByPrimaryKey() {
    calls++;
    return ops.selectById(anyRow().id()).orElseThrow();
  }

  @Benchmark
  public Object selectByUniqueKey() {
    calls++;
    return ops.selectByUsername(anyRow().username()).orElseThrow();
  }

  @Benchmark
  public Object insert() {
    calls++;
    return ops.insert("ins-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object update() {
    calls++;
    return ops.updateCustomId(anyRow().id(), "upd-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object upsert() {
    calls++;
    Pools.Row row = anyRow();
    return ops.upsert(row.id(), row.username(), "ups-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object page100() {
    calls++;
    return ops.pageAfter(cursors[ThreadLocalRandom.current().nextInt(cursors.length)]);
  }
}
