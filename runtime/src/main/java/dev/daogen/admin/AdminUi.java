package dev.daogen.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The admin UI's static files (HTML, CSS, ES modules) from the class path, under {@code /ui}. They hold no data, so
 * they are served without the admin token: a browser cannot add a header to a navigation, and the page asks for the
 * token itself before it calls the API. Independent of the HTTP stack, like {@link AdminApi}.
 */
final class AdminUi {
  static final String PREFIX = "/ui";
  private static final String ROOT = "dev/daogen/admin/ui/";
  /** One path segment of a file name: no dot files, no {@code ..}, nothing a class loader would read as a path. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon");
  /**
   * The page only talks to its own origin and runs only its own scripts; no framing (clickjacking an admin page
   * would be an attack on the data).
   */
  private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final ClassLoader loader = AdminUi.class.getClassLoader();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  /** Whether a request path is the UI's (then {@link #handle} answers it). */
  static boolean serves(String path) {
    return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
  }

  /** Answers GET and HEAD of a UI file; 404 for anything that is not one of them, 405 for other methods. */
  AdminResponse handle(AdminRequest req) {
    if (req.path().equals(PREFIX)) {
      // relative, so that the UI also works where the admin API is mounted under a prefix
      return new AdminResponse(302, new byte[0], Map.of("Location", "ui/"));
    }
    String name = req.path().equals(PREFIX + "/") ? "index.html" : req.path().substring(PREFIX.length() + 1);
    String type = type(name);
    byte[] body = type == null ? null : file(name);
    if (body == null) {
      return AdminResponse.json(404, "{\"message\":\"Not found\"}");
    }
    boolean head = req.method().equals("HEAD");
    if (!head && !req.method().equals("GET")) {
      return new AdminResponse(405, "{\"message\":\"Method not allowed\"}".getBytes(StandardCharsets.UTF_8),
          Map.of("Allow", "GET, HEAD, OPTIONS"));
    }
    // no-cache: the browser revalidates, so a new version of the jar is picked up at once
    return new AdminResponse(200, head ? new byte[0] : body, Map.of(
        "Content-Type", type,
        "Cache-Control", "no-cache",
        "X-Content-Type-Options", "nosniff",
        "Referrer-Policy", "no-referrer",
        "Content-Security-Policy", CSP));
  }

  /** The content type of a file name that may be served, or null. */
  private static String type(String name) {
    for (String segment : name.split("/", -1)) {
      if (!NAME.matcher(segment).matches()) {
        return null;
      }
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private byte[] file(String name) {
    byte[] cached = files.get(name);
    if (cached != null) {
      return cached;
    }
    byte[] read = AdminApi.resource(loader, ROOT + name);
    if (read != null) {
      files.put(name, read);
    }
    return read;
  }
}
