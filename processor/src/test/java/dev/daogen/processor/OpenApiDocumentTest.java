package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compiles the {@code openapi} fixture with the real processor and reads the generated {@code openapi.json}: well-formed
 * JSON, one operation per admin route, every path parameter declared, every reference resolved, and field schemas
 * that follow the fields' types and constraints.
 */
class OpenApiDocumentTest {
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  private static Map<String, Object> doc;
  private static List<Map<String, Object>> routes;

  @BeforeAll
  static void compile() throws IOException {
    Compilation c = javac().withProcessors(new DaogenProcessor()).compile(
        src("openapi/package-info"), src("openapi/KeyAuthCredential"), src("openapi/Group"),
        src("openapi/Consumer"));
    assertThat(c).succeeded();
    doc = map(parse(resource(c, "META-INF/daogen/key-auth/openapi.json")));
    routes = list(map(parse(resource(c, "META-INF/daogen/key-auth/admin-routes.json"))).get("routes")).stream()
        .map(OpenApiDocumentTest::map).toList();
  }

  @Test
  void isAnOpenApi31DocumentOfThePlugin() {
    assertThat(doc.get("openapi")).isEqualTo("3.1.0");
    assertThat(map(doc.get("info")).get("version")).isEqualTo("1.1.0");
    assertThat(map(doc.get("info")).get("description").toString()).contains("key-auth");
    List<Object> tagNames = list(doc.get("tags")).stream().map(t -> map(t).get("name")).toList();
    assertThat(tagNames).containsExactly("consumers", "key-auths", "group");
  }

  @Test
  void hasAnOperationPerAdminRouteWithItsPathParametersDeclared() {
    assertThat(routes).isNotEmpty();
    Map<String, Object> paths = map(doc.get("paths"));
    Set<String> operationIds = new HashSet<>();
    for (Map<String, Object> route : routes) {
      String template = route.get("path").toString().replace("/group/{group}/group/{group}",
          "/group/{group}/group/{group_2}");
      Map<String, Object> item = map(paths.get(template));
      assertWithMessage(template).that(item).isNotNull();
      Map<String, Object> op = map(item.get(route.get("method").toString().toLowerCase(java.util.Locale.ROOT)));
      assertWithMessage(route.toString()).that(op).isNotNull();
      assertWithMessage("duplicate operationId").that(operationIds.add(op.get("operationId").toString())).isTrue();
      assertThat(list(op.get("tags"))).hasSize(1);
      assertThat(map(op.get("responses"))).containsKey("500");

      List<String> declared = new ArrayList<>();
      for (Object p : list(item.getOrDefault("parameters", List.of()))) {
        assertThat(map(p).get("in")).isEqualTo("path");
        assertThat(map(p).get("required")).isEqualTo(true);
        declared.add(map(p).get("name").toString());
      }
      List<String> inTemplate = new ArrayList<>();
      Matcher m = PARAMETER.matcher(template);
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      assertWithMessage(template).that(declared).containsExactlyElementsIn(inTemplate);
      assertWithMessage(template).that(new HashSet<>(declared)).hasSize(declared.size());
    }
    // every operation of the paths is a route (besides the schema routes, which are not entity routes)
    long operations = paths.entrySet().stream().filter(e -> !e.getKey().startsWith("/schemas/"))
        .mapToLong(e -> map(e.getValue()).keySet().stream().filter(k -> !k.equals("parameters")).count()).sum();
    assertThat(operations).isEqualTo(routes.size());
  }

  @Test
  void operationsHaveTheStatusesAndBodiesOfTheAdminApi() {
    Map<String, Object> paths = map(doc.get("paths"));
    Map<String, Object> list = map(map(paths.get("/consumers")).get("get"));
    assertThat(list.get("operationId")).isEqualTo("listConsumer");
    assertThat(list(list.get("parameters")).stream().map(p -> map(p).get("name")).toList())
        .containsExactly("size", "offset", "tags").inOrder();
    Map<String, Object> size = map(map(list(list.get("parameters")).get(0)).get("schema"));
    assertThat(size.get("minimum")).isEqualTo(1);
    assertThat(size.get("maximum")).isEqualTo(1000);
    assertThat(responseRef(list, "200")).isEqualTo("#/components/schemas/ConsumerPage");
    assertThat(responseRef(list, "400")).isEqualTo("#/components/schemas/Error");

    Map<String, Object> create = map(map(paths.get("/consumers")).get("post"));
    assertThat(map(map(create.get("requestBody")).get("content")).keySet())
        .containsExactly("application/json", "application/x-www-form-urlencoded");
    assertThat(map(create.get("responses")).keySet())
        .containsExactly("201", "400", "401", "409", "413", "415", "500").inOrder();
    assertThat(responseRef(create, "201")).isEqualTo("#/components/schemas/Consumer");

    Map<String, Object> delete = map(map(paths.get("/consumers/{consumers}")).get("delete"));
    assertThat(map(delete.get("responses")).keySet()).containsExactly("204", "401", "500");
    Map<String, Object> read = map(map(paths.get("/consumers/{consumers}")).get("get"));
    assertThat(responseRef(read, "404")).isEqualTo("#/components/schemas/Message");

    // nested under the parent: no tags filter (children lists do not take one), the parent key not required
    Map<String, Object> children = map(map(paths.get("/consumers/{consumers}/key-auth")).get("get"));
    assertThat(list(children.get("parameters")).stream().map(p -> map(p).get("name")).toList())
        .containsExactly("size", "offset");
    Map<String, Object> childInput = schema("KeyAuthCredentialInputUnderConsumer");
    assertThat(childInput.get("required")).isNull();
    assertThat(list(schema("KeyAuthCredentialInput").get("required"))).containsExactly("consumer");

    Map<String, Object> parent = map(map(paths.get("/key-auths/{key-auths}/consumer")).get("get"));
    assertThat(responseRef(parent, "200")).isEqualTo("#/components/schemas/Consumer");
  }

  @Test
  void everyReferenceResolves() {
    Map<String, Object> schemas = map(map(doc.get("components")).get("schemas"));
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      assertThat(ref).startsWith("#/components/schemas/");
      assertWithMessage(ref).that(schemas).containsKey(ref.substring("#/components/schemas/".length()));
    }
    assertThat(schemas).containsKey("Consumer.Address");
    assertThat(list(schema("Error").get("required"))).containsExactly("code", "name", "message", "fields");
    assertThat(list(schema("ConsumerPage").get("required"))).containsExactly("data", "next");
  }

  @Test
  void entitySchemaFollowsTypesAndConstraints() {
    Map<String, Object> consumer = schema("Consumer");
    assertThat(consumer.get("additionalProperties")).isEqualTo(false);
    assertThat(consumer.get("description").toString()).contains("At least one of username, custom_id");
    Map<String, Object> p = map(consumer.get("properties"));
    assertThat(list(consumer.get("required"))).containsExactlyElementsIn(p.keySet());

    assertThat(map(p.get("id"))).containsExactly("type", "string", "format", "uuid");
    assertThat(map(p.get("created_at"))).containsEntry("type", "number");
    assertThat(map(p.get("created_at"))).containsEntry("readOnly", true);
    Map<String, Object> username = map(p.get("username"));
    assertThat(username.get("type")).isEqualTo(List.of("string", "null"));
    assertThat(username).containsEntry("minLength", 1);
    assertThat(username).containsEntry("maxLength", 64);
    assertThat(username).containsEntry("pattern", "^(?:[a-z0-9_.-]+)$");
    assertThat(map(p.get("tier"))).containsEntry("enum", List.of("SILVER", "GOLD"));
    assertThat(map(p.get("quota"))).containsExactly("type", "integer", "format", "int32", "minimum", 1,
        "maximum", 100);
    assertThat(map(p.get("ratio"))).containsExactly("type", "number", "exclusiveMinimum", 0);
    assertThat(map(p.get("enabled"))).containsExactly("type", "boolean");
    assertThat(map(p.get("since"))).containsExactly("type", "string", "format", "date");
    assertThat(map(p.get("scopes"))).containsExactly("type", "array", "items", Map.of("type", "string"));
    assertThat(map(p.get("email"))).containsExactly("type", "string", "format", "email", "minLength", 1,
        "pattern", "\\S");
    assertThat(map(p.get("address"))).containsExactly("anyOf",
        List.of(Map.of("$ref", "#/components/schemas/Consumer.Address"), Map.of("type", "null")));
    assertThat(map(p.get("limits"))).containsExactly("type", "object",
        "additionalProperties", Map.of("type", "integer", "format", "int32"));
    assertThat(map(p.get("tags"))).containsExactly("type", List.of("array", "null"),
        "items", Map.of("type", "string"), "uniqueItems", true);

    // timestamps: epoch seconds in entity fields and their collections and maps; ISO text only inside nested
    // records, which keep their stored JSON form
    Map<String, Object> epoch =
        Map.of("type", "number", "description", "Epoch seconds (a fraction for sub-second precision).");
    assertThat(map(p.get("logins"))).containsExactly("type", List.of("array", "null"), "items", epoch);
    assertThat(map(p.get("seen"))).containsExactly("type", List.of("object", "null"), "additionalProperties", epoch);

    Map<String, Object> address = schema("Consumer.Address");
    assertThat(address).doesNotContainKey("additionalProperties");
    assertThat(list(address.get("required"))).containsExactly("street", "ranks");
    Map<String, Object> a = map(address.get("properties"));
    assertThat(map(a.get("ranks"))).containsExactly("type", "object",
        "additionalProperties", Map.of("type", "integer", "format", "int32"));
    assertThat(map(a.get("since"))).containsExactly("type", List.of("string", "null"), "format", "date-time");
    assertThat(map(a.get("tier"))).containsExactly("type", List.of("string", "null"),
        "enum", java.util.Arrays.asList("SILVER", "GOLD", null));
  }

  @Test
  void inputSchemasRequireWhatHasNoValueOfItsOwn() {
    Map<String, Object> input = schema("ConsumerInput");
    // auto, defaulted and nullable fields are optional
    assertThat(list(input.get("required"))).containsExactly("email", "limits");
    Map<String, Object> p = map(input.get("properties"));
    assertThat(map(p.get("quota"))).containsEntry("default", 10);
    assertThat(map(p.get("ratio"))).containsEntry("default", 1.5);
    assertThat(map(p.get("enabled"))).containsEntry("default", true);
    assertThat(map(p.get("scopes"))).containsEntry("default", List.of("a", "b"));
    assertThat(map(p.get("tier"))).containsEntry("default", "GOLD");
    assertThat(map(p.get("created_at"))).doesNotContainKey("readOnly");
    // the admin binding reads every timestamp outside nested records as epoch seconds
    assertThat(map(map(p.get("logins")).get("items"))).containsEntry("type", "number");
    assertThat(map(map(p.get("seen")).get("additionalProperties"))).containsEntry("type", "number");

    Map<String, Object> patch = schema("ConsumerPatch");
    assertThat(patch).doesNotContainKey("required");
    assertThat(map(map(patch.get("properties")).get("quota"))).doesNotContainKey("default");

    // a foreign key is {"id": …}; a nullable one may be null
    Map<String, Object> group = map(schema("GroupInput").get("properties"));
    Map<String, Object> parent = map(group.get("parent_group"));
    assertThat(parent.get("type")).isEqualTo(List.of("object", "null"));
    assertThat(parent.get("required")).isEqualTo(List.of("id"));
    assertThat(map(map(parent.get("properties")).get("id"))).containsExactly("type", "string", "format", "uuid");
    assertThat(map(group.get("owner")).get("type")).isEqualTo("object");
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private static Map<String, Object> schema(String name) {
    Map<String, Object> s = map(map(map(doc.get("components")).get("schemas")).get(name));
    assertWithMessage(name).that(s).isNotNull();
    return s;
  }

  private static String responseRef(Map<String, Object> op, String status) {
    Map<String, Object> response = map(map(op.get("responses")).get(status));
    return map(map(map(response.get("content")).get("application/json")).get("schema")).get("$ref").toString();
  }

  private static void collectRefs(Object node, List<String> out) {
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getKey().equals("$ref")) {
          out.add(e.getValue().toString());
        } else {
          collectRefs(e.getValue(), out);
        }
      }
    } else if (node instanceof List<?> l) {
      l.forEach(item -> collectRefs(item, out));
    }
  }

  private static JavaFileObject src(String path) {
    return JavaFileObjects.forResource(path + ".java");
  }

  private static String resource(Compilation c, String path) throws IOException {
    JavaFileObject file = c.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("not generated: " + path));
    return file.getCharContent(true).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  /** Strict JSON (one value, no duplicate names, nothing after it) into maps, lists and scalars. */
  private static Object parse(String json) throws IOException {
    JsonFactory factory = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    try (JsonParser p = factory.createParser(json)) {
      p.nextToken();
      Object value = read(p);
      assertThat(p.nextToken()).isNull();
      return value;
    }
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          out.put(name, read(p));
        }
        return out;
      }
      case START_ARRAY -> {
        List<Object> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          out.add(read(p));
        }
        return out;
      }
      case VALUE_STRING -> {
        return p.getText();
      }
      case VALUE_NUMBER_INT -> {
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return p.getDoubleValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return p.getBooleanValue();
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new AssertionError("unexpected " + t);
    }
  }
}
