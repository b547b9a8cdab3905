package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.admin.AdminOptions;
import dev.daogen.db.Database;
import dev.daogen.store.cassandra.CassandraStore;
import dev.daogen.store.cassandra.embedded.CassandraNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.TDistribution;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and writes the report: {@code java -jar benchmarks/target/benchmarks.jar}.
 *
 * <p>Options: {@code --only overhead,dao,cache,each,processor,admin,cluster,cassandra} (a subset), {@code --prof gc} (a JMH
 * profiler for the DAO and cache benchmarks; the overhead benchmark always runs it), {@code --rounds N} (interleaved
 * rounds of the end-to-end DAO benchmark, default 2), {@code --jmh-warmups/--jmh-iterations/--jmh-time} (per fork
 * of it, default 10 warm-up and 3 measured iterations of 1 s: the DAO's longer path needs tens of thousands of calls
 * before the JIT has compiled it, and a short warm-up measured that, not the DAO), {@code --jmh-include METHOD}, {@code --contenders jdbc,dao,…} (a subset of the end-to-end
 * contenders; the others' cells read "–"), {@code --overhead-warmups/--overhead-iterations/--overhead-time}, {@code --out FILE} (default
 * {@code benchmarks/RESULTS.md} when run from the repository root, else {@code RESULTS.md}), {@code --jdbc-url URL}
 * (a PostgreSQL database to use instead of the embedded server; its {@code consumers} table is rewritten),
 * {@code --cassandra-rows N} (consumers seeded on Cassandra, default 10,000), {@code --cassandra-contenders
 * driver,dao}, {@code --paired-pairs N --paired-warmup S --paired-slice S} (the paired check of raw JDBC and the DAO
 * after the end-to-end table: pairs of slices, default 15, 0 skips it; warm-up seconds, default 20; slice seconds,
 * default 1), for the admin part {@code --clients N --requests N --seconds S --admin-warmup N} (requests per server
 * before it is measured, default {@code --requests}) and {@code --admin-scenarios item,list,post}. The {@code cassandra} part starts an embedded Cassandra node of its own (free ports, a temporary data
 * directory), whose class path is {@code -Ddaogen.cassandra.lib=DIR} or else {@code cassandra-server/target/lib}
 * found from the working directory: run from the repository root.
 */
public final class RunAll {
  private static final int SEED_ROWS = 100_000;
  private static final int EACH_ROWS = 1_000_000;

  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> parts = new LinkedHashSet<>(List.of("overhead", "dao", "cache", "each",
      "processor", "admin", "cluster", "cassandra"));
  private final StringBuilder report = new StringBuilder();
  private String jdbcUrl;
  private String args = "";
  private HikariDataSource pool;

  public static void main(String[] args) throws Exception {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    RunAll run = new RunAll();
    run.args = String.join(" ", args);
    for (int i = 0; i + 1 < args.length; i += 2) {
      run.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (run.options.containsKey("only")) {
      run.parts.retainAll(List.of(run.options.get("only").split(",")));
    }
    run.run();
    System.exit(0);
  }

  private void run() throws Exception {
    long started = System.nanoTime();
    EmbeddedPostgres postgres = null;
    boolean needsDb = parts.stream().anyMatch(p -> !p.equals("overhead") && !p.equals("processor")
        && !p.equals("cassandra"));
    if (options.containsKey("jdbc-url")) {
      jdbcUrl = options.get("jdbc-url");
    } else if (needsDb) {
      log("starting embedded PostgreSQL");
      postgres = EmbeddedPostgres.builder().start();
      jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    }
    try {
      if (jdbcUrl != null) {
        pool = Pools.open(jdbcUrl, 8);
        try (Database db = Database.connect(pool)) {
          db.migrations().bootstrap();
        }
        seed();
      }
      header();
      if (parts.contains("overhead")) {
        overhead();
      }
      if (parts.contains("dao")) {
        daoEndToEnd();
      }
      if (parts.contains("cache")) {
        cache();
      }
      if (parts.contains("processor")) {
        processor();
      }
      if (parts.contains("admin")) {
        admin();
      }
      if (parts.contains("cluster")) {
        cluster();
      }
      if (parts.contains("each")) {
        each();
      }
      if (parts.contains("cassandra")) {
        cassandra();
      }
      report.append(String.format(Locale.ROOT, "%nTotal run time: %.1f min; load average at the end %s.%n",
          (System.nanoTime() - started) / 60e9, loadAverage()));
      write();
    } finally {
      if (pool != null) {
        pool.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  // ---- data ----------------------------------------------------------------------------------------------

  private void seed() throws SQLException {
    log("seeding " + SEED_ROWS + " consumers");
    Pools.seed(pool, SEED_ROWS);
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private String scalar(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  // ---- the machine ---------------------------------------------------------------------------------------

  private void header() throws Exception {
    report.append("# daogen benchmarks\n\n");
    report.append("Generated by `java -jar benchmarks/target/benchmarks.jar").append(args.isEmpty() ? "" : " " + args)
        .append("` on ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
        .append(", load average at the start ").append(loadAverage()).append(".\n\n");
    report.append("## Machine\n\n");
    report.append("| | |\n|---|---|\n");
    report.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores available to the JVM (shared with PostgreSQL, the load generator and other builds) |\n");
    report.append("| memory | ").append(memTotal()).append(" |\n");
    report.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(" (").append(System.getProperty("os.arch")).append(") |\n");
    report.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n");
    if (pool != null) {
      report.append("| PostgreSQL | ").append(scalar("select version()")).append(", ")
          .append(options.containsKey("jdbc-url") ? "external server" : "embedded (io.zonky.test), same machine")
          .append("; shared_buffers ").append(scalar("show shared_buffers"))
          .append(", synchronous_commit ").append(scalar("show synchronous_commit"))
          .append(", fsync ").append(scalar("show fsync")).append(" |\n");
    }
    report.append("| connection pool | HikariCP, the same pool settings for every contender |\n\n");
  }

  /** The 1, 5 and 15 minute load averages, from /proc/loadavg. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .map(l -> String.format(Locale.ROOT, "%.1f GiB",
              Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  // ---- 0. client-side overhead on the canned driver (JMH) ----------------------------------------------------

  /** Contenders' column titles. */
  private static final Map<String, String> TITLES = new LinkedHashMap<>();

  static {
    TITLES.put("jdbc", "raw JDBC");
    TITLES.put("dao", "generated DAO");
    TITLES.put("dao-single-node", "DAO, single node");
    TITLES.put("jooq", "jOOQ DSL");
    TITLES.put("spring", "Spring Data JDBC");
    TITLES.put("micronaut", "Micronaut Data JDBC");
  }

  private static final String[][] OPERATIONS = {
      {"selectByPrimaryKey", "select by primary key"}, {"selectByUniqueKey", "select by unique key"},
      {"insert", "insert"}, {"update", "update (read for update + write, 1 tx)"},
      {"upsert", "upsert (read for update + update, 1 tx)"}, {"page100", "page of 100"},
      {"each10k", "each over 10,000 rows (pages of 1,000)"}};

  /** Per benchmark key (method/impl): every measured iteration's score, and the allocation per op. */
  private record Samples(Map<String, List<Double>> scores, Map<String, Double> bytes) {
    Samples() {
      this(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    void add(Collection<RunResult> results) {
      for (RunResult r : results) {
        String method = r.getParams().getBenchmark();
        method = method.substring(method.lastIndexOf('.') + 1);
        String impl = r.getParams().getParam("impl");
        String key = impl == null ? method : method + "/" + impl;
        List<Double> list = scores.computeIfAbsent(key, k -> new ArrayList<>());
        for (BenchmarkResult b : r.getBenchmarkResults()) {
          for (IterationResult it : b.getIterationResults()) {
            list.add(it.getPrimaryResult().getScore());
          }
        }
        Result<?> alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
        if (alloc == null) {
          alloc = r.getSecondaryResults().entrySet().stream().filter(e -> e.getKey().endsWith("alloc.rate.norm"))
              .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        if (alloc != null) {
          bytes.put(key, alloc.getScore());
        }
      }
    }

    /** Mean and half-width of the 99.9 % confidence interval (Student's t), over every iteration. */
    double[] score(String key) {
      List<Double> v = scores.get(key);
      if (v == null || v.isEmpty()) {
        return null;
      }
      int n = v.size();
      double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (n < 2) {
        return new double[] {mean, Double.NaN};
      }
      double var = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (n - 1);
      double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
      return new double[] {mean, t * Math.sqrt(var / n), n};
    }
  }

  private ChainedOptionsBuilder jmhOptions(int warmups, int iterations, TimeValue time, String... jvmArgs) {
    List<String> args = new ArrayList<>(List.of("-D" + Pools.URL_PROPERTY + "=" + jdbcUrl, "-Xms1g", "-Xmx1g",
        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    args.addAll(List.of(jvmArgs));
    ChainedOptionsBuilder jmh = new OptionsBuilder()
        .forks(1).warmupIterations(warmups).warmupTime(time)
        .measurementIterations(iterations).measurementTime(time)
        .threads(1)
        .jvmArgsAppend(args.toArray(String[]::new));
    if (options.containsKey("prof")) {
      // a profiler with options (jfr:dir=/tmp/x) takes them apart
      String[] prof = options.get("prof").split(":", 2);
      if (prof.length == 2) {
        jmh.addProfiler(prof[0], prof[1]);
      } else {
        jmh.addProfiler(prof[0]);
      }
    }
    return jmh;
  }

  private static TimeValue seconds(String value) {
    return TimeValue.milliseconds(Math.round(Double.parseDouble(value) * 1000));
  }

  private void overhead() throws Exception {
    log("client overhead: checking what each contender sends to the canned driver");
    Map<String, Map<String, List<String>>> statements = CannedCheck.run(Contenders.ALL);
    int warmups = Integer.parseInt(options.getOrDefault("overhead-warmups", "2"));
    int iterations = Integer.parseInt(options.getOrDefault("overhead-iterations", "4"));
    TimeValue time = seconds(options.getOrDefault("overhead-time", "1"));
    ChainedOptionsBuilder jmh = jmhOptions(warmups, iterations, time).mode(Mode.AverageTime)
        .timeUnit(TimeUnit.NANOSECONDS).include(OverheadBenchmark.class.getName()
            + (options.containsKey("overhead-include") ? "." + options.get("overhead-include") : ""));
    if (!"gc".equals(options.get("prof"))) {
      jmh.addProfiler("gc");
    }
    log("JMH: client overhead on the canned driver");
    Samples s = new Samples();
    s.add(new Runner(jmh.build()).run());
    report.append("## 0. Client-side overhead, no database (JMH)\n\n");
    report.append(String.format(Locale.ROOT, "Every contender runs the same operations on a HikariCP pool over an "
        + "in-process JDBC driver that answers from a canned `consumers` table of 10,000 rows (`bench.canned."
        + "CannedDb`: statements parsed once per SQL text, values kept decoded, writes change nothing), so what "
        + "is measured is the library's own time and allocation (plus the pool's, the same for all). Random keys; "
        + "the upsert's key exists (read for update, then `UPDATE`). JMH average time, one thread, 1 fork, %d×%s "
        + "warm-up, %d×%s measurement, ± the 99.9%% confidence half-width; bytes/op from `-prof gc` "
        + "(`gc.alloc.rate.norm`, every thread of the fork).%n%n", warmups, time, iterations, time));
    report.append("| operation |");
    for (String t : TITLES.values()) {
      report.append(' ').append(t).append(" ns/op |");
    }
    report.append(" DAO ÷ JDBC | jOOQ ÷ DAO | Spring ÷ DAO | Micronaut ÷ DAO |\n|---|");
    report.append("---:|".repeat(TITLES.size() + 4)).append('\n');
    for (String[] op : OPERATIONS) {
      report.append("| ").append(op[1]).append(" |");
      for (String impl : TITLES.keySet()) {
        double[] v = s.score(op[0] + "/" + impl);
        report.append(' ').append(v == null ? "–" : String.format(Locale.ROOT, "%,.0f ± %,.0f", v[0], v[1]))
            .append(" |");
      }
      double[] jdbc = s.score(op[0] + "/jdbc");
      double[] dao = s.score(op[0] + "/dao");
      report.append(' ').append(ratio(dao, jdbc, true)).append(" |");
      for (String peer : List.of("jooq", "spring", "micronaut")) {
        report.append(' ').append(ratio(s.score(op[0] + "/" + peer), dao, true)).append(" |");
      }
      report.append('\n');
    }
    report.append("\nAllocation per operation (bytes/op):\n\n| operation |");
    for (String t : TITLES.values()) {
      report.append(' ').append(t).append(" |");
    }
    report.append(" DAO − JDBC |\n|---|").append("---:|".repeat(TITLES.size() + 1)).append('\n');
    for (String[] op : OPERATIONS) {
      report.append("| ").append(op[1]).append(" |");
      for (String impl : TITLES.keySet()) {
        Double b = s.bytes().get(op[0] + "/" + impl);
        report.append(' ').append(b == null ? "–" : String.format(Locale.ROOT, "%,.0f", b)).append(" |");
      }
      Double dao = s.bytes().get(op[0] + "/dao");
      Double jdbc = s.bytes().get(op[0] + "/jdbc");
      report.append(' ').append(dao == null || jdbc == null ? "–" : String.format(Locale.ROOT, "%+,.0f", dao - jdbc))
          .append(" |\n");
    }
    report.append("\nStatements each contender sent for one call (from the canned driver's log; `upsert (new "
        + "row)` is the path where the key does not exist yet):\n\n| operation |");
    for (String t : TITLES.values()) {
      report.append(' ').append(t).append(" |");
    }
    report.append("\n|---|").append("---|".repeat(TITLES.size())).append('\n');
    List<String> opNames = new ArrayList<>(statements.values().iterator().next().keySet());
    for (String op : opNames) {
      report.append("| ").append(op).append(" |");
      for (String impl : TITLES.keySet()) {
        List<String> sent = statements.get(impl).get(op);
        report.append(' ').append(summary(sent)).append(" |");
      }
      report.append('\n');
    }
    report.append("\nSQL as sent, select by primary key: ");
    for (String impl : TITLES.keySet()) {
      List<String> sent = statements.get(impl).get("selectByPrimaryKey");
      report.append("\n- ").append(TITLES.get(impl)).append(": `")
          .append(sent.isEmpty() ? "" : sent.get(0).replaceFirst("^[A-Z_]+: ", "").replaceFirst("  <- .*$", ""))
          .append('`');
    }
    report.append("\n\n");
  }

  /** Kinds of statements in order, repeated ones counted: {@code SELECT_FOR_UPDATE, UPDATE} or {@code PAGE ×10}. */
  private static String summary(List<String> statements) {
    List<String> out = new ArrayList<>();
    String last = null;
    int n = 0;
    for (String s : statements) {
      String kind = s.substring(0, s.indexOf(':')).toLowerCase(Locale.ROOT).replace('_', ' ');
      if (kind.equals("notify")) {
        continue;
      }
      if (kind.equals(last)) {
        n++;
      } else {
        if (last != null) {
          out.add(n > 1 ? last + " ×" + n : last);
        }
        last = kind;
        n = 1;
      }
    }
    if (last != null) {
      out.add(n > 1 ? last + " ×" + n : last);
    }
    return String.join(", ", out);
  }

  /** a ÷ b (ns/op: how many times b's time a takes), or "–". */
  private static String ratio(double[] a, double[] b, boolean bold) {
    if (a == null || b == null) {
      return "–";
    }
    return String.format(Locale.ROOT, bold ? "**%.2f×**" : "%.2f×", a[0] / b[0]);
  }

  // ---- 1. DAO end to end on PostgreSQL, with peers (JMH, interleaved) ---------------------------------------

  private void daoEndToEnd() throws Exception {
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
    int warmups = Integer.parseInt(options.getOrDefault("jmh-warmups", "10"));
    int iterations = Integer.parseInt(options.getOrDefault("jmh-iterations", "3"));
    TimeValue time = seconds(options.getOrDefault("jmh-time", "1"));
    List<String> impls = new ArrayList<>(TITLES.keySet());
    if (options.containsKey("contenders")) {
      impls.retainAll(List.of(options.get("contenders").split(",")));
    }
    sanity(impls);
    Samples s = new Samples();
    String only = options.getOrDefault("jmh-include", "");
    // Every fork starts on the same table (DaoBenchmark's setup deletes the rows earlier forks inserted and vacuums);
    // autovacuum is off meanwhile, so that no vacuum started by one contender's writes runs during another's fork.
    sql("alter table consumers set (autovacuum_enabled = false, toast.autovacuum_enabled = false)");
    try {
      for (int round = 0; round < rounds; round++) {
        // the order rotates by one every round, so that no contender always runs first (with two contenders they
        // alternate): a stretch of machine load, or the database state a fork leaves, does not fall on one contender
        List<String> order = new ArrayList<>(impls);
        java.util.Collections.rotate(order, -round);
        for (String impl : order) {
          log("JMH end to end, round " + (round + 1) + "/" + rounds + ": " + impl);
          ChainedOptionsBuilder jmh = jmhOptions(warmups, iterations, time).mode(Mode.Throughput)
              .timeUnit(TimeUnit.SECONDS).include(DaoBenchmark.class.getName() + (only.isEmpty() ? "" : "." + only))
              .param("impl", impl);
          s.add(new Runner(jmh.build()).run());
        }
      }
    } finally {
      sql("alter table consumers reset (autovacuum_enabled, toast.autovacuum_enabled)");
      Pools.reset(pool);
    }
    boolean gc = "gc".equals(options.get("prof"));
    report.append("## 1. DAO operations end to end on PostgreSQL (JMH)\n\n");
    report.append(String.format(Locale.ROOT, "Table `consumers` of the sample plugin (uuid key, unique `username` and "
        + "`custom_id`, two timestamps, a `text[]` of tags) seeded with 100,000 rows; keys drawn at random on every "
        + "call; one thread. Contenders interleaved: %d rounds, each running every contender (in a rotated order) "
        + "for 1 fork of %d×%s warm-up and %d×%s measurement per operation; score = the mean of all %d measured "
        + "iterations ± the 99.9%% confidence half-width (Student's t) over them. Ratio = ops/s ÷ ops/s. Every fork "
        + "starts on the seeded table: the rows earlier forks inserted are deleted and the table vacuumed in its setup, "
        + "and autovacuum is off for the table meanwhile.%n%n",
        rounds, warmups, time, iterations, time, rounds * iterations));
    report.append("| operation |");
    for (String t : TITLES.values()) {
      report.append(' ').append(t).append(" ops/s |");
    }
    report.append(" DAO ÷ JDBC | DAO single node ÷ JDBC | DAO ÷ jOOQ | DAO ÷ Spring | DAO ÷ Micronaut | widest ± |")
        .append(gc ? " B/op JDBC / DAO / jOOQ / Spring / Micronaut |" : "").append("\n|---|")
        .append("---:|".repeat(TITLES.size() + 6)).append(gc ? "---|" : "").append('\n');
    List<String> noisy = new ArrayList<>();
    for (String[] op : OPERATIONS) {
      if (op[0].equals("each10k")) {
        continue;
      }
      double[] jdbc = s.score(op[0] + "/jdbc");
      double[] dao = s.score(op[0] + "/dao");
      if (jdbc == null || dao == null) {
        continue;
      }
      report.append("| ").append(op[1]).append(" |");
      double widest = 0;
      String widestImpl = "";
      for (String impl : TITLES.keySet()) {
        double[] v = s.score(op[0] + "/" + impl);
        report.append(' ').append(v == null ? "–" : score(v)).append(" |");
        double rel = v == null ? 0 : Double.isNaN(v[1]) ? Double.POSITIVE_INFINITY : v[1] / v[0];
        if (v != null && (rel > widest || widestImpl.isEmpty())) {
          widest = rel;
          widestImpl = impl;
        }
      }
      report.append(' ').append(ratio(dao, jdbc, true)).append(" |")
          .append(' ').append(ratio(s.score(op[0] + "/dao-single-node"), jdbc, false)).append(" |");
      for (String peer : List.of("jooq", "spring", "micronaut")) {
        report.append(' ').append(ratio(dao, s.score(op[0] + "/" + peer), false)).append(" |");
      }
      report.append(String.format(Locale.ROOT, " ±%.0f %% (%s) |", widest * 100, TITLES.get(widestImpl)));
      if (widest > 0.10) {
        noisy.add(op[1] + " (" + TITLES.get(widestImpl) + String.format(Locale.ROOT, " ±%.0f %%)", widest * 100));
      }
      if (gc) {
        report.append(' ');
        List<String> b = new ArrayList<>();
        for (String impl : List.of("jdbc", "dao", "jooq", "spring", "micronaut")) {
          Double v = s.bytes().get(op[0] + "/" + impl);
          b.add(v == null ? "–" : String.format(Locale.ROOT, "%,.0f", v));
        }
        report.append(String.join(" / ", b)).append(" |");
      }
      report.append('\n');
    }
    report.append("\n*Generated DAO*: `Database.connect(pool)` defaults (each write queues a cache invalidation "
        + "that a background thread sends to the other nodes with NOTIFY). *Single node*: the same DAO with "
        + "`CacheSettings.Cluster.OFF`. *Raw JDBC*: the same SQL text, transactions and record mapping by hand, "
        + "without the DAO's validation (size and at-least-one-of checks), auto values, events and invalidations. "
        + "*jOOQ*: the runtime DSL on the generated `ConsumerTable`, the query built and rendered per call, "
        + "`transactionResult` for update and upsert. *Spring Data JDBC*: a `ListCrudRepository` with derived "
        + "queries (`findLockedById` with `@Lock(PESSIMISTIC_WRITE)`, keyset pages with `Limit`), "
        + "`JdbcAggregateTemplate.insert/update`, a `TransactionTemplate`. *Micronaut Data JDBC*: a "
        + "`@JdbcRepository` (`findByIdForUpdate`, keyset pages with `Pageable`), `save`/`update`, "
        + "`TransactionOperations.executeWrite`. Every contender uses the same HikariCP pool settings.\n\n");
    report.append(noisy.isEmpty() ? "Every cell's confidence half-width is within ±10 % of its score.\n\n"
        : "Cells wider than ±10 %: " + String.join("; ", noisy) + ".\n\n");
    int pairs = Integer.parseInt(options.getOrDefault("paired-pairs", "15"));
    if (pairs > 0 && impls.contains("jdbc") && impls.contains("dao")) {
      pairedCheck(pairs);
    }
  }

  /** The DAO ÷ raw JDBC column once more, measured in alternating slices in one JVM ({@link PairedCheck}). */
  private void pairedCheck(int pairs) {
    double warm = Double.parseDouble(options.getOrDefault("paired-warmup", "20"));
    double slice = Double.parseDouble(options.getOrDefault("paired-slice", "1"));
    log("paired check: DAO and raw JDBC in alternating slices");
    List<PairedCheck.Result> results = PairedCheck.run(jdbcUrl, pool, warm, pairs, slice);
    report.append(String.format(Locale.ROOT, "**Paired check.** The same two contenders in one JVM, each with a pool "
        + "of its own, in alternating slices of %.1f s: per operation the table is put back to its seeded state, "
        + "%.0f s of alternating warm-up, then %d pairs of slices (the order inside a pair alternates). Each pair "
        + "gives a ratio of two slices measured a second apart, so a stretch of load or a checkpoint falls on both "
        + "sides of it; the table shows the median ratio and its quartiles "
        + "(`java -cp benchmarks/target/benchmarks.jar dev.daogen.bench.PairedCheck` runs it alone).%n%n", slice, warm,
        pairs));
    report.append("| operation | raw JDBC ops/s | generated DAO ops/s | DAO ÷ JDBC, median of pairs | quartiles |\n"
        + "|---|---:|---:|---:|---:|\n");
    for (PairedCheck.Result r : results) {
      report.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | **%.2f×** | %.2f–%.2f |%n", r.operation(),
          r.jdbc(), r.dao(), r.median(), r.lower(), r.upper()));
    }
    report.append('\n');
  }

  /** Every contender once through every operation on PostgreSQL, so that a broken one fails before the run. */
  private void sanity(List<String> impls) {
    List<Pools.Row> rows = Pools.seeded(pool);
    Pools.Row row = rows.get(7);
    for (String impl : impls) {
      log("checking " + impl + " on PostgreSQL");
      try (ConsumerOps ops = Contenders.open(impl, pool, false)) {
        ops.selectById(row.id()).orElseThrow();
        ops.selectByUsername(row.username()).orElseThrow();
        ops.insert("sanity-" + impl + "-" + System.nanoTime());
        ops.updateCustomId(row.id(), "sanity-" + impl);
        ops.upsert(row.id(), row.username(), "sanity-" + impl);
        String fresh = "sanity-new-" + impl + "-" + System.nanoTime();
        ops.upsert(java.util.UUID.randomUUID(), fresh, fresh);
        Object page = ops.pageAfter(ops.cursorAfter(rows.get(10).id()));
        if (ops.size(page) != 100 || ops.nextCursor(page) == null) {
          throw new IllegalStateException(impl + ": a page of " + ops.size(page));
        }
      }
    }
  }

  // ---- 1b. cache hit (JMH) ---------------------------------------------------------------------------------

  private void cache() throws Exception {
    int warmups = Integer.parseInt(options.getOrDefault("cache-warmups", "2"));
    int iterations = Integer.parseInt(options.getOrDefault("cache-iterations", "5"));
    ChainedOptionsBuilder jmh = jmhOptions(warmups, iterations, TimeValue.seconds(1)).mode(Mode.Throughput)
        .timeUnit(TimeUnit.SECONDS).include(CacheBenchmark.class.getName());
    log("JMH: cache");
    Samples s = new Samples();
    s.add(new Runner(jmh.build()).run());
    double[] dao = s.score("daoSelectCached");
    double[] bare = s.score("bareCaffeineGet");
    if (dao != null && bare != null) {
      report.append("## 1b. Cache hit (JMH)\n\n");
      report.append("1,000 hot consumers, preloaded. Baseline: a bare Caffeine cache (`maximumSize` only) and "
          + "`get(\"consumers:\" + id, loader)`.\n\n");
      report.append("| read | ops/s | ratio to bare Caffeine |\n|---|---:|---:|\n");
      report.append(String.format(Locale.ROOT, "| `ConsumerDao.selectCached(id)` | %s | **%.2f×** |%n", score(dao),
          dao[0] / bare[0]));
      report.append(String.format(Locale.ROOT, "| bare Caffeine `get` | %s | 1.00× |%n%n", score(bare)));
    }
  }

  private static String score(double[] s) {
    return String.format(Locale.ROOT, "%,.0f ± %,.0f", s[0], s[1]);
  }

  // ---- each: heap over 1,000,000 rows ---------------------------------------------------------------------

  private void each() throws Exception {
    long count = Long.parseLong(scalar("select count(*) from consumers"));
    if (count < EACH_ROWS) {
      log("topping consumers up to " + EACH_ROWS + " rows");
      sql("insert into consumers (id, created_at, updated_at, username, custom_id, tags)"
          + " select gen_random_uuid(), date_trunc('second', now()), date_trunc('second', now()), 'bulk-' || g,"
          + " null, array['bench', 'bulk'] from generate_series(1, " + (EACH_ROWS - count) + ") g");
      sql("vacuum analyze consumers");
    }
    String xmx = options.getOrDefault("each-xmx", "64m");
    report.append("## 1c. `each` heap (constant memory)\n\n");
    report.append("`ConsumerDao.each(1000)` streamed in a child JVM with `-Xmx").append(xmx)
        .append("`; the heap used after a full GC every 50,000 rows (high-water mark), over the first 100,000 "
            + "rows and over all 1,000,000.\n\n");
    report.append("| rows streamed | heap used at start (after GC) | high-water mark after GC | peak incl. garbage "
        + "| time | rows/s |\n|---:|---:|---:|---:|---:|---:|\n");
    for (long limit : new long[] {100_000, EACH_ROWS}) {
      log("each over " + limit + " rows");
      Map<String, String> r = child(List.of("-Xmx" + xmx, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
          EachHeap.class.getName(), jdbcUrl, Long.toString(limit));
      double seconds = Double.parseDouble(r.get("seconds"));
      report.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s | %.1f s | %,.0f |%n", Long.parseLong(r.get("rows")),
          mib(r.get("baseline")), mib(r.get("highWater")), mib(r.get("peak")), seconds,
          Long.parseLong(r.get("rows")) / seconds));
    }
    report.append('\n');
  }

  private static String mib(String bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", Long.parseLong(bytes) / 1048576.0);
  }

  /** Runs a main class in a child JVM on this class path; returns the key=value pairs of its RESULT line. */
  private static Map<String, String> child(List<String> jvmArgs, String main, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main);
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, String> out = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        System.out.println("  | " + line);
        if (line.startsWith("RESULT ")) {
          for (String kv : line.substring(7).split(" ")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), kv.substring(eq + 1));
          }
        }
      }
    }
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
      throw new IllegalStateException(main + " failed");
    }
    return out;
  }

  // ---- 1d. DAO end to end on Cassandra (JMH, interleaved) ---------------------------------------------------

  private static final Map<String, String> CASSANDRA_TITLES = new LinkedHashMap<>();

  static {
    CASSANDRA_TITLES.put("driver", "raw driver");
    CASSANDRA_TITLES.put("dao", "generated DAO");
  }

  /**
   * One embedded Cassandra node (its own JVM, free ports, a fresh data directory), the plugin's migrations, N seeded
   * consumers; then the raw driver and the generated DAO through the same operations, interleaved as in part 1.
   */
  private void cassandra() throws Exception {
    int seedRows = Integer.parseInt(options.getOrDefault("cassandra-rows", "10000"));
    int rounds = Integer.parseInt(options.getOrDefault("rounds", "2"));
    int warmups = Integer.parseInt(options.getOrDefault("jmh-warmups", "10"));
    int iterations = Integer.parseInt(options.getOrDefault("jmh-iterations", "3"));
    TimeValue time = seconds(options.getOrDefault("jmh-time", "1"));
    String only = options.getOrDefault("jmh-include", "");
    List<String> impls = new ArrayList<>(CASSANDRA_TITLES.keySet());
    if (options.containsKey("cassandra-contenders")) {
      impls.retainAll(List.of(options.get("cassandra-contenders").split(",")));
    }
    Path dir = Files.createTempDirectory("daogen-bench-cassandra");
    CassandraNode.Settings settings = CassandraNode.Settings.builder(dir).nativePort(freePort())
        .storagePort(freePort()).build();
    log("starting an embedded Cassandra node in " + dir + " (CQL port " + settings.nativePort() + ")");
    Samples s = new Samples();
    String release;
    double seedSeconds;
    List<String> loads = new ArrayList<>();
    Map<String, Map<String, List<String>>> sent;
    try (CassandraNode node = CassandraNode.start(settings)) {
      release = node.releaseVersion();
      String contact = node.address() + ":" + node.contactPoint().getPort() + ":" + node.datacenter();
      try (Database db = CassandraBench.database(CassandraBench.session(contact, null))) {
        db.migrations().bootstrap();
        log("seeding " + seedRows + " consumers on Cassandra");
        long t0 = System.nanoTime();
        CassandraBench.seed(((CassandraStore) db.store()).session(), seedRows);
        seedSeconds = (System.nanoTime() - t0) / 1e9;
      }
      List<Pools.Row> rows;
      try (var session = CassandraBench.session(contact, null)) {
        rows = CassandraBench.seeded(session);
      }
      if (rows.size() != seedRows) {
        throw new IllegalStateException("seeded " + seedRows + " consumers, found " + rows.size());
      }
      log("checking the Cassandra contenders (statements sent per call)");
      sent = CassandraBench.check(contact, rows, impls.toArray(String[]::new));
      java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
          .newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loadavg");
            t.setDaemon(true);
            return t;
          });
      sampler.scheduleAtFixedRate(() -> loads.add(loadAverage().split(" ")[0]), 0, 15, TimeUnit.SECONDS);
      try {
        // interleaved per operation, not per contender: the two forks of an operation run back to back (a minute
        // apart), so a slow spell of the node or the machine falls on both; the order alternates every round
        java.util.regex.Pattern include = java.util.regex.Pattern.compile(only);
        for (int round = 0; round < rounds; round++) {
          List<String> order = new ArrayList<>(impls);
          if (round % 2 == 1) {
            java.util.Collections.reverse(order);
          }
          for (String[] op : OPERATIONS) {
            if (op[0].equals("each10k") || !include.matcher(op[0]).find()) {
              continue;
            }
            for (String impl : order) {
              log("JMH Cassandra end to end, round " + (round + 1) + "/" + rounds + ": " + op[0] + ", " + impl);
              ChainedOptionsBuilder jmh = jmhOptions(warmups, iterations, time,
                  "-D" + CassandraBench.CONTACT_PROPERTY + "=" + contact).mode(Mode.Throughput)
                  .timeUnit(TimeUnit.SECONDS)
                  .include(CassandraBenchmark.class.getName() + "." + op[0] + "$")
                  .param("impl", impl);
              s.add(new Runner(jmh.build()).run());
            }
          }
        }
      } finally {
        sampler.shutdownNow();
      }
    } finally {
      deleteTree(dir);
    }
    report.append("## 1d. DAO operations end to end on Cassandra (JMH)\n\n");
    report.append(String.format(Locale.ROOT, "One embedded Apache Cassandra %s node (`CassandraNode`, its own JVM, "
        + "heap %s, same 2 cores), keyspace `bench` (SimpleStrategy, replication 1), the sample plugin's CQL "
        + "migrations; table `consumers` seeded with %,d rows (plain writes in %.1f s, each with a version and the "
        + "claims of its `username` and `custom_id`, as the DAO writes them). Keys drawn at random on every call; "
        + "pages start at paging states spread over the table; one thread; driver `java-driver-core` with the "
        + "same settings for both contenders (a session of its own each, 30 s request timeout). Contenders "
        + "interleaved per operation: %d rounds, in each of which every operation runs in one contender's fork "
        + "and then, right after, in the other's (the order reversed every other round), 1 fork of %d×%s warm-up "
        + "and %d×%s measurement each; score = the mean of all %d measured iterations ± "
        + "the 99.9%% confidence half-width (Student's t). Ratio = ops/s ÷ ops/s; per round: the ratio of the "
        + "two contenders' means in each round. Load average (1 min) during the runs, sampled every 15 s: %s.%n%n", release, settings.heap(), seedRows, seedSeconds, rounds, warmups,
        time, iterations, time, rounds * iterations, loadSummary(loads)));
    boolean gc = "gc".equals(options.get("prof"));
    report.append("| operation | raw driver ops/s | generated DAO ops/s | DAO ÷ driver | DAO ÷ driver per round | widest ± "
        + "| statements per call |")
        .append(gc ? " B/op driver / DAO (DAO − driver) |" : "").append("\n|---|---:|---:|---:|---:|---:|---|")
        .append(gc ? "---:|" : "").append('\n');
    List<String> noisy = new ArrayList<>();
    for (String[] op : OPERATIONS) {
      double[] driver = s.score(op[0] + "/driver");
      double[] dao = s.score(op[0] + "/dao");
      if (driver == null && dao == null) {
        continue;
      }
      double widest = 0;
      String widestImpl = "";
      for (String impl : CASSANDRA_TITLES.keySet()) {
        double[] v = s.score(op[0] + "/" + impl);
        double rel = v == null ? 0 : Double.isNaN(v[1]) ? Double.POSITIVE_INFINITY : v[1] / v[0];
        if (v != null && (rel > widest || widestImpl.isEmpty())) {
          widest = rel;
          widestImpl = impl;
        }
      }
      if (widest > 0.10) {
        noisy.add(cassandraOperation(op) + " (" + CASSANDRA_TITLES.get(widestImpl)
            + String.format(Locale.ROOT, " ±%.0f %%)", widest * 100));
      }
      report.append("| ").append(cassandraOperation(op)).append(" | ")
          .append(driver == null ? "–" : score(driver)).append(" | ").append(dao == null ? "–" : score(dao))
          .append(" | ").append(ratio(dao, driver, true)).append(" | ")
          .append(perRound(s.scores().get(op[0] + "/dao"), s.scores().get(op[0] + "/driver"), rounds)).append(" | ")
          .append(String.format(Locale.ROOT, "±%.0f %% (%s)", widest * 100, CASSANDRA_TITLES.get(widestImpl)))
          .append(" | ").append(sentCell(sent, op[0])).append(" |");
      if (gc) {
        Double b = s.bytes().get(op[0] + "/driver");
        Double o = s.bytes().get(op[0] + "/dao");
        report.append(String.format(Locale.ROOT, " %s / %s%s |", b == null ? "–" : String.format(Locale.ROOT,
            "%,.0f", b), o == null ? "–" : String.format(Locale.ROOT, "%,.0f", o), b == null || o == null ? ""
            : String.format(Locale.ROOT, " (%+,.0f)", o - b)));
      }
      report.append('\n');
    }
    if (gc) {
      report.append("\nB/op: JMH's `-prof gc` (`gc.alloc.rate.norm`: bytes allocated per call by every thread of the "
          + "fork, the driver's I/O threads included), the last fork of each contender.\n");
    }
    report.append('\n');
    report.append("Statements per call: counted by a driver `RequestTracker` registered on each contender's "
        + "session while the contender ran each operation once before the measurement (`CassandraBench.check`), "
        + "named as in the generated `ConsumerMapping`'s `CASSANDRA` statements; LWT = a lightweight transaction "
        + "(`IF NOT EXISTS` / `IF version = ?` / `IF owner = ?`, a Paxos round on the node).\n\n");
    report.append("| operation |");
    for (String impl : impls) {
      report.append(' ').append(CASSANDRA_TITLES.get(impl)).append(" sends |");
    }
    report.append("\n|---|").append("---|".repeat(impls.size())).append('\n');
    for (String op : sent.values().iterator().next().keySet()) {
      report.append("| ").append(op).append(" |");
      for (String impl : impls) {
        report.append(' ').append(String.join(", ", sent.get(impl).get(op))).append(" |");
      }
      report.append('\n');
    }
    report.append("\n*Generated DAO*: `ConsumerDao` on `Database.connect(CassandraStore.create(session, \"bench\", 1), "
        + "DaoSettings.DEFAULTS, CacheSettings.DEFAULTS.withCluster(Cluster.OFF, …))` (a single node: no "
        + "`cluster_events` writes, no poller); validation, auto values and events as always. *Raw driver* "
        + "(`bench.DriverOps`): a `CqlSession` with the CQL text of the generated `ConsumerMapping` "
        + "(`cassandra().all()`), prepared once, bound by hand, rows mapped to `Consumer` by hand; an insert "
        + "claims each non-null unique value (`claim`: `INSERT INTO consumers_unique … IF NOT EXISTS`) then "
        + "writes the row (`insert`: `INSERT … IF NOT EXISTS`); update and upsert read the row by key (`find "
        + "primary key`, with its version), claim the unique values that change, write `update` (`UPDATE … IF "
        + "version = ?`) and release the values dropped (`release claim`: `DELETE … IF owner = ?`); a page binds "
        + "the driver's `PagingState` (the safe one, as the store's offset is) with a page size of 100. It does not "
        + "validate or publish events, and treats a refused claim as a violation at once (no take-over of stale "
        + "claims), which the benchmark never meets. The insert's `custom_id` is null, so it claims only the "
        + "`username`; update and upsert change only `custom_id`.\n\n");
    report.append(noisy.isEmpty() ? "Every cell's confidence half-width is within ±10 % of its score.\n\n"
        : "Cells wider than ±10 %: " + String.join("; ", noisy) + ".\n\n");
  }

  /** a ÷ b of each round's mean (the two ran back to back in it, under much the same load), rounds in order. */
  private static String perRound(List<Double> a, List<Double> b, int rounds) {
    if (a == null || b == null || a.size() != b.size() || a.size() % rounds != 0) {
      return "–";
    }
    int n = a.size() / rounds;
    List<String> out = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double ma = a.subList(r * n, (r + 1) * n).stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double mb = b.subList(r * n, (r + 1) * n).stream().mapToDouble(Double::doubleValue).average().orElse(0);
      out.add(String.format(Locale.ROOT, "%.2f", ma / mb));
    }
    return String.join(" / ", out);
  }

  private static String cassandraOperation(String[] op) {
    return switch (op[0]) {
      case "update" -> "update (read + claim + write IF version + release)";
      case "upsert" -> "upsert (key exists: read + claim + write IF version + release)";
      case "insert" -> "insert (claim + INSERT IF NOT EXISTS)";
      case "page100" -> "page of 100 (+ one row's look ahead)";
      default -> op[1];
    };
  }

  /** The statements of one call, counted, if both contenders sent the same; else each one's. */
  private static String sentCell(Map<String, Map<String, List<String>>> sent, String op) {
    List<String> cells = new ArrayList<>();
    List<String> first = null;
    boolean same = true;
    for (Map.Entry<String, Map<String, List<String>>> e : sent.entrySet()) {
      List<String> list = e.getValue().get(op);
      if (list == null) {
        continue;
      }
      same &= first == null || first.equals(list);
      first = first == null ? list : first;
      long lwt = list.stream().filter(t -> t.equals("insert") || t.equals("update") || t.equals("delete")
          || t.contains("claim")).count();
      cells.add(CASSANDRA_TITLES.get(e.getKey()) + ": " + list.size() + (lwt > 0 ? " (" + lwt + " LWT)" : ""));
    }
    if (first == null) {
      return "–";
    }
    if (same) {
      long lwt = first.stream().filter(t -> t.equals("insert") || t.equals("update") || t.equals("delete")
          || t.contains("claim")).count();
      return first.size() + (lwt > 0 ? " (" + lwt + " LWT)" : "") + (sent.size() > 1 ? ", the same" : "");
    }
    return "**differ**: " + String.join("; ", cells);
  }

  private static String loadSummary(List<String> loads) {
    if (loads.isEmpty()) {
      return "not sampled";
    }
    double[] v = loads.stream().mapToDouble(Double::parseDouble).toArray();
    return String.format(Locale.ROOT, "min %.2f, mean %.2f, max %.2f over %d samples",
        java.util.Arrays.stream(v).min().orElse(0), java.util.Arrays.stream(v).average().orElse(0),
        java.util.Arrays.stream(v).max().orElse(0), v.length);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log("could not delete " + dir + ": " + e);
    }
  }

  // ---- 2. processor --------------------------------------------------------------------------------------

  private void processor() throws Exception {
    int warmups = Integer.parseInt(options.getOrDefault("proc-warmups", "1"));
    int reps = Integer.parseInt(options.getOrDefault("proc-reps", "2"));
    log("processor: " + ProcessorBench.ENTITIES + " entities, " + warmups + " warm-ups, " + reps + " repetitions");
    ProcessorBench.Result r = ProcessorBench.run(warmups, reps);
    double plain = r.plainMedian();
    double with = r.withMedian();
    double only = r.procOnlyMedian();
    report.append("## 2. Annotation processor\n\n");
    report.append(String.format(Locale.ROOT, "%d generated entity records (uuid keys, unique and indexed fields, "
        + "enums, numbers, decimals, dates, lists, tags, Jakarta constraints, a foreign key on every third), "
        + "compiled in-process with `javax.tools` (`--release 17`); %d warm-up rounds, then %d alternating "
        + "repetitions (median shown). The processor writes %d Java files for them.%n%n", r.entities(), warmups, reps,
        r.generatedFiles()));
    report.append("| compile | median ms | ms per entity | ratio to plain javac |\n|---|---:|---:|---:|\n");
    report.append(String.format(Locale.ROOT, "| plain javac (`-proc:none`) | %.0f | %.2f | 1.00× |%n", plain,
        plain / r.entities()));
    report.append(String.format(Locale.ROOT, "| javac + daogen processor (and compiling what it generates) | %.0f "
        + "| %.2f | **%.2f×** |%n", with, with / r.entities(), with / plain));
    report.append(String.format(Locale.ROOT, "| processor alone (`-proc:only`: parse, attribute, generate) | %.0f "
        + "| %.2f | %.2f× |%n", only, only / r.entities(), only / plain));
    report.append(String.format(Locale.ROOT, "| processor's own cost (with − plain) | %.0f | **%.2f** | |%n",
        with - plain, (with - plain) / r.entities()));
    double floor = r.generatedPlainMedian();
    report.append(String.format(Locale.ROOT, "| javac alone on the records plus the %d sources the processor wrote "
        + "(`-proc:none`) | %.0f | %.2f | %.2f× |%n", r.generatedFiles(), floor, floor / r.entities(), floor / plain));
    report.append(String.format(Locale.ROOT, "| compiling the generated sources, without processing them (that − "
        + "plain): the floor for any processor writing these sources | %.0f | %.2f | |%n", floor - plain,
        (floor - plain) / r.entities()));
    double mnPlain = r.mnPlainMedian();
    double mnWith = r.mnWithMedian();
    report.append(String.format(Locale.ROOT, "| Micronaut Data: plain javac of the same 200 entities + 200 "
        + "`@JdbcRepository` interfaces | %.0f | %.2f | %.2f× |%n", mnPlain, mnPlain / r.entities(), mnPlain / plain));
    report.append(String.format(Locale.ROOT, "| Micronaut Data: javac + Micronaut's processors (writes %d classes) "
        + "| %.0f | %.2f | %.2f× |%n", r.mnGeneratedClasses(), mnWith, mnWith / r.entities(), mnWith / plain));
    report.append(String.format(Locale.ROOT, "| Micronaut's processors' own cost (with − plain) | %.0f | **%.2f** "
        + "| |%n%n", mnWith - mnPlain, (mnWith - mnPlain) / r.entities()));
    report.append(String.format(Locale.ROOT, "Processor cost per entity, side by side: **daogen %.1f ms**, "
        + "**Micronaut Data %.1f ms** (daogen ÷ Micronaut = %.2f×). The Micronaut entities are records with the "
        + "same components (`@MappedEntity`, `@Id @AutoPopulated`, `@DateCreated`, arrays as "
        + "`@TypeDef(STRING_ARRAY)`, the foreign key as a `parent_id` column), each with a `PageableRepository` "
        + "that adds find/delete by the unique name, a `ForUpdate` read, and pages by the indexed field and the "
        + "foreign key; Micronaut generates bytecode directly (bean definitions, introspections, the repository "
        + "implementation with its SQL), daogen generates Java sources that javac then compiles.%n%n",
        (with - plain) / r.entities(), (mnWith - mnPlain) / r.entities(),
        ((with - plain) / r.entities()) / ((mnWith - mnPlain) / r.entities())));
    report.append("Runs (ms): plain ").append(fmt(r.plain())).append("; with processor ")
        .append(fmt(r.withProcessor())).append("; proc-only ").append(fmt(r.procOnly()))
        .append("; records plus generated sources, no processor ").append(fmt(r.generatedPlain()))
        .append("; Micronaut plain ").append(fmt(r.mnPlain())).append("; Micronaut with processors ")
        .append(fmt(r.mnWith())).append(". ").append(r.cold()).append(".\n\n");
  }

  private static String fmt(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
  }

  // ---- 3. admin API --------------------------------------------------------------------------------------

  private void admin() throws Exception {
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int requests = Integer.parseInt(options.getOrDefault("requests", "20000"));
    Duration limit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "8")));
    int warmup = Integer.parseInt(options.getOrDefault("admin-warmup", String.valueOf(requests)));
    log("admin API: " + clients + " clients, at most " + requests + " requests or " + limit.toSeconds() + " s each");
    List<UUID> ids = Pools.seeded(pool).stream().map(Pools.Row::id).toList();
    AdminBench bench = new AdminBench(clients, requests, limit, warmup,
        List.of(options.getOrDefault("admin-scenarios", "item,list,post").split(",")));
    List<AdminBench.Result> results = bench.run(pool, ids);
    AdminBench.Result bare = results.get(results.size() - 1);
    Map<String, AdminBench.Result> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.put(r.name(), r));
    report.append("## 3. Admin API (HTTP on loopback)\n\n");
    report.append(String.format(Locale.ROOT, "A Java load generator (`java.net.http.HttpClient`, HTTP/1.1, %d "
        + "concurrent clients sending back to back, at most %,d requests or %d s per scenario after a warm-up of "
        + "%,d requests or %d s per server) "
        + "against `%s` (%d workers) with the sample plugin's routes, in the same JVM as the generator, on the "
        + "same 2 cores as PostgreSQL. **The limit** (`bench.LimitServer`): a bare JDK `HttpServer` with the same "
        + "worker pool and TCP_NODELAY that runs the same raw JDBC statement and writes the same JSON by hand (no "
        + "routing table, validation, events or JSON library). GET item is the uncached route (one primary-key "
        + "query); the list is the default first page of 100; POST inserts a consumer. Each scenario runs against "
        + "the admin API and against its limit in 4 alternating slices each (after a warm-up of both), so that "
        + "changes of machine load fall on both alike. Last two rows, also alternating: Jetty 12 and the bare JDK "
        + "server returning a fixed body of one item's size (no database, no application), the transports' own "
        + "cost.%n%n", clients, requests, limit.toSeconds(), warmup, limit.toSeconds(), bench.serverName,
        AdminOptions.defaults().threads()));
    report.append("| scenario | requests | errors | req/s | p50 ms | p99 ms | ÷ its limit | ÷ fixed-body server "
        + "| server CPU µs/req | CPU ÷ its limit's |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (AdminBench.Result r : results) {
      AdminBench.Result lim = r.name().equals(AdminBench.BARE_JETTY) ? bare
          : r.name().startsWith("limit: ") || r == bare ? null : byName.get("limit: " + r.name());
      report.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | %.2f | %.2f | %s | %s | %.0f | %s |%n",
          r.name(), r.requests(), r.errors(), r.perSecond(), r.p50Ms(), r.p99Ms(),
          lim == null ? (r.name().startsWith("limit: ") ? "1.00×" : "") : String.format(Locale.ROOT, "**%.2f×**",
              r.perSecond() / lim.perSecond()),
          r == bare ? "1.00×" : String.format(Locale.ROOT, "%.2f×", r.perSecond() / bare.perSecond()),
          r.serverCpuMicros(),
          lim == null ? "" : String.format(Locale.ROOT, "%.2f×", r.serverCpuMicros() / lim.serverCpuMicros())));
    }
    report.append('\n');
  }

  // ---- 4. cluster ----------------------------------------------------------------------------------------

  private void cluster() throws Exception {
    int writes = Integer.parseInt(options.getOrDefault("cluster-writes", "200"));
    log("cross-node invalidation: " + writes + " writes");
    UUID id = Pools.seeded(pool).get(0).id();
    try (HikariDataSource a = Pools.open(jdbcUrl, 4); HikariDataSource b = Pools.open(jdbcUrl, 4)) {
      ClusterBench.Result r = ClusterBench.run(a, b, id, writes);
      report.append("## 4. Cross-node cache invalidation\n\n");
      report.append(String.format(Locale.ROOT, "Two `Database` instances (own pools) on one PostgreSQL, "
          + "LISTEN/NOTIFY (the default). Node B caches a consumer, node A updates it; latency from A's update "
          + "returning until B's `selectCached` returns the new value (polled every 50 µs); %d writes after 10 "
          + "warm-up writes.%n%n", r.writes()));
      report.append("| writes | p50 | p99 | max |\n|---:|---:|---:|---:|\n");
      report.append(String.format(Locale.ROOT, "| %d | %.2f ms | %.2f ms | %.2f ms |%n%n", r.writes(), r.p50Ms(),
          r.p99Ms(), r.maxMs()));
    }
  }

  // ---- output --------------------------------------------------------------------------------------------

  private void write() throws IOException {
    Path out = Path.of(options.getOrDefault("out",
        Files.isDirectory(Path.of("benchmarks")) ? "benchmarks/RESULTS.md" : "RESULTS.md"));
    Path notesFile = Path.of(options.getOrDefault("notes", "benchmarks/results-notes.md"));
    String notes = Files.isRegularFile(notesFile) ? "\n" + Files.readString(notesFile) : "";
    Files.writeString(out, report + notes, StandardCharsets.UTF_8);
    System.out.println();
    System.out.println(report);
    System.out.println("written to " + out.toAbsolutePath());
  }

  private static void log(String message) {
    System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0),
        message + " (JVM pid " + ManagementFactory.getRuntimeMXBean().getPid() + ")");
  }
}
