package dev.daogen.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.db.Database;
import dev.daogen.internal.Json;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.MigrationResult;
import dev.daogen.migrate.Migrations;
import dev.daogen.migrate.SchemaState;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Kong's {@code kong migrations …} commands over {@link Migrations}, for an application's {@code main} to delegate to:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *   try (Database db = Database.connect(url, user, password)) {
 *     System.exit(Cli.run(args, db, System.out, System.err));   // args: migrations up --force
 *   }
 * }
 * }</pre>
 *
 * <p>Exit codes: {@value #OK} done; {@value #ERROR} the command failed (message on {@code err}); {@value #USAGE} bad
 * arguments; and, for {@code list} as in Kong, {@value #NEEDS_BOOTSTRAP} the database needs bootstrapping,
 * {@value #PENDING} teardowns are pending, {@value #NEW} new migrations are available.
 */
public final class Cli {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int NEEDS_BOOTSTRAP = 3;
  public static final int PENDING = 4;
  public static final int NEW = 5;

  static final String USAGE_TEXT = String.join("\n",
      "Usage: migrations COMMAND [OPTIONS]",
      "",
      "Manage the database schema of daogen's core and of every plugin on the class path.",
      "",
      "Commands:",
      "  bootstrap   Bootstrap the database and run all migrations.",
      "  up          Run any new migrations (the non-destructive part).",
      "  finish      Finish running any pending migrations after 'up' (the destructive part).",
      "  list        List executed, pending and new migrations (exit 0 up to date, 3 needs bootstrap,",
      "              4 pending, 5 new).",
      "  status      Print the migration state as JSON.",
      "  reset       Drop every table of daogen and its plugins (irreversible).",
      "",
      "Options:",
      "  -f, --force              bootstrap: reset first; up: run even while migrations are pending",
      "  -y, --yes                reset: assume 'yes' to the confirmation (required without a terminal)",
      "      --lock-timeout SECS  how long to wait for another node's migration (default 60)");

  private Cli() {}

  /**
   * Runs one command.
   *
   * @param args {@code [migrations] COMMAND [OPTIONS]}
   * @return the exit code
   */
  public static int run(String[] args, Database db, PrintStream out, PrintStream err) {
    List<String> words = new ArrayList<>(Arrays.asList(args));
    if (!words.isEmpty() && words.get(0).equals("migrations")) {
      words.remove(0);
    }
    if (words.isEmpty() || words.contains("--help") || words.contains("-h")) {
      (words.isEmpty() ? err : out).println(USAGE_TEXT);
      return words.isEmpty() ? USAGE : OK;
    }
    String command = words.remove(0);
    boolean force = false;
    boolean yes = false;
    Duration lockTimeout = Migrations.DEFAULT_LOCK_TIMEOUT;
    for (int i = 0; i < words.size(); i++) {
      switch (words.get(i)) {
        case "-f", "--force" -> force = true;
        case "-y", "--yes" -> yes = true;
        case "--lock-timeout" -> {
          if (i + 1 >= words.size() || !words.get(i + 1).matches("[0-9]+")) {
            err.println("Error: --lock-timeout needs a number of seconds\n\n" + USAGE_TEXT);
            return USAGE;
          }
          lockTimeout = Duration.ofSeconds(Long.parseLong(words.get(++i)));
        }
        default -> {
          err.println("Error: unknown option '" + words.get(i) + "'\n\n" + USAGE_TEXT);
          return USAGE;
        }
      }
    }
    Migrations migrations = db.migrations().withLockTimeout(lockTimeout);
    try {
      return switch (command) {
        case "bootstrap" -> bootstrap(migrations, force, out);
        case "up" -> up(migrations, force, out);
        case "finish" -> finish(migrations, out);
        case "list" -> list(migrations.state(), out);
        case "status" -> status(migrations.state(), out);
        case "reset" -> reset(migrations, yes, out, err);
        default -> {
          err.println("Error: unknown command '" + command + "'\n\n" + USAGE_TEXT);
          yield USAGE;
        }
      };
    } catch (MigrationException e) {
      err.println("Error: " + e.getMessage());
      return ERROR;
    }
  }

  private static int bootstrap(Migrations migrations, boolean force, PrintStream out) {
    out.println(force ? "Resetting and bootstrapping database..." : "Bootstrapping database...");
    MigrationResult result = migrations.bootstrap(force);
    if (result.outcome() == MigrationResult.Outcome.ALREADY_BOOTSTRAPPED) {
      out.println("Database already bootstrapped");
      return OK;
    }
    result.executed().forEach(m -> out.println(migrated(m) + " (executed)"));
    out.println(result.processed() + " migrations processed");
    out.println(result.executed().size() + " executed");
    out.println("Database is up-to-date");
    return OK;
  }

  private static int up(Migrations migrations, boolean force, PrintStream out) {
    MigrationResult result = migrations.up(force);
    if (result.outcome() == MigrationResult.Outcome.UP_TO_DATE) {
      out.println("Database is already up-to-date");
      return OK;
    }
    for (String m : result.executed()) {
      out.println(migrated(m) + (result.pending().contains(m) ? " (pending)" : " (executed)"));
    }
    long pendingNow = result.executed().stream().filter(result.pending()::contains).count();
    out.println(result.processed() + " migrations processed");
    out.println((result.executed().size() - pendingNow) + " executed");
    out.println(pendingNow + " pending");
    if (!result.pending().isEmpty()) {
      out.println("Database has pending migrations; run 'migrations finish' when every node runs the new version");
    } else {
      out.println("Database is up-to-date");
    }
    return OK;
  }

  private static int finish(Migrations migrations, PrintStream out) {
    MigrationResult result = migrations.finish();
    if (result.outcome() == MigrationResult.Outcome.NOTHING_TO_FINISH) {
      out.println("No pending migrations to finish");
      return OK;
    }
    result.finished().forEach(m -> out.println(migrated(m) + " (executed)"));
    out.println(result.processed() + " migrations processed");
    out.println(result.finished().size() + " executed");
    out.println("Database is up-to-date");
    return OK;
  }

  private static int list(SchemaState state, PrintStream out) {
    if (state.needsBootstrap()) {
      out.println("Database needs bootstrapping; run 'migrations bootstrap' to start a new installation");
      return NEEDS_BOOTSTRAP;
    }
    print(out, "Executed migrations:", state, SchemaState.Subsystem::executed);
    print(out, "Pending migrations:", state, SchemaState.Subsystem::pending);
    if (state.hasPending()) {
      out.println("Run 'migrations finish' when ready");
    }
    print(out, "New migrations available:", state, SchemaState.Subsystem::available);
    if (state.hasNew()) {
      out.println("Run 'migrations up' to proceed");
    }
    print(out, "Changed after they were executed (restore these files):", state, SchemaState.Subsystem::changed);
    if (state.hasChanged()) {
      return ERROR;
    }
    if (state.hasPending()) {
      return PENDING;
    }
    if (state.hasNew()) {
      return NEW;
    }
    out.println("Database is up-to-date");
    return OK;
  }

  private static void print(PrintStream out, String title, SchemaState state,
      java.util.function.Function<SchemaState.Subsystem, List<String>> names) {
    List<SchemaState.Subsystem> with = state.subsystems().stream().filter(s -> !names.apply(s).isEmpty()).toList();
    if (with.isEmpty()) {
      return;
    }
    out.println(title);
    int width = with.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (SchemaState.Subsystem s : with) {
      out.println(String.format(Locale.ROOT, "%" + width + "s: %s", s.name(), String.join(", ", names.apply(s))));
    }
  }

  private static int status(SchemaState state, PrintStream out) {
    StringWriter json = new StringWriter();
    try (JsonGenerator g = Json.FACTORY.createGenerator(json)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeBooleanField("needs_bootstrap", state.needsBootstrap());
      g.writeBooleanField("up_to_date", state.upToDate());
      g.writeArrayFieldStart("subsystems");
      for (SchemaState.Subsystem s : state.subsystems()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("version", s.version());
        g.writeStringField("last_executed", s.lastExecuted());
        strings(g, "executed", s.executed());
        strings(g, "pending", s.pending());
        strings(g, "new", s.available());
        strings(g, "changed", s.changed());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println(json);
    return OK;
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static int reset(Migrations migrations, boolean yes, PrintStream out, PrintStream err) {
    if (!yes) {
      Console console = System.console();
      if (console == null) {
        err.println("Error: reset drops every table and cannot be undone; without a terminal to confirm, pass --yes");
        return ERROR;
      }
      String answer = console.readLine("Are you sure? This operation is irreversible. [y/N] ");
      if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
        out.println("Canceled");
        return OK;
      }
    }
    if (!migrations.reset()) {
      err.println("Database not bootstrapped, nothing to reset");
      return ERROR;
    }
    out.println("Database reset");
    return OK;
  }

  private static String migrated(String subsystemAndName) {
    int colon = subsystemAndName.indexOf(':');
    return subsystemAndName.substring(0, colon) + " migrated up to: " + subsystemAndName.substring(colon + 1);
  }
}
