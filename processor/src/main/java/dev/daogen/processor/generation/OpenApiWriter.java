package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.OpenApiSchemas.obj;
import static dev.daogen.processor.generation.OpenApiSchemas.ref;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.Names;
import dev.daogen.processor.model.PluginModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Writes {@code META-INF/daogen/<plugin>/openapi.json}: an OpenAPI 3.1 description of the plugin's admin API, one
 * path item per template of {@link AdminRoutes}, with the bodies, parameters and statuses that
 * {@code dev.daogen.admin.AdminApi} and the generated admin bindings actually use. The runtime merges the
 * documents of all plugins and serves them as {@code GET /openapi.json}; since it merges only {@code paths},
 * {@code tags} and {@code components.schemas}, every other part is inlined or the same in every plugin.
 */
public final class OpenApiWriter {
  /** The OpenAPI version written. */
  public static final String OPENAPI_VERSION = "3.1.0";

  static final String ERROR = "Error";
  static final String MESSAGE = "Message";
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final Filer filer;

  public OpenApiWriter(Filer filer) {
    this.filer = filer;
  }

  /** The resource path of a plugin's document. */
  public static String path(PluginModel plugin) {
    return "META-INF/daogen/" + plugin.name() + "/openapi.json";
  }

  /** Writes the plugin's document. */
  public void write(PluginModel plugin) {
    Element[] origins = plugin.entities().stream().map(e -> (Element) e.element()).toArray(Element[]::new);
    new ResourceWriter(filer).write(path(plugin), render(plugin), origins);
  }

  /** The plugin's document as JSON text. */
  public static String render(PluginModel plugin) {
    StringWriter out = new StringWriter();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(pretty);
      dev.daogen.internal.Json.writeTree(g, new Document(plugin).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  /** One plugin's document, built as a tree of maps and lists. */
  private static final class Document {
    private final PluginModel plugin;
    /** Component names by the qualified name of the type they describe. */
    private final Map<String, String> names = new LinkedHashMap<>();
    private final OpenApiSchemas schemas = new OpenApiSchemas(names);
    private final Map<String, Object> components = new LinkedHashMap<>();

    Document(PluginModel plugin) {
      this.plugin = plugin;
    }

    Map<String, Object> build() {
      List<EntityModel> served = plugin.entities().stream().filter(EntityModel::generateAdminApi).toList();
      names.put(ERROR, ERROR);
      names.put(MESSAGE, MESSAGE);
      for (EntityModel e : served) {
        String simple = e.type().simpleName();
        names.put(e.type().canonicalName(),
            names.containsValue(simple) ? e.type().canonicalName() : simple);
      }
      Map<String, Object> paths = new LinkedHashMap<>();
      List<Object> tags = new ArrayList<>();
      for (EntityModel e : served) {
        tags.add(obj("name", e.adminApiName(), "description", "The entities of " + e.name() + " in plugin "
            + plugin.name() + "."));
        entitySchemas(e);
        for (AdminRoutes.Route r : AdminRoutes.of(e, plugin)) {
          String template = uniqueParameters(r.path());
          @SuppressWarnings("unchecked")
          Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(template, t -> pathItem(t));
          item.put(r.method().toLowerCase(java.util.Locale.ROOT), operation(e, r));
        }
        paths.put("/schemas/" + e.name(), obj("get", schemaOperation(e)));
        paths.put("/schemas/" + e.name() + "/validate", obj("post", validateOperation(e)));
      }
      components.put(ERROR, OpenApiSchemas.error());
      components.put(MESSAGE, OpenApiSchemas.message());
      components.putAll(schemas.nestedSchemas());

      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("openapi", OPENAPI_VERSION);
      doc.put("info", obj("title", "daogen admin API", "version", plugin.version(),
          "description", "The admin API of plugin " + plugin.name() + " " + plugin.version()
              + ", generated by daogen: Kong's admin API shapes over the plugin's entities."));
      doc.put("tags", tags);
      doc.put("security", List.of(obj(), obj("adminToken", List.of()), obj("bearerToken", List.of())));
      doc.put("paths", paths);
      doc.put("components", obj(
          "schemas", components,
          "securitySchemes", obj(
              "adminToken", obj("type", "apiKey", "in", "header", "name", "Kong-Admin-Token",
                  "description", "The admin token; required when the API listens on a non-loopback address."),
              "bearerToken", obj("type", "http", "scheme", "bearer",
                  "description", "The admin token, as a bearer token."))));
      return doc;
    }

    private String name(EntityModel e) {
      return names.get(e.type().canonicalName());
    }

    private void entitySchemas(EntityModel e) {
      String name = name(e);
      components.put(name, schemas.entity(e));
      components.put(name + "Input", schemas.input(e, null));
      for (FieldModel f : e.foreignKeys()) {
        components.put(childInput(e, f), schemas.input(e, f));
      }
      components.put(name + "Patch", schemas.patch(e));
      components.put(name + "Page", OpenApiSchemas.page(name, e.name()));
    }

    private String childInput(EntityModel e, FieldModel parentField) {
      return name(e) + "InputUnder" + Names.upperCamel(parentField.jsonName());
    }

    // ---- paths -------------------------------------------------------------------------------------------

    /**
     * A template whose parameter names are unique: a self-referencing entity's nested routes name the same
     * collection twice ({@code /groups/{groups}/groups/{groups}}), which OpenAPI does not allow.
     */
    static String uniqueParameters(String template) {
      List<String> seen = new ArrayList<>();
      StringBuilder out = new StringBuilder();
      for (String segment : template.substring(1).split("/")) {
        out.append('/');
        if (segment.startsWith("{")) {
          String name = segment.substring(1, segment.length() - 1);
          String unique = name;
          for (int i = 2; seen.contains(unique); i++) {
            unique = name + "_" + i;
          }
          seen.add(unique);
          out.append('{').append(unique).append('}');
        } else {
          out.append(segment);
        }
      }
      return out.toString();
    }

    private Map<String, Object> pathItem(String template) {
      Map<String, Object> item = new LinkedHashMap<>();
      List<Object> parameters = new ArrayList<>();
      for (String segment : template.substring(1).split("/")) {
        if (segment.startsWith("{")) {
          String name = segment.substring(1, segment.length() - 1);
          parameters.add(obj("name", name, "in", "path", "required", true,
              "description", keyDescription(name), "schema", obj("type", "string")));
        }
      }
      if (!parameters.isEmpty()) {
        item.put("parameters", parameters);
      }
      return item;
    }

    private String keyDescription(String parameter) {
      String collection = parameter.replaceFirst("_\\d+$", "");
      Optional<EntityModel> e = plugin.entities().stream()
          .filter(x -> x.generateAdminApi() && x.adminApiName().equals(collection)).findFirst();
      if (e.isEmpty()) {
        return "The primary key of an entity of " + collection + ".";
      }
      String key = e.get().primaryKeyFields().get(0).jsonName();
      return e.get().endpointKey()
          .map(k -> "The " + key + " of an entity of " + e.get().name() + ", or its "
              + e.get().field(k).jsonName() + ".")
          .orElse("The " + key + " of an entity of " + e.get().name() + ".");
    }

    private Map<String, Object> operation(EntityModel e, AdminRoutes.Route r) {
      FieldModel parentField = r.foreignField() == null ? null : e.field(r.foreignField());
      String under = parentField == null ? "" : "By" + Names.upperCamel(parentField.jsonName());
      String type = e.type().simpleName();
      Map<String, Object> op = new LinkedHashMap<>();
      Map<String, Object> responses = new LinkedHashMap<>();
      String entity = name(e);
      String one = "an entity of " + e.name();
      String parentText = parentField == null ? "" : " under the given entity of " + parentName(parentField);
      String input = parentField == null ? entity + "Input" : childInput(e, parentField);
      switch (r.operation()) {
        case "LIST", "LIST_CHILDREN" -> {
          describe(op, "list" + type + under, "Lists the entities of " + e.name() + parentText
              + ", a page at a time.");
          boolean tags = parentField == null && e.tagsField().isPresent();
          op.put("parameters", listParameters(tags));
          responses.put("200", json("A page of entities.", ref(entity + "Page")));
          responses.put("400", json(tags ? "An invalid size, offset or tags filter." : "An invalid size or offset.",
              ref(ERROR)));
        }
        case "CREATE", "CREATE_CHILD" -> {
          describe(op, "create" + type + under, "Creates " + one + parentText + ".");
          op.put("requestBody", body(input, e, parentField));
          responses.put("201", json("The entity created.", ref(entity)));
          bodyErrors(responses);
        }
        case "READ", "READ_CHILD" -> {
          describe(op, "get" + type + under, "Reads " + one + parentText + ".");
          responses.put("200", json("The entity.", ref(entity)));
        }
        case "UPSERT", "UPSERT_CHILD" -> {
          describe(op, "upsert" + type + under, "Creates or replaces " + one + parentText + ", by key.");
          op.put("requestBody", body(input, e, parentField));
          responses.put("200", json("The entity created or replaced.", ref(entity)));
          bodyErrors(responses);
        }
        case "UPDATE", "UPDATE_CHILD" -> {
          describe(op, "update" + type + under, "Changes some fields of " + one + parentText + ".");
          op.put("requestBody", body(entity + "Patch", null, null));
          responses.put("200", json("The entity updated.", ref(entity)));
          bodyErrors(responses);
        }
        case "DELETE", "DELETE_CHILD" -> {
          describe(op, "delete" + type + under, "Deletes " + one + parentText + "; succeeds when there is none.");
          responses.put("204", obj("description", "Deleted, or there was none."));
        }
        case "READ_PARENT" -> {
          EntityModel parent = parent(parentField).orElse(null);
          describe(op, "get" + type + Names.upperCamel(parentField.jsonName()),
              "Reads the entity of " + parentName(parentField) + " that " + one + " belongs to.");
          responses.put("200", json("The parent entity.", parent == null
              ? obj("type", "object", "description", "An entity of another module's plugin.")
              : ref(name(parent))));
        }
        default -> throw new IllegalArgumentException("unknown admin operation " + r.operation());
      }
      if (mayBeNotFound(r.operation())) {
        responses.put("404", notFound());
      }
      commonErrors(responses);
      op.put("tags", List.of(e.adminApiName()));
      op.put("responses", new TreeMap<>(responses));
      return reorder(op);
    }

    /** Top-level reads and updates need the entity; nested routes need the parent (and the child under it). */
    private static boolean mayBeNotFound(String operation) {
      return switch (operation) {
        case "LIST", "CREATE", "UPSERT", "DELETE" -> false;
        default -> true;
      };
    }

    private Map<String, Object> schemaOperation(EntityModel e) {
      Map<String, Object> op = new LinkedHashMap<>();
      describe(op, "get" + e.type().simpleName() + "Schema", "Describes the fields of the entities of "
          + e.name() + ".");
      op.put("tags", List.of(e.adminApiName()));
      Map<String, Object> responses = new LinkedHashMap<>();
      Map<String, Object> names = obj("type", "array", "items", obj("type", "string"));
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("name", obj("type", "string"));
      properties.put("primary_key", names);
      properties.put("endpoint_key", obj("type", "string"));
      properties.put("cache_key", names);
      properties.put("ttl", obj("type", "boolean"));
      properties.put("fields", obj("type", "array", "description",
          "One object per field: {\"<json name>\": {\"type\", \"required\", …}}.",
          "items", obj("type", "object", "minProperties", 1, "maxProperties", 1)));
      responses.put("200", json("The entity's schema.", obj("type", "object", "properties", properties,
          "required", List.of("name", "primary_key", "ttl", "fields"), "additionalProperties", false)));
      commonErrors(responses);
      op.put("responses", new TreeMap<>(responses));
      return op;
    }

    private Map<String, Object> validateOperation(EntityModel e) {
      Map<String, Object> op = new LinkedHashMap<>();
      describe(op, "validate" + e.type().simpleName(), "Checks the body of an entity of " + e.name()
          + " against the entity's rules without storing it.");
      op.put("tags", List.of(e.adminApiName()));
      op.put("requestBody", body(name(e) + "Input", e, null));
      Map<String, Object> responses = new LinkedHashMap<>();
      responses.put("200", json("The body is valid: {\"message\": \"schema validation successful\"}.",
          ref(MESSAGE)));
      bodyErrors(responses);
      responses.remove("409");
      commonErrors(responses);
      op.put("responses", new TreeMap<>(responses));
      return op;
    }

    /** operationId, summary, tags, parameters, requestBody, responses: the usual reading order. */
    private static Map<String, Object> reorder(Map<String, Object> op) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (String key : List.of("operationId", "summary", "tags", "parameters", "requestBody", "responses")) {
        if (op.containsKey(key)) {
          out.put(key, op.get(key));
        }
      }
      return out;
    }

    private static void describe(Map<String, Object> op, String operationId, String summary) {
      op.put("operationId", operationId);
      op.put("summary", summary);
    }

    private Optional<EntityModel> parent(FieldModel f) {
      String parentName = f.foreign().orElseThrow().parentName();
      return plugin.entities().stream().filter(p -> p.name().equals(parentName) && p.generateAdminApi())
          .findFirst();
    }

    private static String parentName(FieldModel f) {
      return f.foreign().orElseThrow().parentName();
    }

    private static List<Object> listParameters(boolean tags) {
      List<Object> out = new ArrayList<>();
      out.add(obj("name", "size", "in", "query", "required", false,
          "description", "How many entities a page holds.",
          "schema", obj("type", "integer", "minimum", 1, "maximum", 1000, "default", 100)));
      out.add(obj("name", "offset", "in", "query", "required", false,
          "description", "Where the page starts: the offset of the previous page.",
          "schema", obj("type", "string")));
      if (tags) {
        out.add(obj("name", "tags", "in", "query", "required", false,
            "description", "Only entities with all of these tags (a,b) or with any of them (a/b); at most 5.",
            "schema", obj("type", "string")));
      }
      return out;
    }

    /**
     * A request body of JSON or a form ({@code a=1&tags[]=x&consumer.id=…}); an empty one is an empty object, so
     * it may be left out when nothing is required.
     *
     * @param e the entity whose input this is, or null for a patch (nothing required)
     */
    private Map<String, Object> body(String schema, EntityModel e, FieldModel parentField) {
      boolean required = e != null && e.fields().stream().anyMatch(f -> f.required() && f != parentField);
      return obj("required", required, "content", obj(
          JSON, obj("schema", ref(schema)),
          FORM, obj("schema", ref(schema))));
    }

    private static Map<String, Object> json(String description, Map<String, Object> schema) {
      return obj("description", description, "content", obj(JSON, obj("schema", schema)));
    }

    private static Map<String, Object> notFound() {
      return json("Not found: {\"message\": \"Not found\"}.", ref(MESSAGE));
    }

    /** What a request with a body can get wrong. */
    private static void bodyErrors(Map<String, Object> responses) {
      responses.put("400", json("The body breaks the entity's rules (an error with field errors), or cannot be"
          + " read at all (a message).", obj("oneOf", List.of(ref(ERROR), ref(MESSAGE)))));
      responses.put("409", json("A unique field's value is taken.", ref(ERROR)));
      responses.put("413", json("The body is too large.", ref(MESSAGE)));
      responses.put("415", json("The body is neither JSON nor a form.", ref(MESSAGE)));
    }

    private static void commonErrors(Map<String, Object> responses) {
      responses.put("401", json("The admin token is missing or wrong (only when one is configured).",
          ref(MESSAGE)));
      responses.put("500", json("An unexpected error: {\"message\": \"An unexpected error occurred\"}.",
          ref(MESSAGE)));
    }
  }
}
