package dev.daogen.processor;

import com.google.auto.service.AutoService;
import dev.daogen.annotations.Entity;
import dev.daogen.processor.analysis.PluginAnalyzer;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.PluginModel;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Wiring only: analyses the {@code @Entity} records of each round and, when the analysis is clean, hands the plugins
 * to the generators. (This minimal version runs the analysis only; the generators plug in at {@link #generate}.)
 */
@AutoService(Processor.class)
public final class DaogenProcessor extends AbstractProcessor {
  /** Where the plugin's previous schema snapshots live (like Room's {@code room.schemaLocation}). */
  public static final String OPTION_SCHEMA_DIR = "daogen.schemaDir";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Entity.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_SCHEMA_DIR);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    Reporter reporter = new Reporter(processingEnv);
    List<PluginModel> plugins =
        new PluginAnalyzer(processingEnv, reporter).analyze(roundEnv.getElementsAnnotatedWith(Entity.class));
    if (!reporter.hasErrors()) {
      generate(plugins);
    }
    return false;
  }

  private void generate(List<PluginModel> plugins) {
    // the generators (DAO, draft/patch, schema, migrations, routes) plug in here
  }
}
