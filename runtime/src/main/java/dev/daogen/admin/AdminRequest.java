package dev.daogen.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the admin API sees it, independent of the HTTP stack.
 *
 * @param method the HTTP method, upper case
 * @param path the raw (still percent-encoded) path, without the query
 * @param query the decoded query parameters
 * @param contentType the Content-Type header, or null
 * @param authorization the admin token sent ({@code Kong-Admin-Token} or {@code Authorization: Bearer}), or null
 * @param body the request body (empty when none)
 */
public record AdminRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    String contentType,
    String authorization,
    byte[] body) {

  static final String INVALID_QUERY = "Invalid query: not percent-encoded UTF-8";

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * Decodes a raw query string ({@code a=1&b=x+y}, form-encoded: {@code +} is a space).
   *
   * @throws BadRequest (400) when a parameter is not percent-encoded UTF-8: decoding it leniently would change it
   */
  public static Map<String, List<String>> query(String raw) {
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
        String key = RequestBodies.decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : RequestBodies.decode(pair.substring(eq + 1));
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } catch (BadRequest badEncoding) {
        throw new BadRequest(400, INVALID_QUERY);
      }
    }
    return out;
  }
}
