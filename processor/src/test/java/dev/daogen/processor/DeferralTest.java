package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An entity whose component type another processor generates waits for the round in which the type exists; a type
 * that never appears is reported once, in the last round.
 */
class DeferralTest {
  private static final JavaFileObject PLUGIN = JavaFileObjects.forSourceLines("shop.package-info",
      "@dev.daogen.annotations.Plugin(name = \"shop\", version = \"1.0.0\")",
      "package shop;");

  private static final JavaFileObject ORDER = JavaFileObjects.forSourceLines("shop.Order",
      "package shop;",
      "",
      "import dev.daogen.annotations.Entity;",
      "import dev.daogen.annotations.PrimaryKey;",
      "import java.util.UUID;",
      "",
      "@Entity(name = \"orders\")",
      "public record Order(@PrimaryKey UUID id, gen.Status status) {}");

  /** Generates {@code gen.Status} in the first round, as some other annotation processor might. */
  static final class StatusGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("gen.Status").openWriter()) {
          w.write("package gen;\npublic enum Status { OPEN, PAID }\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void anEntityWaitsForATypeThatAnotherProcessorGenerates() {
    Compilation c = javac().withProcessors(new DaogenProcessor(), new StatusGenerator()).compile(PLUGIN, ORDER);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("shop.OrderDao");
    assertThat(c.errors()).isEmpty();
  }

  @Test
  void aTypeThatNeverAppearsIsReportedInTheLastRound() {
    Compilation c = javac().withProcessors(new DaogenProcessor()).compile(PLUGIN, ORDER);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[DaogenUnresolvedType]");
    long reported = c.errors().stream()
        .filter(d -> d.getMessage(null).contains("[DaogenUnresolvedType]")).count();
    assertThat(reported).isEqualTo(1);
  }
}
