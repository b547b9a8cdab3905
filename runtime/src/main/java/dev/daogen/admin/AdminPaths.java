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
    // one pass, segment by segment: no split, no intermediate arrays
    int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
    List<String> out = new ArrayList<>(4);
    if (end == 1) {
      return out;
    }
    for (int start = 1; start <= end; ) {
      int slash = path.indexOf('/', start);
      int stop = slash < 0 || slash > end ? end : slash;
      if (stop == start) {
        return null;
      }
      String decoded = decodeSegment(path.substring(start, stop));
      if (decoded.equals(".") || decoded.equals("..")) {
        return null;
      }
      out.add(decoded);
      start = stop + 1;
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
