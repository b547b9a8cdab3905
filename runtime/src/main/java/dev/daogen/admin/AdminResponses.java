package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The admin API's common responses: JSON bodies written with a generator, Kong's {@code {"message": …}} bodies,
 * 404, and 405 / {@code OPTIONS} with their {@code Allow} header.
 */
final class AdminResponses {
  private static final String NOT_FOUND = "{\"message\":\"Not found\"}";
  private static final String METHOD_NOT_ALLOWED = "{\"message\":\"Method not allowed\"}";

  private AdminResponses() {}

  /** Writes one JSON body. */
  @FunctionalInterface
  interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  static AdminResponse json(int status, JsonBody body) {
    try (JsonOutput out = JsonOutput.open()) {
      body.write(out.generator());
      return new AdminResponse(status, out.finish(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AdminResponse message(int status, String message) {
    return json(status, g -> {
      g.writeStartObject();
      g.writeStringField("message", message);
      g.writeEndObject();
    });
  }

  static AdminResponse notFound() {
    return AdminResponse.json(404, NOT_FOUND);
  }

  /**
   * A method the path does not serve: 405 with the methods it does ({@code HEAD} with {@code GET}, always
   * {@code OPTIONS}); an {@code OPTIONS} request gets them with 204.
   */
  static AdminResponse notAllowed(String method, Set<String> allowed) {
    Set<String> all = new LinkedHashSet<>(allowed);
    if (all.contains("GET")) {
      all.add("HEAD");
    }
    all.add("OPTIONS");
    String allow = String.join(", ", all);
    if (method.equals("OPTIONS")) {
      return new AdminResponse(204, new byte[0], Map.of("Allow", allow));
    }
    return new AdminResponse(405, METHOD_NOT_ALLOWED.getBytes(StandardCharsets.UTF_8), Map.of("Allow", allow));
  }
}
