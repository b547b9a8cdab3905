package dev.daogen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.daogen.annotations.Entity;
import dev.daogen.processor.analysis.PluginAnalyzer;
import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** An unexpected exception while analysing one entity is reported, with its stack trace, instead of crashing javac. */
class InternalErrorTest {

  /** Hands the analyzer one element that blows up, and one good entity. */
  static final class ExplodingProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of(Entity.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      List<Element> elements = new ArrayList<>(roundEnv.getElementsAnnotatedWith(Entity.class));
      if (elements.isEmpty()) {
        return false;
      }
      TypeElement real = (TypeElement) elements.get(0);
      TypeElement exploding = (TypeElement) Proxy.newProxyInstance(
          getClass().getClassLoader(), new Class<?>[] {TypeElement.class}, (proxy, method, args) -> {
            if (method.getName().equals("getKind")) {
              throw new IllegalStateException("boom");
            }
            try {
              return method.invoke(real, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
      elements.add(0, exploding);
      Reporter reporter = new Reporter(processingEnv);
      new PluginAnalyzer(processingEnv, reporter).analyze(elements);
      return false;
    }
  }

  @Test
  void unexpectedExceptionIsReportedPerEntity() {
    Compilation c = javac().withProcessors(new ExplodingProcessor()).compile(
        JavaFileObjects.forResource("bad/package-info.java"), JavaFileObjects.forResource("bad/Parent.java"));
    assertThat(c).hadErrorContaining(Messages.internalError("Parent", ""));
    assertThat(c).hadErrorContaining("java.lang.IllegalStateException: boom");
    assertThat(c).hadErrorCount(1); // the good entity after it is still analysed, without error
  }
}
