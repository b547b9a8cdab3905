package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.db.Database;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET|DELETE /cache/{key}} and {@code DELETE /cache}: this node's entity cache, a cached entity shown in its
 * admin JSON form; deletes reach all nodes.
 */
final class CacheEndpoints {
  private final Database db;
  private final Map<String, EntityAdmin<?, ?, ?>> byEntity;

  CacheEndpoints(Database db, Map<String, EntityAdmin<?, ?, ?>> byEntity) {
    this.db = db;
    this.byEntity = byEntity;
  }

  /** Serves {@code /cache} ({@code s} has one segment) and {@code /cache/{key}} (two). */
  AdminResponse route(String method, List<String> s) {
    if (s.size() == 1) {
      if (!method.equals("DELETE")) {
        return AdminResponses.notAllowed(method, Set.of("DELETE"));
      }
      db.cache().purge();
      return AdminResponse.noContent();
    }
    String key = s.get(1);
    if (method.equals("DELETE")) {
      db.cache().invalidate(key);
      return AdminResponse.noContent();
    }
    if (!method.equals("GET")) {
      return AdminResponses.notAllowed(method, Set.of("GET", "DELETE"));
    }
    return db.cache().peek(key).map(peek -> AdminResponses.json(200, g -> {
      g.writeStartObject();
      g.writeStringField("key", key);
      g.writeFieldName("value");
      writeCached(g, key, peek.value());
      g.writeEndObject();
    })).orElseGet(AdminResponses::notFound);
  }

  /** A cached entity in its admin JSON form (found by the entity name the key starts with); null for a miss. */
  private void writeCached(JsonGenerator g, String key, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    int colon = key.indexOf(':');
    EntityAdmin<?, ?, ?> admin = colon < 0 ? null : byEntity.get(key.substring(0, colon));
    if (admin != null && admin.schema().type().isInstance(value)) {
      writeEntity(g, admin, value);
    } else {
      g.writeString(String.valueOf(value));
    }
  }

  private static <E> void writeEntity(JsonGenerator g, EntityAdmin<E, ?, ?> admin, Object value)
      throws IOException {
    admin.write(g, admin.schema().type().cast(value));
  }
}
