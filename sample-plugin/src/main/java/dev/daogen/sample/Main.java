package dev.daogen.sample;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.AdminServer;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.db.Database;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.MigrationResult;
import dev.daogen.migrate.Migrations;
import dev.daogen.migrate.SchemaState;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The sample plugin as a program: starts PostgreSQL (embedded, keeping its data in a directory, unless
 * {@code --jdbc-url} names a server), runs the migrations, and serves the admin API on 127.0.0.1:8001.
 *
 * <p>On a database of an earlier version it runs the new migrations' up part only, which nodes of that version
 * survive, and prints the {@code migrations finish} command to run once every node runs this version.
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
    Deque<String> args = new ArrayDeque<>(List.of(argv));
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
    Backend pg;
    try {
      pg = Backend.open(options, out);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Database db = pg.database();
    SchemaState state = migrate(db, out, err);
    if (state == null) {
      pg.close();
      return 1;
    }
    if (command.equals("demo")) {
      try (pg) {
        printFinishHint(state, pg.optionsAfterExit(), out);
        new Demo(db, out).run();
      }
      return 0;
    }
    return serve(pg, db, state, options, out, err);
  }

  private static int serve(Backend pg, Database db, SchemaState state, Map<String, String> options,
      PrintStream out, PrintStream err) throws InterruptedException, URISyntaxException {
    AdminOptions admin;
    AdminServer server;
    try {
      admin = adminOptions(options);
      server = new JettyAdminServer(new AdminApi(db, admin), admin);
      server.start();
    } catch (RuntimeException e) {
      err.println("cannot start the admin API: " + e.getMessage());
      pg.close();
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("stopping: admin API, then " + pg.name() + " (the data stays)");
      server.close();
      pg.close();
      stopped.countDown();
    }, "daogen-shutdown"));
    String base = "http://" + server.address().getHostString() + ":" + server.address().getPort();
    out.println();
    out.println("Admin API of plugin key-auth listening on " + base + "  (Ctrl-C stops it; the data stays)");
    out.println("Admin UI: " + base + "/ui/" + (admin.token() == null ? "" : "  (it asks for the admin token)"));
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
    if (printFinishHint(state, pg.optionsWhileRunning(), out) && pg.embedded() != null) {
      out.println("(or, once this server is stopped: " + selfCommand() + " migrations finish "
          + pg.optionsAfterExit() + ")");
    }
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

  /**
   * Brings the database to this version: bootstrap when empty, else run the up part of new migrations (expand: nodes
   * of the previous version keep working). Their teardowns stay pending until {@code migrations finish}.
   *
   * @return the state afterwards, or {@code null} when the database cannot be migrated (the reason is on {@code err}:
   *     an executed migration changed, teardowns of an earlier upgrade are still pending, another node holds the
   *     migration lock too long)
   */
  private static SchemaState migrate(Database db, PrintStream out, PrintStream err) {
    Migrations migrations = db.migrations();
    try {
      SchemaState state = migrations.state();
      if (state.needsBootstrap()) {
        out.println("Database bootstrapped: " + migrations.bootstrap().executed());
        return migrations.state();
      }
      if (state.hasNew()) {
        MigrationResult up = migrations.up(false);
        out.println("Migrations executed: " + up.executed() + " (up; pending until 'migrations finish': "
            + up.pending() + ")");
        return migrations.state();
      }
      return state;
    } catch (MigrationException e) {
      err.println("Error: " + e.getMessage());
      return null;
    }
  }

  /**
   * While teardowns are pending, tells the operator to run {@code migrations finish} once every node runs this
   * version, with a command that works as printed.
   *
   * @return whether anything was pending
   */
  private static boolean printFinishHint(SchemaState state, String databaseOptions, PrintStream out)
      throws URISyntaxException {
    if (!state.hasPending()) {
      return false;
    }
    List<String> pending = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    for (SchemaState.Subsystem s : state.subsystems()) {
      if (!s.pending().isEmpty()) {
        s.pending().forEach(m -> pending.add(s.name() + ":" + m));
        versions.add(s.version() == null ? s.name() : s.name() + " " + s.version());
      }
    }
    out.println();
    out.println("Database has pending migrations " + pending + ": their up part ran, so nodes that still run the"
        + " previous version keep working.");
    out.println("Once every node runs " + String.join(", ", versions) + ", finish them (drops what the previous"
        + " version needed):");
    out.println("  " + selfCommand() + " migrations finish " + databaseOptions);
    return true;
  }

  /** {@code java -jar <this jar>}, the path relative to the working directory when the jar lies below it. */
  private static String selfCommand() throws URISyntaxException {
    CodeSource source = Main.class.getProtectionDomain().getCodeSource();
    Path self = source == null ? null : Path.of(source.getLocation().toURI());
    if (self == null || !Files.isRegularFile(self)) {
      return "java -jar daogen-sample-plugin.jar"; // run from classes (tests, an IDE)
    }
    Path cwd = Path.of("").toAbsolutePath();
    return "java -jar " + shellWord((self.startsWith(cwd) ? cwd.relativize(self) : self).toString());
  }

  /** A word as a POSIX shell reads it back: quoted unless it only has characters that need no quoting. */
  static String shellWord(String word) {
    return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * {@code migrations bootstrap|up|finish|list|status|reset [--force] [--yes]} and the database options: Kong's
   * verbs and exit codes, from {@link dev.daogen.cli.Cli}.
   */
  private static int migrations(Deque<String> args, PrintStream out, PrintStream err) throws IOException {
    List<String> verbs = new ArrayList<>();
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
    try (Backend pg = Backend.open(options, err)) {
      return dev.daogen.cli.Cli.run(verbs.toArray(String[]::new), pg.database(), out, err);
    }
  }

  private static final java.util.Set<String> DATABASE_OPTIONS =
      java.util.Set.of("--data-dir", "--jdbc-url", "--user", "--password", "--store", "--contact-points",
          "--datacenter", "--keyspace", "--replication-factor", "--cql-port", "--storage-port");

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
      "  --store NAME           postgres (default) or cassandra: the same DAOs and admin API on either",
      "  --data-dir DIR         the embedded database's data directory (default ./daogen-data,",
      "                         with --store cassandra ./daogen-cassandra-data)",
      "  --jdbc-url URL         use this PostgreSQL instead (with --user, --password)",
      "  --cql-port N           the embedded Cassandra's CQL port [9042] (--storage-port N: gossip [7000])",
      "  --contact-points H:P,… use this Cassandra cluster instead (with --datacenter DC, --keyspace K,",
      "                         --replication-factor N for a keyspace it creates [datacenter1, daogen, 1])",
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

  /**
   * The database: an external server, or an embedded one with a persistent data directory; PostgreSQL by default,
   * Cassandra with {@code --store cassandra}.
   *
   * @param name what to call it in messages
   * @param embedded the embedded server this process started, or null
   * @param optionsWhileRunning the options by which another process reaches this database while this one runs
   * @param optionsAfterExit the options by which another process reaches it once this one has stopped
   */
  record Backend(String name, Database database, AutoCloseable embedded, String optionsWhileRunning,
      String optionsAfterExit) implements AutoCloseable {
    static Backend open(Map<String, String> options, PrintStream out) throws IOException {
      String store = options.getOrDefault("store", "postgres");
      return switch (store) {
        case "postgres" -> postgres(options, out);
        case "cassandra" -> CassandraBackend.open(options, out);
        default -> throw new IllegalArgumentException("unknown --store '" + store + "': postgres or cassandra");
      };
    }

    private static Backend postgres(Map<String, String> options, PrintStream out) throws IOException {
      String url = options.get("jdbc-url");
      if (url != null) {
        out.println("PostgreSQL: " + url);
        String user = options.getOrDefault("user", "postgres");
        // a password is never printed: the operator puts it in place of the word PASSWORD
        String reach = "--jdbc-url " + shellWord(url) + " --user " + shellWord(user)
            + (options.containsKey("password") ? " --password PASSWORD" : "");
        return new Backend("PostgreSQL", Database.connect(url, user, options.getOrDefault("password", "")), null,
            reach, reach);
      }
      Path dir = Path.of(options.getOrDefault("data-dir", "daogen-data")).toAbsolutePath();
      Files.createDirectories(dir);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dir)
          .setCleanDataDirectory(false)
          .start();
      out.println("PostgreSQL (embedded) keeps its data in " + dir);
      // a pool, as a real deployment would have (the embedded server trusts local connections)
      return new Backend("PostgreSQL", Database.connect(pg.getJdbcUrl("postgres", "postgres"), "postgres", ""), pg,
          "--jdbc-url jdbc:postgresql://localhost:" + pg.getPort() + "/postgres",
          "--data-dir " + shellWord(dir.toString()));
    }

    @Override
    public void close() {
      database.close();
      if (embedded != null) {
        try {
          embedded.close();
        } catch (Exception e) {
          throw new IllegalStateException("could not stop the embedded " + name + ": " + e.getMessage(), e);
        }
      }
    }
  }
}
