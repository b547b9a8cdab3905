package dev.daogen.processor.generation;

import dev.daogen.processor.analysis.MigrationAnalyzer;
import dev.daogen.processor.cql.CqlDdl;
import dev.daogen.processor.cql.CqlDiff;
import dev.daogen.processor.cql.CqlSchema;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.MigrationPlan;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.sql.DdlRenderer;
import dev.daogen.schema.AdminRoute;
import dev.daogen.schema.PluginResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the per-plugin resources: migrations (SQL, and CQL for plugins generated for Cassandra), schema snapshots,
 * and the {@code META-INF/services} registration.
 */
public final class ResourceWriter {
  private final Filer filer;

  public ResourceWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * The plugin's migrations and snapshots ({@link PluginResources}): the base migration (the oldest released schema),
   * one {@code NNN_<from>_to_<to>.sql} per version step, {@code schema.json}, and the current snapshot in the schema
   * directory when that lacks this version.
   */
  public void writeMigrations(PluginModel plugin, MigrationPlan plan) {
    Element[] origins = plugin.entities().stream().map(e -> (Element) e.element()).toArray(Element[]::new);
    String folder = PluginResources.migrations(plugin.name());
    StringBuilder base = new StringBuilder()
        .append("-- Base migration of plugin '").append(plugin.name()).append("' ").append(plan.base().version())
        .append(". ").append(MigrationAnalyzer.GENERATED_MARK).append("; do not edit.\n");
    write(folder + PluginResources.baseMigration(plugin.name()),
        file(base, DdlRenderer.createTables(plan.base()), List.of()), origins);
    for (MigrationPlan.Step step : plan.steps()) {
      StringBuilder header = new StringBuilder()
          .append("-- Migration of plugin '").append(plugin.name()).append("' from ").append(step.from())
          .append(" to ").append(step.to()).append(". ").append(MigrationAnalyzer.GENERATED_MARK)
          .append(" from the schema snapshots; do not edit.\n")
          .append("-- up: additive and reentrant, safe while nodes of ").append(step.from()).append(" still run.\n")
          .append("-- teardown: destructive, run by 'migrations finish' once every node runs ").append(step.to())
          .append(".\n");
      write(folder + step.fileName(), file(header, step.up(), step.teardown()), origins);
    }
    write(PluginResources.schema(plugin.name()), plan.current().toJson(), origins);
    if (plan.snapshotToWrite().isPresent()) {
      Path target = plan.snapshotToWrite().get();
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, plan.current().toJson(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the schema snapshot " + target, e);
      }
    }
  }

  /**
   * The plugin's migrations in CQL, for the Cassandra store ({@code -Adaogen.stores=…,cassandra}): beside each
   * {@code .sql} migration a {@code .cql} one of the same name, rendered from the same snapshots. What CQL cannot
   * express is said in the file's header.
   */
  public void writeCassandraMigrations(PluginModel plugin, MigrationPlan plan) {
    Element[] origins = plugin.entities().stream().map(e -> (Element) e.element()).toArray(Element[]::new);
    String folder = PluginResources.migrations(plugin.name());
    CqlSchema schema = CqlSchema.of(plugin);
    StringBuilder base = new StringBuilder()
        .append("-- Base migration of plugin '").append(plugin.name()).append("' ").append(plan.base().version())
        .append(" for Cassandra. ").append(MigrationAnalyzer.GENERATED_MARK).append("; do not edit.\n")
        .append("-- One statement per line, run in the plugin's keyspace.\n");
    write(folder + PluginResources.baseMigration(plugin.name(), PluginResources.CQL),
        file(base, new CqlDdl(schema).createTables(plan.base()), List.of()), origins);
    for (MigrationPlan.Step step : plan.steps()) {
      CqlDiff.Result diff = CqlDiff.diff(step.before(), step.after(), schema);
      StringBuilder header = new StringBuilder()
          .append("-- Migration of plugin '").append(plugin.name()).append("' from ").append(step.from())
          .append(" to ").append(step.to()).append(" for Cassandra. ").append(MigrationAnalyzer.GENERATED_MARK)
          .append(" from the schema snapshots; do not edit.\n")
          .append("-- up: additive and reentrant, safe while nodes of ").append(step.from()).append(" still run.\n")
          .append("-- teardown: destructive, run by 'migrations finish' once every node runs ").append(step.to())
          .append(".\n");
      for (String note : diff.notes()) {
        header.append(comment("Not in this migration, CQL cannot do it: " + note + "."));
      }
      write(folder + step.fileName(PluginResources.CQL), file(header, diff.up(), diff.teardown()), origins);
    }
  }

  /** {@code text} as {@code --} comment lines of at most 120 characters (longer words stay whole). */
  static String comment(String text) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder("--");
    for (String word : text.split(" ")) {
      if (line.length() > 2 && line.length() + 1 + word.length() > 120) {
        out.append(line).append('\n');
        line = new StringBuilder("--   ");
        line.append(word);
      } else {
        line.append(' ').append(word);
      }
    }
    return out.append(line).append('\n').toString();
  }

  private static String file(StringBuilder header, List<String> up, List<String> teardown) {
    StringBuilder sql = header.append(PluginResources.UP_MARKER).append('\n');
    up.forEach(st -> sql.append(st).append(";\n"));
    sql.append(PluginResources.TEARDOWN_MARKER).append('\n');
    teardown.forEach(st -> sql.append(st).append(";\n"));
    return sql.toString();
  }

  /** {@link PluginResources#adminRoutes}: the admin routes of every entity, as data. */
  public void writeAdminRoutes(PluginModel plugin) {
    List<Map<String, Object>> routes = new ArrayList<>();
    for (EntityModel entity : plugin.entities()) {
      for (AdminRoute r : AdminRoutes.of(entity, plugin)) {
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("method", r.method());
        route.put("path", r.path());
        route.put("operation", r.operation().name());
        route.put("entity", r.entity());
        route.put("foreign_field", r.foreignField());
        routes.add(route);
      }
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("plugin", plugin.name());
    document.put("routes", routes);
    write(PluginResources.adminRoutes(plugin.name()), JsonFiles.pretty(document),
        plugin.entities().stream().map(e -> (Element) e.element()).toArray(Element[]::new));
  }

  /** Registers every generated plugin module for {@link java.util.ServiceLoader}. */
  public void writeServices(Collection<String> moduleClasses, List<Element> origins) {
    write("META-INF/services/dev.daogen.db.PluginModule", String.join("\n", moduleClasses) + "\n",
        origins.toArray(Element[]::new));
  }

  /** Writes one class path resource. */
  void write(String path, String content, Element... origins) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
      try (Writer w = file.openWriter()) {
        w.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
