package dev.daogen.db;

import dev.daogen.admin.EntityAdmin;
import dev.daogen.schema.EntitySchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the processor generates per plugin and registers in {@code META-INF/services}: the runtime discovers every
 * plugin on the class path through {@link java.util.ServiceLoader}.
 */
public interface PluginModule {
  /** The plugin name ({@code key-auth}), which is also its migration subsystem. */
  String name();

  /** The plugin version. */
  String version();

  /** The plugin's entities, parents before children. */
  List<EntitySchema<?>> entities();

  /** DAO class → factory. */
  Map<Class<?>, Function<Database, ?>> daos();

  /** Class path resources of the plugin's migrations, in the order they run. */
  List<String> migrations();

  /** The admin API bindings of the entities that have one. */
  default List<EntityAdmin<?, ?, ?>> admins(Database db) {
    return List.of();
  }

  /**
   * The identity hash of the plugin's schema ({@link dev.daogen.schema.Snapshot#hash()}), which the runtime checks
   * against {@code META-INF/daogen/<plugin>/schema.json}; {@code null} when the module has no snapshot.
   */
  default String schemaHash() {
    return null;
  }
}
