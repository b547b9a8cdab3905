package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
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
 * DAO operations over the 100,000 seeded consumers on PostgreSQL, for the generated DAO, hand-written JDBC, jOOQ's
 * runtime DSL, Spring Data JDBC and Micronaut Data JDBC.
 * Keys are drawn at random from the seeded rows on every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DaoBenchmark {
  @Param({"dao", "dao-single-node", "jdbc", "jooq", "spring", "micronaut"})
  public String impl;

  private HikariDataSource ds;
  private ConsumerOps ops;
  private List<Pools.Row> rows;
  private Object[] cursors;
  private String nonce;
  private long counter;

  @Setup(Level.Trial)
  public void setUp() {
    ds = Pools.fromProperty();
    Pools.reset(ds);
    ops = Contenders.open(impl, ds, false);
    rows = Pools.seeded(ds);
    if (rows.size() < 100_000) {
      throw new IllegalStateException("expected 100,000 seeded rows, found " + rows.size());
    }
    cursors = Pools.cursors(ops, rows);
    nonce = impl + "-" + Long.toHexString(System.nanoTime());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ops.close();
    ds.close();
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
    return ops.insert(Pools.INSERTED + nonce + "-" + counter++);
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
