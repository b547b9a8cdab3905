package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Starts the admin API over real HTTP on 127.0.0.1 (any free port) on the test database; empties it per test. */
abstract class AdminHttpTestBase {
  static JettyAdminServer server;
  static Http http;

  @BeforeAll
  static void startServer() {
    AdminOptions options = AdminOptions.defaults().withPort(0);
    server = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options);
    server.start();
    http = new Http("http://127.0.0.1:" + server.address().getPort());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void emptyTables() {
    AdminTestSupport.reset();
  }

  /** Runs a request that must not change any table, and returns its response. */
  static Http.Resp unchanged(Supplier<Http.Resp> request) {
    Map<String, String> before = AdminTestSupport.snapshot();
    Http.Resp r = request.get();
    r.assertNoLeak();
    assertEquals(before, AdminTestSupport.snapshot(), () -> "data changed by a refused request; response " + r);
    return r;
  }

  static String str(Object o) {
    return (String) o;
  }
}
