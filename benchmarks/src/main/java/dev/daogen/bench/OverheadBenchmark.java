package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.bench.canned.CannedDb;
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
 * Client-side overhead, without a database: every contender runs the DAO's operations on a HikariCP pool over the
 * canned in-process driver ({@link CannedDb}: a fixed table of 10,000 consumers answered from memory), so the time
 * and allocation measured are the library's (and the pool's, the same for all), not PostgreSQL's or the network's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverheadBenchmark {
  @Param({"jdbc", "dao", "dao-single-node", "jooq", "spring", "micronaut"})
  public String impl;

  private CannedDb db;
  private HikariDataSource pool;
  private ConsumerOps ops;
  private Object[] cursors;
  private String nonce;
  private long counter;

  @Setup(Level.Trial)
  public void setUp() {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    db = new CannedDb();
    pool = Pools.canned(db);
    ops = Contenders.open(impl, pool, true);
    cursors = new Object[1000];
    for (int i = 0; i < cursors.length; i++) {
      cursors[i] = ops.cursorAfter(db.id(i * ((CannedDb.ROWS - 200) / cursors.length)));
    }
    nonce = impl + "-" + Long.toHexString(System.nanoTime());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    ops.close();
    pool.close();
  }

  private int anyRow() {
    return ThreadLocalRandom.current().nextInt(CannedDb.ROWS);
  }

  @Benchmark
  public Object selectByPrimaryKey() {
    return ops.selectById(db.id(anyRow())).orElseThrow();
  }

  @Benchmark
  public Object selectByUniqueKey() {
    return ops.selectByUsername(db.username(anyRow())).orElseThrow();
  }

  @Benchmark
  public Object insert() {
    return ops.insert("ins-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object update() {
    return ops.updateCustomId(db.id(anyRow()), "upd-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object upsert() {
    int row = anyRow();
    return ops.upsert(db.id(row), db.username(row), "ups-" + nonce + "-" + counter++);
  }

  @Benchmark
  public Object page100() {
    return ops.pageAfter(cursors[ThreadLocalRandom.current().nextInt(cursors.length)]);
  }

  /** Every row of the 10,000, in pages of 1,000 (the DAO's {@code each(1000)}). */
  @Benchmark
  public long each10k() {
    long n = ops.each(1000);
    if (n != CannedDb.ROWS) {
      throw new IllegalStateException(impl + " streamed " + n + " rows");
    }
    return n;
  }
}
