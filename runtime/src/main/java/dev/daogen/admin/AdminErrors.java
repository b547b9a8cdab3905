package dev.daogen.admin;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.internal.Json;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors as responses: a {@link DaoException} becomes Kong's status and body (code, name, message, fields); a busy
 * pool becomes 503 with {@code Retry-After}; database errors and bugs become a generic 500, their details only in
 * the log.
 */
final class AdminErrors {
  // logged under AdminApi's name, which operators' log configurations already use
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final String UNEXPECTED = "{\"message\":\"An unexpected error occurred\"}";
  private static final String DATABASE_BUSY = "{\"message\":\"The database is busy, retry later\"}";

  private AdminErrors() {}

  /** Kong's statuses per error code; database errors are hidden behind a generic 500. */
  static int status(ErrorCode code) {
    return switch (code) {
      case UNIQUE_VIOLATION -> 409;
      case NOT_FOUND -> 404;
      case DATABASE_ERROR -> 500;
      case OPERATION_UNSUPPORTED -> 405;
      default -> 400;
    };
  }

  static AdminResponse response(DaoException e) {
    int status = status(e.code());
    if (e.getCause() instanceof SQLTransientConnectionException busy && busy.getCause() == null) {
      // every pooled connection stayed in use for the pool's whole wait (an unreachable database has a cause)
      LOG.warn("database busy: {}", busy.getMessage());
      return new AdminResponse(503, DATABASE_BUSY.getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "1"));
    }
    if (status == 500) {
      LOG.error("database error", e);
      return AdminResponse.json(500, UNEXPECTED);
    }
    if (e.code() == ErrorCode.NOT_FOUND) {
      return AdminResponses.notFound();
    }
    return AdminResponses.json(status, g -> {
      g.writeStartObject();
      g.writeNumberField("code", e.code().code());
      g.writeStringField("name", e.code().errorName());
      g.writeStringField("message", e.getMessage());
      g.writeFieldName("fields");
      Json.writeTree(g, e.fields());
      g.writeEndObject();
    });
  }

  /** A bug: logged with the request line, answered with a generic 500. */
  static AdminResponse unexpected(AdminRequest req, Throwable e) {
    LOG.error("admin request {} {} failed", req.method(), req.path(), e);
    return AdminResponse.json(500, UNEXPECTED);
  }
}
