package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The constructor's host check; nothing is started, so no AdminApi (and no database) is needed. */
class JettyAdminServerTest {
  private static final AdminOptions DEFAULTS = AdminOptions.defaults();

  @Test
  void loopbackNeedsNoToken() {
    assertDoesNotThrow(() -> new JettyAdminServer(null, DEFAULTS));
    assertDoesNotThrow(() -> new JettyAdminServer(null, DEFAULTS.withHost("localhost")));
    assertDoesNotThrow(() -> new JettyAdminServer(null, DEFAULTS.withHost("::1")));
    assertDoesNotThrow(() -> new JettyAdminServer(null, DEFAULTS.withHost("127.0.0.2")));
  }

  @Test
  void otherAddressesNeedAToken() {
    for (String host : new String[] {"0.0.0.0", "::", "10.1.2.3", "192.168.0.1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new JettyAdminServer(null, DEFAULTS.withHost(host)), host);
      assertEquals("refusing to serve the admin API on " + host
          + " without an admin token: set one, or listen on 127.0.0.1", e.getMessage());
      assertDoesNotThrow(() -> new JettyAdminServer(null, DEFAULTS.withHost(host).withToken("secret")));
    }
  }

  @Test
  void unresolvableHostsAreNotLoopback() {
    // ".invalid" never resolves (RFC 6761); no token, so refused rather than trusted
    assertThrows(IllegalArgumentException.class,
        () -> new JettyAdminServer(null, DEFAULTS.withHost("admin.example.invalid")));
  }

  @Test
  void aBlankTokenIsNoToken() {
    for (String blank : new String[] {"", " ", "\t"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new JettyAdminServer(null, DEFAULTS.withHost("0.0.0.0").withToken(blank)));
      assertEquals("refusing to serve the admin API on 0.0.0.0 without an admin token: set one, or listen on "
          + "127.0.0.1", e.getMessage());
    }
    assertDoesNotThrow(() -> new JettyAdminServer(null, DEFAULTS.withToken("")));
  }

  @Test
  void defaultsAreKongs() {
    assertEquals("127.0.0.1", DEFAULTS.host());
    assertEquals(8001, DEFAULTS.port());
    assertEquals(null, DEFAULTS.token());
    assertEquals(1 << 20, DEFAULTS.maxBodyBytes());
  }
}
