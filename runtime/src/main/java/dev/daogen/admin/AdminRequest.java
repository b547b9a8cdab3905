package dev.daogen.admin;

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

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
