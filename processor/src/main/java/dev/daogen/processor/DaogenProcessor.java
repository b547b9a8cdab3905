package dev.daogen.processor;

import com.google.auto.service.AutoService;
import dev.daogen.annotations.Entity;
import dev.daogen.processor.analysis.MigrationAnalyzer;
import dev.daogen.processor.analysis.PluginAnalyzer;
import dev.daogen.processor.analysis.StoreAnalyzer;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.generation.AdminGenerator;
import dev.daogen.processor.generation.DaoGenerator;
import dev.daogen.processor.generation.MappingGenerator;
import dev.daogen.processor.generation.DraftGenerator;
import dev.daogen.processor.generation.NestedJsonGenerator;
import dev.daogen.processor.generation.OpenApiWriter;
import dev.daogen.processor.generation.PatchGenerator;
import dev.daogen.processor.generation.PluginModuleGenerator;
import dev.daogen.processor.generation.ResourceWriter;
import dev.daogen.processor.generation.TableGenerator;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.MigrationPlan;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.Store;
import dev.daogen.processor.model.TypeModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Wiring only: each round, analyses the {@code @Entity} records (validate → model) and, when the analysis is clean,
 * runs the generators. The service registration of all plugin modules is written once, in the last round.
 */
@AutoService(Processor.class)
public final class DaogenProcessor extends AbstractProcessor {
  /** Where the plugin's previous schema snapshots live (like Room's {@code room.schemaLocation}). */
  public static final String OPTION_SCHEMA_DIR = MigrationAnalyzer.OPTION_SCHEMA_DIR;
  /** Where hand-written migrations are found (default: the class output, where Maven copied the resources). */
  public static final String OPTION_RESOURCES_DIR = MigrationAnalyzer.OPTION_RESOURCES_DIR;
  /** The stores to generate for: {@code postgres} (the default), {@code cassandra}, comma-separated. */
  public static final String OPTION_STORES = StoreAnalyzer.OPTION_STORES;

  private final Set<String> modules = new LinkedHashSet<>();
  /** Entities waiting for a later round, by qualified name (elements do not survive rounds). */
  private final Set<String> deferred = new LinkedHashSet<>();
  private final List<Element> moduleOrigins = new ArrayList<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    // jOOQ renders SQL inside javac: keep its banner and tips out of the build output
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Entity.class.getCanonicalName());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_SCHEMA_DIR, OPTION_RESOURCES_DIR, OPTION_STORES);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    Set<Element> entities = new LinkedHashSet<>(roundEnv.getElementsAnnotatedWith(Entity.class));
    for (String name : deferred) {
      TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
      if (again != null) {
        entities.add(again);
      }
    }
    deferred.clear();
    if (roundEnv.processingOver()) {
      // what is still unresolved now never will be: the analysis reports it
      if (!entities.isEmpty()) {
        new PluginAnalyzer(processingEnv, new Reporter(processingEnv)).analyze(entities);
      }
      if (!modules.isEmpty()) {
        new ResourceWriter(processingEnv.getFiler()).writeServices(modules, moduleOrigins);
      }
      return false;
    }
    entities.removeAll(deferIncomplete(entities));
    if (entities.isEmpty()) {
      return false;
    }
    Reporter reporter = new Reporter(processingEnv);
    List<PluginModel> plugins = new PluginAnalyzer(processingEnv, reporter).analyze(entities);
    StoreAnalyzer storeAnalyzer = new StoreAnalyzer(processingEnv, reporter);
    Map<PluginModel, Set<Store>> stores = new LinkedHashMap<>();
    for (PluginModel plugin : plugins) {
      storeAnalyzer.analyze(plugin).ifPresent(s -> stores.put(plugin, s));
    }
    if (reporter.hasErrors()) {
      return false;
    }
    MigrationAnalyzer migrationAnalyzer = new MigrationAnalyzer(processingEnv, reporter);
    Map<PluginModel, MigrationPlan> plans = new LinkedHashMap<>();
    for (PluginModel plugin : plugins) {
      migrationAnalyzer.analyze(plugin, stores.get(plugin)).ifPresent(plan -> plans.put(plugin, plan));
    }
    if (!reporter.hasErrors()) {
      plans.forEach((plugin, plan) -> generate(plugin, plan, stores.get(plugin)));
    }
    return false;
  }

  /**
   * Entities whose component types do not exist yet (another processor may generate them this round) wait for the
   * next round by name, with every other entity of their package, since a plugin is generated as a whole.
   *
   * @return the entities deferred
   */
  private Set<Element> deferIncomplete(Set<Element> entities) {
    Set<Element> incompletePackages = new HashSet<>();
    for (Element e : entities) {
      if (e.getKind() == ElementKind.RECORD && hasMissingType((TypeElement) e)) {
        incompletePackages.add(processingEnv.getElementUtils().getPackageOf(e));
      }
    }
    Set<Element> out = new LinkedHashSet<>();
    for (Element e : entities) {
      if (incompletePackages.contains(processingEnv.getElementUtils().getPackageOf(e))) {
        out.add(e);
        deferred.add(((TypeElement) e).getQualifiedName().toString());
      }
    }
    return out;
  }

  private static boolean hasMissingType(TypeElement record) {
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (isMissing(component.asType())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMissing(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        if (isMissing(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  private void generate(PluginModel plugin, MigrationPlan migrations, Set<Store> stores) {
    Filer filer = processingEnv.getFiler();
    try {
      Map<String, NestedJsonGenerator.Input> nested = new LinkedHashMap<>();
      for (EntityModel e : plugin.entities()) {
        new TableGenerator(filer).generate(e);
        new DraftGenerator(filer).generate(e);
        new PatchGenerator(filer).generate(e);
        new MappingGenerator(filer, stores).generate(e);
        new DaoGenerator(filer).generate(e);
        if (e.generateAdminApi()) {
          new AdminGenerator(filer).generate(new AdminGenerator.Input(e, plugin));
        }
        for (FieldModel f : e.fields()) {
          collectNested(f.type(), e.element(), nested);
        }
      }
      for (NestedJsonGenerator.Input input : nested.values()) {
        new NestedJsonGenerator(filer).generate(input);
      }
      new PluginModuleGenerator(filer).generate(new PluginModuleGenerator.Input(plugin, migrations));
      new ResourceWriter(filer).writeMigrations(plugin, migrations);
      if (stores.contains(Store.CASSANDRA)) {
        new ResourceWriter(filer).writeCassandraMigrations(plugin, migrations);
      }
      new ResourceWriter(filer).writeAdminRoutes(plugin);
      new OpenApiWriter(filer).write(plugin);
      modules.add(PluginModuleGenerator.moduleType(plugin).canonicalName());
      moduleOrigins.add(plugin.element());
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "[DaogenInternalError] daogen failed to generate plugin '" + plugin.name()
              + "'; please report this with the trace:\n" + trace, plugin.element());
    }
  }

  private static void collectNested(TypeModel type, Element origin, Map<String, NestedJsonGenerator.Input> out) {
    if (type instanceof TypeModel.NestedRecord r) {
      if (out.putIfAbsent(r.type().canonicalName(), new NestedJsonGenerator.Input(r, origin)) == null) {
        for (TypeModel.NestedField f : r.fields()) {
          collectNested(f.type(), origin, out);
        }
      }
    } else if (type instanceof TypeModel.MapType m) {
      collectNested(m.value(), origin, out);
    }
  }
}
