package dev.daogen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The processor benchmark's compile, repeated in one JVM, to profile it (e.g. under {@code -XX:StartFlightRecording}):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.daogen.bench.ProcessorProfile WITH|PROC_ONLY|PLAIN REPS
 * [WARMUPS [RECORDING.jfr]]} (with a file: a JFR recording of the measured runs only).
 */
public final class ProcessorProfile {
  private ProcessorProfile() {}

  public static void main(String[] args) throws Exception {
    ProcessorBench.Mode mode = ProcessorBench.Mode.valueOf(args[0]);
    int reps = Integer.parseInt(args[1]);
    Path root = Files.createTempDirectory("daogen-proc-profile");
    Path src = root.resolve("src/bench/gen");
    Files.createDirectories(src);
    List<Path> sources = ProcessorBench.generate(src);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    for (int i = 0; i < warmups; i++) {
      ProcessorBench.compile(javac, sources, classpath, root.resolve("warm-" + i), mode);
    }
    jdk.jfr.Recording recording = null;
    if (args.length > 3) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.setDestination(Path.of(args[3]));
      recording.start();
    }
    for (int i = 0; i < reps; i++) {
      ProcessorBench.compile(javac, sources, classpath, root.resolve("run-" + i), mode);
    }
    if (recording != null) {
      recording.stop();
      recording.close();
    }
    ProcessorBench.deleteTree(root);
  }
}
