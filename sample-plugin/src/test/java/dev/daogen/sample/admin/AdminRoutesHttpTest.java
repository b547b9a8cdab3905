package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.sample.AdminTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every admin route over real HTTP, with its success statuses and shapes. */
class AdminRoutesHttpTest extends AdminHttpTestBase {

  private static Map<String, Object> consumer(String username, String... tags) {
    String tagJson = tags.length == 0 ? "" : ", \"tags\": [\"" + String.join("\", \"", tags) + "\"]";
    return http.json("POST", "/consumers", "{\"username\": \"" + username + "\"" + tagJson + "}").expect(201).obj();
  }

  private static Map<String, Object> upstream(String name) {
    return http.json("POST", "/upstreams", "{\"name\": \"" + name + "\"}").expect(201).obj();
  }

  private static String id(Map<String, Object> entity) {
    return str(entity.get("id"));
  }

  private static Set<String> ids(List<Map<String, Object>> data) {
    Set<String> out = new HashSet<>();
    for (Map<String, Object> e : data) {
      out.add(id(e));
    }
    return out;
  }

  @Test
  void postCreatesAndGetListsInKongShapes() {
    Map<String, Object> alice = consumer("alice", "a");
    assertEquals("alice", alice.get("username"));
    assertNotNull(UUID.fromString(id(alice)));
    assertInstanceOf(Long.class, alice.get("created_at"), "created_at in epoch seconds");
    assertEquals(List.of("a"), alice.get("tags"));
    assertTrue(alice.containsKey("custom_id") && alice.get("custom_id") == null, alice.toString());
    assertEquals(1, AdminTestSupport.count("consumers", "username", "alice"));

    Http.Resp list = http.get("/consumers").expect(200);
    assertEquals(List.of(alice), list.data());
    assertTrue(list.obj().containsKey("next"));
    assertNull(list.obj().get("next"), "last page: next is null");
    assertFalse(list.obj().containsKey("offset"), "last page: no offset");
    assertTrue(list.header("Content-Type").startsWith("application/json"));
  }

  @Test
  void followingNextWalksEveryRowExactlyOnce() {
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 23; i++) {
      created.add(id(consumer("user" + i)));
    }
    List<String> seen = new ArrayList<>();
    String next = "/consumers?size=5";
    int pages = 0;
    while (next != null) {
      Http.Resp page = http.get(next).expect(200);
      Map<String, Object> body = page.obj();
      List<Map<String, Object>> data = page.data();
      pages++;
      next = str(body.get("next"));
      if (next != null) {
        assertEquals(5, data.size());
        String offset = str(body.get("offset"));
        assertNotNull(offset);
        assertTrue(next.startsWith("/consumers?offset="), next);
        assertTrue(next.endsWith("&size=5"), next);
      } else {
        assertEquals(3, data.size());
        assertFalse(body.containsKey("offset"));
      }
      data.forEach(e -> seen.add(id(e)));
    }
    assertEquals(5, pages);
    assertEquals(23, seen.size(), "no row twice");
    assertEquals(created, new HashSet<>(seen), "every row once");

    // the default size (100) returns them all at once, the exact maximum is accepted
    assertEquals(23, http.get("/consumers").expect(200).data().size());
    assertEquals(23, http.get("/consumers?size=1000").expect(200).data().size());
    assertEquals(1, http.get("/consumers?size=1").expect(200).data().size());
  }

  @Test
  void tagFiltersAllOfAndAnyOfAlsoAcrossPages() {
    String ab = id(consumer("ab", "a", "b"));
    String a = id(consumer("only-a", "a"));
    String b = id(consumer("only-b", "b"));
    consumer("c", "c");
    consumer("none");
    assertEquals(Set.of(ab), ids(http.get("/consumers?tags=a,b").expect(200).data()));
    assertEquals(Set.of(ab, a, b), ids(http.get("/consumers?tags=a/b").expect(200).data()));
    assertEquals(Set.of(ab, a, b), ids(http.get("/consumers?tags=a%2Fb").expect(200).data()));
    assertEquals(Set.of(ab, a), ids(http.get("/consumers?tags=a").expect(200).data()));
    assertEquals(Set.of(), ids(http.get("/consumers?tags=zzz").expect(200).data()));

    // the next link keeps the filter
    List<String> seen = new ArrayList<>();
    String next = "/consumers?tags=a/b&size=1";
    while (next != null) {
      Http.Resp page = http.get(next).expect(200);
      page.data().forEach(e -> seen.add(id(e)));
      next = str(page.obj().get("next"));
      assertTrue(next == null || next.contains("tags="), next);
    }
    assertEquals(3, seen.size());
    assertEquals(Set.of(ab, a, b), new HashSet<>(seen));
  }

  @Test
  void itemRoutesByPrimaryKeyAndByEndpointKey() {
    Map<String, Object> alice = consumer("alice");
    String id = id(alice);

    assertEquals(alice, http.get("/consumers/" + id).expect(200).obj());
    assertEquals(alice, http.get("/consumers/alice").expect(200).obj());

    Map<String, Object> patched = http.json("PATCH", "/consumers/alice", "{\"custom_id\": \"c-1\"}").expect(200).obj();
    assertEquals("c-1", patched.get("custom_id"));
    assertEquals("alice", patched.get("username"));
    assertEquals(id, id(patched));
    patched = http.json("PATCH", "/consumers/" + id, "{\"tags\": [\"x\"]}").expect(200).obj();
    assertEquals(List.of("x"), patched.get("tags"));
    assertEquals("c-1", patched.get("custom_id"), "PATCH keeps what it does not name");

    // PUT replaces: omitted fields go back to null
    Map<String, Object> replaced = http.json("PUT", "/consumers/" + id, "{\"username\": \"alice2\"}").expect(200).obj();
    assertEquals(id, id(replaced));
    assertEquals("alice2", replaced.get("username"));
    assertNull(replaced.get("custom_id"));
    assertNull(replaced.get("tags"));
    assertEquals(1, AdminTestSupport.count("consumers"));

    // PUT creates, by primary key ...
    String newId = UUID.randomUUID().toString();
    Map<String, Object> created = http.json("PUT", "/consumers/" + newId, "{\"custom_id\": \"p\"}").expect(200).obj();
    assertEquals(newId, id(created));
    assertEquals("p", created.get("custom_id"));
    // ... and by endpoint key, which it sets
    Map<String, Object> bob = http.json("PUT", "/consumers/bob", "{\"custom_id\": \"b\"}").expect(200).obj();
    assertEquals("bob", bob.get("username"));
    assertEquals("b", bob.get("custom_id"));
    Map<String, Object> bob2 = http.json("PUT", "/consumers/bob", "{\"tags\": [\"t\"]}").expect(200).obj();
    assertEquals(id(bob), id(bob2), "PUT by endpoint key replaces the same row");
    assertNull(bob2.get("custom_id"));
    assertEquals(3, AdminTestSupport.count("consumers"));

    // DELETE by endpoint key and by primary key; 204 also when nothing is there
    assertEquals("", http.delete("/consumers/bob").expect(204).body());
    http.get("/consumers/bob").expect(404);
    http.delete("/consumers/bob").expect(204);
    http.delete("/consumers/" + id).expect(204);
    http.get("/consumers/" + id).expect(404);
    http.delete("/consumers/" + id).expect(204);
    http.delete("/consumers/" + UUID.randomUUID()).expect(204);
    assertEquals(1, AdminTestSupport.count("consumers"));
  }

  @Test
  void endpointKeysOfUpstreamsRoutesAndKeyAuths() {
    Map<String, Object> up = upstream("svc.local");
    assertEquals("ROUND_ROBIN", up.get("algorithm"));
    assertEquals(10000L, up.get("slots"));
    assertEquals(up, http.get("/upstreams/svc.local").expect(200).obj());
    assertEquals(100L, http.json("PATCH", "/upstreams/svc.local", "{\"slots\": 100}").expect(200).obj().get("slots"));
    Map<String, Object> put = http.json("PUT", "/upstreams/other.local", "{\"algorithm\": \"LEAST_CONNECTIONS\"}")
        .expect(200).obj();
    assertEquals("other.local", put.get("name"));
    assertEquals("LEAST_CONNECTIONS", put.get("algorithm"));

    Map<String, Object> route = http.json("PUT", "/routes/r1",
        "{\"upstream\": {\"id\": \"" + id(up) + "\"}, \"paths\": [\"/a\"], \"retires_on\": \"2030-01-02\"}")
        .expect(200).obj();
    assertEquals("r1", route.get("name"));
    assertEquals(Map.of("id", id(up)), route.get("upstream"));
    assertEquals("2030-01-02", route.get("retires_on"));
    assertEquals(route, http.get("/routes/r1").expect(200).obj());
    assertEquals(route, http.get("/routes/" + id(route)).expect(200).obj());
    http.delete("/routes/r1").expect(204);
    http.get("/routes/" + id(route)).expect(404);

    Map<String, Object> alice = consumer("alice");
    Map<String, Object> key = http.json("PUT", "/key-auths/my-secret-key",
        "{\"consumer\": {\"id\": \"" + id(alice) + "\"}}").expect(200).obj();
    assertEquals("my-secret-key", key.get("key"));
    assertEquals(key, http.get("/key-auths/my-secret-key").expect(200).obj());
    assertEquals(key, http.get("/key-auths/" + id(key)).expect(200).obj());
    Map<String, Object> patched = http.json("PATCH", "/key-auths/my-secret-key", "{\"tags\": [\"k\"]}")
        .expect(200).obj();
    assertEquals(List.of("k"), patched.get("tags"));
    http.delete("/key-auths/my-secret-key").expect(204);
    assertEquals(0, AdminTestSupport.count("keyauth_credentials"));
  }

  @Test
  void foreignParentRoutes() {
    Map<String, Object> alice = consumer("alice");
    Map<String, Object> key = http.json("POST", "/key-auths", "{\"consumer\": {\"id\": \"" + id(alice) + "\"}}")
        .expect(201).obj();
    assertEquals(32, str(key.get("key")).length(), "key generated");
    assertEquals(alice, http.get("/key-auths/" + id(key) + "/consumer").expect(200).obj());
    assertEquals(alice, http.get("/key-auths/" + key.get("key") + "/consumer").expect(200).obj());
    http.get("/key-auths/" + UUID.randomUUID() + "/consumer").expect(404);

    Map<String, Object> up = upstream("svc");
    Map<String, Object> withUp = http.json("POST", "/routes", "{\"name\": \"r\", \"upstream\": {\"id\": \""
        + id(up) + "\"}}").expect(201).obj();
    Map<String, Object> without = http.json("POST", "/routes", "{\"name\": \"free\"}").expect(201).obj();
    assertEquals(up, http.get("/routes/r/upstream").expect(200).obj());
    assertNull(without.get("upstream"));
    assertEquals("{\"message\":\"Not found\"}", http.get("/routes/free/upstream").expect(404).body());
    Map<String, Object> target = http.json("POST", "/targets", "{\"upstream\": {\"id\": \"" + id(up)
        + "\"}, \"target\": \"10.0.0.1:80\", \"host\": \"10.0.0.1\"}").expect(201).obj();
    assertEquals(100L, target.get("weight"));
    assertEquals(up, http.get("/targets/" + id(target) + "/upstream").expect(200).obj());
    assertNotNull(withUp);
  }

  @Test
  void nestedRoutesUnderTheirParent() {
    Map<String, Object> alice = consumer("alice");
    Map<String, Object> bob = consumer("bob");
    // POST forces the foreign key to the path's parent, whatever the body says
    Map<String, Object> k1 = http.json("POST", "/consumers/alice/key-auth", "{\"consumer\": {\"id\": \"" + id(bob)
        + "\"}}").expect(201).obj();
    assertEquals(Map.of("id", id(alice)), k1.get("consumer"));
    Map<String, Object> k2 = http.send("POST", "/consumers/" + id(alice) + "/key-auth", null, null, Map.of())
        .expect(201).obj();
    assertEquals(Map.of("id", id(alice)), k2.get("consumer"));
    Map<String, Object> kb = http.form("POST", "/consumers/bob/key-auth", "key=bobs-key").expect(201).obj();
    assertEquals("bobs-key", kb.get("key"));

    Http.Resp list = http.get("/consumers/alice/key-auth").expect(200);
    assertEquals(Set.of(id(k1), id(k2)), ids(list.data()));
    assertNull(list.obj().get("next"));
    Http.Resp page = http.get("/consumers/alice/key-auth?size=1").expect(200);
    assertEquals(1, page.data().size());
    String next = str(page.obj().get("next"));
    assertTrue(next.startsWith("/consumers/alice/key-auth?offset="), next);
    Http.Resp last = http.get(next).expect(200);
    assertEquals(1, last.data().size());
    assertNull(last.obj().get("next"));
    assertEquals(Set.of(id(k1), id(k2)), Set.of(id(page.data().get(0)), id(last.data().get(0))));

    // the child by id and by key, only under its own parent
    assertEquals(k1, http.get("/consumers/alice/key-auth/" + id(k1)).expect(200).obj());
    assertEquals(k1, http.get("/consumers/" + id(alice) + "/key-auth/" + k1.get("key")).expect(200).obj());
    unchanged(() -> http.get("/consumers/bob/key-auth/" + id(k1))).expect(404);
    unchanged(() -> http.json("PATCH", "/consumers/bob/key-auth/" + id(k1), "{\"tags\": [\"x\"]}")).expect(404);
    unchanged(() -> http.json("PUT", "/consumers/bob/key-auth/" + id(k1), "{}")).expect(404);
    unchanged(() -> http.delete("/consumers/bob/key-auth/" + id(k1))).expect(404);
    unchanged(() -> http.get("/consumers/nobody/key-auth")).expect(404);
    unchanged(() -> http.json("POST", "/consumers/nobody/key-auth", "{}")).expect(404);
    unchanged(() -> http.json("POST", "/consumers/" + UUID.randomUUID() + "/key-auth", "{}")).expect(404);
    unchanged(() -> http.get("/consumers/nobody/key-auth/" + id(k1))).expect(404);

    assertEquals(List.of("x"), http.json("PATCH", "/consumers/alice/key-auth/" + id(k1), "{\"tags\": [\"x\"]}")
        .expect(200).obj().get("tags"));
    Map<String, Object> put = http.json("PUT", "/consumers/alice/key-auth/" + id(k1), "{\"key\": \"new-key\"}")
        .expect(200).obj();
    assertEquals("new-key", put.get("key"));
    assertEquals(Map.of("id", id(alice)), put.get("consumer"));
    assertNull(put.get("tags"));
    Map<String, Object> putNew = http.json("PUT", "/consumers/alice/key-auth/fresh-key", "{}").expect(200).obj();
    assertEquals("fresh-key", putNew.get("key"));
    assertEquals(Map.of("id", id(alice)), putNew.get("consumer"));
    http.delete("/consumers/alice/key-auth/" + id(k1)).expect(204);
    http.delete("/consumers/alice/key-auth/fresh-key").expect(204);
    http.delete("/consumers/alice/key-auth/" + UUID.randomUUID()).expect(204);
    assertEquals(Set.of(id(k2)), ids(http.get("/consumers/alice/key-auth").expect(200).data()));

    // upstreams/{u}/targets and upstreams/{u}/routes
    Map<String, Object> up = upstream("svc");
    Map<String, Object> other = upstream("other");
    Map<String, Object> t = http.json("POST", "/upstreams/svc/targets", "{\"target\": \"a:1\", \"host\": \"a\"}")
        .expect(201).obj();
    assertEquals(Map.of("id", id(up)), t.get("upstream"));
    assertEquals(List.of(t), http.get("/upstreams/" + id(up) + "/targets").expect(200).data());
    assertEquals(List.of(), http.get("/upstreams/other/targets").expect(200).data());
    assertEquals(t, http.get("/upstreams/svc/targets/" + id(t)).expect(200).obj());
    unchanged(() -> http.get("/upstreams/other/targets/" + id(t))).expect(404);
    Map<String, Object> r = http.json("POST", "/upstreams/other/routes", "{\"name\": \"r\"}").expect(201).obj();
    assertEquals(Map.of("id", id(other)), r.get("upstream"));
    assertEquals(r, http.get("/upstreams/other/routes/r").expect(200).obj());
    unchanged(() -> http.get("/upstreams/svc/routes/r")).expect(404);
  }

  @Test
  void cascadeThroughTheApi() {
    consumer("alice");
    http.json("POST", "/consumers/alice/key-auth", "{}").expect(201);
    http.delete("/consumers/alice").expect(204);
    assertEquals(0, AdminTestSupport.count("keyauth_credentials"));
    Map<String, Object> up = upstream("svc");
    Map<String, Object> r = http.json("POST", "/upstreams/svc/routes", "{\"name\": \"r\"}").expect(201).obj();
    http.delete("/upstreams/" + id(up)).expect(204);
    assertNull(http.get("/routes/" + id(r)).expect(200).obj().get("upstream"), "ON DELETE SET NULL");
  }

  @Test
  void headOptionsMethodNotAllowedAndTrailingSlash() {
    consumer("alice");
    Http.Resp head = http.send("HEAD", "/consumers", null, null, Map.of()).expect(200);
    assertEquals("", head.body());
    head = http.send("HEAD", "/consumers/alice", null, null, Map.of()).expect(200);
    assertEquals("", head.body());
    http.send("HEAD", "/consumers/nobody", null, null, Map.of()).expect(404);

    Http.Resp options = http.send("OPTIONS", "/consumers", null, null, Map.of()).expect(204);
    assertEquals(Set.of("GET", "HEAD", "POST", "OPTIONS"), allow(options));
    options = http.send("OPTIONS", "/consumers/alice", null, null, Map.of()).expect(204);
    assertEquals(Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"), allow(options));
    options = http.send("OPTIONS", "/key-auths/x/consumer", null, null, Map.of()).expect(204);
    assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allow(options));
    assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allow(http.send("OPTIONS", "/status", null, null, Map.of())
        .expect(204)));

    for (String[] call : new String[][] {{"DELETE", "/consumers"}, {"PUT", "/consumers"}, {"PATCH", "/consumers"},
        {"POST", "/consumers/alice"}, {"POST", "/key-auths/x/consumer"}, {"POST", "/status"}, {"DELETE", "/"},
        {"PUT", "/openapi.json"}, {"POST", "/schemas/consumers"}, {"GET", "/schemas/consumers/validate"},
        {"TRACE", "/consumers"}, {"BREW", "/consumers"}}) {
      Http.Resp r = unchanged(() -> http.send(call[0], call[1], null, null, Map.of())).expect(405);
      assertEquals(Map.of("message", "Method not allowed"), r.obj(), call[0] + " " + call[1]);
      assertNotNull(r.header("Allow"), call[0] + " " + call[1]);
    }

    assertEquals(1, http.get("/consumers/").expect(200).data().size());
    assertEquals("alice", http.get("/consumers/alice/").expect(200).obj().get("username"));
    http.json("POST", "/consumers/", "{\"username\": \"bob\"}").expect(201);
    http.get("/schemas/consumers/").expect(200);

    for (String path : new String[] {"/nothing", "/consumers/alice/nothing", "/consumers//alice", "/consumers/a/b/c/d/e",
        "/schemas/nothing", "/schemas/group_memberships", "/group_memberships", "/consumers/%2e%2e"}) {
      Http.Resp r = http.get(path).expect(404);
      assertEquals("{\"message\":\"Not found\"}", r.body(), path);
    }
  }

  private static Set<String> allow(Http.Resp r) {
    Set<String> out = new HashSet<>();
    for (String m : r.header("Allow").split(",")) {
      out.add(m.trim());
    }
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void schemasAndValidate() {
    Map<String, Object> schema = http.get("/schemas/consumers").expect(200).obj();
    assertEquals("consumers", schema.get("name"));
    assertEquals(List.of("id"), schema.get("primary_key"));
    assertEquals("username", schema.get("endpoint_key"));
    List<Map<String, Object>> fields = (List<Map<String, Object>>) schema.get("fields");
    Set<String> names = new HashSet<>();
    fields.forEach(f -> names.addAll(f.keySet()));
    assertEquals(Set.of("id", "created_at", "updated_at", "username", "custom_id", "tags"), names);
    Map<String, Object> keyAuths = http.get("/schemas/keyauth_credentials").expect(200).obj();
    assertEquals(true, keyAuths.get("ttl"));
    Map<String, Object> targets = http.get("/schemas/targets").expect(200).obj();
    assertEquals(List.of("upstream", "target"), targets.get("cache_key"));

    Http.Resp ok = unchanged(() -> http.json("POST", "/schemas/consumers/validate", "{\"username\": \"x\"}"))
        .expect(200);
    assertEquals(Map.of("message", "schema validation successful"), ok.obj());
    unchanged(() -> http.form("POST", "/schemas/upstreams/validate", "name=a.b&slots=100")).expect(200);
    Http.Resp bad = unchanged(() -> http.json("POST", "/schemas/consumers/validate", "{}")).expect(400);
    assertEquals(2L, bad.obj().get("code"));
    assertTrue(((Map<String, Object>) bad.obj().get("fields")).containsKey("@entity"), bad.body());
    bad = unchanged(() -> http.json("POST", "/schemas/upstreams/validate", "{\"name\": \"UP\", \"slots\": \"x\"}"))
        .expect(400);
    assertEquals(Set.of("name", "slots"), ((Map<String, Object>) bad.obj().get("fields")).keySet());
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiRootAndStatus() {
    Map<String, Object> openApi = http.get("/openapi.json").expect(200).obj();
    assertTrue(str(openApi.get("openapi")).startsWith("3.1"), openApi.keySet().toString());
    Map<String, Object> paths = (Map<String, Object>) openApi.get("paths");
    assertNotNull(paths, "paths");
    // the served document merges the plugins' generated ones (when the processor writes them)
    if (getClass().getClassLoader().getResource("META-INF/daogen/key-auth/openapi.json") != null) {
      assertTrue(paths.keySet().stream().anyMatch(p -> p.startsWith("/consumers")), paths.keySet().toString());
      assertTrue(paths.keySet().stream().anyMatch(p -> p.startsWith("/key-auths")), paths.keySet().toString());
    }

    Map<String, Object> root = http.get("/").expect(200).obj();
    assertEquals(dev.daogen.admin.AdminApi.VERSION, root.get("version"));
    assertEquals(List.of(Map.of("name", "key-auth", "version", "1.1.0", "entities", List.of("consumers",
        "keyauth_credentials", "credential_scopes", "upstreams", "routes", "targets"))), root.get("plugins"));
    assertNull(root.get("counts"), "counts only when asked for");
    assertEquals(Set.of("consumers", "keyauth_credentials", "credential_scopes", "upstreams", "targets", "routes"),
        new HashSet<>((List<String>) root.get("entities")));

    Map<String, Object> status = http.get("/status").expect(200).obj();
    assertEquals(Map.of("reachable", true), status.get("database"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void formBodiesAreTypedBySchema() {
    Map<String, Object> alice = http.form("POST", "/consumers", "username=alice&tags[]=a&tags[]=b").expect(201).obj();
    assertEquals("alice", alice.get("username"));
    assertEquals(Set.of("a", "b"), new HashSet<>((List<String>) alice.get("tags")));
    Map<String, Object> one = http.form("POST", "/consumers", "username=bob&tags=solo").expect(201).obj();
    assertEquals(List.of("solo"), one.get("tags"));
    Map<String, Object> key = http.form("POST", "/key-auths", "consumer.id=" + id(alice) + "&key=k%20%2B1")
        .expect(201).obj();
    assertEquals(Map.of("id", id(alice)), key.get("consumer"));
    assertEquals("k +1", key.get("key"));
    Map<String, Object> up = http.form("POST", "/upstreams", "name=svc&slots=100&algorithm=CONSISTENT_HASHING"
        + "&hash_fallback_headers[]=x-a&labels.team=core").expect(201).obj();
    assertEquals(100L, up.get("slots"));
    assertEquals("CONSISTENT_HASHING", up.get("algorithm"));
    assertEquals(List.of("x-a"), up.get("hash_fallback_headers"));
    assertEquals(Map.of("team", "core"), up.get("labels"));
    Map<String, Object> patched = http.form("PATCH", "/upstreams/svc", "slots=200").expect(200).obj();
    assertEquals(200L, patched.get("slots"));
    Map<String, Object> t = http.form("POST", "/upstreams/svc/targets", "target=a:1&host=a&weight=5")
        .expect(201).obj();
    assertEquals(5L, t.get("weight"));
  }
}
