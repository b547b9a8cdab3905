package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the API says about its entities: {@code GET /schemas/{entity}} (Kong's schema view: keys, fields and their
 * constraints), {@code POST /schemas/{entity}/validate} (a body checked without being stored) and
 * {@code GET /openapi.json} (the plugins' OpenAPI documents, merged once).
 */
final class SchemaEndpoints {
  private final Map<String, EntityAdmin<?, ?, ?>> byEntity;
  private final byte[] openApi;

  SchemaEndpoints(Map<String, EntityAdmin<?, ?, ?>> byEntity, byte[] openApi) {
    this.byEntity = byEntity;
    this.openApi = openApi;
  }

  /** {@code GET /openapi.json}. */
  AdminResponse openApi() {
    return new AdminResponse(200, openApi, Map.of());
  }

  /** Serves {@code /schemas/{entity}} ({@code s} has two segments) and {@code /schemas/{entity}/validate}. */
  AdminResponse route(String method, List<String> s, AdminRequest req) {
    EntityAdmin<?, ?, ?> admin = byEntity.get(s.get(1));
    if (admin == null) {
      return AdminResponses.notFound();
    }
    if (s.size() == 2) {
      return method.equals("GET") ? schema(admin.schema()) : AdminResponses.notAllowed(method, Set.of("GET"));
    }
    return method.equals("POST") ? validate(admin, req) : AdminResponses.notAllowed(method, Set.of("POST"));
  }

  private static AdminResponse schema(EntitySchema<?> schema) {
    return AdminResponses.json(200, g -> {
      g.writeStartObject();
      g.writeStringField("name", schema.name());
      g.writeArrayFieldStart("primary_key");
      for (FieldSchema<?> f : schema.primaryKey()) {
        g.writeString(f.jsonName());
      }
      g.writeEndArray();
      if (schema.endpointKey() != null) {
        g.writeStringField("endpoint_key", schema.field(schema.endpointKey()).jsonName());
      }
      if (!schema.cacheKey().isEmpty()) {
        g.writeArrayFieldStart("cache_key");
        for (FieldSchema<?> f : schema.cacheKey()) {
          g.writeString(f.jsonName());
        }
        g.writeEndArray();
      }
      g.writeBooleanField("ttl", schema.ttl());
      g.writeStringField("admin_api_name", schema.adminApiName());
      g.writeStringField("admin_api_nested_name", schema.adminApiNestedName());
      g.writeArrayFieldStart("fields");
      for (FieldSchema<?> f : schema.fields()) {
        g.writeStartObject();
        g.writeObjectFieldStart(f.jsonName());
        writeField(g, schema, f);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** One field's entries: its type and requiredness, and only the flags that are set. */
  private static void writeField(JsonGenerator g, EntitySchema<?> schema, FieldSchema<?> f) throws IOException {
    g.writeStringField("type", f.type().name().toLowerCase(Locale.ROOT));
    g.writeBooleanField("required", f.isRequired());
    writeFlag(g, "nullable", f.isNullable());
    writeFlag(g, "primary_key", f.isPrimaryKey());
    writeFlag(g, "unique", f.isUnique());
    writeFlag(g, "indexed", f.isIndexed());
    writeFlag(g, "auto", f.isAuto());
    writeFlag(g, "immutable", f.isImmutable());
    if (schema.maxIndexedLength(f) >= 0) {
      g.writeNumberField("max_length", schema.maxIndexedLength(f));
    }
    if (f.defaultValue() != null) {
      g.writeStringField("default", f.defaultValue());
    }
    if (f.foreignEntity() != null) {
      g.writeStringField("reference", f.foreignEntity());
      g.writeStringField("on_delete", f.onDelete().name().toLowerCase(Locale.ROOT));
    }
    if (!f.enumValues().isEmpty()) {
      g.writeArrayFieldStart("one_of");
      for (String v : f.enumValues()) {
        g.writeString(v);
      }
      g.writeEndArray();
    }
  }

  private static void writeFlag(JsonGenerator g, String name, boolean value) throws IOException {
    if (value) {
      g.writeBooleanField(name, true);
    }
  }

  private static <E, D, P> AdminResponse validate(EntityAdmin<E, D, P> admin, AdminRequest req) {
    D draft = BodyBinder.draft(admin, req);
    admin.validate(draft);
    return AdminResponses.message(200, "schema validation successful");
  }
}
