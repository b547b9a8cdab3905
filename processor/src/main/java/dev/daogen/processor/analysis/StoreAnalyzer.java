package dev.daogen.processor.analysis;

import dev.daogen.processor.cql.CqlNames;
import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.Store;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;

/**
 * Decides which stores a plugin is generated for (option {@code daogen.stores}), and checks what a store needs of the
 * entities beyond what every store does: the Cassandra store's hidden {@code version} column and its claims tables.
 * Reports every problem on the plugin's {@code @Plugin} or on the entity at fault.
 */
public final class StoreAnalyzer {
  /**
   * Option: the stores to generate for, comma-separated in any order ({@code postgres,cassandra}); by default
   * {@code postgres}, which must currently always be among them.
   */
  public static final String OPTION_STORES = "daogen.stores";

  private final ProcessingEnvironment env;
  private final Reporter reporter;

  public StoreAnalyzer(ProcessingEnvironment env, Reporter reporter) {
    this.env = env;
    this.reporter = reporter;
  }

  /** The plugin's stores, or empty after reporting why the option or an entity does not fit them. */
  public Optional<Set<Store>> analyze(PluginModel plugin) {
    int errorsBefore = reporter.errorCount();
    String option = env.getOptions().get(OPTION_STORES);
    Set<Store> stores = EnumSet.noneOf(Store.class);
    List<String> unknown = new ArrayList<>();
    if (option == null || option.isBlank()) {
      stores.add(Store.POSTGRES);
    } else {
      for (String part : option.split(",", -1)) {
        String name = part.strip();
        if (!name.isEmpty()) {
          Store.named(name).ifPresentOrElse(stores::add, () -> unknown.add(name));
        }
      }
    }
    AnnotationMirror annotation = AnnotationSupport.find(plugin.element(), AnnotationSupport.PLUGIN).orElse(null);
    if (!unknown.isEmpty()) {
      reporter.error(Messages.storesUnknown(option, unknown, Store.optionNames()), plugin.element(), annotation);
    }
    if (!stores.contains(Store.POSTGRES)) {
      reporter.error(Messages.storesWithoutPostgres(option), plugin.element(), annotation);
    }
    if (stores.contains(Store.CASSANDRA)) {
      checkCassandra(plugin);
    }
    return reporter.errorCount() == errorsBefore ? Optional.of(Set.copyOf(stores)) : Optional.empty();
  }

  /** Hidden columns and claims tables of the Cassandra store must not clash with what the entities declare. */
  private void checkCassandra(PluginModel plugin) {
    Map<String, EntityModel> byName = new LinkedHashMap<>();
    plugin.entities().forEach(e -> byName.put(e.name(), e));
    for (EntityModel e : plugin.entities()) {
      for (FieldModel f : e.fields()) {
        if (f.column().equals(CqlNames.VERSION_COLUMN)) {
          reporter.error(Messages.cassandraVersionReserved(e.type().simpleName() + "." + f.name()), f.element());
        }
      }
      if (CqlNames.hasClaims(e)) {
        EntityModel clash = byName.get(CqlNames.claimsTable(e.name()));
        if (clash != null) {
          AnnotationMirror entity = AnnotationSupport.find(clash.element(), AnnotationSupport.ENTITY).orElse(null);
          reporter.error(Messages.cassandraClaimsTableClash(clash.name(), e.type().simpleName()), clash.element(),
              entity, entity == null ? null : AnnotationSupport.explicitValue(entity, "name"));
        }
      }
    }
  }
}
