package dev.daogen.admin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The admin API as a Jakarta Servlet (6.0), for an application that serves it from its own container (Spring Boot,
 * Micronaut, Helidon, Jetty, Tomcat): map it to a path such as {@code /admin/*}; the API sees the path after it.
 * The container's own limits (connections, headers, timeouts) apply; this servlet adds the exact body limit and the
 * admin token of its {@link AdminOptions}. {@code jakarta.servlet-api} is not a dependency of daogen: the
 * application's container provides it.
 */
public final class AdminServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final byte[] TOO_LARGE = "{\"message\":\"Request body too large\"}".getBytes(
      java.nio.charset.StandardCharsets.UTF_8);

  private final transient AdminApi api;
  private final int maxBodyBytes;

  public AdminServlet(AdminApi api, AdminOptions options) {
    this.api = api;
    this.maxBodyBytes = options.maxBodyBytes();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String token = request.getHeader("Kong-Admin-Token");
    String auth = request.getHeader("Authorization");
    if (token == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = auth.substring(7).trim();
    }
    AdminResponse r;
    byte[] body = api.allows(token) ? body(request) : new byte[0];
    if (body == null) {
      r = new AdminResponse(413, TOO_LARGE, java.util.Map.of("Connection", "close"));
    } else {
      r = api.handle(request.getMethod(), rawPath(request), request.getQueryString(), request.getContentType(), token,
          body);
    }
    response.setStatus(r.status());
    if (r.status() != 204) {
      response.setContentType(AdminResponse.JSON);
    }
    r.headers().forEach(response::setHeader);
    response.setContentLength(r.body().length);
    response.getOutputStream().write(r.body());
  }

  /** The path below the servlet's mapping, still percent-encoded (the API decodes it strictly). */
  private static String rawPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String prefix = request.getContextPath() + request.getServletPath();
    String path = uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    return path.isEmpty() ? "/" : path;
  }

  /** The body, or null when it is longer than the limit (exactly {@code maxBodyBytes} is accepted). */
  private byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      return null;
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxBodyBytes + 1);
      return body.length > maxBodyBytes ? null : body;
    }
  }
}
