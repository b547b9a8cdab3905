package dev.daogen.processor.generation;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin routes of one entity, with Kong's shapes. Computed once and written twice: as code in the entity's
 * admin binding, and as data in {@code admin-routes.json}.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  /**
   * One route.
   *
   * @param method the HTTP method
   * @param path the template
   * @param operation the runtime's {@code AdminRoute.Operation} constant
   * @param entity the entity served
   * @param foreignField the foreign key field (Java name) of parent and nested routes, or null
   */
  public record Route(String method, String path, String operation, String entity, String foreignField) {}

  /** Every route of {@code entity}; empty when its admin API is off. */
  public static List<Route> of(EntityModel entity, PluginModel plugin) {
    List<Route> out = new ArrayList<>();
    if (!entity.generateAdminApi()) {
      return out;
    }
    String a = entity.adminApiName();
    String collection = "/" + a;
    String item = collection + "/{" + a + "}";
    boolean singleKey = entity.primaryKey().size() == 1;
    out.add(new Route("GET", collection, "LIST", entity.name(), null));
    out.add(new Route("POST", collection, "CREATE", entity.name(), null));
    if (singleKey) {
      out.add(new Route("GET", item, "READ", entity.name(), null));
      out.add(new Route("PUT", item, "UPSERT", entity.name(), null));
      out.add(new Route("PATCH", item, "UPDATE", entity.name(), null));
      out.add(new Route("DELETE", item, "DELETE", entity.name(), null));
    }
    for (FieldModel f : entity.foreignKeys()) {
      String parentName = f.foreign().orElseThrow().parentName();
      EntityModel parent = plugin.entities().stream().filter(p -> p.name().equals(parentName)).findFirst()
          .orElse(null);
      if (parent != null && !parent.generateAdminApi()) {
        continue;
      }
      // a parent from another module: its admin name is assumed to be its entity name
      String pa = parent == null ? parentName : parent.adminApiName();
      if (singleKey) {
        out.add(new Route("GET", item + "/" + f.jsonName(), "READ_PARENT", entity.name(), f.name()));
      }
      String children = "/" + pa + "/{" + pa + "}/" + entity.adminApiNestedName();
      out.add(new Route("GET", children, "LIST_CHILDREN", entity.name(), f.name()));
      out.add(new Route("POST", children, "CREATE_CHILD", entity.name(), f.name()));
      if (singleKey) {
        String child = children + "/{" + a + "}";
        out.add(new Route("GET", child, "READ_CHILD", entity.name(), f.name()));
        out.add(new Route("PUT", child, "UPSERT_CHILD", entity.name(), f.name()));
        out.add(new Route("PATCH", child, "UPDATE_CHILD", entity.name(), f.name()));
        out.add(new Route("DELETE", child, "DELETE_CHILD", entity.name(), f.name()));
      }
    }
    return out;
  }
}
