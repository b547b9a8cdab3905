package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin UI's static files over HTTP (the browser tests, {@code AdminUiBrowserTest}, test what they do), and the
 * two small additions the UI reads: row counts on {@code GET /?counts=true}, route names in the schema.
 */
class AdminUiHttpTest extends AdminHttpTestBase {

  @Test
  void servesTheFilesWithTheirTypesAndHeaders() {
    Http.Resp redirect = http.get("/ui").expect(302);
    assertEquals("ui/", redirect.header("Location"), "relative: the UI works under a prefix too");
    for (String[] file : new String[][] {{"/ui/", "text/html"}, {"/ui/index.html", "text/html"},
        {"/ui/app.js", "text/javascript"}, {"/ui/style.css", "text/css"}}) {
      Http.Resp r = http.get(file[0]).expect(200);
      assertTrue(r.header("Content-Type").startsWith(file[1]), file[0] + ": " + r.header("Content-Type"));
      assertEquals("no-cache", r.header("Cache-Control"), file[0]);
      assertEquals("nosniff", r.header("X-Content-Type-Options"), file[0]);
      assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), file[0]);
    }
    assertTrue(http.get("/ui/").body().contains("<html"), "index.html");
    assertEquals("", http.send("HEAD", "/ui/app.js", null, null, Map.of()).expect(200).body());
    assertEquals("GET, HEAD, OPTIONS", http.send("POST", "/ui/app.js", null, new byte[0], Map.of())
        .expect(405).header("Allow"));
  }

  @Test
  void nothingElseIsServed() {
    for (String path : List.of("/ui/nothing.js", "/ui/..%2Fapp.js", "/ui/%2e%2e/AdminApi.class", "/ui/../ui/app.js",
        "/ui/.hidden.js", "/ui//app.js", "/ui/app.js/", "/ui/AdminUi.class", "/ui/index",
        "/uix")) {
      Http.Resp r = http.get(path);
      assertEquals(404, r.status(), path + ": " + r);
      assertEquals("{\"message\":\"Not found\"}", r.body(), path);
      assertTrue(r.header("Content-Type").startsWith("application/json"), path);
    }
    // a NUL is refused by the transport before any route is looked at
    Http.Resp nul = http.get("/ui/%00.js");
    assertEquals(400, nul.status(), nul::toString);
    assertEquals("{\"message\":\"Bad Request\"}", nul.body());
  }

  @Test
  void theFilesNeedNoTokenTheDataDoes() {
    AdminOptions options = AdminOptions.defaults().withPort(0).withToken("ui-token");
    JettyAdminServer server = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options);
    server.start();
    try {
      Http guarded = new Http("http://127.0.0.1:" + server.address().getPort());
      guarded.get("/ui/").expect(200);
      guarded.get("/ui/app.js").expect(200);
      guarded.get("/").expect(401);
      guarded.send("GET", "/", null, null, Map.of("Kong-Admin-Token", "ui-token")).expect(200);
    } finally {
      server.close();
    }
  }

  @Test
  void countsAndRouteNames() {
    http.form("POST", "/consumers", "username=alice").expect(201);
    http.form("POST", "/consumers", "username=bob").expect(201);
    http.form("POST", "/consumers/alice/key-auth", "").expect(201);
    Map<String, Object> root = http.get("/?counts=true").expect(200).obj();
    @SuppressWarnings("unchecked")
    Map<String, Object> counts = (Map<String, Object>) root.get("counts");
    assertEquals(2L, ((Number) counts.get("consumers")).longValue());
    assertEquals(1L, ((Number) counts.get("keyauth_credentials")).longValue());
    assertEquals(0L, ((Number) counts.get("upstreams")).longValue());

    Map<String, Object> schema = http.get("/schemas/keyauth_credentials").expect(200).obj();
    assertEquals("key-auths", schema.get("admin_api_name"));
    assertEquals("key-auth", schema.get("admin_api_nested_name"));
  }
}
