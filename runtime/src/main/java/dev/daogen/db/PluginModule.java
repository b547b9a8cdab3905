package dev.daogen.db;

import dev.daogen.migrate.MigrationSource;
import dev.daogen.schema.EntitySchema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the processor generates per plugin and registers in {@code META-INF/services}: the runtime discovers every
 * plugin on the class path through {@link java.util.ServiceLoader}. As a {@link MigrationSource} it also lists the
 * plugin's migrations and its schema hash; a plugin with admin bindings also implements
 * {@code dev.daogen.admin.AdminModule}.
 */
public interface PluginModule extends MigrationSource {
  /** The plugin name ({@code key-auth}), which is also its migration subsystem. */
  @Override
  String name();

  /** The plugin version. */
  @Override
  String version();

  /** The plugin's entities, parents before children. */
  List<EntitySchema<?>> entities();

  /** DAO class → factory. */
  Map<Class<?>, Function<Database, ?>> daos();
}
