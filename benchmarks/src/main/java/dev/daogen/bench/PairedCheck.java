package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * A cross-check of the end-to-end DAO table that drift of the machine cannot skew: raw JDBC and the generated DAO in
 * one JVM on one embedded PostgreSQL (100,000 seeded consumers), each with a pool of its own, run in alternating
 * slices. Per operation: the table is put back to its seeded state, both contenders are warmed up in alternating
 * slices, then measured in pairs of slices (the order inside a pair alternates). Each pair gives a ratio, DAO ops/s ÷
 * JDBC ops/s, measured a second apart; a stretch of load or a database checkpoint falls on both sides of it.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.daogen.bench.PairedCheck [warm-up s] [pairs] [slice s]}
 * (defaults 20, 15, 1); prints one line per operation: the median ratio, its quartiles, and ops/s of each contender
 * over all its slices. Both contenders share the JVM, so the JIT profiles of the code they share (pgjdbc, HikariCP)
 * hold both; the DAO's background thread sends its invalidations (NOTIFY) for up to 10 ms into the next slice.
 */
public final class PairedCheck {
  private static final String[] OPERATIONS = {"selectByPrimaryKey", "selectByUniqueKey", "insert", "update", "upsert",
      "page100"};

  private PairedCheck() {}

  /** One operation's result: the quartiles of the pairs' ratios (DAO ÷ JDBC) and each side's mean ops/s. */
  record Result(String operation, double median, double lower, double upper, double jdbc, double dao) {}

  public static void main(String[] args) throws Exception {
    double warm = args.length > 0 ? Double.parseDouble(args[0]) : 20;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    double slice = args.length > 2 ? Double.parseDouble(args[2]) : 1;
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        HikariDataSource admin = Pools.open(postgres.getJdbcUrl("postgres", "postgres"), 2)) {
      try (Database db = Database.connect(admin)) {
        db.migrations().bootstrap();
      }
      Pools.seed(admin, 100_000);
      System.out.printf(Locale.ROOT, "paired slices: %.0f s warm-up, %d pairs of %.1f s, load average %s%n", warm,
          pairs, slice, RunAll.loadAverage());
      for (Result r : run(postgres.getJdbcUrl("postgres", "postgres"), admin, warm, pairs, slice)) {
        System.out.printf(Locale.ROOT, "PAIRED %-18s DAO ÷ JDBC median %.2f× (quartiles %.2f–%.2f), JDBC %,.0f ops/s, "
            + "DAO %,.0f ops/s%n", r.operation(), r.median(), r.lower(), r.upper(), r.jdbc(), r.dao());
      }
    }
    System.exit(0);
  }

  /**
   * Runs every operation on the database at {@code url}, whose table {@code consumers} holds the seeded consumers
   * ({@code admin} resets it before each operation).
   */
  static List<Result> run(String url, DataSource admin, double warm, int pairs, double slice) {
    List<Result> results = new ArrayList<>();
    try (HikariDataSource jdbcPool = Pools.open(url, 4);
        HikariDataSource daoPool = Pools.open(url, 4)) {
      List<Pools.Row> rows = Pools.seeded(jdbcPool);
      Side jdbc = new Side(Contenders.open("jdbc", jdbcPool, false), rows);
      Side dao = new Side(Contenders.open("dao", daoPool, false), rows);
      for (String op : OPERATIONS) {
        Pools.reset(admin);
        for (int i = 0; i * 2 * slice < warm; i++) {
          jdbc.run(op, slice);
          dao.run(op, slice);
        }
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
          double a;
          double b;
          if (i % 2 == 0) {
            a = jdbc.run(op, slice);
            b = dao.run(op, slice);
          } else {
            b = dao.run(op, slice);
            a = jdbc.run(op, slice);
          }
          jdbc.measured(a);
          dao.measured(b);
          ratios[i] = b / a;
        }
        Arrays.sort(ratios);
        results.add(new Result(op, quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
            jdbc.drainMean(), dao.drainMean()));
      }
      jdbc.ops.close();
      dao.ops.close();
    }
    Pools.reset(admin);
    return results;
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  /** One contender: its operations, its page cursors, and the ops/s of its measured slices. */
  private static final class Side {
    final ConsumerOps ops;
    final List<Pools.Row> rows;
    final Object[] cursors;
    final String nonce = Long.toHexString(System.nanoTime());
    final List<Double> measured = new ArrayList<>();
    long counter;

    Side(ConsumerOps ops, List<Pools.Row> rows) {
      this.ops = ops;
      this.rows = rows;
      this.cursors = Pools.cursors(ops, rows);
    }

    /** Calls {@code op} for about {@code seconds}; returns calls per second. */
    double run(String op, double seconds) {
      long start = System.nanoTime();
      long end = start + (long) (seconds * 1e9);
      long n = 0;
      long now;
      do {
        for (int i = 0; i < 10; i++) {
          call(op);
        }
        n += 10;
        now = System.nanoTime();
      } while (now < end);
      return n / ((now - start) / 1e9);
    }

    void measured(double opsPerSecond) {
      measured.add(opsPerSecond);
    }

    /** The mean ops/s of the slices measured since the last call (the next operation starts afresh). */
    double drainMean() {
      double mean = measured.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      measured.clear();
      return mean;
    }

    private void call(String op) {
      Pools.Row row = rows.get(ThreadLocalRandom.current().nextInt(rows.size()));
      Object result = switch (op) {
        case "selectByPrimaryKey" -> ops.selectById(row.id()).orElseThrow();
        case "selectByUniqueKey" -> ops.selectByUsername(row.username()).orElseThrow();
        case "insert" -> ops.insert(Pools.INSERTED + nonce + "-" + counter++);
        case "update" -> ops.updateCustomId(row.id(), "upd-" + nonce + "-" + counter++);
        case "upsert" -> ops.upsert(row.id(), row.username(), "ups-" + nonce + "-" + counter++);
        case "page100" -> ops.pageAfter(cursors[ThreadLocalRandom.current().nextInt(cursors.length)]);
        default -> throw new IllegalArgumentException(op);
      };
      if (result == null) {
        throw new IllegalStateException(op + " returned nothing");
      }
    }
  }
}
