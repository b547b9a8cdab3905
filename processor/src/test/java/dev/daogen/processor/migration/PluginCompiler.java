package dev.daogen.processor.migration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.processor.DaogenProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a plugin's sources with the real processor into a directory, and loads the result. */
final class PluginCompiler {
  private PluginCompiler() {}

  /**
   * Compiles {@code sources} (path → content) into {@code out}/classes.
   *
   * @param options extra javac options, e.g. {@code -Adaogen.schemaDir=...}
   * @return the class output directory
   */
  static Path compile(Path out, Map<String, String> sources, String... options) {
    try {
      Path src = out.resolve("src");
      Path classes = out.resolve("classes");
      Files.createDirectories(classes);
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path file = src.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        files.add(file);
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      StringWriter log = new StringWriter();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
            System.getProperty("java.class.path")));
        args.addAll(List.of(options));
        JavaCompiler.CompilationTask task = javac.getTask(log, fm, null, args, null, fm.getJavaFileObjectsFromPaths(files));
        task.setProcessors(List.of(new DaogenProcessor()));
        assertTrue(task.call(), () -> "compilation failed:\n" + log);
      }
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path scratch;

  /** A directory for the whole test run (fixtures compiled once are shared by test classes), deleted at exit. */
  static synchronized Path scratch() {
    if (scratch == null) {
      try {
        scratch = Files.createTempDirectory("daogen-migrations");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path dir = scratch;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
          // best effort
        }
      }));
    }
    return scratch;
  }

  static URLClassLoader load(Path classes) {
    try {
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, PluginCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
