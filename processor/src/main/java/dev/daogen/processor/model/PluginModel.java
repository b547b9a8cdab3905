package dev.daogen.processor.model;

import java.util.List;
import javax.lang.model.element.PackageElement;

/**
 * One {@code @Plugin} package and its entities, in foreign-key order (a parent before its children).
 *
 * @param element the annotated package, for diagnostics and originating elements
 * @param name the plugin name ({@code key-auth})
 * @param version the plugin version (semver)
 * @param packageName the Java package of the plugin's generated module
 * @param entities the plugin's entities, parents before children
 */
public record PluginModel(
    PackageElement element, String name, String version, String packageName, List<EntityModel> entities) {

  /** The simple name of the generated module class: {@code key-auth} → {@code KeyAuthPluginModule}. */
  public String moduleSimpleName() {
    return Names.upperCamel(name) + "PluginModule";
  }
}
