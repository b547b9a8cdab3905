package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.bench.canned.CannedDb;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * A cross-check of the client-overhead benchmark that a busy machine cannot skew: one contender, one JVM, on the
 * canned driver, a long warm-up, then the calling thread's own CPU time per operation (time the thread was not
 * running does not count, as it does in JMH's wall-clock average).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.daogen.bench.OverheadCpuCheck CONTENDER [warm-up s]
 * [measure s]}; prints one line per operation: {@code CPU <contender> <op> <ns/op cpu> <ns/op wall> <ops>}.
 */
public final class OverheadCpuCheck {
  private OverheadCpuCheck() {}

  public static void main(String[] args) {
    String impl = args[0];
    double warm = args.length > 1 ? Double.parseDouble(args[1]) : 10;
    double measure = args.length > 2 ? Double.parseDouble(args[2]) : 5;
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    CannedDb db = new CannedDb();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (HikariDataSource pool = Pools.canned(db); ConsumerOps ops = Contenders.open(impl, pool, true)) {
      Object[] cursors = new Object[1000];
      for (int i = 0; i < cursors.length; i++) {
        cursors[i] = ops.cursorAfter(db.id(i * 9));
      }
      String[] names = {"selectByPrimaryKey", "update", "page100"};
      for (String op : names) {
        long[] counter = {0};
        Runnable call = switch (op) {
          case "selectByPrimaryKey" -> () -> ops.selectById(db.id((int) (counter[0]++ % CannedDb.ROWS)))
              .orElseThrow();
          case "update" -> () -> ops.updateCustomId(db.id((int) (counter[0] % CannedDb.ROWS)), "c" + counter[0]++);
          default -> () -> ops.pageAfter(cursors[(int) (counter[0]++ % cursors.length)]);
        };
        run(call, warm);
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = run(call, measure);
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        System.out.printf(Locale.ROOT, "CPU %s %s %.0f %.0f %d%n", impl, op, (double) cpu / n, (double) wall / n, n);
      }
    }
    System.exit(0);
  }

  /** Calls for about {@code seconds} of this thread's CPU time; returns how many calls. */
  private static long run(Runnable call, double seconds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long end = mx.getCurrentThreadCpuTime() + (long) (seconds * 1e9);
    long n = 0;
    while (true) {
      for (int i = 0; i < 100; i++) {
        call.run();
      }
      n += 100;
      if (mx.getCurrentThreadCpuTime() >= end) {
        return n;
      }
    }
  }
}
