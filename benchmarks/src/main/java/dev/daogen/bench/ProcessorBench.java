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

  /** Micronaut Data's annotation processors (micronaut-inject-java; micronaut-data-processor plugs into them). */
  static final List<String> MICRONAUT_PROCESSORS = List.of(
      "io.micronaut.annotation.processing.MixinVisitorProcessor",
      "io.micronaut.annotation.processing.PackageElementVisitorProcessor",
      "io.micronaut.annotation.processing.TypeElementVisitorProcessor",
      "io.micronaut.annotation.processing.AggregatingTypeElementVisitorProcessor",
      "io.micronaut.annotation.processing.BeanDefinitionInjectProcessor");

  /** Timings in milliseconds. */
  record Result(int entities, List<Double> plain, List<Double> withProcessor, List<Double> procOnly,
      List<Double> generatedPlain, int generatedFiles, String cold, List<Double> mnPlain, List<Double> mnWith,
      int mnGeneratedClasses) {
    double generatedPlainMedian() {
      return median(generatedPlain);
    }

    double mnPlainMedian() {
      return median(mnPlain);
    }

    double mnWithMedian() {
      return median(mnWith);
    }

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
      Path mnSrc = root.resolve("mn/bench/mn");
      Files.createDirectories(mnSrc);
      List<Path> mnSources = generateMicronaut(mnSrc);
      String classpath = System.getProperty("java.class.path");
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      double coldWith = compile(javac, sources, classpath, root.resolve("cold-with"), Mode.WITH);
      double coldPlain = compile(javac, sources, classpath, root.resolve("cold-plain"), Mode.PLAIN);
      double coldMn = compile(javac, mnSources, classpath, root.resolve("cold-mn"), Mode.MICRONAUT);
      // the records plus the sources the processor wrote for them, compiled without it: what javac alone costs on
      // that code, the floor for any processor that writes these sources
      List<Path> withGenerated = new ArrayList<>(sources);
      withGenerated.addAll(generatedSources(javac, sources, classpath, root.resolve("kept")));
      for (int i = 0; i < warmups; i++) {
        compile(javac, sources, classpath, root.resolve("w-plain-" + i), Mode.PLAIN);
        compile(javac, sources, classpath, root.resolve("w-with-" + i), Mode.WITH);
        compile(javac, withGenerated, classpath, root.resolve("w-gen-" + i), Mode.PLAIN);
        compile(javac, mnSources, classpath, root.resolve("w-mn-plain-" + i), Mode.PLAIN);
        compile(javac, mnSources, classpath, root.resolve("w-mn-" + i), Mode.MICRONAUT);
      }
      List<Double> plain = new ArrayList<>();
      List<Double> with = new ArrayList<>();
      List<Double> only = new ArrayList<>();
      List<Double> generatedPlain = new ArrayList<>();
      List<Double> mnPlain = new ArrayList<>();
      List<Double> mnWith = new ArrayList<>();
      // alternating, so that machine load falls on both processors alike
      for (int i = 0; i < reps; i++) {
        plain.add(compile(javac, sources, classpath, root.resolve("plain-" + i), Mode.PLAIN));
        with.add(compile(javac, sources, classpath, root.resolve("with-" + i), Mode.WITH));
        generatedPlain.add(compile(javac, withGenerated, classpath, root.resolve("gen-" + i), Mode.PLAIN));
        mnPlain.add(compile(javac, mnSources, classpath, root.resolve("mn-plain-" + i), Mode.PLAIN));
        mnWith.add(compile(javac, mnSources, classpath, root.resolve("mn-" + i), Mode.MICRONAUT));
        if (i == 0) {
          // once: it only shows how the processor's own cost splits from compiling what it generated
          only.add(compile(javac, sources, classpath, root.resolve("only-" + i), Mode.PROC_ONLY));
        }
      }
      int generated = lastGenerated;
      String cold = String.format(Locale.ROOT, "first (cold) compile in this JVM: %.0f ms with the daogen "
          + "processor (loaded first), %.0f ms plain after it, %.0f ms with Micronaut's processors (loaded "
          + "third)", coldWith, coldPlain, coldMn);
      return new Result(ENTITIES, plain, with, only, generatedPlain, generated, cold, mnPlain, mnWith,
          lastMicronautClasses);
    } finally {
      deleteTree(root);
    }
  }

  enum Mode { PLAIN, WITH, PROC_ONLY, MICRONAUT }

  /** javac's options for a compile into {@code out} ({@code classes/}, {@code generated/}, made here). */
  private static List<String> options(String classpath, Path out, Mode mode) throws IOException {
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    List<String> options = new ArrayList<>(List.of("--release", "17", "-classpath", classpath,
        "-d", classes.toString(), "-s", generated.toString(), "-implicit:none", "-nowarn", "-Xlint:none"));
    if (mode == Mode.PLAIN) {
      options.add("-proc:none");
    } else if (mode == Mode.PROC_ONLY) {
      options.add("-proc:only");
    }
    return options;
  }

  /** Runs the processor once (not timed) into {@code out} and returns the Java sources it wrote, which stay there. */
  static List<Path> generatedSources(JavaCompiler javac, List<Path> sources, String classpath, Path out)
      throws IOException {
    Path generated = out.resolve("generated");
    List<String> options = options(classpath, out, Mode.PROC_ONLY);
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, null, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new DaogenProcessor()));
      if (!task.call()) {
        throw new IllegalStateException("the processor failed on the benchmark's entities");
      }
    }
    try (Stream<Path> files = Files.walk(generated)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static int lastGenerated;
  private static int lastMicronautClasses;

  static double compile(JavaCompiler javac, List<Path> sources, String classpath, Path out, Mode mode)
      throws IOException {
    Path classes = out.resolve("classes");
    Path generated = out.resolve("generated");
    List<String> options = options(classpath, out, mode);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    long start = System.nanoTime();
    boolean ok;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      StringWriter log = new StringWriter();
      JavaCompiler.CompilationTask task = javac.getTask(log, files, diagnostics, options, null, units);
      if (mode == Mode.WITH || mode == Mode.PROC_ONLY) {
        task.setProcessors(List.of(new DaogenProcessor()));
      } else if (mode == Mode.MICRONAUT) {
        task.setProcessors(micronautProcessors());
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
    if (mode == Mode.WITH || mode == Mode.PROC_ONLY) {
      try (Stream<Path> files = Files.walk(generated)) {
        lastGenerated = (int) files.filter(p -> p.toString().endsWith(".java")).count();
      }
    } else if (mode == Mode.MICRONAUT) {
      // Micronaut writes bytecode, not sources: count the classes beyond one per source file
      try (Stream<Path> files = Files.walk(classes)) {
        lastMicronautClasses = (int) files.filter(p -> p.toString().endsWith(".class")).count() - sources.size();
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

  private static List<javax.annotation.processing.Processor> micronautProcessors() {
    List<javax.annotation.processing.Processor> out = new ArrayList<>();
    for (String name : MICRONAUT_PROCESSORS) {
      try {
        out.add((javax.annotation.processing.Processor) Class.forName(name).getDeclaredConstructor().newInstance());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Micronaut processor " + name + " is not on the class path", e);
      }
    }
    return out;
  }

  /**
   * The same {@value #ENTITIES} entities for Micronaut Data JDBC: records with the same components, annotated
   * {@code @MappedEntity} (arrays as {@code @TypeDef(STRING_ARRAY)}, the foreign key as its {@code parent_id}
   * column), each with a {@code @JdbcRepository} offering what the DAO offers that Micronaut derives from method
   * names: CRUD and pages ({@code PageableRepository}), find and delete by the unique name, a page by the indexed
   * field and by the foreign key.
   */
  static List<Path> generateMicronaut(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(write(dir, "Tier", "package bench.mn;\n\npublic enum Tier { FREE, PRO, ENTERPRISE }\n"));
    out.add(write(dir, "Color", "package bench.mn;\n\npublic enum Color { RED, GREEN, BLUE }\n"));
    for (int i = 0; i < ENTITIES; i++) {
      String name = String.format(Locale.ROOT, "Thing%03d", i);
      StringBuilder c = new StringBuilder();
      c.append("package bench.mn;\n\n");
      c.append("import io.micronaut.core.annotation.Nullable;\n");
      c.append("import io.micronaut.data.annotation.*;\n");
      c.append("import io.micronaut.data.model.DataType;\n");
      c.append("import jakarta.validation.constraints.*;\n");
      c.append("import java.math.BigDecimal;\nimport java.time.Instant;\nimport java.time.LocalDate;\n");
      c.append("import java.util.List;\nimport java.util.Set;\nimport java.util.UUID;\n\n");
      c.append(String.format(Locale.ROOT, "@MappedEntity(\"thing_%03d\")%n", i));
      c.append("public record ").append(name).append("(\n");
      List<String> comps = new ArrayList<>();
      comps.add("    @Id @AutoPopulated UUID id");
      comps.add("    @DateCreated Instant createdAt");
      comps.add("    @NotBlank @Size(max = 64) String name");
      boolean fk = i >= 3 && i % 3 == 0;
      if (fk) {
        comps.add("    @MappedProperty(\"parent_id\") UUID parent");
      }
      if (i % 2 == 0) {
        comps.add("    @Nullable @Size(max = 256) String description");
      }
      if (i % 4 == 1) {
        comps.add("    @Min(0) @Max(1000) int weight");
      }
      if (i % 5 == 2) {
        comps.add("    @Nullable Long total");
      }
      if (i % 3 == 1) {
        comps.add("    Tier tier");
      }
      if (i % 7 == 3) {
        comps.add("    @Nullable Color color");
      }
      boolean indexed = i % 4 == 2;
      if (indexed) {
        comps.add("    String region");
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
        comps.add("    @Nullable @TypeDef(type = DataType.STRING_ARRAY) List<String> aliases");
      }
      comps.add("    @Nullable @TypeDef(type = DataType.STRING_ARRAY) Set<String> tags");
      c.append(String.join(",\n", comps)).append(") {}\n");
      out.add(write(dir, name, c.toString()));
      StringBuilder r = new StringBuilder();
      r.append("package bench.mn;\n\n");
      r.append("import io.micronaut.data.jdbc.annotation.JdbcRepository;\n");
      r.append("import io.micronaut.data.model.Page;\nimport io.micronaut.data.model.Pageable;\n");
      r.append("import io.micronaut.data.model.query.builder.sql.Dialect;\n");
      r.append("import io.micronaut.data.repository.PageableRepository;\n");
      r.append("import java.util.Optional;\nimport java.util.UUID;\n\n");
      r.append("@JdbcRepository(dialect = Dialect.POSTGRES)\n");
      r.append("public interface ").append(name).append("Repository extends PageableRepository<").append(name)
          .append(", UUID> {\n");
      r.append("  Optional<").append(name).append("> findByName(String name);\n\n");
      r.append("  Optional<").append(name).append("> findByIdForUpdate(UUID id);\n\n");
      r.append("  void deleteByName(String name);\n");
      if (indexed) {
        r.append("\n  Page<").append(name).append("> findByRegion(String region, Pageable pageable);\n");
      }
      if (fk) {
        r.append("\n  Page<").append(name).append("> findByParent(UUID parent, Pageable pageable);\n");
      }
      r.append("}\n");
      out.add(write(dir, name + "Repository", r.toString()));
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
