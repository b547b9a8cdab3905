package dev.daogen.bench;

import dev.daogen.processor.DaogenProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Processor cost: 200 generated entity records (varied components, unique and indexed fields, enums, tags, Jakarta
 * constraints, a foreign key on every third one) compiled in-process with {@code javax.tools}, with and without the
 * daogen processor; alternating runs after warm-up. The processor instance is created on the benchmark's class
 * path, so that JIT warm-up carries over between repetitions, as in a long-lived build daemon.
 */
final class ProcessorBench {
  static final int ENTITIES = 200;

  /** Timings in milliseconds. */
  record Result(int entities, List<Double> plain, List<Double> withProcessor, List<Double> procOnly,
      int generatedFiles, String cold) {
    double plainMedian() {
      return median(plain);
    }

    double withMedian() {
      return median(withProcessor);
    }

    double procOnlyMedian() {
      return median(procOnly);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Writes the 200 entity sources to a directory (to inspect or compile them by hand). */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0], "bench", "gen");
    Files.createDirectories(dir);
    generate(dir);
  }

  static Result run(int warmups, int reps) throws IOException {
    Path root = Files.createTempDirectory("daogen-proc-bench");
    try {
      Path src = root.resolve("src/bench/gen");
      Files.createDirectories(src);
      List<Path> sources = generate(src);
      String classpath = System.getProperty("java.class.path");
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      double coldWith = compile(javac, sources, classpath, root.resolve("cold-with"), Mode.WITH);
      double coldPlain = compile(javac, sources, classpath, root.resolve("cold-plain"), Mode.PLAIN);
      for (int i = 0; i < warmups; i++) {
        compile(javac, sources, classpath, root.resolve("w-plain-" + i), Mode.PLAIN);
        compile(javac, sources, classpath, root.resolve("w-with-" + i), Mode.WITH);
      }
      List<Double> plain = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      List<Double> only = new ArrayList<>();
      for (int i = 0; i < reps; i++) {
        plain.add(compile(javac, sources, classpath, root.resolve("plain-" + i), Mode.PLAIN));
        with.add(compile(javac, sources, classpath, root.resolve("with-" + i), Mode.WITH));
        only.add(compile(javac, sources, classpath, root.resolve("only-" + i), Mode.PROC_ONLY));
      }
      int generated = lastGenerated;
      String cold = String.format(Locale.ROOT, "first (cold) compile in this JVM: %.0f ms with the processor "
          + "(processor loaded first), %.0f ms plain after it", coldWith, coldPlain);
      return new Result(ENTITIES, plain, with, only, generated, cold);
    } finally {
      deleteTree(root);
    }
  }

  private enum Mode { PLAIN, WITH, PROC_ONLY }

  private static int lastGenerated;

  private static double compile(JavaCompiler javac, List<Path> sources, String classpath, Path out, Mode mode)
      throws IOException {
    Path classes = out.resolve("classes");
    Path generated = out.resolve("generated");
    Files.createDirectories(classes);
    Files.createDirectories(generated);
    List<String> options = new ArrayList<>(List.of("--release", "17", "-classpath", classpath,
        "-d", classes.toString(), "-s", generated.toString(), "-implicit:none", "-nowarn", "-Xlint:none"));
    if (mode == Mode.PLAIN) {
      options.add("-proc:none");
    } else if (mode == Mode.PROC_ONLY) {
      options.add("-proc:only");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      StringWriter log = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(log, files, diagnostics, options, null, units);
      if (mode != Mode.PLAIN) {
        task.setProcessors(List.of(new DaogenProcessor()));
      }
      ok = task.call();
    }
    double ms = (System.nanoTime() - start) / 1e6;
    System.out.printf(Locale.ROOT, "  javac %s: %.0f ms%n", mode, ms);
    if (!ok) {
      StringBuilder sb = new StringBuilder("compilation failed (" + mode + "):\n");
      diagnostics.getDiagnostics().stream().limit(20).forEach(d -> sb.append(d).append('\n'));
      throw new IllegalStateException(sb.toString());
    }
    if (mode != Mode.PLAIN) {
      try (Stream<Path> files = Files.walk(generated)) {
        lastGenerated = (int) files.filter(p -> p.toString().endsWith(".java")).count();
      }
    }
    deleteTree(out);
    return ms;
  }

  /** Writes the plugin: package-info, two enums and {@value #ENTITIES} entity records. */
  static List<Path> generate(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(write(dir, "package-info", """
        @Plugin(name = "bench", version = "1.0.0")
        package bench.gen;

        import dev.daogen.annotations.Plugin;
        """));
    out.add(write(dir, "Tier", "package bench.gen;\n\npublic enum Tier { FREE, PRO, ENTERPRISE }\n"));
    out.add(write(dir, "Color", "package bench.gen;\n\npublic enum Color { RED, GREEN, BLUE }\n"));
    for (int i = 0; i < ENTITIES; i++) {
      String name = String.format(Locale.ROOT, "Thing%03d", i);
      StringBuilder c = new StringBuilder();
      c.append("package bench.gen;\n\n");
      c.append("import dev.daogen.annotations.*;\n");
      c.append("import jakarta.validation.constraints.*;\n");
      c.append("import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.time.LocalDate;\n");
      c.append("import java.util.List;\nimport java.util.Set;\nimport java.util.UUID;\n");
      c.append("import org.jspecify.annotations.Nullable;\n\n");
      c.append(String.format(Locale.ROOT, "@Entity(name = \"thing_%03d\", endpointKey = \"name\")%n", i));
      c.append("public record ").append(name).append("(\n");
      List<String> comps = new ArrayList<>();
      comps.add("    @PrimaryKey @Auto UUID id");
      comps.add("    @Auto Instant createdAt");
      comps.add("    @Unique @NotBlank @Size(max = 64) String name");
      if (i >= 3 && i % 3 == 0) {
        comps.add(String.format(Locale.ROOT,
            "    @Foreign(value = Thing%03d.class, onDelete = OnDelete.CASCADE) UUID parent", i - 3));
      }
      if (i % 2 == 0) {
        comps.add("    @Nullable @Size(max = 256) String description");
      }
      if (i % 4 == 1) {
        comps.add("    @Default(\"10\") @Min(0) @Max(1000) int weight");
      }
      if (i % 5 == 2) {
        comps.add("    @Nullable Long total");
      }
      if (i % 3 == 1) {
        comps.add("    @Default(\"FREE\") Tier tier");
      }
      if (i % 7 == 3) {
        comps.add("    @Nullable Color color");
      }
      if (i % 4 == 2) {
        comps.add("    @Indexed String region");
      }
      if (i % 6 == 5) {
        comps.add("    @Nullable BigDecimal price");
        comps.add("    @Nullable LocalDate validUntil");
      }
      if (i % 5 == 4) {
        comps.add("    @Nullable Boolean enabled");
        comps.add("    @Nullable @Email String contact");
      }
      if (i % 8 == 6) {
        comps.add("    @Nullable List<String> aliases");
      }
      comps.add("    @Nullable Set<String> tags");
      c.append(String.join(",\n", comps)).append(") {}\n");
      out.add(write(dir, name, c.toString()));
    }
    return out;
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name + ".java");
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
