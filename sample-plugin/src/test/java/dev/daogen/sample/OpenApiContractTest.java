package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated OpenAPI document is valid for a real OpenAPI 3.1 parser, and it describes what the admin API
 * actually answers: real requests over HTTP, each response checked against the schema that the document declares
 * for its route, method and status (property names, JSON types, enums and formats).
 */
class OpenApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESOURCE = "META-INF/daogen/key-auth/openapi.json";

  private static JettyAdminServer server;
  private static HttpClient http;
  private static String base;
  private static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    TestDatabase.reset();
    AdminOptions options = AdminOptions.defaults().withPort(0);
    server = new JettyAdminServer(new AdminApi(TestDatabase.get(), options), options);
    server.start();
    base = "http://127.0.0.1:" + server.address().getPort();
    http = HttpClient.newHttpClient();
    doc = JSON.readTree(send("GET", "/openapi.json", null, null).body());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void generatedDocumentIsValidOpenApi31() throws IOException {
    String generated;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
      assertNotNull(in, RESOURCE + " is not on the class path");
      generated = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String text : List.of(generated, JSON.writeValueAsString(doc))) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
      assertNotNull(result.getOpenAPI(), "not parsed: " + result.getMessages());
      assertEquals(List.of(), result.getMessages());
      assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
      assertTrue(result.getOpenAPI().getPaths().containsKey("/consumers/{consumers}/key-auth/{key-auths}"));
    }
    // what the server serves is the plugin's document (the only plugin here)
    assertEquals(JSON.readTree(generated), doc);
  }

  @Test
  void responsesMatchTheDocument() throws Exception {
    TestDatabase.reset();
    HttpResponse<String> created = check("POST", "/consumers", "/consumers", "application/json",
        "{\"username\": \"alice\", \"tags\": [\"gold\"]}", 201);
    String id = JSON.readTree(created.body()).get("id").asText();
    check("POST", "/consumers", "/consumers", "application/x-www-form-urlencoded", "username=bob&custom_id=b-1",
        201);

    check("GET", "/consumers/" + id, "/consumers/{consumers}", null, null, 200);
    check("GET", "/consumers/alice", "/consumers/{consumers}", null, null, 200);

    // a page with a next page, then the last one
    JsonNode first = JSON.readTree(check("GET", "/consumers?size=1", "/consumers", null, null, 200).body());
    assertTrue(first.has("offset"));
    assertTrue(first.get("next").isTextual());
    JsonNode last = JSON.readTree(check("GET", first.get("next").asText(), "/consumers", null, null, 200).body());
    assertFalse(last.has("offset"));
    assertTrue(last.get("next").isNull());

    // a credential created under its consumer (form body, nothing required), read through both routes
    HttpResponse<String> key = check("POST", "/consumers/alice/key-auth", "/consumers/{consumers}/key-auth",
        "application/x-www-form-urlencoded", "", 201);
    String keyId = JSON.readTree(key.body()).get("id").asText();
    check("GET", "/key-auths/" + keyId, "/key-auths/{key-auths}", null, null, 200);
    check("GET", "/key-auths/" + keyId + "/consumer", "/key-auths/{key-auths}/consumer", null, null, 200);
    check("GET", "/consumers/alice/key-auth", "/consumers/{consumers}/key-auth", null, null, 200);

    // every kind of field: enum, nested record, list, map, defaults
    check("POST", "/upstreams", "/upstreams", "application/json", "{\"name\": \"svc.local\","
        + " \"healthcheck\": {\"path\": \"/health\", \"interval_seconds\": 5, \"healthy_statuses\": [200]},"
        + " \"hash_fallback_headers\": [\"x-user\"], \"labels\": {\"team\": \"core\"}}", 201);
    check("PATCH", "/upstreams/svc.local", "/upstreams/{upstreams}", "application/json",
        "{\"algorithm\": \"LEAST_CONNECTIONS\"}", 200);
    check("POST", "/upstreams/svc.local/targets", "/upstreams/{upstreams}/targets", "application/json",
        "{\"target\": \"10.0.0.1:80\", \"host\": \"10.0.0.1\"}", 201);
    check("POST", "/routes", "/routes", "application/json",
        "{\"name\": \"r1\", \"upstream\": {\"id\": null}, \"retires_on\": \"2030-01-31\"}", 400);
    check("POST", "/routes", "/routes", "application/json", "{\"name\": \"r1\", \"retires_on\": \"2030-01-31\"}",
        201);

    // errors: field errors, an unreadable body, a bad page size, a taken name, not found, an empty delete
    check("POST", "/consumers", "/consumers", "application/json", "{\"username\": 5, \"bogus\": true}", 400);
    check("POST", "/consumers", "/consumers", "application/json", "{not json", 400);
    check("GET", "/consumers?size=0", "/consumers", null, null, 400);
    check("POST", "/consumers", "/consumers", "application/json", "{\"username\": \"alice\"}", 409);
    check("POST", "/consumers", "/consumers", "text/plain", "username=carol", 415);
    check("GET", "/consumers/nobody", "/consumers/{consumers}", null, null, 404);
    check("GET", "/consumers/nobody/key-auth", "/consumers/{consumers}/key-auth", null, null, 404);
    check("DELETE", "/consumers/" + UUID.randomUUID(), "/consumers/{consumers}", null, null, 204);

    check("POST", "/schemas/consumers/validate", "/schemas/consumers/validate", "application/json",
        "{\"username\": \"dave\"}", 200);
    check("GET", "/schemas/consumers", "/schemas/consumers", null, null, 200);
  }

  /** The checks above are not vacuous: the parser and the schema check both reject what does not fit. */
  @Test
  void checksRejectMismatches() throws Exception {
    ObjectNode broken = doc.deepCopy();
    broken.remove("info");
    ((ObjectNode) broken.path("paths").path("/consumers").path("get"))
        .remove("responses");
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(JSON.writeValueAsString(broken), null,
        new ParseOptions());
    assertFalse(result.getMessages().isEmpty());

    JsonNode consumer = JSON.readTree("{\"$ref\": \"#/components/schemas/Consumer\"}");
    JsonNode valid = JSON.readTree("{\"id\": \"" + UUID.randomUUID() + "\", \"created_at\": 1, \"updated_at\": 1.5,"
        + " \"username\": \"a\", \"custom_id\": null, \"tags\": [\"x\"]}");
    assertMatches(consumer, valid, "valid");
    // JsonNode.toString() is compact: {"id":"…","created_at":1,…}
    for (String wrong : List.of("{\"message\": \"Not found\"}", // another shape
        valid.toString().replace("\"tags\":[\"x\"]", "\"tags\":\"x\""), // a wrong type
        valid.toString().replace("\"created_at\":1", "\"created_at\":\"2024-01-01T00:00:00Z\""), // ISO text
        valid.toString().replace("}", ",\"extra\":1}"), // an undeclared property
        valid.toString().replace("\"custom_id\":null,", ""))) { // a missing one
      assertThrows(AssertionError.class,
          () -> assertMatches(consumer, JSON.readTree(wrong), "wrong"), wrong);
    }
  }

  // ---- checking responses against the document ---------------------------------------------------------------

  /**
   * Sends a request, asserts its status, and checks the response against the document's schema for {@code
   * template}, the method and the status.
   */
  private static HttpResponse<String> check(String method, String path, String template, String contentType,
      String body, int status) throws Exception {
    HttpResponse<String> response = send(method, path, contentType, body);
    String where = method + " " + path;
    assertEquals(status, response.statusCode(), where + ": " + response.body());
    JsonNode operation = doc.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    assertFalse(operation.isMissingNode(), "the document has no " + method + " " + template);
    JsonNode declared = operation.path("responses").path(Integer.toString(status));
    assertFalse(declared.isMissingNode(), "the document has no status " + status + " for " + method + " " + template);
    JsonNode content = declared.path("content");
    if (status == 204) {
      assertTrue(content.isMissingNode(), where + ": a 204 has no content");
      assertEquals("", response.body());
      return response;
    }
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), where);
    JsonNode schema = content.path("application/json").path("schema");
    assertFalse(schema.isMissingNode(), where + ": no JSON schema declared");
    assertMatches(schema, JSON.readTree(response.body()), where);
    return response;
  }

  private static JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      assertTrue(ref.startsWith("#/components/schemas/"), ref);
      schema = doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
      assertFalse(schema.isMissingNode(), "unresolved " + ref);
    }
    return schema;
  }

  /**
   * Names, JSON types, enums and formats of {@code value} are what {@code schema} declares: every property
   * declared, every required one present (entities require all of theirs), each of a declared type.
   */
  private static void assertMatches(JsonNode schema, JsonNode value, String where) {
    schema = resolve(schema);
    if (schema.has("oneOf") || schema.has("anyOf")) {
      boolean one = schema.has("oneOf");
      List<String> failures = new ArrayList<>();
      int matched = 0;
      for (JsonNode alternative : schema.get(one ? "oneOf" : "anyOf")) {
        try {
          assertMatches(alternative, value, where);
          matched++;
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
      if (one ? matched != 1 : matched == 0) {
        fail(where + ": " + matched + " alternatives matched " + value + ": " + failures);
      }
      return;
    }
    String type = jsonType(value);
    Set<String> allowed = new TreeSet<>();
    JsonNode declared = schema.get("type");
    assertNotNull(declared, where + ": no type declared in " + schema);
    if (declared.isArray()) {
      declared.forEach(t -> allowed.add(t.asText()));
    } else {
      allowed.add(declared.asText());
    }
    assertTrue(allowed.contains(type) || type.equals("integer") && allowed.contains("number"),
        where + ": " + value + " is " + type + ", declared " + allowed);
    if (value.isNull()) {
      return;
    }
    if (schema.has("enum")) {
      boolean listed = false;
      for (JsonNode e : schema.get("enum")) {
        listed |= e.equals(value);
      }
      assertTrue(listed, where + ": " + value + " is not one of " + schema.get("enum"));
    }
    if (value.isTextual() && schema.has("format")) {
      String text = value.asText();
      switch (schema.get("format").asText()) {
        case "uuid" -> UUID.fromString(text);
        case "date-time" -> Instant.parse(text);
        case "date" -> LocalDate.parse(text);
        case "email" -> assertTrue(text.contains("@"), where);
        default -> fail(where + ": unexpected format " + schema.get("format"));
      }
    }
    if (value.isObject() && schema.has("properties")) {
      Set<String> names = new TreeSet<>();
      value.fieldNames().forEachRemaining(names::add);
      Set<String> properties = new TreeSet<>();
      schema.get("properties").fieldNames().forEachRemaining(properties::add);
      Set<String> required = new TreeSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      assertTrue(properties.containsAll(names), where + ": undeclared properties in " + names + ", declared "
          + properties);
      assertTrue(names.containsAll(required), where + ": required properties missing in " + names + ", required "
          + required);
      for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertMatches(schema.get("properties").get(name), value.get(name), where + " ." + name);
      }
    } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
      for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        assertMatches(schema.get("additionalProperties"), value.get(name), where + " ." + name);
      }
    } else if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        assertMatches(schema.get("items"), value.get(i), where + " [" + i + "]");
      }
    }
  }

  private static String jsonType(JsonNode value) {
    return switch (value.getNodeType()) {
      case NULL -> "null";
      case BOOLEAN -> "boolean";
      case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
      case STRING -> "string";
      case ARRAY -> "array";
      case OBJECT -> "object";
      default -> throw new AssertionError("not JSON: " + value);
    };
  }

  private static HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
