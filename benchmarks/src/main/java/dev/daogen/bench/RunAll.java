package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and writes the report: {@code java -jar benchmarks/target/benchmarks.jar}.
 *
 * <p>Options: {@code --only dao,cache,each,processor,admin,cluster} (a subset), {@code --prof gc} (a JMH profiler
 * for the DAO and cache benchmarks), {@code --jmh-include REGEX}, {@code --out FILE} (default
 * {@code benchmarks/RESULTS.md} when run from the repository root, else {@code RESULTS.md}), {@code --jdbc-url URL}
 * (a PostgreSQL database to use instead of the embedded server; its {@code consumers} table is rewritten).
 */
public final class RunAll {
  private static final int SEED_ROWS = 100_000;
  private static final int EACH_ROWS = 1_000_000;

  private final Map<String, String> options = new LinkedHashMap<>();
  private final Set<String> parts = new LinkedHashSet<>(List.of("dao", "cache", "each", "processor", "admin",
      "cluster"));
  private final StringBuilder report = new StringBuilder();
  private String jdbcUrl;
  private HikariDataSource pool;

  public static void main(String[] args) throws Exception {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    RunAll run = new RunAll();
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
    if (options.containsKey("jdbc-url")) {
      jdbcUrl = options.get("jdbc-url");
    } else {
      log("starting embedded PostgreSQL");
      postgres = EmbeddedPostgres.builder().start();
      jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    }
    try {
      pool = Pools.open(jdbcUrl, 8);
      try (Database db = Database.connect(pool)) {
        db.migrations().bootstrap();
      }
      seed();
      header();
      if (parts.contains("dao") || parts.contains("cache")) {
        jmh();
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
      report.append(String.format(Locale.ROOT, "%nTotal run time: %.1f min.%n",
          (System.nanoTime() - started) / 60e9));
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
    report.append("Generated by `java -jar benchmarks/target/benchmarks.jar` on ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(".\n\n");
    report.append("## Machine\n\n");
    report.append("| | |\n|---|---|\n");
    report.append("| CPU | ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores available to the JVM (shared with PostgreSQL, the load generator and other builds) |\n");
    report.append("| memory | ").append(memTotal()).append(" |\n");
    report.append("| OS | ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append(" (").append(System.getProperty("os.arch")).append(") |\n");
    report.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version")).append(" |\n");
    report.append("| PostgreSQL | ").append(scalar("select version()")).append(", ")
        .append(options.containsKey("jdbc-url") ? "external server" : "embedded (io.zonky.test), same machine")
        .append("; shared_buffers ").append(scalar("show shared_buffers"))
        .append(", synchronous_commit ").append(scalar("show synchronous_commit"))
        .append(", fsync ").append(scalar("show fsync")).append(" |\n");
    report.append("| connection pool | HikariCP, the same pool settings for every contender |\n\n");
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

  // ---- 1. DAO and cache (JMH) ------------------------------------------------------------------------------

  private void jmh() throws Exception {
    List<String> includes = new ArrayList<>();
    if (options.containsKey("jmh-include")) {
      includes.add(options.get("jmh-include"));
    } else {
      if (parts.contains("dao")) {
        includes.add(DaoBenchmark.class.getName());
      }
      if (parts.contains("cache")) {
        includes.add(CacheBenchmark.class.getName());
      }
    }
    ChainedOptionsBuilder jmh = new OptionsBuilder()
        .forks(1).warmupIterations(Integer.parseInt(options.getOrDefault("jmh-warmups", "2")))
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(Integer.parseInt(options.getOrDefault("jmh-iterations", "5")))
        .measurementTime(TimeValue.seconds(1))
        .threads(1).timeUnit(TimeUnit.SECONDS)
        .jvmArgsAppend("-D" + Pools.URL_PROPERTY + "=" + jdbcUrl, "-Xms1g", "-Xmx1g", "-Dorg.jooq.no-logo=true",
            "-Dorg.jooq.no-tips=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    for (String include : includes) {
      jmh.include(include);
    }
    if (options.containsKey("prof")) {
      jmh.addProfiler(options.get("prof"));
    }
    log("JMH: " + includes);
    Collection<RunResult> results = new Runner(jmh.build()).run();
    Map<String, double[]> scores = new LinkedHashMap<>();
    Map<String, Map<String, String>> secondary = new LinkedHashMap<>();
    for (RunResult r : results) {
      String method = r.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      String impl = r.getParams().getParam("impl");
      String key = impl == null ? method : method + "/" + impl;
      scores.put(key, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
      Map<String, String> sec = new LinkedHashMap<>();
      r.getSecondaryResults().forEach((name, res) -> {
        if (name.endsWith("alloc.rate.norm")) {
          sec.put("B/op", String.format(Locale.ROOT, "%.0f", res.getScore()));
        }
      });
      secondary.put(key, sec);
    }
    boolean gc = "gc".equals(options.get("prof"));
    if (parts.contains("dao")) {
      report.append("## 1. DAO operations (JMH)\n\n");
      report.append("Table `consumers` of the sample plugin (uuid key, unique `username` and `custom_id`, two "
          + "timestamps, a `text[]` of tags) seeded with 100,000 rows; keys drawn at random on every call; one "
          + "thread; JMH 1 fork, " + options.getOrDefault("jmh-warmups", "2") + "×1 s warm-up, "
          + options.getOrDefault("jmh-iterations", "5") + "×1 s measurement (score ± 99.9% error as JMH reports "
          + "it). Ratio = ops/s ÷ raw JDBC ops/s.\n\n");
      report.append("| operation | generated DAO ops/s | DAO, single node ops/s | raw JDBC ops/s | jOOQ DSL ops/s "
          + "| DAO ÷ JDBC | DAO single node ÷ JDBC | jOOQ ÷ JDBC | DAO ÷ jOOQ |")
          .append(gc ? " B/op DAO / JDBC / jOOQ |" : "").append("\n");
      report.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|").append(gc ? "---|" : "").append("\n");
      String[][] ops = {
          {"selectByPrimaryKey", "select by primary key"}, {"selectByUniqueKey", "select by unique key"},
          {"insert", "insert"}, {"update", "update (read for update + write, 1 tx)"},
          {"upsert", "upsert (read for update + insert … on conflict, 1 tx)"}, {"page100", "page of 100"}};
      for (String[] op : ops) {
        double[] dao = scores.get(op[0] + "/dao");
        double[] single = scores.get(op[0] + "/dao-single-node");
        double[] jdbc = scores.get(op[0] + "/jdbc");
        double[] jooq = scores.get(op[0] + "/jooq");
        if (dao == null || single == null || jdbc == null || jooq == null) {
          continue;
        }
        report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | **%.2f×** | %.2f× | %.2f× | %.2f× |",
            op[1], score(dao), score(single), score(jdbc), score(jooq), dao[0] / jdbc[0], single[0] / jdbc[0],
            jooq[0] / jdbc[0], dao[0] / jooq[0]));
        if (gc) {
          report.append(' ').append(secondary.get(op[0] + "/dao").get("B/op")).append(" / ")
              .append(secondary.get(op[0] + "/jdbc").get("B/op")).append(" / ")
              .append(secondary.get(op[0] + "/jooq").get("B/op")).append(" |");
        }
        report.append('\n');
      }
      report.append("\n*Generated DAO*: `Database.connect(pool)` defaults (each write queues a cache invalidation "
          + "that a background thread sends to the other nodes with NOTIFY). *Single node*: the same DAO with "
          + "`CacheSettings.Cluster.OFF`. *Raw JDBC*: the same SQL text, transactions and record mapping by hand, "
          + "without the DAO's validation (size and at-least-one-of checks), auto values, events and invalidations. "
          + "*jOOQ*: the runtime DSL on the generated `ConsumerTable`, the query built and rendered per call, "
          + "`transactionResult` for update and upsert.\n");
      report.append('\n');
    }
    if (parts.contains("cache")) {
      double[] dao = scores.get("daoSelectCached");
      double[] bare = scores.get("bareCaffeineGet");
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
    int warmups = Integer.parseInt(options.getOrDefault("proc-warmups", "2"));
    int reps = Integer.parseInt(options.getOrDefault("proc-reps", "3"));
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
    report.append(String.format(Locale.ROOT, "| processor's own cost (with − plain) | %.0f | **%.2f** | |%n%n",
        with - plain, (with - plain) / r.entities()));
    report.append("Runs (ms): plain ").append(fmt(r.plain())).append("; with processor ")
        .append(fmt(r.withProcessor())).append("; proc-only ").append(fmt(r.procOnly())).append(". ")
        .append(r.cold()).append(".\n\n");
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
    List<AdminBench.Result> results = new AdminBench(clients, requests, limit).run(pool, ids);
    AdminBench.Result bare = results.get(results.size() - 1);
    report.append("## 3. Admin API (HTTP on loopback)\n\n");
    report.append(String.format(Locale.ROOT, "A Java load generator (`java.net.http.HttpClient`, HTTP/1.1, %d "
        + "concurrent clients sending back to back, at most %,d requests or %d s per scenario after a warm-up) "
        + "against `JettyAdminServer` (16 workers) with the sample plugin's routes, in the same JVM as the "
        + "generator, on the same 2 cores as PostgreSQL. The limit: a bare JDK `HttpServer` with the same worker "
        + "pool returning a fixed body the size of one consumer. GET item is the uncached route (one primary-key "
        + "query); the list is the default page of 100.%n%n", clients, requests, limit.toSeconds()));
    report.append("| scenario | requests | errors | req/s | p50 ms | p99 ms | ratio to bare server |\n"
        + "|---|---:|---:|---:|---:|---:|---:|\n");
    for (AdminBench.Result r : results) {
      report.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | %.2f | %.2f | %s |%n", r.name(),
          r.requests(), r.errors(), r.perSecond(), r.p50Ms(), r.p99Ms(),
          r == bare ? "1.00×" : String.format(Locale.ROOT, "**%.2f×**", r.perSecond() / bare.perSecond())));
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
