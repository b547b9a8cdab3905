package dev.daogen.processor.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The test plugin "notes" with two hand-written migrations, placed in the class output before compiling as Maven's
 * {@code process-resources} does: {@code 001_counter} counts its runs in table {@code runs} (and sleeps for the
 * database setting {@code daogen.test_sleep} seconds, to hold the migration lock), {@code 002_flaky} can be made to
 * fail.
 */
final class Notes {
  static final String FOLDER = "META-INF/daogen/notes/migrations/";
  static final String COUNTER = """
      -- A hand-written migration.
      -- daogen:up
      create table if not exists "runs" ("n" integer);
      insert into "runs" values (1);
      select pg_sleep(coalesce(nullif(current_setting('daogen.test_sleep', true), ''), '0')::float);
      -- daogen:teardown
      """;
  static final String FLAKY_GOOD = """
      -- daogen:up
      create table if not exists "flaky" ("x" integer);
      -- daogen:teardown
      """;
  static final String FLAKY_BAD = """
      -- daogen:up
      create table if not exists "flaky" ("x" integer);
      select 1 / 0;
      -- daogen:teardown
      """;

  private static Path classes;

  private Notes() {}

  static synchronized Path compiled() {
    Path root = PluginCompiler.scratch();
    if (classes == null) {
      Path out = root.resolve("notes");
      write(out.resolve("classes"), COUNTER, FLAKY_GOOD);
      classes = PluginCompiler.compile(out, Map.of(
          "test/notes/package-info.java", """
              @Plugin(name = "notes", version = "1.0.0")
              package test.notes;

              import dev.daogen.annotations.Plugin;
              """,
          "test/notes/Note.java", """
              package test.notes;

              import dev.daogen.annotations.*;
              import java.util.UUID;

              @Entity(name = "notes")
              public record Note(@PrimaryKey @Auto UUID id, String text) {}
              """));
    }
    return classes;
  }

  /** Puts the hand-written migrations in place (tests change them). */
  static void write(Path classes, String counter, String flaky) {
    try {
      Files.createDirectories(classes.resolve(FOLDER));
      Files.writeString(classes.resolve(FOLDER + "001_counter.sql"), counter);
      Files.writeString(classes.resolve(FOLDER + "002_flaky.sql"), flaky);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
