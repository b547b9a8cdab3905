package dev.daogen.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API on the JDK's built-in {@link HttpServer}: a bounded worker pool (excess requests get 503), a request
 * body limit (413), and the admin token required on any non-loopback address.
 */
public final class JdkAdminServer implements AdminServer {
  private static final Logger LOG = LoggerFactory.getLogger(JdkAdminServer.class);

  private final AdminApi api;
  private final AdminOptions options;
  private HttpServer server;
  private ThreadPoolExecutor workers;

  public JdkAdminServer(AdminApi api, AdminOptions options) {
    this.api = api;
    this.options = options;
    if (options.token() == null && !isLoopback(options.host())) {
      throw new IllegalArgumentException("refusing to serve the admin API on " + options.host()
          + " without an admin token: set one, or listen on 127.0.0.1");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void start() {
    // the JDK server's own timeouts for idle and slow connections
    System.setProperty("sun.net.httpserver.maxReqTime",
        Long.toString(Math.max(1, options.requestTimeout().toSeconds())));
    System.setProperty("sun.net.httpserver.maxRspTime",
        Long.toString(Math.max(1, options.requestTimeout().toSeconds())));
    // without TCP_NODELAY, the server's separate header and body writes meet the client's delayed ACK (Nagle):
    // every kept-alive request then waits ~40 ms
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port(), e);
    }
    AtomicInteger n = new AtomicInteger();
    workers = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(options.threads() * 16), r -> {
          Thread t = new Thread(r, "daogen-admin-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, (r, pool) -> {
          throw new java.util.concurrent.RejectedExecutionException("admin API busy");
        });
    server.setExecutor(workers);
    server.createContext("/", this::exchange);
    server.start();
  }

  @Override
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(1);
      workers.shutdown();
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      AdminResponse response;
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        response = AdminResponse.json(413, "{\"message\":\"Request body too large\"}");
      } else {
        response = api.handle(request(exchange, body));
      }
      exchange.getResponseHeaders().set("Content-Type", AdminResponse.JSON);
      response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      boolean empty = response.body().length == 0;
      exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("admin exchange failed", e);
    }
  }

  /** The body, or null when it is larger than the limit. */
  private byte[] readBody(InputStream in) throws IOException {
    int limit = options.maxBodyBytes();
    byte[] body = in.readNBytes(limit + 1);
    if (body.length > limit) {
      return null;
    }
    return body;
  }

  private static AdminRequest request(HttpExchange exchange, byte[] body) {
    String token = exchange.getRequestHeaders().getFirst("Kong-Admin-Token");
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (token == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = auth.substring(7).trim();
    }
    return new AdminRequest(exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT),
        exchange.getRequestURI().getRawPath(), query(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders().getFirst("Content-Type"), token, body);
  }

  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (IllegalArgumentException badEncoding) {
        // a malformed parameter is ignored, as an unknown one would be
      }
    }
    return out;
  }
}
