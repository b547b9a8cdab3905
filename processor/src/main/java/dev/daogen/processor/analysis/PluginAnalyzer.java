package dev.daogen.processor.analysis;

import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.PluginModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The processor's element → model stage: validates every {@code @Entity} element, reports all errors through the
 * {@link Reporter}, and groups the valid entities into their packages' plugins.
 *
 * <pre>{@code
 * List<PluginModel> plugins = new PluginAnalyzer(processingEnv, reporter)
 *     .analyze(roundEnv.getElementsAnnotatedWith(Entity.class));
 * if (!reporter.hasErrors()) { generate(plugins); }
 * }</pre>
 *
 * <p>The analyzer never touches the {@code Filer}. When it reports an error, the returned plugins are incomplete and
 * must not be generated.
 */
public final class PluginAnalyzer {
  static final Pattern PLUGIN_NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)");

  private final Reporter reporter;
  private final Elements elements;
  private final AnnotationSupport annotations;
  private final EntityAnalyzer entityAnalyzer;

  public PluginAnalyzer(ProcessingEnvironment env, Reporter reporter) {
    this.reporter = reporter;
    this.elements = env.getElementUtils();
    this.annotations = new AnnotationSupport(elements);
    // javac 17 gives record components no source position; let the reporter find them in the source tree
    reporter.enableSourcePositions(env);
    this.entityAnalyzer = new EntityAnalyzer(
        reporter,
        annotations,
        new TypeAnalyzer(reporter),
        new ForeignKeyResolver(reporter, annotations, env.getTypeUtils()),
        new ConstraintAnalyzer(reporter, annotations));
  }

  /**
   * Analyses the elements annotated with {@code @Entity}, in source order.
   *
   * @return the plugins, in order of their first entity; each plugin's entities parents before children
   */
  public List<PluginModel> analyze(Collection<? extends Element> entityElements) {
    Set<TypeElement> records = new HashSet<>();
    for (Element element : entityElements) {
      try {
        if (element.getKind() == ElementKind.RECORD) {
          records.add((TypeElement) element);
        }
      } catch (RuntimeException e) {
        // reported by the per-entity loop below
      }
    }
    Map<PackageElement, Optional<PluginInfo>> plugins = new LinkedHashMap<>();
    Map<PackageElement, List<EntityAnalyzer.Result>> byPackage = new LinkedHashMap<>();
    List<EntityAnalyzer.Result> all = new ArrayList<>();
    for (Element element : entityElements) {
      try {
        if (element.getKind() != ElementKind.RECORD) {
          AnnotationMirror entity = AnnotationSupport.find(element, AnnotationSupport.ENTITY).orElse(null);
          reporter.error(Messages.entityNotRecord(element.getSimpleName().toString()), element, entity);
          continue;
        }
        TypeElement record = (TypeElement) element;
        PackageElement pkg = elements.getPackageOf(record);
        Optional<PluginInfo> plugin = plugins.computeIfAbsent(pkg, this::plugin);
        if (AnnotationSupport.find(pkg, AnnotationSupport.PLUGIN).isEmpty()) {
          reporter.error(Messages.missingPlugin(pkg.getQualifiedName().toString(),
              record.getSimpleName().toString()), record);
        }
        AnnotationMirror entity = AnnotationSupport.find(record, AnnotationSupport.ENTITY).orElseThrow();
        EntityAnalyzer.Result result = entityAnalyzer.analyze(record, entity, records);
        all.add(result);
        if (plugin.isPresent()) {
          byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(result);
        }
      } catch (RuntimeException e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        reporter.error(Messages.internalError(String.valueOf(element.getSimpleName()), trace.toString()), element);
      }
    }
    checkCycles(all);
    List<PluginModel> out = new ArrayList<>();
    for (Map.Entry<PackageElement, List<EntityAnalyzer.Result>> entry : byPackage.entrySet()) {
      PluginInfo plugin = plugins.get(entry.getKey()).orElseThrow();
      checkDuplicateNames(plugin, entry.getValue());
      List<EntityModel> entities = order(entry.getValue());
      out.add(new PluginModel(entry.getKey(), plugin.name(), plugin.version(),
          entry.getKey().getQualifiedName().toString(), entities));
    }
    return List.copyOf(out);
  }

  private record PluginInfo(String name, String version) {}

  /** The package's {@code @Plugin}, checked once per package; empty when missing. */
  private Optional<PluginInfo> plugin(PackageElement pkg) {
    Optional<AnnotationMirror> mirror = AnnotationSupport.find(pkg, AnnotationSupport.PLUGIN);
    if (mirror.isEmpty()) {
      return Optional.empty();
    }
    String name = annotations.string(mirror.get(), "name");
    String version = annotations.string(mirror.get(), "version");
    if (!PLUGIN_NAME.matcher(name).matches()) {
      reporter.error(Messages.pluginNameInvalid(name), pkg, mirror.get(),
          AnnotationSupport.explicitValue(mirror.get(), "name"));
    }
    if (!SEMVER.matcher(version).matches()) {
      reporter.error(Messages.pluginVersionInvalid(version), pkg, mirror.get(),
          AnnotationSupport.explicitValue(mirror.get(), "version"));
    }
    return Optional.of(new PluginInfo(name, version));
  }

  private void checkDuplicateNames(PluginInfo plugin, List<EntityAnalyzer.Result> results) {
    Map<String, EntityAnalyzer.Result> byName = new HashMap<>();
    for (EntityAnalyzer.Result result : results) {
      EntityAnalyzer.Result previous = byName.putIfAbsent(result.name(), result);
      if (previous != null) {
        reporter.error(
            Messages.duplicateEntityName(result.name(), plugin.name(), previous.element().getSimpleName().toString()),
            result.element(), result.entity(), AnnotationSupport.explicitValue(result.entity(), "name"));
      }
    }
  }

  /**
   * Reports each foreign-key cycle through two or more entities once, on the {@code @Foreign} that closes it (a
   * depth-first search in source order). Self-references are checked per component.
   */
  private void checkCycles(List<EntityAnalyzer.Result> results) {
    Map<TypeElement, EntityAnalyzer.Result> byElement = new LinkedHashMap<>();
    results.forEach(r -> byElement.put(r.element(), r));
    Set<TypeElement> done = new HashSet<>();
    for (EntityAnalyzer.Result result : results) {
      visit(result, byElement, new LinkedHashSet<>(), done);
    }
  }

  private void visit(
      EntityAnalyzer.Result node,
      Map<TypeElement, EntityAnalyzer.Result> byElement,
      LinkedHashSet<TypeElement> stack,
      Set<TypeElement> done) {
    if (done.contains(node.element())) {
      return;
    }
    stack.add(node.element());
    for (EntityAnalyzer.Edge edge : node.edges()) {
      EntityAnalyzer.Result parent = byElement.get(edge.parent());
      if (parent == null || edge.parent().equals(node.element())) {
        continue; // a parent from a class file cannot reference this compilation's entities; self-references are fine
      }
      if (stack.contains(edge.parent())) {
        List<TypeElement> path = new ArrayList<>(stack);
        List<TypeElement> cycle = new ArrayList<>(path.subList(path.indexOf(edge.parent()), path.size()));
        cycle.add(edge.parent());
        String text = cycle.stream().map(t -> byElement.get(t).name()).collect(Collectors.joining(" → "));
        reporter.error(Messages.foreignKeyCycle(text), edge.component(), edge.foreign(),
            AnnotationSupport.explicitValue(edge.foreign(), "value"));
      } else {
        visit(parent, byElement, stack, done);
      }
    }
    stack.remove(node.element());
    done.add(node.element());
  }

  /** Valid entity models, parents before children, otherwise in source order. */
  private static List<EntityModel> order(List<EntityAnalyzer.Result> results) {
    List<EntityAnalyzer.Result> pending = new ArrayList<>(results);
    Set<TypeElement> inPlugin = results.stream().map(EntityAnalyzer.Result::element).collect(Collectors.toSet());
    Set<TypeElement> placed = new HashSet<>();
    List<EntityAnalyzer.Result> ordered = new ArrayList<>();
    while (!pending.isEmpty()) {
      EntityAnalyzer.Result next = pending.stream()
          .filter(r -> r.edges().stream()
              .map(EntityAnalyzer.Edge::parent)
              .allMatch(p -> p.equals(r.element()) || !inPlugin.contains(p) || placed.contains(p)))
          .findFirst()
          .orElse(pending.get(0)); // a cycle, already reported
      pending.remove(next);
      placed.add(next.element());
      ordered.add(next);
    }
    return ordered.stream().flatMap(r -> r.model().stream()).toList();
  }
}
