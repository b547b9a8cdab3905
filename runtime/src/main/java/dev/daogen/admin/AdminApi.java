package dev.daogen.admin;

import dev.daogen.schema.AdminRoute;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kong's admin API over the generated route descriptors, independent of the HTTP stack: a request in, a response
 * out. Errors become Kong's bodies and statuses; database errors and bugs become a generic 500 (details only in the
 * log); nothing about SQL or stack traces reaches the client.
 *
 * <p>This class owns the entry point (the UI's files, the admin token, {@code HEAD}, no exception escaping) and
 * wires the rest: {@link AdminRouter} (route table), {@link EntityRoutes} (the generated routes' operations),
 * {@link BodyBinder} (bodies to drafts and patches), {@link ListPager} (lists), {@link SchemaEndpoints},
 * {@link CacheEndpoints}, {@link StatusEndpoints}, {@link AdminErrors} (errors to responses) and
 * {@link AdminPaths} (path decoding).
 */
public final class AdminApi {
  /** The daogen version reported by {@code GET /}. */
  public static final String VERSION = "0.1.0";

  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  static final String INVALID_PATH = AdminPaths.INVALID_PATH;

  private final byte[] token;
  private final AdminUi ui = new AdminUi();
  private final AdminRouter router;

  public AdminApi(Database db, AdminOptions options) {
    this.token = options.token() == null ? null : options.token().getBytes(StandardCharsets.UTF_8);
    List<PluginModule> plugins = db.plugins();
    Map<String, EntityAdmin<?, ?, ?>> admins = new LinkedHashMap<>();
    for (PluginModule plugin : plugins) {
      if (plugin instanceof AdminModule module) {
        for (EntityAdmin<?, ?, ?> admin : module.admins(db)) {
          admins.put(admin.schema().name(), admin);
        }
      }
    }
    Map<String, EntityAdmin<?, ?, ?>> byEntity = Collections.unmodifiableMap(admins);
    this.router = new AdminRouter(byEntity, new StatusEndpoints(db, plugins, byEntity),
        new CacheEndpoints(db, byEntity), new SchemaEndpoints(byEntity, OpenApiDocuments.merge(plugins)),
        new EntityRoutes(byEntity, new ListPager(db, options.listBudgetBytes())));
  }

  /** The routes served, in the order they are matched. */
  public List<AdminRoute> routes() {
    return router.routes();
  }

  /**
   * Handles one request as a transport sees it: the raw (still percent-encoded) path and query. Never throws.
   *
   * @param method the HTTP method
   * @param rawPath the path as sent, or null (e.g. CONNECT's authority form)
   * @param rawQuery the query as sent, without {@code ?}, or null
   * @param contentType the Content-Type header, or null
   * @param sentToken the admin token sent, or null
   * @param body the complete request body
   */
  public AdminResponse handle(String method, String rawPath, String rawQuery, String contentType, String sentToken,
      byte[] body) {
    Map<String, List<String>> query;
    try {
      query = AdminRequest.query(rawQuery);
    } catch (BadRequest e) {
      return allows(sentToken) ? AdminResponses.message(e.status(), e.getMessage())
          : AdminResponse.json(401, UNAUTHORIZED);
    }
    return handle(new AdminRequest(method.toUpperCase(Locale.ROOT), rawPath, query, contentType, sentToken, body));
  }

  /** Handles one request. Never throws. */
  public AdminResponse handle(AdminRequest req) {
    try {
      if (AdminUi.serves(req.path())) {
        return ui.handle(req);
      }
      if (token != null && !authorized(req.authorization())) {
        return AdminResponse.json(401, UNAUTHORIZED);
      }
      boolean head = req.method().equals("HEAD");
      AdminResponse response = router.dispatch(head ? "GET" : req.method(), req);
      return head ? new AdminResponse(response.status(), new byte[0], response.headers()) : response;
    } catch (BadRequest e) {
      return AdminResponses.message(e.status(), e.getMessage());
    } catch (DaoException e) {
      return AdminErrors.response(e);
    } catch (RuntimeException | Error e) {
      return AdminErrors.unexpected(req, e);
    }
  }

  /** Whether a request with this token may be served (always, when no token is configured). */
  boolean allows(String sent) {
    return token == null || authorized(sent);
  }

  private boolean authorized(String sent) {
    if (sent == null) {
      return false;
    }
    // constant time: the comparison does not reveal how many leading bytes matched
    return MessageDigest.isEqual(token, sent.getBytes(StandardCharsets.UTF_8));
  }

  /** See {@link AdminPaths#segments}. */
  static List<String> segments(String path) {
    return AdminPaths.segments(path);
  }

  /** See {@link AdminErrors#status}. */
  static int status(ErrorCode code) {
    return AdminErrors.status(code);
  }

  /** Reads a class path resource, or null. */
  static byte[] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
