package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kong's error statuses and bodies over real HTTP; every refused request leaves every table as it was and
 * leaks neither stack traces nor SQL.
 */
class AdminErrorsHttpTest extends AdminHttpTestBase {
  private String aliceId;
  private String upstreamId;

  @BeforeEach
  void seed() {
    aliceId = str(http.json("POST", "/consumers", "{\"username\": \"alice\", \"custom_id\": \"a-1\", \"tags\": [\"t\"]}")
        .expect(201).obj().get("id"));
    http.json("POST", "/consumers/alice/key-auth", "{\"key\": \"alice-key\"}").expect(201);
    upstreamId = str(http.json("POST", "/upstreams", "{\"name\": \"svc\"}").expect(201).obj().get("id"));
    http.json("POST", "/upstreams/svc/targets", "{\"target\": \"a:1\", \"host\": \"a\"}").expect(201);
    http.json("POST", "/routes", "{\"name\": \"r\", \"upstream\": {\"id\": \"" + upstreamId + "\"}}").expect(201);
  }

  /** A Kong error body: code, name, message and fields, with exactly the expected field names. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> kongError(Http.Resp r, int status, int code, String name, String... fields) {
    r.expect(status);
    Map<String, Object> body = r.obj();
    assertEquals(Set.of("code", "name", "message", "fields"), body.keySet(), r.body());
    assertEquals((long) code, body.get("code"), r.body());
    assertEquals(name, body.get("name"), r.body());
    assertTrue(body.get("message") instanceof String m && !m.isBlank(), r.body());
    Map<String, Object> f = (Map<String, Object>) body.get("fields");
    if (fields.length > 0) {
      assertEquals(Set.of(fields), f.keySet(), r.body());
    }
    return f;
  }

  private static void message(Http.Resp r, int status, String message) {
    r.expect(status);
    assertEquals(Map.of("message", message), r.obj(), r.body());
  }

  @Test
  void schemaViolationsReportEveryFieldAtOnce() {
    Map<String, Object> f = kongError(unchanged(() -> http.json("POST", "/consumers",
        "{\"username\": 5, \"custom_id\": true, \"tags\": \"x\", \"nope\": 1, \"created_at\": \"yesterday\"}")),
        400, 2, "schema violation", "username", "custom_id", "tags", "nope", "created_at", "@entity");
    assertEquals("unknown field", f.get("nope"));

    kongError(unchanged(() -> http.json("POST", "/consumers", "{}")), 400, 2, "schema violation", "@entity");
    kongError(unchanged(() -> http.json("POST", "/consumers", "{\"username\": \"\", \"custom_id\": \"c\"}")), 400, 2, "schema violation",
        "username");
    kongError(unchanged(() -> http.json("POST", "/upstreams", "{}")), 400, 2, "schema violation", "name");
    kongError(unchanged(() -> http.json("POST", "/upstreams", "{\"name\": \"Bad Name\", \"slots\": 5,"
        + " \"contact\": \"not-an-email\", \"algorithm\": \"NOPE\", \"hash_fallback_headers\": [\"1\", \"2\", \"3\","
        + " \"4\", \"5\", \"6\", \"7\", \"8\", \"9\"], \"labels\": [1], \"healthcheck\": 3, \"id\": \"not-a-uuid\"}")),
        400, 2, "schema violation", "name", "slots", "contact", "algorithm", "hash_fallback_headers", "labels",
        "healthcheck", "id");
    kongError(unchanged(() -> http.json("POST", "/upstreams", "{\"name\": \"ok\", \"slots\": 70000}")), 400, 2,
        "schema violation", "slots");
    kongError(unchanged(() -> http.json("POST", "/upstreams", "{\"name\": \"ok\", \"slots\": 1.5}")), 400, 2,
        "schema violation", "slots");
    kongError(unchanged(() -> http.json("POST", "/upstreams", "{\"name\": \"ok\", \"slots\": 99999999999999999999}")),
        400, 2, "schema violation", "slots");
    kongError(unchanged(() -> http.json("POST", "/targets", "{\"upstream\": {\"id\": \"" + upstreamId
        + "\"}, \"weight\": -1}")), 400, 2, "schema violation", "target", "host", "weight");
    kongError(unchanged(() -> http.json("POST", "/targets", "{\"upstream\": \"" + upstreamId
        + "\", \"target\": \"b:1\", \"host\": \"b\"}")), 400, 2, "schema violation", "upstream");
    kongError(unchanged(() -> http.json("POST", "/routes", "{\"name\": \"x\", \"retires_on\": \"tomorrow\"}")), 400,
        2, "schema violation", "retires_on");
    kongError(unchanged(() -> http.json("POST", "/routes", "{\"name\": null}")), 400, 2, "schema violation", "name");
    kongError(unchanged(() -> http.json("POST", "/consumers", "{\"username\": \"n\", \"tags\": [\"a\", null]}")), 400, 2,
        "schema violation", "tags");
    // PATCH, PUT and nested writes validate the same way
    kongError(unchanged(() -> http.json("PATCH", "/consumers/alice", "{\"username\": 1, \"x\": 2}")), 400, 2,
        "schema violation", "username", "x");
    kongError(unchanged(() -> http.json("PATCH", "/upstreams/svc", "{\"slots\": 1, \"name\": \"\"}")), 400, 2,
        "schema violation", "slots", "name");
    kongError(unchanged(() -> http.json("PATCH", "/upstreams/svc", "{\"protocol\": \"https\"}")), 400, 2,
        "schema violation", "protocol");
    kongError(unchanged(() -> http.json("PATCH", "/consumers/alice", "{\"username\": null, \"custom_id\": null}")),
        400, 2, "schema violation", "@entity");
    kongError(unchanged(() -> http.json("PUT", "/consumers/" + aliceId, "{\"username\": 7, \"custom_id\": \"x\"}")), 400, 2,
        "schema violation", "username");
    kongError(unchanged(() -> http.json("PUT", "/upstreams/svc", "{\"slots\": 1}")), 400, 2, "schema violation",
        "slots");
    kongError(unchanged(() -> http.json("POST", "/upstreams/svc/targets", "{\"weight\": 0}")), 400, 2,
        "schema violation", "target", "host", "weight");
    kongError(unchanged(() -> http.json("POST", "/consumers/alice/key-auth", "{\"key\": 5}")), 400, 2,
        "schema violation", "key");
    // form bodies: typed by the schema, errors alike
    kongError(unchanged(() -> http.form("POST", "/upstreams", "name=ok&slots=many")), 400, 2, "schema violation",
        "slots");
    kongError(unchanged(() -> http.form("POST", "/consumers", "username=bob&nope=1")), 400, 2, "schema violation",
        "nope");
    kongError(unchanged(() -> http.form("POST", "/key-auths", "consumer.id=not-a-uuid")), 400, 2,
        "schema violation", "consumer");
  }

  @Test
  void foreignKeyAndPrimaryKeyErrors() {
    Map<String, Object> f = kongError(unchanged(() -> http.json("POST", "/key-auths", "{\"consumer\": {\"id\": \""
        + UUID.randomUUID() + "\"}}")), 400, 4, "foreign key violation", "consumer");
    assertTrue(f.get("consumer") instanceof String || f.get("consumer") instanceof Map, String.valueOf(f));
    kongError(unchanged(() -> http.form("POST", "/key-auths", "consumer.id=" + UUID.randomUUID())), 400, 4,
        "foreign key violation", "consumer");
    kongError(unchanged(() -> http.json("PUT", "/routes/r2", "{\"upstream\": {\"id\": \"" + UUID.randomUUID()
        + "\"}}")), 400, 4, "foreign key violation", "upstream");
    kongError(unchanged(() -> http.json("PATCH", "/key-auths/alice-key", "{\"consumer\": {\"id\": \""
        + UUID.randomUUID() + "\"}}")), 400, 4, "foreign key violation", "consumer");
    kongError(unchanged(() -> http.json("POST", "/key-auths", "{}")), 400, 2, "schema violation", "consumer");
    // targets have no endpoint key: a PUT needs a primary key
    kongError(unchanged(() -> http.json("PUT", "/targets/not-a-uuid", "{\"target\": \"b:1\", \"host\": \"b\"}")),
        400, 1, "invalid primary key");
    // an upstream with targets cannot be deleted (RESTRICT)
    Map<String, Object> fields = kongError(unchanged(() -> http.delete("/upstreams/svc")), 400, 4,
        "foreign key violation", "@referenced_by");
    assertEquals("targets", fields.get("@referenced_by"));
    kongError(unchanged(() -> http.delete("/upstreams/" + upstreamId)), 400, 4, "foreign key violation",
        "@referenced_by");
  }

  @Test
  void invalidSizeOffsetAndTags() {
    for (String size : List.of("0", "1001", "abc", "-1", "99999999999", "1.5", "")) {
      kongError(unchanged(() -> http.get("/consumers?size=" + size)), 400, 9, "invalid size");
      kongError(unchanged(() -> http.get("/consumers/alice/key-auth?size=" + size)), 400, 9, "invalid size");
    }
    for (String offset : List.of("garbage", "AAAA", "%00", "eyJ4IjoxfQ", UUID.randomUUID().toString(), "")) {
      kongError(unchanged(() -> http.get("/consumers?offset=" + offset)), 400, 7, "invalid offset");
      kongError(unchanged(() -> http.get("/upstreams/svc/targets?offset=" + offset)), 400, 7, "invalid offset");
    }
    kongError(unchanged(() -> http.get("/consumers?tags=a,b,c,d,e,f")), 400, 11, "invalid options", "tags");
    kongError(unchanged(() -> http.get("/consumers?tags=a,b/c")), 400, 11, "invalid options", "tags");
    kongError(unchanged(() -> http.get("/consumers?tags=a,,b")), 400, 11, "invalid options", "tags");
    kongError(unchanged(() -> http.get("/upstreams?tags=a")), 400, 11, "invalid options", "tags");
  }

  @Test
  void notFoundIsKongsBody() {
    for (String path : List.of("/consumers/nobody", "/consumers/" + UUID.randomUUID(), "/key-auths/nothing",
        "/upstreams/none", "/targets/" + UUID.randomUUID(), "/targets/not-a-uuid", "/routes/none",
        "/key-auths/nothing/consumer", "/consumers/nobody/key-auth", "/nothing", "/schemas/nothing")) {
      message(unchanged(() -> http.get(path)), 404, "Not found");
    }
    message(unchanged(() -> http.json("PATCH", "/consumers/nobody", "{\"custom_id\": \"x\"}")), 404, "Not found");
    message(unchanged(() -> http.json("PATCH", "/consumers/" + UUID.randomUUID(), "{}")), 404, "Not found");
    message(unchanged(() -> http.json("PATCH", "/upstreams/svc/targets/" + UUID.randomUUID(), "{}")), 404,
        "Not found");
    message(unchanged(() -> http.json("POST", "/schemas/nothing/validate", "{}")), 404, "Not found");
  }

  @Test
  void uniqueViolationsAre409() {
    Map<String, Object> f = kongError(unchanged(() -> http.json("POST", "/consumers", "{\"username\": \"alice\"}")),
        409, 5, "unique constraint violation", "username");
    assertTrue(f.get("username") instanceof String, String.valueOf(f));
    kongError(unchanged(() -> http.form("POST", "/consumers", "username=alice")), 409, 5,
        "unique constraint violation");
    http.json("POST", "/consumers", "{\"username\": \"bob\"}").expect(201);
    kongError(unchanged(() -> http.json("PATCH", "/consumers/bob", "{\"username\": \"alice\"}")), 409, 5,
        "unique constraint violation");
    kongError(unchanged(() -> http.json("PUT", "/consumers/bob", "{\"custom_id\": \"a-1\"}")), 409, 5,
        "unique constraint violation");
    kongError(unchanged(() -> http.json("POST", "/key-auths", "{\"key\": \"alice-key\", \"consumer\": {\"id\": \""
        + aliceId + "\"}}")), 409, 5, "unique constraint violation");
    kongError(unchanged(() -> http.json("POST", "/upstreams/svc/targets", "{\"target\": \"a:1\", \"host\": \"a\"}")),
        409, 5, "unique constraint violation");
    kongError(unchanged(() -> http.json("POST", "/consumers", "{\"id\": \"" + aliceId + "\", \"username\": \"z\"}")),
        400, 3, "primary key violation");
  }

  @Test
  void unparsableAndUnsupportedBodies() {
    String cannotParse = "Cannot parse JSON body";
    message(unchanged(() -> http.send("POST", "/consumers", "text/plain", "username=x".getBytes(StandardCharsets.UTF_8),
        Map.of())), 415, unsupported());
    message(unchanged(() -> http.send("PATCH", "/consumers/alice", "application/xml", "<a/>".getBytes(
        StandardCharsets.UTF_8), Map.of())), 415, unsupported());
    for (String bad : List.of("{\"username\": ", "{\"username\": \"x\"", "{\"username\" \"x\"}", "[1]", "\"x\"",
        "null", "42", "{\"a\":1} {}", "{'username': 'x'}", "{\"username\": \"x\", \"username\": \"y\"}",
        "{\"tags\": [" + "[".repeat(100) + "]".repeat(100) + "]}", "{\"username\": NaN}", "{} trailing")) {
      message(unchanged(() -> http.json("POST", "/consumers", bad)), 400, cannotParse);
      message(unchanged(() -> http.json("PATCH", "/consumers/alice", bad)), 400, cannotParse);
      message(unchanged(() -> http.json("PUT", "/consumers/alice", bad)), 400, cannotParse);
      message(unchanged(() -> http.json("POST", "/consumers/alice/key-auth", bad)), 400, cannotParse);
      message(unchanged(() -> http.json("POST", "/schemas/consumers/validate", bad)), 400, cannotParse);
    }
    byte[] invalidUtf8 = {'{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
        '"', '}'};
    message(unchanged(() -> http.send("POST", "/consumers", "application/json", invalidUtf8, Map.of())), 400,
        cannotParse);
    message(unchanged(() -> http.send("POST", "/consumers", null, invalidUtf8, Map.of())), 400, cannotParse);
    byte[] overlong = {'{', '"', 'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF,
        '"', '}'};
    message(unchanged(() -> http.send("POST", "/consumers", "application/json; charset=utf-8", overlong, Map.of())),
        400, cannotParse);
    Http.Resp form = unchanged(() -> http.send("POST", "/consumers", Http.FORM, Arrays.copyOf(
        "username=%E0%A4%A".getBytes(StandardCharsets.UTF_8), 17), Map.of()));
    form.expect(400);
    form = unchanged(() -> http.form("POST", "/consumers", "username=a&username.x=b"));
    form.expect(400);
  }

  private static String unsupported() {
    return "Unsupported Content-Type: use application/json or application/x-www-form-urlencoded";
  }

  @Test
  void bodiesOverTheLimitAre413() {
    AdminOptions small = AdminOptions.defaults().withPort(0).withMaxBodyBytes(64);
    JettyAdminServer limited = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), small), small);
    limited.start();
    try {
      Http h = new Http("http://127.0.0.1:" + limited.address().getPort());
      String big = "{\"username\": \"" + "x".repeat(100) + "\"}";
      message(unchanged(() -> h.json("POST", "/consumers", big)), 413, "Request body too large");
      message(unchanged(() -> h.json("PUT", "/consumers/zed", big)), 413, "Request body too large");
      message(unchanged(() -> h.form("POST", "/consumers", "username=" + "y".repeat(200))), 413,
          "Request body too large");
      String exact = "{\"username\": \"" + "x".repeat(64 - 16) + "\"}";
      assertEquals(64, exact.getBytes(StandardCharsets.UTF_8).length);
      h.json("POST", "/consumers", exact).expect(201);
    } finally {
      limited.close();
    }
  }
}
