package dev.daogen.admin;

import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import dev.daogen.schema.EntitySchema;
import java.util.List;
import java.util.Map;

/** {@code GET /} (version, plugins, entities and optionally their counts) and {@code GET /status}. */
final class StatusEndpoints {
  // logged under AdminApi's name, which operators' log configurations already use

  private final Database db;
  private final List<PluginModule> plugins;
  private final Map<String, EntityAdmin<?, ?, ?>> byEntity;

  StatusEndpoints(Database db, List<PluginModule> plugins, Map<String, EntityAdmin<?, ?, ?>> byEntity) {
    this.db = db;
    this.plugins = plugins;
    this.byEntity = byEntity;
  }

  /** {@code GET /}: plugins and entities; with {@code ?counts=true} also each entity's row count (the UI's home). */
  AdminResponse info(AdminRequest req) {
    boolean counts = "true".equals(req.param("counts"));
    return AdminResponses.json(200, g -> {
      g.writeStartObject();
      g.writeStringField("version", AdminApi.VERSION);
      g.writeArrayFieldStart("plugins");
      for (PluginModule p : plugins) {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeArrayFieldStart("entities");
        for (EntitySchema<?> e : p.entities()) {
          if (byEntity.containsKey(e.name())) {
            g.writeString(e.name());
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entities");
      for (String name : byEntity.keySet()) {
        g.writeString(name);
      }
      g.writeEndArray();
      if (counts) {
        g.writeObjectFieldStart("counts");
        for (EntityAdmin<?, ?, ?> admin : byEntity.values()) {
          g.writeNumberField(admin.schema().name(), admin.count());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  /** {@code GET /status}: whether the database answers (within 2 s); 200 either way. */
  AdminResponse status() {
    boolean up = db.store().reachable(java.time.Duration.ofSeconds(2));
    return AdminResponses.json(200, g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("database");
      g.writeBooleanField("reachable", up);
      g.writeEndObject();
      g.writeEndObject();
    });
  }
}
