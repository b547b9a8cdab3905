package dev.daogen.admin;

import dev.daogen.db.Database;
import java.util.List;

/**
 * The admin API part of a plugin: the generated {@code PluginModule} of a plugin with admin bindings implements this
 * too, and {@link AdminApi} collects the bindings of every such plugin of the database. A separate interface so that
 * {@code dev.daogen.db} knows nothing of the admin API, which sits on top of it.
 *
 * <p>Extension point for generated code only.
 */
public interface AdminModule {
  /** The admin API bindings of the plugin's entities that have one. */
  List<EntityAdmin<?, ?, ?>> admins(Database db);
}
