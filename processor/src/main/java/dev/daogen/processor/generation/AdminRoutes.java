package dev.daogen.processor.generation;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.schema.AdminRoute;
import dev.daogen.schema.AdminRoute.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin routes of one entity, with Kong's shapes, as the runtime's {@link AdminRoute}s. Computed once and
 * written three times: as code in the entity's admin binding, as data in {@code admin-routes.json}, and as the
 * OpenAPI document's paths.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  /** Every route of {@code entity}; empty when its admin API is off. */
  public static List<AdminRoute> of(EntityModel entity, PluginModel plugin) {
    List<AdminRoute> out = new ArrayList<>();
    if (!entity.generateAdminApi()) {
      return out;
    }
    String a = entity.adminApiName();
    String collection = "/" + a;
    String item = collection + "/{" + a + "}";
    boolean singleKey = entity.primaryKey().size() == 1;
    out.add(new AdminRoute("GET", collection, Operation.LIST, entity.name(), null));
    out.add(new AdminRoute("POST", collection, Operation.CREATE, entity.name(), null));
    if (singleKey) {
      out.add(new AdminRoute("GET", item, Operation.READ, entity.name(), null));
      out.add(new AdminRoute("PUT", item, Operation.UPSERT, entity.name(), null));
      out.add(new AdminRoute("PATCH", item, Operation.UPDATE, entity.name(), null));
      out.add(new AdminRoute("DELETE", item, Operation.DELETE, entity.name(), null));
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
        out.add(new AdminRoute("GET", item + "/" + f.jsonName(), Operation.READ_PARENT, entity.name(), f.name()));
      }
      String children = "/" + pa + "/{" + pa + "}/" + entity.adminApiNestedName();
      out.add(new AdminRoute("GET", children, Operation.LIST_CHILDREN, entity.name(), f.name()));
      out.add(new AdminRoute("POST", children, Operation.CREATE_CHILD, entity.name(), f.name()));
      if (singleKey) {
        String child = children + "/{" + a + "}";
        out.add(new AdminRoute("GET", child, Operation.READ_CHILD, entity.name(), f.name()));
        out.add(new AdminRoute("PUT", child, Operation.UPSERT_CHILD, entity.name(), f.name()));
        out.add(new AdminRoute("PATCH", child, Operation.UPDATE_CHILD, entity.name(), f.name()));
        out.add(new AdminRoute("DELETE", child, Operation.DELETE_CHILD, entity.name(), f.name()));
      }
    }
    return out;
  }
}
