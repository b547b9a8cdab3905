package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.AdminServlet;
import dev.daogen.sample.AdminTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin API mounted as an application would: {@link AdminServlet} under {@code /admin/*} of the context
 * {@code /app} in a real servlet container (Jetty's ee10 ServletContextHandler), next to the application's own paths.
 */
class AdminServletTest {
  private static final int LIMIT = 2048;
  private static Server container;
  private static String base;
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    AdminOptions options = AdminOptions.defaults().withMaxBodyBytes(LIMIT);
    container = new Server();
    ServerConnector connector = new ServerConnector(container);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    container.addConnector(connector);
    ServletContextHandler app = new ServletContextHandler("/app");
    app.addServlet(new ServletHolder(new AdminServlet(new AdminApi(AdminTestSupport.database(), options), options)),
        "/admin/*");
    container.setHandler(app);
    container.start();
    base = "http://127.0.0.1:" + connector.getLocalPort() + "/app/admin";
  }

  @AfterAll
  static void stop() throws Exception {
    container.stop();
  }

  private static HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheApiUnderItsMapping() throws Exception {
    HttpResponse<String> root = send("GET", "/", null);
    assertEquals(200, root.statusCode(), root.body());
    assertTrue(root.body().contains("\"version\":\"" + AdminApi.VERSION + "\""), root.body());
    assertEquals("application/json;charset=utf-8",
        root.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));

    HttpResponse<String> created = send("POST", "/consumers", "{\"username\": \"mounted\"}");
    assertEquals(201, created.statusCode(), created.body());
    HttpResponse<String> read = send("GET", "/consumers/mounted", null);
    assertEquals(200, read.statusCode(), read.body());
    assertTrue(read.body().contains("\"username\":\"mounted\""));
    HttpResponse<String> deleted = send("DELETE", "/consumers/mounted", null);
    assertEquals(204, deleted.statusCode());
    assertEquals(404, send("GET", "/consumers/mounted", null).statusCode());
  }

  @Test
  void refusalsAreTheSameJsonAsOnTheDefaultServer() throws Exception {
    HttpResponse<String> invalid = send("POST", "/consumers", "{\"username\": 1}");
    assertEquals(400, invalid.statusCode());
    assertTrue(invalid.body().startsWith("{\"code\":2,\"name\":\"schema violation\""), invalid.body());
    assertEquals(405, send("PUT", "/consumers", "{}").statusCode());
    assertEquals(404, send("GET", "/nope", null).statusCode());
    HttpResponse<String> badPath = send("GET", "/consumers/%C0%AF", null);
    assertEquals(400, badPath.statusCode(), badPath.body());
  }

  @Test
  void theBodyLimitIsExact() throws Exception {
    String json = "{\"username\": \"servlet-limit\"}";
    HttpResponse<String> atLimit = send("POST", "/consumers", json + " ".repeat(LIMIT - json.length()));
    assertEquals(201, atLimit.statusCode(), atLimit.body());
    String over = "{\"username\": \"servlet-over\"}";
    HttpResponse<String> tooLarge = send("POST", "/consumers", over + " ".repeat(LIMIT + 1 - over.length()));
    assertEquals(413, tooLarge.statusCode());
    assertEquals("{\"message\":\"Request body too large\"}", tooLarge.body());
    assertEquals(0, AdminTestSupport.scalar("select count(*) from consumers where username = 'servlet-over'"));
  }
}
