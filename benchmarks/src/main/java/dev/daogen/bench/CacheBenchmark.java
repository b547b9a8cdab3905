package dev.daogen.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A cache hit: {@code ConsumerDao.selectCached(id)} against a bare Caffeine {@code get(key, loader)} with the same
 * key text ({@code consumers:<id>}), both over the same 1,000 hot, preloaded entries.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CacheBenchmark {
  private HikariDataSource ds;
  private DaoOps daoOps;
  private ConsumerDao dao;
  private UUID[] hot;
  private Cache<String, Optional<Consumer>> caffeine;

  @Setup(Level.Trial)
  public void setUp() {
    ds = Pools.fromProperty();
    daoOps = new DaoOps(ds);
    dao = daoOps.dao();
    List<Pools.Row> rows = Pools.seeded(ds);
    hot = new UUID[1000];
    caffeine = Caffeine.newBuilder().maximumSize(10_000).build();
    for (int i = 0; i < hot.length; i++) {
      hot[i] = rows.get(i * 97).id();
      UUID id = hot[i];
      dao.selectCached(id).orElseThrow();
      caffeine.get("consumers:" + id, k -> dao.select(id));
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    daoOps.close();
    ds.close();
  }

  @Benchmark
  public Object daoSelectCached() {
    return dao.selectCached(hot[ThreadLocalRandom.current().nextInt(hot.length)]);
  }

  @Benchmark
  public Object bareCaffeineGet() {
    UUID id = hot[ThreadLocalRandom.current().nextInt(hot.length)];
    return caffeine.get("consumers:" + id, k -> dao.select(id));
  }
}
