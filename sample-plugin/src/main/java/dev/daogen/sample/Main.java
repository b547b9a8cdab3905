package dev.daogen.sample;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.AdminServer;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sample plugin as a program: starts PostgreSQL (embedded, keeping its data in a directory, unless
 * {@code --jdbc-url} names a server), runs the migrations, and serves the admin API on 127.0.0.1:8001.
 *
 * <pre>
 * java -jar daogen-sample-plugin.jar [serve] [--data-dir DIR] [--jdbc-url URL --user U --password P]
 *                                    [--listen HOST] [--port N] [--admin-token TOKEN]
 * java -jar daogen-sample-plugin.jar demo [same database options]
 * </pre>
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Deque<String> args = new ArrayDeque<>(java.util.List.of(argv));
    String command = !args.isEmpty() && !args.peek().startsWith("--") ? args.pop() : "serve";
    if (command.equals("migrations")) {
      return migrations(args, out, err);
    }
    Map<String, String> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (command.equals("help") || options.containsKey("help")) {
      out.println(USAGE);
      return 0;
    }
    if (!command.equals("serve") && !command.equals("demo")) {
      err.println("unknown command '" + command + "'");
      err.println(USAGE);
      return 2;
    }
    Postgres pg = Postgres.open(options, out);
    Database db = pg.database();
    migrate(db, out);
    if (command.equals("demo")) {
      try (pg) {
        new Demo(db, out).run();
      }
      return 0;
    }
    return serve(pg, db, options, out, err);
  }

  private static int serve(Postgres pg, Database db, Map<String, String> options, PrintStream out, PrintStream err)
      throws InterruptedException {
    AdminServer server;
    try {
      AdminOptions admin = adminOptions(options);
      server = new JettyAdminServer(new AdminApi(db, admin), admin);
      server.start();
    } catch (RuntimeException e) {
      err.println("cannot start the admin API: " + e.getMessage());
      pg.close();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("stopping: admin API, then PostgreSQL (the data stays)");
      server.close();
      pg.close();
      stopped.countDown();
    }, "daogen-shutdown"));
    String base = "http://" + server.address().getHostString() + ":" + server.address().getPort();
    out.println();
    out.println("Admin API of plugin key-auth listening on " + base + "  (Ctrl-C stops it; the data stays)");
    out.println("Try:");
    out.println("  curl -s -X POST " + base + "/consumers -d username=alice");
    out.println("  curl -s -X POST " + base + "/consumers/alice/key-auth");
    out.println("  curl -s " + base + "/consumers/alice/key-auth");
    out.println("  curl -s -X PATCH " + base + "/consumers/alice -H 'Content-Type: application/json'"
        + " -d '{\"custom_id\": \"alice-1\"}'");
    out.println("  curl -s '" + base + "/key-auths?size=10'");
    out.println("  curl -s " + base + "/schemas/consumers");
    out.println("  curl -s -i -X DELETE " + base + "/consumers/alice");
    out.println("(the last command deletes alice, so the same commands work again on the next run)");
    stopped.await();
    return 0;
  }

  /** The admin server's address, token and limits from the command line (defaults: {@link AdminOptions#defaults}). */
  static AdminOptions adminOptions(Map<String, String> options) {
    AdminOptions d = AdminOptions.defaults();
    return new AdminOptions(
        options.getOrDefault("listen", d.host()),
        number(options, "port", d.port(), 0, 65535),
        options.getOrDefault("admin-token", System.getenv("DAOGEN_ADMIN_TOKEN")),
        number(options, "max-body-bytes", d.maxBodyBytes(), 0, Integer.MAX_VALUE - 1),
        number(options, "threads", d.threads(), 1, 1024),
        Duration.ofSeconds(number(options, "request-timeout", (int) d.requestTimeout().toSeconds(), 1, 86_400)),
        number(options, "max-connections", d.maxConnections(), 1, 1_000_000),
        number(options, "max-header-bytes", d.maxHeaderBytes(), 256, 1 << 20),
        Duration.ofSeconds(number(options, "idle-timeout", (int) d.idleTimeout().toSeconds(), 1, 86_400)),
        number(options, "min-data-rate", (int) d.minDataRate(), 0, Integer.MAX_VALUE),
        number(options, "list-budget-bytes", d.listBudgetBytes(), 1024, Integer.MAX_VALUE - 1));
  }

  private static int number(Map<String, String> options, String name, int fallback, int min, int max) {
    String text = options.get(name);
    if (text == null) {
      return fallback;
    }
    if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) < min || Long.parseLong(text) > max) {
      throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(text);
  }

  /** Brings the database to this version: bootstrap when empty, else run new migrations ({@code up}). */
  private static void migrate(Database db, PrintStream out) {
    var state = db.migrations().state();
    if (state.needsBootstrap()) {
      out.println("Database bootstrapped: " + db.migrations().bootstrap().executed());
    } else if (state.hasNew()) {
      out.println("Migrations executed: " + db.migrations().up(false).executed());
    }
  }

  /**
   * {@code migrations bootstrap|up|finish|list|status|reset [--force] [--yes]} and the database options: Kong's
   * verbs and exit codes, from {@link dev.daogen.cli.Cli}.
   */
  private static int migrations(Deque<String> args, PrintStream out, PrintStream err) throws IOException {
    java.util.List<String> verbs = new java.util.ArrayList<>();
    Deque<String> databaseOptions = new ArrayDeque<>();
    while (!args.isEmpty()) {
      String arg = args.pop();
      if (DATABASE_OPTIONS.contains(arg) && !args.isEmpty()) {
        databaseOptions.add(arg);
        databaseOptions.add(args.pop());
      } else {
        verbs.add(arg);
      }
    }
    Map<String, String> options;
    try {
      options = options(databaseOptions);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    try (Postgres pg = Postgres.open(options, err)) {
      return dev.daogen.cli.Cli.run(verbs.toArray(String[]::new), pg.database(), out, err);
    }
  }

  private static final java.util.Set<String> DATABASE_OPTIONS =
      java.util.Set.of("--data-dir", "--jdbc-url", "--user", "--password");

  static Map<String, String> options(Deque<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    while (!args.isEmpty()) {
      String arg = args.pop();
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      if (name.equals("help")) {
        out.put(name, "true");
        continue;
      }
      if (args.isEmpty()) {
        throw new IllegalArgumentException("option " + arg + " needs a value");
      }
      out.put(name, args.pop());
    }
    return out;
  }

  static final String USAGE = String.join("\n",
      "usage: java -jar daogen-sample-plugin.jar [serve|demo] [options]",
      "  serve (default)        run the migrations and serve the admin API",
      "  demo                   walk through the generated DAOs and print what they do",
      "  migrations VERB        bootstrap|up|finish|list|status|reset [--force] [--yes] (Kong's verbs)",
      "options:",
      "  --data-dir DIR         embedded PostgreSQL data directory (default ./daogen-data)",
      "  --jdbc-url URL         use this PostgreSQL instead (with --user, --password)",
      "  --listen HOST          admin API address (default 127.0.0.1; others need --admin-token)",
      "  --port N               admin API port (default 8001)",
      "  --admin-token TOKEN    required from clients (header Kong-Admin-Token or Authorization: Bearer)",
      "admin API limits (defaults in brackets):",
      "  --max-body-bytes N     largest request body; one byte more is 413 [1048576]",
      "  --max-header-bytes N   largest request line + headers (414 / 431 beyond) [8192]",
      "  --max-connections N    open connections at once; more wait to be accepted [1024]",
      "  --threads N            workers running requests on the database; 503 when 16 per worker wait [16]",
      "  --idle-timeout S       seconds a connection may stay silent before it is closed [30]",
      "  --request-timeout S    seconds a request body may take to arrive (408 after) [30]",
      "  --min-data-rate B      slowest accepted request body, bytes per second; 0: none (408 below) [1024]",
      "  --list-budget-bytes N  most bytes of entities in one list page; it ends early with next [8388608]");

  /** The database: an external server, or an embedded one with a persistent data directory. */
  record Postgres(Database database, EmbeddedPostgres embedded) implements AutoCloseable {
    static Postgres open(Map<String, String> options, PrintStream out) throws IOException {
      String url = options.get("jdbc-url");
      if (url != null) {
        out.println("PostgreSQL: " + url);
        return new Postgres(Database.connect(url, options.getOrDefault("user", "postgres"),
            options.getOrDefault("password", "")), null);
      }
      Path dir = Path.of(options.getOrDefault("data-dir", "daogen-data")).toAbsolutePath();
      Files.createDirectories(dir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .start();
      out.println("PostgreSQL (embedded) keeps its data in " + dir);
      // a pool, as a real deployment would have (the embedded server trusts local connections)
      return new Postgres(Database.connect(pg.getJdbcUrl("postgres", "postgres"), "postgres", ""), pg);
    }

    @Override
    public void close() {
      database.close();
      if (embedded != null) {
        try {
          embedded.close();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
  }
}
