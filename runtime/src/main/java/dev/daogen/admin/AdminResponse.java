package dev.daogen.admin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response of the admin API.
 *
 * @param status the HTTP status
 * @param body JSON bytes; empty for 204
 * @param headers extra headers (e.g. {@code Allow})
 */
public record AdminResponse(int status, byte[] body, Map<String, String> headers) {
  public static final String JSON = "application/json; charset=utf-8";

  static AdminResponse json(int status, String json) {
    return new AdminResponse(status, json.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  static AdminResponse noContent() {
    return new AdminResponse(204, new byte[0], Map.of());
  }

  /** The body as text (for tests and logs). */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
