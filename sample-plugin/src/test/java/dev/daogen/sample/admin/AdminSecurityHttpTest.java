package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin token: required on non-loopback addresses, checked on every request when set. */
class AdminSecurityHttpTest {
  private static final String TOKEN = "s3cret-token";

  @BeforeEach
  void empty() {
    AdminTestSupport.reset();
  }

  @Test
  void nonLoopbackWithoutTokenRefusesToStart() {
    for (String host : List.of("0.0.0.0", "::")) {
      AdminOptions options = AdminOptions.defaults().withPort(0).withHost(host);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options).start());
      assertTrue(e.getMessage().contains("token"), e.getMessage());
    }
    // loopback without a token is fine
    AdminOptions loopback = AdminOptions.defaults().withPort(0).withHost("localhost");
    JettyAdminServer server = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), loopback), loopback);
    server.start();
    try {
      new Http("http://127.0.0.1:" + server.address().getPort()).get("/status").expect(200);
    } finally {
      server.close();
    }
  }

  @Test
  void tokenIsRequiredAndCheckedInBothHeaderForms() {
    AdminOptions options = AdminOptions.defaults().withPort(0).withHost("0.0.0.0").withToken(TOKEN);
    JettyAdminServer server = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options);
    server.start();
    try {
      Http http = new Http("http://127.0.0.1:" + server.address().getPort());
      byte[] alice = "{\"username\": \"alice\"}".getBytes(StandardCharsets.UTF_8);
      List<Map<String, String>> refused = List.of(Map.of(), Map.of("Kong-Admin-Token", "wrong"),
          Map.of("Kong-Admin-Token", TOKEN + "x"), Map.of("Kong-Admin-Token", TOKEN.substring(1)),
          Map.of("Kong-Admin-Token", ""), Map.of("Authorization", "Bearer wrong"), Map.of("Authorization", TOKEN),
          Map.of("Authorization", "Basic " + TOKEN), Map.of("Authorization", "Bearer"));
      for (Map<String, String> headers : refused) {
        for (String[] call : new String[][] {{"GET", "/consumers"}, {"GET", "/"}, {"GET", "/status"},
            {"GET", "/nothing"}, {"OPTIONS", "/consumers"}, {"GET", "/openapi.json"}}) {
          Http.Resp r = http.send(call[0], call[1], null, null, headers).expect(401);
          assertEquals(Map.of("message", "Unauthorized"), r.obj(), headers + " " + call[1]);
        }
        AdminHttpTestBase.unchanged(() -> http.send("POST", "/consumers", Http.JSON, alice, headers)).expect(401);
        AdminHttpTestBase.unchanged(() -> http.send("DELETE", "/consumers/alice", null, null, headers)).expect(401);
      }
      assertEquals(0, AdminTestSupport.scalar("select count(*) from consumers"));

      http.send("POST", "/consumers", Http.JSON, alice, Map.of("Kong-Admin-Token", TOKEN)).expect(201);
      http.send("GET", "/consumers/alice", null, null, Map.of("Authorization", "Bearer " + TOKEN)).expect(200);
      http.send("GET", "/consumers/alice", null, null, Map.of("authorization", "bearer " + TOKEN)).expect(200);
      http.send("DELETE", "/consumers/alice", null, null, Map.of("Authorization", "Bearer " + TOKEN)).expect(204);
      assertEquals(0, AdminTestSupport.scalar("select count(*) from consumers"));
    } finally {
      server.close();
    }
  }
}
