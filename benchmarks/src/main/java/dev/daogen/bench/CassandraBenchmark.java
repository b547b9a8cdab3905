package dev.daogen.bench;

import java.util.List;
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

/**
 * DAO operations over the seeded consumers on one embedded Cassandra node, for the generated DAO on {@code
 * CassandraStore} and hand-written driver code that sends the same statements ({@link DriverOps}). Keys are drawn at
 * random from the seeded rows on every call; pages start at paging states spread over the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CassandraBenchmark {
  @Param({"driver", "dao"})
  public String impl;

  private ConsumerOps ops;
  private List<Pools.Row> rows;
  private Object[] cursors;
  private String nonce;
  private long counter;

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

  @TearDown(Level.Trial)
  public void tearDown() {
    ops.close();
  }

  private Pools.Row anyRow() {
    return rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
  }

  @Benchmark
  public Object selectByPrimaryKey() {
    return ops.selectById(anyRow().id()).orElseThrow();
  }

  @Benchmark
  public Object selectByUniqueKey() {
    return ops.selectByUsername(anyRow().username()).orElseThrow();
  }

  @Benchmark
  public Object insert() {
    return ops.insert("ins-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object update() {
    return ops.updateCustomId(anyRow().id(), "upd-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object upsert() {
    Pools.Row row = anyRow();
    return ops.upsert(row.id(), row.username(), "ups-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object page100() {
    return ops.pageAfter(cursors[ThreadLocalRandom.current().nextInt(cursors.length)]);
  }
}
