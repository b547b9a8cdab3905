package dev.daogen.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The admin API's real limit: a bare JDK {@link HttpServer} (same worker pool, TCP_NODELAY) that runs the same raw
 * JDBC statement as the admin route and writes the same JSON by hand — {@code GET /consumers/{id}} (one select by
 * key), {@code GET /consumers} (the first page of 100: 101 rows read, the next offset), {@code POST /consumers} (an
 * insert of the posted username and tags, 201 with the row). No routing table, no validation, no events, no JSON
 * library: what any admin API must at least do per request.
 */
final class LimitServer implements AutoCloseable {
  private static final String PAGE_FIRST = "select " + JdbcOps.COLUMNS + " from \"consumers\""
      + " order by \"id\" asc fetch next ? rows only";

  private final DataSource ds;
  private final HttpServer server;

  LimitServer(DataSource ds, int threads) throws IOException {
    this.ds = ds;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    AtomicInteger n = new AtomicInteger();
    server.setExecutor(new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 16), r -> {
          Thread t = new Thread(r, "limit-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }));
    server.createContext("/consumers", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getRawPath();
      int status;
      String json;
      try {
        if (path.equals("/consumers") || path.equals("/consumers/")) {
          if (exchange.getRequestMethod().equals("POST")) {
            json = insert(new String(body, StandardCharsets.UTF_8));
            status = 201;
          } else {
            json = firstPage();
            status = 200;
          }
        } else {
          json = item(UUID.fromString(path.substring("/consumers/".length())));
          status = json == null ? 404 : 200;
          if (json == null) {
            json = "{\"message\":\"Not found\"}";
          }
        }
      } catch (SQLException | RuntimeException e) {
        status = 500;
        json = "{\"message\":\"An unexpected error occurred\"}";
      }
      byte[] out = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    }
  }

  private String item(UUID id) throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(JdbcOps.SELECT_BY_ID)) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        StringBuilder sb = new StringBuilder(256);
        row(sb, rs);
        return sb.toString();
      }
    }
  }

  private String firstPage() throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE_FIRST)) {
      ps.setInt(1, 101);
      StringBuilder sb = new StringBuilder(100 * 220);
      sb.append("{\"data\":[");
      int n = 0;
      String last = null;
      boolean more = false;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (n == 100) {
            more = true;
            break;
          }
          if (n++ > 0) {
            sb.append(',');
          }
          last = row(sb, rs);
        }
      }
      sb.append("],\"offset\":");
      if (more) {
        String offset = Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
        sb.append('"').append(offset).append("\",\"next\":\"/consumers?offset=").append(offset).append("\"}");
      } else {
        sb.append("null,\"next\":null}");
      }
      return sb.toString();
    }
  }

  private String insert(String body) throws SQLException {
    String username = stringField(body, "username");
    List<String> tags = arrayField(body, "tags");
    UUID id = UUID.randomUUID();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(JdbcOps.INSERT)) {
      OffsetDateTime t = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
      ps.setObject(1, id);
      ps.setObject(2, t);
      ps.setObject(3, t);
      ps.setString(4, username);
      ps.setString(5, null);
      ps.setArray(6, tags == null ? null : c.createArrayOf("text", tags.toArray()));
      ps.executeUpdate();
    }
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"id\":\"").append(id).append("\",\"created_at\":").append(now.getEpochSecond())
        .append(",\"updated_at\":").append(now.getEpochSecond()).append(",\"username\":");
    string(sb, username);
    sb.append(",\"custom_id\":null,\"tags\":");
    strings(sb, tags);
    return sb.append('}').toString();
  }

  /** Writes one row as the admin API's JSON; returns its id's text. */
  private static String row(StringBuilder sb, ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    Timestamp created = rs.getTimestamp(2);
    Timestamp updated = rs.getTimestamp(3);
    sb.append("{\"id\":\"").append(id).append("\",\"created_at\":")
        .append(created == null ? "null" : Long.toString(created.getTime() / 1000))
        .append(",\"updated_at\":").append(updated == null ? "null" : Long.toString(updated.getTime() / 1000))
        .append(",\"username\":");
    string(sb, rs.getString(4));
    sb.append(",\"custom_id\":");
    string(sb, rs.getString(5));
    sb.append(",\"tags\":");
    Array a = rs.getArray(6);
    strings(sb, a == null ? null : List.of((String[]) a.getArray()));
    sb.append('}');
    return id;
  }

  private static void strings(StringBuilder sb, List<String> values) {
    if (values == null) {
      sb.append("null");
      return;
    }
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, values.get(i));
    }
    sb.append(']');
  }

  private static void string(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    sb.append('"');
  }

  /** The string value of a top-level field of a small, trusted JSON object (no escapes), or null. */
  private static String stringField(String json, String name) {
    int k = json.indexOf("\"" + name + "\"");
    if (k < 0) {
      return null;
    }
    int start = json.indexOf('"', json.indexOf(':', k) + 1);
    return json.substring(start + 1, json.indexOf('"', start + 1));
  }

  /** The strings of a top-level array field of a small, trusted JSON object, or null. */
  private static List<String> arrayField(String json, String name) {
    int k = json.indexOf("\"" + name + "\"");
    if (k < 0) {
      return null;
    }
    int open = json.indexOf('[', k);
    int close = json.indexOf(']', open);
    List<String> out = new ArrayList<>();
    int i = open;
    while ((i = json.indexOf('"', i + 1)) >= 0 && i < close) {
      int end = json.indexOf('"', i + 1);
      out.add(json.substring(i + 1, end));
      i = end;
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    ((ThreadPoolExecutor) server.getExecutor()).shutdown();
  }
}
