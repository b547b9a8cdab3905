package dev.daogen.sample.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import dev.daogen.sample.admin.Http;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of hostile requests against the admin API over real HTTP (and raw sockets where HttpClient
 * refuses to send something). Every request gets a 4xx, or a 2xx where the input is legitimately valid; none gets a
 * 5xx; no response leaks internals; the server stays up; requests that must not write leave the md5 of every
 * table unchanged, and valid hostile-looking values are stored verbatim.
 */
class HostileInputTest {
  private static final int MAX_BODY = 256 * 1024;
  private static JettyAdminServer server;
  private static Wire wire;

  /** Values that look like attacks on SQL, paths, templates or parsers. */
  static final List<String> NASTY = List.of(
      "'; drop table consumers; --", "' or '1'='1", "\" or \"\"=\"", "1; select pg_sleep(5)--",
      "admin'--", "') union select * from schema_meta --", "$$; truncate consumers; $$", "\\'; drop table x; --",
      "%27%20or%201=1", "${jndi:ldap://x/a}", "{{7*7}}", "../../etc/passwd", "..\\..\\windows", "<script>x</script>",
      "\u202Eevil", "名前", "😀", "a\tb\nc", "\"quoted\"", "back\\slash", "null", "true", "0", "-1", "1e9",
      "consumers", "\"consumers\"", "E'\\x00'", "x' ; commit; drop table targets; --", "?", "&", "=", "#", "%",
      "+", " ");

  @BeforeAll
  static void start() {
    AdminOptions options = AdminOptions.defaults().withPort(0).withMaxBodyBytes(MAX_BODY);
    server = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options);
    server.start();
    wire = new Wire(server.address().getPort(), Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** One hostile request and the statuses it may get. */
  record Case(String category, String method, String path, String contentType, byte[] body,
      Map<String, String> headers, Set<Integer> allowed, byte[] raw) {
    String describe() {
      String b = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
      return category + ": " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " "
          + b.replace("\n", "\\n");
    }
  }

  /** What the client itself sent may come back in an error message (quoted); that is no leak. */
  private static final List<String> ECHOES = NASTY.stream().flatMap(n -> java.util.stream.Stream.of(n,
      q(n).substring(1, q(n).length() - 1))).sorted((a, b) -> b.length() - a.length()).toList();

  private final List<Case> corpus = new ArrayList<>();
  private String aliceId;
  private String upstreamId;

  private static final Set<Integer> CLIENT_ERROR = Set.of(400, 404, 405, 409, 413, 415);

  private void add(String category, String method, String path, String contentType, byte[] body,
      Map<String, String> headers, Set<Integer> allowed) {
    corpus.add(new Case(category, method, path, contentType, body, headers, allowed, null));
  }

  private void json(String category, String method, String path, String body, Set<Integer> allowed) {
    add(category, method, path, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of(), allowed);
  }

  private void bad(String category, String method, String path, String body) {
    json(category, method, path, body, Set.of(400));
  }

  private void raw(String category, String request, Set<Integer> allowed) {
    raw(category, Wire.ascii(request), allowed);
  }

  private void raw(String category, byte[] request, Set<Integer> allowed) {
    corpus.add(new Case(category, "RAW", new String(request, 0, Math.min(60, request.length),
        StandardCharsets.ISO_8859_1).replace("\r\n", "⏎"), null, null, Map.of(), allowed, request));
  }

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void seed() {
    AdminTestSupport.reset();
    aliceId = (String) obj(wire.json("POST", "/consumers", "{\"username\": \"alice\", \"tags\": [\"t\"]}"), 201)
        .get("id");
    obj(wire.json("POST", "/consumers/alice/key-auth", "{\"key\": \"alice-key\"}"), 201);
    upstreamId = (String) obj(wire.json("POST", "/upstreams", "{\"name\": \"svc\", \"healthcheck\": {\"path\": \"/h\","
        + " \"interval_seconds\": 5}}"), 201).get("id");
    obj(wire.json("POST", "/upstreams/svc/targets", "{\"target\": \"a:1\", \"host\": \"a\"}"), 201);
    obj(wire.json("POST", "/routes", "{\"name\": \"r\", \"upstream\": {\"id\": \"" + upstreamId + "\"}}"), 201);
  }

  private static Map<String, Object> obj(Wire.Resp r, int status) {
    assertEquals(status, r.status(), r::toString);
    Object v = Http.parse(r.body());
    assertTrue(v instanceof Map, r::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) v;
    return m;
  }

  // ---- the corpus ------------------------------------------------------------------------------------------

  private void buildCorpus() {
    List<String[]> writers = List.of(new String[] {"POST", "/consumers"}, new String[] {"PUT", "/consumers/bob"},
        new String[] {"PATCH", "/consumers/alice"}, new String[] {"POST", "/upstreams"},
        new String[] {"PUT", "/upstreams/svc"}, new String[] {"POST", "/consumers/alice/key-auth"},
        new String[] {"POST", "/schemas/consumers/validate"}, new String[] {"PATCH", "/upstreams/svc"},
        new String[] {"POST", "/upstreams/svc/targets"});

    // malformed JSON
    List<String> malformed = List.of("{", "}", "[", "]", "{\"username\":", "{\"username\": \"a\"",
        "{\"username\": \"a\",}", "[]", "[{\"username\": \"zz\"}]", "null", "1", "\"str\"", "true",
        "{'username': 'zz'}", "{\"username\": \"zz\"} {}", "{\"username\": \"zz\"}x", "{\"username\": \"zz\"}]",
        "{\"name\":\"zz\",\"name\":\"yy\"}", "{\"username\":\"zz\",\"username\":\"yy\"}", "{username: zz}",
        "{\"username\": NaN}", "{\"slots\": Infinity}", "{\"slots\": -Infinity}", "{\"slots\": 01}",
        "{\"slots\": .5}", "{\"slots\": 1.}", "{\"slots\": +1}", "{\"username\": tru}", "{\"username\": nul}",
        "{\"username\": \"a\\x41\"}", "{\"username\": \"\\u00\"}", "{\"username\": \"\\ud800\"}",
        "{\"username\": \"tab\there\"}", "{\"username\" \"zz\"}", "{,}", "{\"username\":\"zz\";}",
        "/* comment */ {\"username\": \"zz\"}", "{\"username\": \"zz\"} // c", "{\"slots\": 0x10}",
        "{\"slots\": 1e99999}", "{\"slots\": " + "9".repeat(150) + "}", "\u0000", "{\"a\":\u0000}",
        "{\"username\": 'zz'}", "{\"tags\": [\"a\",]}", "{\"tags\": [,\"a\"]}", "{\"tags\": [\"a\" \"b\"]}",
        " ", "\n\n", "{\"username\": \"zz\"}\u0000");
    for (String body : malformed) {
      for (String[] w : writers) {
        bad("malformed-json", w[0], w[1], body);
      }
    }

    // truncated JSON: every proper prefix of valid bodies
    List<String> valid = List.of("{\"username\": \"trunc\", \"custom_id\": \"c-1\", \"tags\": [\"a\", \"b\"]}",
        "{\"name\": \"trunc-up\", \"slots\": 100, \"healthcheck\": {\"path\": \"/x\", \"interval_seconds\": 2},"
            + " \"labels\": {\"k\": \"v\"}}");
    for (String body : valid) {
      String path = body.contains("slots") ? "/upstreams" : "/consumers";
      for (int i = 0; i < body.length(); i++) {
        if (body.substring(0, i).isBlank()) {
          continue;
        }
        bad("truncated-json", i % 2 == 0 ? "POST" : "PUT", i % 2 == 0 ? path : path + "/trunc", body.substring(0, i));
      }
    }

    // wrong types, field by field
    Map<String, List<String>> consumerWrong = new LinkedHashMap<>();
    List<String> notString = List.of("1", "-1", "1.5", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\": 1}",
        "99999999999999999999999", "1e400");
    consumerWrong.put("username", concat(notString, List.of("\"\"", q("x".repeat(129)), q("a\u0000b"))));
    consumerWrong.put("custom_id", concat(notString, List.of(q("\u0000"))));
    consumerWrong.put("tags", List.of("\"t\"", "1", "true", "{}", "[1]", "[null]", "[[\"a\"]]", "[{}]",
        "[\"a\", 2]", "[\"ok\", \"" + "\u0000" + "\"]"));
    consumerWrong.put("id", List.of("\"not-a-uuid\"", "1", "true", "[]", "{}", q("' or 1=1 --"),
        "\"00000000-0000-0000-0000-00000000000g\"", "\"" + UUID.randomUUID() + "x\""));
    consumerWrong.put("created_at", List.of("\"yesterday\"", "true", "[]", "{}", "1e400",
        "99999999999999999999999", "-99999999999999999999", "\"2024-01-01T00:00:00Z\""));
    for (var field : consumerWrong.entrySet()) {
      for (String v : field.getValue()) {
        String body = field.getKey().equals("username") ? "{\"username\": " + v + "}"
            : "{\"username\": \"wrong-types\", " + q(field.getKey()) + ": " + v + "}";
        bad("wrong-type", "POST", "/consumers", body);
        if (!field.getKey().equals("username")) {
          // PUT /consumers/{username}: the path supplies the username, the body's is not used
          bad("wrong-type", "PUT", "/consumers/wrong-types", body);
        }
        bad("wrong-type", "PATCH", "/consumers/alice", body);
      }
    }
    Map<String, List<String>> upstreamWrong = new LinkedHashMap<>();
    upstreamWrong.put("slots", List.of("\"10\"", "1.5", "true", "[]", "{}", "5", "70000", "-1",
        "99999999999999999999", "2147483648", "1e3"));
    upstreamWrong.put("algorithm", List.of("\"NOPE\"", "\"round_robin\"", "1", "[]", "{}", q("' or 1=1")));
    upstreamWrong.put("healthcheck", List.of("1", "\"x\"", "[]", "true", "{\"path\": 1, \"interval_seconds\": 1}",
        "{\"path\": \"/p\", \"interval_seconds\": \"x\"}", "{\"path\": \"/p\", \"interval_seconds\": 1.5}",
        "{\"path\": \"/p\", \"interval_seconds\": 1, \"healthy_statuses\": \"200\"}",
        "{\"path\": \"/p\", \"interval_seconds\": 1, \"healthy_statuses\": [\"200\"]}",
        "{\"path\": \"/p\", \"interval_seconds\": 1, \"unknown\": 1}",
        "{\"path\": \"/p\", \"interval_seconds\": 1, \"'; drop table upstreams; --\": 1}",
        "{\"interval_seconds\": 1}", "{\"path\": \"/p\"}", "{}",
        "{\"path\": \"/p\", \"interval_seconds\": 99999999999999}",
        "{\"path\": \"/p\", \"interval_seconds\": 1, \"healthy_statuses\": [null]}"));
    upstreamWrong.put("hash_fallback_headers", List.of("\"h\"", "[1]", "{}", "[\"1\",\"2\",\"3\",\"4\",\"5\","
        + "\"6\",\"7\",\"8\",\"9\"]"));
    upstreamWrong.put("labels", List.of("[]", "\"x\"", "1", "{\"k\": 1}", "{\"k\": {}}", "{\"k\": [\"v\"]}",
        "{\"k\": true}"));
    upstreamWrong.put("contact", List.of("\"not-an-email\"", "1", "[]", q("a@b'; drop table x;--")));
    upstreamWrong.put("name", List.of("\"Bad Name\"", "\"\"", "\"   \"", q("x".repeat(65)), q("'; drop --"), "1"));
    for (var field : upstreamWrong.entrySet()) {
      for (String v : field.getValue()) {
        String body = field.getKey().equals("name") ? "{\"name\": " + v + "}"
            : "{\"name\": \"wrong-up\", " + q(field.getKey()) + ": " + v + "}";
        bad("wrong-type", "POST", "/upstreams", body);
        if (!field.getKey().equals("name")) {
          bad("wrong-type", "PUT", "/upstreams/wrong-up", body);
        }
        bad("wrong-type", "PATCH", "/upstreams/svc", body);
      }
    }
    for (String v : List.of("1", "\"x\"", "{}", "{\"id\": 1}", "{\"id\": \"nope\"}", "{\"id\": null}",
        "{\"id\": \"" + aliceId + "\", \"x\": 1}", "{\"ID\": \"" + aliceId + "\"}", "[\"" + aliceId + "\"]",
        "{\"id\": \"" + UUID.randomUUID() + "\"}", "{\"id\": " + q("' or 1=1 --") + "}")) {
      bad("wrong-type", "POST", "/key-auths", "{\"consumer\": " + v + "}");
      bad("wrong-type", "POST", "/routes", "{\"name\": \"r2\", \"upstream\": " + v + "}");
      bad("wrong-type", "POST", "/targets", "{\"target\": \"b:1\", \"host\": \"b\", \"upstream\": " + v + "}");
    }

    // unknown fields (keys are hostile too)
    List<String> keys = new ArrayList<>(NASTY);
    keys.addAll(List.of("", "__proto__", "constructor", "ID", "Username", "user name", "username ", "tags[]",
        "consumer.id", "k".repeat(5000), "created_at\u0000", "\u0000"));
    for (String key : keys) {
      bad("unknown-field", "POST", "/consumers", "{\"username\": \"unk\", " + q(key) + ": 1}");
      bad("unknown-field", "PATCH", "/consumers/alice", "{" + q(key) + ": \"x\"}");
      bad("unknown-field", "POST", "/upstreams", "{\"name\": \"unk\", " + q(key) + ": \"x\"}");
    }

    // huge bodies and deep nesting
    String huge = "{\"username\": \"" + "a".repeat(MAX_BODY + 10) + "\"}";
    for (String[] w : writers) {
      json("huge-body", w[0], w[1], huge, Set.of(413));
    }
    json("huge-body", "POST", "/consumers", "{\"username\": \"big\", \"custom_id\": " + q("c".repeat(MAX_BODY - 100))
        + ", \"nope\": 1}", Set.of(400));
    StringBuilder manyTags = new StringBuilder("{\"username\": \"tags\", \"tags\": [");
    for (int i = 0; i < 20_000; i++) {
      manyTags.append(i == 0 ? "" : ",").append(i);
    }
    bad("huge-body", "POST", "/consumers", manyTags.append("]}").toString());
    StringBuilder manyFields = new StringBuilder("{\"username\": \"fields\"");
    for (int i = 0; i < 5_000; i++) {
      manyFields.append(", \"f").append(i).append("\": ").append(i);
    }
    bad("huge-body", "POST", "/consumers", manyFields.append("}").toString());
    for (int depth : List.of(33, 100, 1_000, 50_000)) {
      for (String[] w : writers) {
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        String objects = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String body1 = "{\"username\": \"deep\", \"tags\": " + arrays + "}";
        String body2 = "{\"name\": \"deep\", \"healthcheck\": " + objects + "}";
        json("deep-nesting", w[0], w[1], body1, body1.length() > MAX_BODY ? Set.of(413) : Set.of(400));
        json("deep-nesting", w[0], w[1], body2, body2.length() > MAX_BODY ? Set.of(413) : Set.of(400));
      }
    }

    // invalid UTF-8 in bodies
    List<byte[]> badBytes = List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF},
        new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
            (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
    for (byte[] b : badBytes) {
      for (String[] w : writers) {
        add("invalid-utf8", w[0], w[1], "application/json", concat(Wire.ascii("{\"username\": \"x"), b,
            Wire.ascii("y\", \"name\": \"x" ), b, Wire.ascii("\"}")), Map.of(), Set.of(400));
        add("invalid-utf8", w[0], w[1], "application/x-www-form-urlencoded",
            concat(Wire.ascii("username=x"), b, Wire.ascii("&name=y")), Map.of(), Set.of(400));
      }
      add("invalid-utf8", "POST", "/consumers", "application/json", concat(Wire.ascii("{\""), b,
          Wire.ascii("\": 1, \"username\": \"k\"}")), Map.of(), Set.of(400));
    }

    // form bodies that are wrong
    for (String form : List.of("username=%zz", "username=%", "username[]=a&username[]=b", "tags.x=1",
        "consumer=1&consumer.id=2", "consumer.id=2&consumer=1", "username=u&nope=1", "custom_id=%00",
        "username=a%00b", "username=&custom_id=", "tags[]=" + enc("\u0000"), "username=" + "a".repeat(200),
        "id=not-a-uuid&username=f", "created_at=yesterday&username=f")) {
      add("form", "POST", "/consumers", "application/x-www-form-urlencoded", Wire.ascii(form), Map.of(),
          Set.of(400));
    }
    for (String form : List.of("name=f1&slots=abc", "name=f1&slots=1.5", "name=f1&slots=", "name=f1&algorithm=x",
        "name=f1&healthcheck.path=/p&healthcheck.interval_seconds=abc", "name=f1&healthcheck=1",
        "name=f1&healthcheck.path=/p&healthcheck.nope=1&healthcheck.interval_seconds=1", "name=f1&labels=x",
        "name=f1&healthcheck.interval_seconds=3")) {
      add("form", "POST", "/upstreams", "application/x-www-form-urlencoded", Wire.ascii(form), Map.of(),
          Set.of(400));
    }

    // SQL injection and other nasty strings in path segments, in endpoint keys of writes, and in parameters
    List<String> collections = List.of("consumers", "key-auths", "upstreams", "targets", "routes");
    for (String nasty : NASTY) {
      String seg = enc(nasty);
      for (String c : collections) {
        add("nasty-path", "GET", "/" + c + "/" + seg, null, null, Map.of(), Set.of(404));
        add("nasty-path", "DELETE", "/" + c + "/" + seg, null, null, Map.of(), Set.of(204, 404));
        json("nasty-path", "PATCH", "/" + c + "/" + seg, "{}", Set.of(404));
      }
      add("nasty-path", "GET", "/consumers/" + seg + "/key-auth", null, null, Map.of(), Set.of(404));
      add("nasty-path", "GET", "/consumers/alice/key-auth/" + seg, null, null, Map.of(), Set.of(404));
      add("nasty-path", "GET", "/key-auths/" + seg + "/consumer", null, null, Map.of(), Set.of(404));
      add("nasty-path", "GET", "/schemas/" + seg, null, null, Map.of(),
          nasty.equals("consumers") ? Set.of(200) : Set.of(404));
      add("nasty-path", "GET", "/cache/" + seg, null, null, Map.of(), Set.of(404));
      // a write naming an endpoint key that is invalid for the entity (upstream names are [a-z0-9.-]+)
      if (!nasty.matches("[a-z0-9.-]+")) {
        json("nasty-path", "PUT", "/upstreams/" + seg, "{\"slots\": 100}", Set.of(400));
      }
      for (String c : List.of("consumers", "upstreams", "routes", "consumers/alice/key-auth")) {
        add("nasty-query", "GET", "/" + c + "?offset=" + enc(nasty), null, null, Map.of(), Set.of(400));
        add("nasty-query", "GET", "/" + c + "?size=" + enc(nasty), null, null, Map.of(), Set.of(400));
      }
      add("nasty-query", "GET", "/consumers?tags=" + enc(nasty), null, null, Map.of(), Set.of(200, 400));
      add("nasty-query", "GET", "/routes?tags=" + enc(nasty + "," + nasty), null, null, Map.of(), Set.of(200, 400));
      add("nasty-query", "GET", "/consumers?" + enc(nasty) + "=" + enc(nasty), null, null, Map.of(), Set.of(200));
      if (!nasty.matches("[a-z0-9.-]+")) {
        bad("nasty-value", "POST", "/upstreams", "{\"name\": " + q(nasty) + "}");
      }
    }
    for (String tags : List.of("a,b,c,d,e,f", "a/b", ",", "a,,b", "a/", "/", "", " ", "\u0000", "a%00")) {
      add("nasty-query", "GET", "/consumers?tags=" + enc(tags), null, null, Map.of(), Set.of(200, 400));
    }
    add("nasty-query", "GET", "/upstreams?tags=a", null, null, Map.of(), Set.of(400));
    add("nasty-query", "GET", "/consumers?tags=" + "t".repeat(5000), null, null, Map.of(), Set.of(200, 400));

    // sizes
    for (String size : List.of("-1", "0", "1001", "1000000", "2147483648", "99999999999999999999999", "-0", "abc",
        "1e3", "1.5", "0x10", "%20", "", "+5", "١٢", "NaN", "5;", "5%00")) {
      for (String c : List.of("/consumers", "/key-auths", "/upstreams", "/targets", "/routes",
          "/consumers/alice/key-auth", "/upstreams/svc/targets")) {
        add("size", "GET", c + "?size=" + size, null, null, Map.of(),
            size.equals("+5") || size.equals("%20") ? Set.of(200, 400) : Set.of(400));
      }
    }

    // forged offsets
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    List<String> offsets = new ArrayList<>(List.of("x", "%00", "====", "AAAA", "-", "null", "[]", "{}",
        b64.encodeToString("garbage".getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(("[\"" + UUID.randomUUID() + "\"]").getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString("[\"' or 1=1 --\"]".getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString("\"' or 1=1 --\"".getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1}),
        b64.encodeToString(new byte[0]), "A".repeat(10_000)));
    for (String off : offsets) {
      for (String c : List.of("/consumers", "/key-auths", "/upstreams", "/targets", "/routes",
          "/consumers/alice/key-auth", "/upstreams/svc/targets", "/consumers?tags=t")) {
        // a request line over the header limit (8 KiB) is 414 URI Too Long
        add("offset", "GET", c + (c.contains("?") ? "&" : "?") + "offset=" + enc(off), null, null, Map.of(),
            off.length() > 8000 ? Set.of(414) : Set.of(400));
      }
    }

    // unknown entities, path traversal, odd paths
    for (String path : List.of("/nope", "/nope/1", "/consumers/alice/nope", "/consumers/alice/key-auth/x/y",
        "/../etc/passwd", "/consumers/../upstreams", "/consumers/%2e%2e/upstreams", "/%2e%2e/%2e%2e/etc/passwd",
        "/consumers/..%2f..%2fetc%2fpasswd", "/consumers/%2F", "//consumers", "/consumers//alice", "/.",
        "/consumers/.", "/./consumers", "/consumers/%00", "/consumers%00", "/consumers;x=1", "/CONSUMERS",
        "/schemas", "/schemas/nope", "/schemas/nope/validate", "/schemas/consumers/x", "/cache/a/b",
        "/openapi.json/x", "/status/x", "/key-auths/x/consumer/y", "/consumers/alice/key-auth/%2e%2e",
        "/" + "a".repeat(4000), "/consumers/" + "b".repeat(4000), "/%E2%80%AE", "/consumers/%C0%AF",
        "/consumers/%FF", "/consumers/a%2Fb", "/WEB-INF/web.xml",
        "/consumers/alice/key-auth/alice-key/scopes/x/y")) {
        for (String m : List.of("GET", "DELETE", "PATCH")) {
          add("path", m, path, m.equals("PATCH") ? "application/json" : null,
              m.equals("PATCH") ? Wire.ascii("{}") : null, Map.of(),
              m.equals("DELETE") ? Set.of(204, 400, 404, 405) : Set.of(400, 404, 405));
        }
    }

    // odd methods and headers
    for (String m : List.of("TRACE", "PROPFIND", "FOO", "MKCOL", "LOCK", "PURGE", "COPY", "MOVE")) {
      for (String path : List.of("/", "/consumers", "/consumers/alice", "/consumers/alice/key-auth", "/status")) {
        add("method", m, path, null, null, Map.of(), Set.of(405));
      }
    }
    for (String[] mp : new String[][] {{"PUT", "/consumers"}, {"PATCH", "/consumers"}, {"DELETE", "/consumers"},
        {"POST", "/consumers/alice"}, {"POST", "/"}, {"DELETE", "/openapi.json"}, {"PUT", "/schemas/consumers"},
        {"GET", "/schemas/consumers/validate"}, {"POST", "/status"}, {"POST", "/cache/x"}, {"GET", "/cache"},
        {"PUT", "/key-auths/alice-key/consumer"}, {"POST", "/consumers/alice/key-auth/alice-key"}}) {
      json("method", mp[0], mp[1], "{\"username\": \"m\"}", Set.of(405));
    }
    for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x", "text/html",
        "application/octet-stream", "*/*", "json", "application/jsonx; x", "application/json-patch+json",
        "application/x-www-form-urlencodedx", ";", "application/javascript")) {
      add("content-type", "POST", "/consumers", type, Wire.ascii("{\"username\": \"ct\"}"), Map.of(),
          Set.of(415, 400));
      add("content-type", "PATCH", "/consumers/alice", type, Wire.ascii("{\"custom_id\": \"ct\"}"), Map.of(),
          Set.of(415, 400));
    }
    for (Map<String, String> h : List.of(Map.of("Authorization", "Bearer x"), Map.of("Kong-Admin-Token", "x"),
        Map.of("X-Forwarded-For", "' or 1=1"), Map.of("Accept", "text/html"), Map.of("X-Huge", "h".repeat(8000)),
        Map.of("Accept-Charset", "latin1"), Map.of("Cookie", "a=' or 1=1 --"), Map.of("Range", "bytes=0-1"),
        Map.of("X-HTTP-Method-Override", "DELETE"), Map.of("Content-Encoding", "gzip"))) {
      json("header", "POST", "/consumers", "{\"username\": \"hdr\", \"nope\": 1}", Set.of(400));
      add("header", "DELETE", "/consumers/nobody-" + h.hashCode(), null, null, h, Set.of(204));
      add("header", "POST", "/consumers/alice", "application/json", Wire.ascii("{}"), h, Set.of(405));
    }

    // raw requests HttpClient would not send
    String host = "Host: 127.0.0.1\r\n";
    raw("raw", "GET /consumers/%FF%FE HTTP/1.1\r\n" + host + "\r\n", Set.of(404, 400));
    raw("raw", "GET /consumers/\u00ff HTTP/1.1\r\n" + host + "\r\n", Set.of(404, 400, -1));
    raw("raw", concat(Wire.ascii("GET /consumers/"), new byte[] {(byte) 0xC3, 0x28}, Wire.ascii(" HTTP/1.1\r\n"
        + host + "\r\n")), Set.of(404, 400, -1));
    raw("raw", "get /consumers HTTP/1.1\r\n" + host + "\r\n", Set.of(200, 400, 405, -1));
    raw("raw", "G@T /consumers HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 405, -1));
    raw("raw", "GET consumers HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404, -1));
    raw("raw", "GET * HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404, -1));
    raw("raw", "GET http://evil.example/consumers/%27 HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404, -1));
    raw("raw", "GET /consumers HTTP/9.9\r\n" + host + "\r\n", Set.of(200, 400, 505, -1));
    raw("raw", "GET /consumers\r\n\r\n", Set.of(400, 505, -1));
    raw("raw", "\r\n\r\n", Set.of(400, -1));
    raw("raw", "GARBAGE\r\n\r\n", Set.of(400, -1));
    raw("raw", "GET /consumers HTTP/1.1\r\nBroken header line\r\n\r\n", Set.of(400, -1, 200));
    raw("raw", "GET /consumers HTTP/1.1\r\n" + host + "X: " + "x".repeat(70_000) + "\r\n\r\n",
        Set.of(400, 413, 431, -1, 200));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
        + "{\"username\": \"short\"}", Set.of(400, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: -5\r\n\r\n"
        + "{\"username\": \"neg\"}", Set.of(400, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: abc\r\n"
        + "\r\n{\"username\": \"nan\"}", Set.of(400, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: "
        + "99999999999999999999\r\n\r\n{\"username\": \"huge\"}", Set.of(400, 413, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 5\r\n"
        + "Content-Length: 30\r\n\r\n{\"username\": \"two-lengths\"}", Set.of(400, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nTransfer-Encoding: chunked"
        + "\r\n\r\nzz\r\n{\"username\": \"chunk\"}\r\n0\r\n\r\n", Set.of(400, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nTransfer-Encoding: chunked"
        + "\r\n\r\n5\r\n{\"use\r\n", Set.of(400, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nTransfer-Encoding: chunked"
        + "\r\n\r\nFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", Set.of(400, 413, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nTransfer-Encoding: gzip"
        + "\r\nContent-Length: 4\r\n\r\nabcd", Set.of(400, 501, -1));
    raw("raw", "POST /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n"
        + "{}GET /consumers HTTP/1.1\r\n" + host + "\r\n", Set.of(400));
    raw("raw", "PATCH /consumers/alice HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 30"
        + "\r\n\r\n{\"custom_id\": \"trunc", Set.of(400, -1));
    raw("raw", "CONNECT 127.0.0.1:5432 HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404, 405, -1));
    raw("raw", "GET /consumers HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 2\r\n"
        + "\r\n{}", Set.of(200));
    raw("raw", "DELETE /consumers/alice HTTP/1.0\r\nContent-Length: x\r\n\r\n", Set.of(400, -1));
    raw("raw", "GET /consumers HTTP/1.1\r\n" + host + "Host: evil\r\n\r\n", Set.of(200, 400));
    raw("raw", "GET /consumers\u0000 HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404, -1));
    raw("raw", "GET /consumers?size=1%00 HTTP/1.1\r\n" + host + "\r\n", Set.of(400));
    raw("raw", "GET /consumers?offset=%FF HTTP/1.1\r\n" + host + "\r\n", Set.of(400));
    raw("raw", "GET /consumers?size=%FF%FE HTTP/1.1\r\n" + host + "\r\n", Set.of(400));
    raw("raw", "GET /consumers?size=%zz HTTP/1.1\r\n" + host + "\r\n", Set.of(200, 400));
    raw("raw", "OPTIONS * HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404, -1));
    for (String bad : List.of("%", "%zz", "%2", "%%", "%u0041")) {
      raw("raw", "GET /consumers/" + bad + " HTTP/1.1\r\n" + host + "\r\n", Set.of(400, 404));
      raw("raw", "DELETE /consumers/" + bad + " HTTP/1.1\r\n" + host + "\r\n", Set.of(204, 400, 404));
      raw("raw", "GET /consumers?offset=" + bad + " HTTP/1.1\r\n" + host + "\r\n", Set.of(400));
    }
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T>... lists) {
    List<T> out = new ArrayList<>();
    for (List<T> l : lists) {
      out.addAll(l);
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  // ---- the run ---------------------------------------------------------------------------------------------

  @Test
  void hostileRequestsGetA4xxNever5xxAndChangeNothing() {
    seed();
    buildCorpus();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> byCategory = new TreeMap<>();
    Map<String, Long> timeByCategory = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int fiveHundreds = 0;
    int changedCategories = 0;
    Map<String, String> start = AdminTestSupport.snapshot();
    String category = null;
    Map<String, String> before = start;
    for (Case c : corpus) {
      if (!c.category().equals(category)) {
        if (category != null) {
          Map<String, String> after = AdminTestSupport.snapshot();
          if (!after.equals(before)) {
            changedCategories++;
            failures.add("tables changed by category " + category + ": " + diff(before, after));
          }
          before = after;
        }
        category = c.category();
      }
      Wire.Resp r;
      long t0 = System.nanoTime();
      try {
        r = c.raw() != null ? wire.raw(c.raw())
            : wire.send(c.method(), c.path(), c.contentType(), c.body(), c.headers());
      } catch (RuntimeException e) {
        // with the cause: "header parser received no bytes" is a connection the server closed without saying so
        failures.add(c.describe() + " → no response: " + e + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
        continue;
      }
      timeByCategory.merge(c.category(), System.nanoTime() - t0, Long::sum);
      byStatus.merge(r.status(), 1, Integer::sum);
      byCategory.merge(c.category(), 1, Integer::sum);
      if (r.status() >= 500) {
        fiveHundreds++;
      }
      if (!c.allowed().contains(r.status())) {
        failures.add(c.describe() + " → " + r + " (allowed " + c.allowed() + ")");
      } else if (r.leaks(ECHOES)) {
        failures.add(c.describe() + " → leaks: " + r);
      } else if (r.status() > 0 && !r.body().isEmpty() && c.raw() == null && !isJson(r.body())
          && !c.path().startsWith("//")) {
        // (a path starting with // is read as an authority by the JDK's server, which answers its own HTML 404)
        failures.add(c.describe() + " → not JSON: " + r);
      }
    }
    Map<String, String> end = AdminTestSupport.snapshot();
    if (!end.equals(before)) {
      changedCategories++;
      failures.add("tables changed by category " + category + ": " + diff(before, end));
    }
    int rowsChanged = rowsChanged(start, end);
    assertEquals(200, wire.get("/status").status(), "the server is still up");

    int valid = validHostileValuesAreStoredVerbatim(failures);

    System.out.printf("hostile input: %d requests tried (+%d valid hostile writes); by status %s; 5xx seen: %d;"
        + " tables changed by refused requests: %d (rows changed: %d); by category %s%n", corpus.size(), valid,
        byStatus, fiveHundreds, changedCategories, rowsChanged, byCategory);
    timeByCategory.forEach((k, v) -> System.out.printf("  %s: %d ms%n", k, v / 1_000_000));
    failures.stream().limit(200).forEach(f -> System.out.println("  FAIL " + f));
    assertTrue(corpus.size() >= 1000, "corpus size " + corpus.size());
    assertEquals(0, fiveHundreds, "5xx responses");
    assertEquals(start, end, "refused requests changed data");
    assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.get(0));
  }

  private static boolean isJson(String body) {
    try {
      Http.parse(body);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  private static String diff(Map<String, String> a, Map<String, String> b) {
    Map<String, String> d = new TreeMap<>();
    for (String k : b.keySet()) {
      if (!b.get(k).equals(a.get(k))) {
        d.put(k, a.get(k) + " → " + b.get(k));
      }
    }
    return d.toString();
  }

  private static int rowsChanged(Map<String, String> a, Map<String, String> b) {
    int n = 0;
    for (String k : b.keySet()) {
      if (!b.get(k).equals(a.get(k))) {
        n += Math.max(1, Math.abs(count(b.get(k)) - count(a.getOrDefault(k, "0:"))));
      }
    }
    return n;
  }

  private static int count(String snapshot) {
    return Integer.parseInt(snapshot.substring(0, snapshot.indexOf(':')));
  }

  /** Hostile-looking but valid values: stored verbatim, read back equal, found by their endpoint key. */
  @SuppressWarnings("unchecked")
  private int validHostileValuesAreStoredVerbatim(List<String> failures) {
    int n = 0;
    for (String nasty : NASTY) {
      n++;
      String username = nasty.strip().isEmpty() ? "blank" + n : nasty;
      Wire.Resp created = wire.json("POST", "/consumers", "{\"username\": " + q(username) + ", \"custom_id\": "
          + q("cid-" + nasty) + ", \"tags\": [" + q(nasty) + "]}");
      if (created.status() != 201) {
        failures.add("valid nasty consumer " + q(username) + " → " + created);
        continue;
      }
      Map<String, Object> c = (Map<String, Object>) Http.parse(created.body());
      Map<String, Object> byId = (Map<String, Object>) Http.parse(wire.get("/consumers/" + c.get("id")).body());
      Wire.Resp byNameResp = wire.get("/consumers/" + enc(username));
      if (!username.equals(byId.get("username")) || !("cid-" + nasty).equals(byId.get("custom_id"))
          || !List.of(nasty).equals(byId.get("tags"))) {
        failures.add("nasty consumer not stored verbatim: " + q(username) + " → " + byId);
      }
      if (byNameResp.status() != 200 || !c.get("id").equals(((Map<String, Object>) Http.parse(byNameResp.body()))
          .get("id"))) {
        failures.add("nasty consumer not found by username " + q(username) + ": " + byNameResp);
      }
      long stored = AdminTestSupport.scalar("select count(*) from consumers where username = "
          + "'" + username.replace("'", "''") + "'");
      if (stored != 1) {
        failures.add("nasty username not in the table verbatim: " + q(username));
      }
      n++;
      Wire.Resp up = wire.json("POST", "/upstreams", "{\"name\": \"nasty-" + n + "\", \"labels\": {" + q(nasty) + ": "
          + q(nasty) + "}, \"hash_fallback_headers\": [" + q(nasty) + "]}");
      if (up.status() != 201) {
        failures.add("valid nasty upstream labels " + q(nasty) + " → " + up);
        continue;
      }
      Map<String, Object> u = (Map<String, Object>) Http.parse(wire.get("/upstreams/nasty-" + n).body());
      if (!Map.of(nasty, nasty).equals(u.get("labels")) || !List.of(nasty).equals(u.get("hash_fallback_headers"))) {
        failures.add("nasty labels not stored verbatim: " + u);
      }
    }
    assertEquals(200, wire.get("/status").status());
    return n;
  }

}
