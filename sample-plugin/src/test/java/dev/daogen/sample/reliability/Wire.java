package dev.daogen.sample.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reliability tests' HTTP: java.net.http for everything it agrees to send, raw sockets for the rest (bad request
 * lines, lying Content-Length, invalid bytes in the path, methods HttpClient refuses).
 */
final class Wire {
  /** What must never reach a client: stack frames, exception class names, SQL, driver names. */
  static final Pattern LEAK = Pattern.compile(
      "(?i)(\\bat [a-z0-9_.$]+\\([A-Za-z0-9_]+\\.java:\\d+\\)|Exception\\b|org\\.postgresql|\\bselect\\b.*\\bfrom\\b"
          + "|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|\\bdelete from\\b|\\bviolates\\b|\\bSQLSTATE\\b|"
          + "\\bpg_catalog|\\bjava\\.[a-z]+\\.|\\bdev\\.daogen\\.|\\bcom\\.fasterxml|\\bHikari)");

  /** A response; status -1 when the server closed the connection without answering. */
  record Resp(int status, String body) {
    boolean leaks() {
      return LEAK.matcher(body).find();
    }

    /** Whether the body leaks internals, not counting echoes of what the client sent. */
    boolean leaks(java.util.Collection<String> echoes) {
      String b = body;
      for (String e : echoes) {
        b = b.replace(e, "");
      }
      return LEAK.matcher(b).find();
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
  }

  private final HttpClient client;
  private final String host;
  private final int port;
  private final Duration timeout;

  Wire(int port, Duration timeout) {
    this.host = "127.0.0.1";
    this.port = port;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  String base() {
    return "http://" + host + ":" + port;
  }

  Resp send(String method, String rawPathAndQuery, String contentType, byte[] body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + rawPathAndQuery)).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Resp(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + rawPathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Resp json(String method, String path, String json) {
    return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  Resp get(String path) {
    return send("GET", path, null, null, Map.of());
  }

  private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

  /**
   * Writes raw bytes on a fresh connection, half-closes it, and reads what comes back within the timeout. The
   * status is -1 when the server closed the connection without a response.
   */
  Resp raw(byte[] request) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 5000);
      s.setSoTimeout((int) timeout.toMillis());
      OutputStream out = s.getOutputStream();
      out.write(request);
      out.flush();
      s.shutdownOutput();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) >= 0; ) {
          got.write(buf, 0, n);
        }
      } catch (SocketTimeoutException e) {
        if (got.size() == 0) {
          throw new AssertionError("no answer within " + timeout + " to raw request "
              + new String(request, 0, Math.min(request.length, 80), StandardCharsets.ISO_8859_1));
        }
      } catch (IOException reset) {
        // a reset after (or instead of) the answer
      }
      String text = got.toString(StandardCharsets.UTF_8);
      Matcher m = STATUS_LINE.matcher(text);
      if (!m.find()) {
        return new Resp(-1, text);
      }
      int split = text.indexOf("\r\n\r\n");
      return new Resp(Integer.parseInt(m.group(1)), split < 0 ? "" : text.substring(split + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
