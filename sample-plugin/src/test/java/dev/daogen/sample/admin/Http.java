package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A small HTTP client for the admin API tests (java.net.http) and a JSON reader into maps and lists. */
public final class Http {
  static final String JSON = "application/json";
  static final String FORM = "application/x-www-form-urlencoded";
  private static final JsonFactory FACTORY = new JsonFactory();
  /** What must never reach a client: stack frames, exception class names, SQL. */
  private static final Pattern LEAK = Pattern.compile(
      "(?i)(\\bat [a-z0-9_.$]+\\([A-Za-z0-9_]+\\.java:\\d+\\)|Exception|org\\.postgresql|\\bselect\\b.*\\bfrom\\b"
          + "|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|\\bdelete from\\b|\\bviolates\\b|\\bSQLSTATE\\b|"
          + "\\bpg_|\\bjava\\.|\\bdev\\.daogen\\.)");

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** A response: status, body text, headers. */
  record Resp(int status, String body, HttpResponse<byte[]> raw) {
    Object json() {
      return parse(body);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> obj() {
      Object v = json();
      if (!(v instanceof Map)) {
        throw new AssertionError("expected a JSON object, got: " + body);
      }
      return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data() {
      return (List<Map<String, Object>>) obj().get("data");
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    Resp expect(int expected) {
      assertEquals(expected, status, () -> "status of " + raw.request().method() + " " + raw.request().uri()
          + ", body: " + body);
      assertNoLeak();
      return this;
    }

    void assertNoLeak() {
      assertFalse(LEAK.matcher(body).find(), () -> "response body leaks internals: " + body);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Resp get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  Resp delete(String path) {
    return send("DELETE", path, null, null, Map.of());
  }

  Resp json(String method, String path, String json) {
    return send(method, path, JSON, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Resp form(String method, String path, String form) {
    return send(method, path, FORM, form.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Resp send(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Resp(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Parses a whole JSON text into maps, lists and scalars; fails the test on anything else. */
  public static Object parse(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      Object v = value(p);
      if (p.nextToken() != null) {
        throw new AssertionError("trailing content in " + json);
      }
      return v;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> m = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          m.put(name, value(p));
        }
        return m;
      }
      case START_ARRAY: {
        List<Object> l = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.add(value(p));
        }
        return l;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new AssertionError("unexpected token " + t);
    }
  }
}
