package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.admin.AdminOptions;
import dev.daogen.db.Database;
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
 * <p>Options: {@code --only overhead,dao,cache,each,processor,admin,cluster} (a subset), {@code --prof gc} (a JMH
 * profiler for the DAO and cache benchmarks; the overhead benchmark always runs it), {@code --rounds N} (interleaved
 * rounds of the end-to-end DAO benchmark, default 3), {@code --jmh-warmups/--jmh-iterations/--jmh-time} (per fork
 * of it), {@code --jmh-include METHOD}, {@code --contenders jdbc,dao,…} (a subset of the end-to-end
 * contenders; the others' cells read "–"), {@code --overhead-warmups/--overhead-iterations/--overhead-time}, {@code --out FILE} (default
 * {@code benchmarks/RESULTS.md} when run from the repository root, else {@code RESULTS.md}), {@code --jdbc-url URL}
 * (a PostgreSQL database to use instead of the embedded server; its {@code consumers} table is rewritten).
 */
public final class RunAll {
  private static final int SEED_ROWS = 100_000;
  private static final int EACH_ROWS = 1_000_000;

  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> parts = new LinkedHashSet<>(List.of("overhead", "dao", "cache", "each",
      "processor", "admin", "cluster"));
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
    boolean needsDb = parts.stream().anyMatch(p -> !p.equals("overhead") && !p.equals("processor"));
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
    sql("truncate table consumers cascade");
    sql("insert into consumers (id, created_at, updated_at, username, custom_id, tags)"
        + " select gen_random_uuid(), date_trunc('second', now()), date_trunc('second', now()), 'user-' || g,"
        + " 'cid-' || g, array['bench', 'seed'] from generate_series(1, " + SEED_ROWS + ") g");
    sql("vacuum analyze consumers");
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

  private ChainedOptionsBuilder jmhOptions(int warmups, int iterations, TimeValue time) {
    ChainedOptionsBuilder jmh = new OptionsBuilder()
        .forks(1).warmupIterations(warmups).warmupTime(time)
        .measurementIterations(iterations).measurementTime(time)
        .threads(1)
        .jvmArgsAppend("-D" + Pools.URL_PROPERTY + "=" + jdbcUrl, "-Xms1g", "-Xmx1g", "-Dorg.jooq.no-logo=true",
            "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    if (options.containsKey("prof")) {
      jmh.addProfiler(options.get("prof"));
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
    int warmups = Integer.parseInt(options.getOrDefault("jmh-warmups", "1"));
    int iterations = Integer.parseInt(options.getOrDefault("jmh-iterations", "3"));
    TimeValue time = seconds(options.getOrDefault("jmh-time", "1"));
    List<String> impls = new ArrayList<>(TITLES.keySet());
    if (options.containsKey("contenders")) {
      impls.retainAll(List.of(options.get("contenders").split(",")));
    }
    sanity(impls);
    Samples s = new Samples();
    String only = options.getOrDefault("jmh-include", "");
    for (int round = 0; round < rounds; round++) {
      // a different order every round, so that a stretch of machine load does not fall on one contender
      List<String> order = new ArrayList<>(impls);
      java.util.Collections.rotate(order, -round * Math.max(1, impls.size() / rounds));
      if (round % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (String impl : order) {
        log("JMH end to end, round " + (round + 1) + "/" + rounds + ": " + impl);
        ChainedOptionsBuilder jmh = jmhOptions(warmups, iterations, time).mode(Mode.Throughput)
            .timeUnit(TimeUnit.SECONDS).include(DaoBenchmark.class.getName() + (only.isEmpty() ? "" : "." + only))
            .param("impl", impl);
        s.add(new Runner(jmh.build()).run());
      }
    }
    boolean gc = "gc".equals(options.get("prof"));
    report.append("## 1. DAO operations end to end on PostgreSQL (JMH)\n\n");
    report.append(String.format(Locale.ROOT, "Table `consumers` of the sample plugin (uuid key, unique `username` and "
        + "`custom_id`, two timestamps, a `text[]` of tags) seeded with 100,000 rows; keys drawn at random on every "
        + "call; one thread. Contenders interleaved: %d rounds, each running every contender (in a rotated order) "
        + "for 1 fork of %d×%s warm-up and %d×%s measurement per operation; score = the mean of all %d measured "
        + "iterations ± the 99.9%% confidence half-width (Student's t) over them. Ratio = ops/s ÷ ops/s.%n%n",
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
    log("admin API: " + clients + " clients, at most " + requests + " requests or " + limit.toSeconds() + " s each");
    List<UUID> ids = Pools.seeded(pool).stream().map(Pools.Row::id).toList();
    AdminBench bench = new AdminBench(clients, requests, limit,
        List.of(options.getOrDefault("admin-scenarios", "item,list,post").split(",")));
    List<AdminBench.Result> results = bench.run(pool, ids);
    AdminBench.Result bare = results.get(results.size() - 1);
    Map<String, AdminBench.Result> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.put(r.name(), r));
    report.append("## 3. Admin API (HTTP on loopback)\n\n");
    report.append(String.format(Locale.ROOT, "A Java load generator (`java.net.http.HttpClient`, HTTP/1.1, %d "
        + "concurrent clients sending back to back, at most %,d requests or %d s per scenario after a warm-up) "
        + "against `%s` (%d workers) with the sample plugin's routes, in the same JVM as the generator, on the "
        + "same 2 cores as PostgreSQL. **The limit** (`bench.LimitServer`): a bare JDK `HttpServer` with the same "
        + "worker pool and TCP_NODELAY that runs the same raw JDBC statement and writes the same JSON by hand (no "
        + "routing table, validation, events or JSON library). GET item is the uncached route (one primary-key "
        + "query); the list is the default first page of 100; POST inserts a consumer. Each scenario runs against "
        + "the admin API and against its limit in 4 alternating slices each (after a warm-up of both), so that "
        + "changes of machine load fall on both alike. Last row: the bare server returning a fixed body (no "
        + "database).%n%n", clients, requests, limit.toSeconds(), bench.serverName,
        AdminOptions.defaults().threads()));
    report.append("| scenario | requests | errors | req/s | p50 ms | p99 ms | ÷ its limit | ÷ fixed-body server |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (AdminBench.Result r : results) {
      AdminBench.Result lim = r.name().startsWith("limit: ") || r == bare ? null : byName.get("limit: " + r.name());
      report.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | %.2f | %.2f | %s | %s |%n", r.name(),
          r.requests(), r.errors(), r.perSecond(), r.p50Ms(), r.p99Ms(),
          lim == null ? (r.name().startsWith("limit: ") ? "1.00×" : "") : String.format(Locale.ROOT, "**%.2f×**",
              r.perSecond() / lim.perSecond()),
          r == bare ? "1.00×" : String.format(Locale.ROOT, "%.2f×", r.perSecond() / bare.perSecond())));
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
