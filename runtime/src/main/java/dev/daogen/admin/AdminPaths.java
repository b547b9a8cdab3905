package dev.daogen.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API's paths as text: decoding a raw request path into segments (strictly, so that one row has one
 * path) and encoding segments and query values back into the links the API writes ({@code next}).
 */
final class AdminPaths {
  static final String INVALID_PATH = "Invalid path: not percent-encoded UTF-8";

  private AdminPaths() {}

  /**
   * Splits and decodes the path; a trailing slash is ignored; null for paths that cannot name anything. A segment
   * that is not percent-encoded UTF-8 is a 400: decoding it leniently (to U+FFFD) would let two different paths
   * address the same row.
   */
  static List<String> segments(String path) {
    if (path == null || !path.startsWith("/")) {
      return null;
    }
    String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    List<String> out = new ArrayList<>();
    if (p.equals("/")) {
      return out;
    }
    for (String raw : p.substring(1).split("/", -1)) {
      if (raw.isEmpty()) {
        return null;
      }
      String decoded = decodeSegment(raw);
      if (decoded.equals(".") || decoded.equals("..")) {
        return null;
      }
      out.add(decoded);
    }
    return out;
  }

  private static String decodeSegment(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    try {
      // in a path '+' is itself, not a space
      return RequestBodies.decode(raw.replace("+", "%2B"));
    } catch (BadRequest e) {
      throw new BadRequest(400, INVALID_PATH);
    }
  }

  /** A query value, form-encoded. */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A path segment, percent-encoded (a space is {@code %20}, not {@code +}). */
  static String encodeSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
