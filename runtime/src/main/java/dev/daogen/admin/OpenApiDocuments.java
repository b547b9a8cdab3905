package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.db.PluginModule;
import dev.daogen.internal.Json;
import dev.daogen.schema.PluginResources;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Serves the plugins' generated OpenAPI documents as one: their paths, tags and component schemas merged. */
final class OpenApiDocuments {
  private OpenApiDocuments() {}

  static byte[] merge(List<PluginModule> plugins) {
    Map<String, Object> merged = null;
    for (PluginModule plugin : plugins) {
      byte[] doc = AdminApi.resource(plugin.getClass().getClassLoader(), PluginResources.openApi(plugin.name()));
      if (doc == null) {
        continue;
      }
      if (merged == null) {
        merged = new LinkedHashMap<>(RequestBodies.json(doc));
        continue;
      }
      Map<String, Object> next = RequestBodies.json(doc);
      mergeSection(merged, next, "paths");
      mergeTags(merged, next);
      Map<String, Object> components = section(merged, "components");
      mergeSection(components, section(next, "components"), "schemas");
    }
    if (merged == null) {
      merged = Map.of("openapi", "3.1.0", "info", Map.of("title", "daogen admin API", "version", AdminApi.VERSION),
          "paths", Map.of());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      Json.writeTree(g, merged);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> doc, String name) {
    Object value = doc.get(name);
    if (!(value instanceof Map<?, ?>)) {
      Map<String, Object> created = new LinkedHashMap<>();
      doc.put(name, created);
      return created;
    }
    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) value);
    doc.put(name, copy);
    return copy;
  }

  private static void mergeSection(Map<String, Object> into, Map<String, Object> from, String name) {
    section(into, name).putAll(section(from, name));
  }

  /** Appends the tags (one per entity collection) that the merged document does not have yet. */
  private static void mergeTags(Map<String, Object> into, Map<String, Object> from) {
    if (!(from.get("tags") instanceof List<?> more)) {
      return;
    }
    List<Object> tags = into.get("tags") instanceof List<?> have ? new ArrayList<>(have) : new ArrayList<>();
    Set<Object> names = new HashSet<>();
    for (Object tag : tags) {
      names.add(tag instanceof Map<?, ?> m ? m.get("name") : null);
    }
    for (Object tag : more) {
      if (tag instanceof Map<?, ?> m && names.add(m.get("name"))) {
        tags.add(tag);
      }
    }
    into.put("tags", tags);
  }

}
