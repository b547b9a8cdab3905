package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated code as users see it: it compiles without a single warning under {@code -Xlint:all -Werror} (but
 * for the {@code processing} category, which lists the annotations no processor claims: daogen, like every
 * well-behaved processor, claims none), and a
 * few canaries stay byte for byte what a reviewer approved (run with {@code -Ddaogen.updateGoldens=true} to
 * rewrite them after an intended change, then review the diff).
 */
class GeneratedCodeTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  private static JavaFileObject src(String path) {
    return JavaFileObjects.forResource(path + ".java");
  }

  private static Compilation compileGood() {
    return javac()
        .withProcessors(new DaogenProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(src("good/package-info"), src("good/annotations/Nullable"), src("good/KeyAuthCredential"),
            src("good/Group"), src("good/Consumer"));
  }

  @Test
  void generatedCodeCompilesWithoutAnyWarning() {
    Compilation c = compileGood();
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles().size()).isAtLeast(15);
  }

  @Test
  void everyGeneratedTypeIsAnnotatedGeneratedAndDocumented() throws IOException {
    for (JavaFileObject file : compileGood().generatedSourceFiles()) {
      String source = file.getCharContent(true).toString();
      assertThat(source).contains("@Generated(\"dev.daogen.processor.DaogenProcessor\")");
      assertThat(source).containsMatch("(?s)/\\*\\*.*\\*/\\s*@Generated");
    }
  }

  @Test
  void canariesMatchTheirGoldenFiles() throws IOException {
    Compilation c = compileGood();
    for (String type : List.of("good.ConsumerDao", "good.ConsumerMapping", "good.ConsumerDraft", "good.ConsumerPatch")) {
      String actual = c.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
      Path golden = GOLDEN.resolve(type + ".java.txt");
      if (Boolean.getBoolean("daogen.updateGoldens")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(Files.exists(golden)).isTrue();
      assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }
}
