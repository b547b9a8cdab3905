package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.db.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How {@link JettyAdminServer} reads request bodies, on a server without plugins (every path is a 404 once the body
 * is in; the database is never asked): a body slower than the minimum data rate is refused with 408, a steady one is
 * read whole.
 */
class JettyAdminServerBodyTest {
  private JettyAdminServer server;
  private Database db;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private int start(AdminOptions options) {
    DataSource unused = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException("no database in this test");
        });
    db = Database.connect(unused);
    server = new JettyAdminServer(new AdminApi(db, options), options);
    server.start();
    return server.address().getPort();
  }

  @Test
  void aBodySlowerThanTheMinimumDataRateIs408() throws Exception {
    // 1 byte every 300 ms is about 3 B/s, far below 100 B/s; the request timeout is far away
    int port = start(AdminOptions.defaults().withPort(0).withMinDataRate(100)
        .withRequestTimeout(Duration.ofSeconds(30)));
    long started = System.nanoTime();
    String answer = exchange(port, 40, 300);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
    assertTrue(answer.endsWith("{\"message\":\"Request timeout: the body arrived too slowly\"}"), answer);
    assertTrue(millis < 10_000, "refused after " + millis + " ms");
  }

  @Test
  void aBodyAtTheMinimumDataRateIsRead() throws Exception {
    // 4 bytes every 20 ms is about 200 B/s, 20 times the minimum: read whole, then routed (a 404 on a server without
    // plugins). The margin is wide so that a loaded machine, whose sleeps run long, still sends faster than 10 B/s.
    int port = start(AdminOptions.defaults().withPort(0).withMinDataRate(10));
    String answer = exchange(port, 10, 20);
    assertTrue(answer.startsWith("HTTP/1.1 404 "), answer);
  }

  @Test
  void withoutAMinimumDataRateOnlyTheRequestTimeoutBoundsABody() throws Exception {
    int port = start(AdminOptions.defaults().withPort(0).withMinDataRate(0)
        .withRequestTimeout(Duration.ofMillis(1500)));
    String answer = exchange(port, 40, 100);
    assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
  }

  /**
   * Sends a POST whose 40-byte body arrives in {@code pieces} pieces {@code pauseMillis} apart (stopping when the
   * server answers), and returns the answer.
   */
  private static String exchange(int port, int pieces, long pauseMillis) throws Exception {
    byte[] body = "{\"username\":\"slow-body-of-forty-bytes!\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(40, body.length);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /nothing HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      int step = body.length / pieces;
      InputStream in = s.getInputStream();
      for (int sent = 0; sent < body.length; sent += step) {
        Thread.sleep(pauseMillis);
        if (in.available() > 0) {
          break;
        }
        try {
          out.write(body, sent, Math.min(step, body.length - sent));
          out.flush();
        } catch (IOException closed) {
          break;
        }
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
