package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import dev.daogen.dao.Tags;
import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import dev.daogen.internal.FieldErrors;
import dev.daogen.internal.Json;
import dev.daogen.schema.AdminRoute;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kong's admin API over the generated route descriptors, independent of the HTTP stack: a request in, a response
 * out. Errors become Kong's bodies and statuses; database errors and bugs become a generic 500 (details only in the
 * log); nothing about SQL or stack traces reaches the client.
 */
public final class AdminApi {
  /** The daogen version reported by {@code GET /}. */
  public static final String VERSION = "0.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final String NOT_FOUND = "{\"message\":\"Not found\"}";
  private static final String METHOD_NOT_ALLOWED = "{\"message\":\"Method not allowed\"}";
  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  private static final String UNEXPECTED = "{\"message\":\"An unexpected error occurred\"}";
  private static final String DATABASE_BUSY = "{\"message\":\"The database is busy, retry later\"}";
  static final String INVALID_PATH = "Invalid path: not percent-encoded UTF-8";

  private final Database db;
  private final byte[] token;
  private final List<PluginModule> plugins;
  private final Map<String, EntityAdmin<?, ?, ?>> byEntity = new LinkedHashMap<>();
  private final List<CompiledRoute> routes = new ArrayList<>();
  private final byte[] openApi;
  private final AdminUi ui = new AdminUi();
  private final int listBudgetBytes;
  /** Per entity: the most JSON bytes one of its rows has taken in a list here, to size a list's first slice. */
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> rowBytes =
      new java.util.concurrent.ConcurrentHashMap<>();

  public AdminApi(Database db, AdminOptions options) {
    this.db = db;
    this.token = options.token() == null ? null : options.token().getBytes(StandardCharsets.UTF_8);
    this.plugins = db.plugins();
    for (PluginModule plugin : plugins) {
      for (EntityAdmin<?, ?, ?> admin : plugin.admins(db)) {
        byEntity.put(admin.schema().name(), admin);
      }
    }
    for (EntityAdmin<?, ?, ?> admin : byEntity.values()) {
      for (AdminRoute route : admin.routes()) {
        routes.add(new CompiledRoute(route, route.path().substring(1).split("/")));
      }
    }
    this.openApi = OpenApiDocuments.merge(plugins);
    this.listBudgetBytes = options.listBudgetBytes();
  }

  /** The routes served, in the order they are matched. */
  public List<AdminRoute> routes() {
    return routes.stream().map(CompiledRoute::route).toList();
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
      return allows(sentToken) ? message(e.status(), e.getMessage()) : AdminResponse.json(401, UNAUTHORIZED);
    }
    return handle(new AdminRequest(method.toUpperCase(java.util.Locale.ROOT), rawPath, query, contentType,
        sentToken, body));
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
      AdminResponse response = dispatch(head ? "GET" : req.method(), req);
      return head ? new AdminResponse(response.status(), new byte[0], response.headers()) : response;
    } catch (BadRequest e) {
      return message(e.status(), e.getMessage());
    } catch (DaoException e) {
      return error(e);
    } catch (RuntimeException | Error e) {
      LOG.error("admin request {} {} failed", req.method(), req.path(), e);
      return AdminResponse.json(500, UNEXPECTED);
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

  private AdminResponse dispatch(String method, AdminRequest req) {
    List<String> segments = segments(req.path());
    if (segments == null) {
      return AdminResponse.json(404, NOT_FOUND);
    }
    AdminResponse fixed = fixedRoutes(method, segments, req);
    if (fixed != null) {
      return fixed;
    }
    Set<String> allowed = new LinkedHashSet<>();
    for (CompiledRoute route : routes) {
      if (!route.matches(segments)) {
        continue;
      }
      allowed.add(route.route().method());
      if (route.route().method().equals(method)) {
        return run(route.route(), segments, req);
      }
    }
    if (allowed.isEmpty()) {
      return AdminResponse.json(404, NOT_FOUND);
    }
    return notAllowed(method, allowed);
  }

  private static AdminResponse notAllowed(String method, Set<String> allowed) {
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

  // ---- fixed routes --------------------------------------------------------------------------------------

  private AdminResponse fixedRoutes(String method, List<String> s, AdminRequest req) {
    if (s.isEmpty()) {
      return method.equals("GET") ? info(req) : notAllowed(method, Set.of("GET"));
    }
    String first = s.get(0);
    if (first.equals("status") && s.size() == 1) {
      return method.equals("GET") ? status() : notAllowed(method, Set.of("GET"));
    }
    if (first.equals("openapi.json") && s.size() == 1) {
      return method.equals("GET") ? new AdminResponse(200, openApi, Map.of()) : notAllowed(method, Set.of("GET"));
    }
    if (first.equals("cache") && s.size() <= 2) {
      return cacheRoute(method, s);
    }
    if (first.equals("schemas") && (s.size() == 2 || s.size() == 3 && s.get(2).equals("validate"))) {
      EntityAdmin<?, ?, ?> admin = byEntity.get(s.get(1));
      if (admin == null) {
        return AdminResponse.json(404, NOT_FOUND);
      }
      if (s.size() == 2) {
        return method.equals("GET") ? schema(admin.schema()) : notAllowed(method, Set.of("GET"));
      }
      return method.equals("POST") ? validate(admin, req) : notAllowed(method, Set.of("POST"));
    }
    return null;
  }

  /** {@code GET|DELETE /cache/{key}}, {@code DELETE /cache}: this node's entity cache; deletes reach all nodes. */
  private AdminResponse cacheRoute(String method, List<String> s) {
    if (s.size() == 1) {
      if (!method.equals("DELETE")) {
        return notAllowed(method, Set.of("DELETE"));
      }
      db.cache().purge();
      return AdminResponse.noContent();
    }
    String key = s.get(1);
    if (method.equals("DELETE")) {
      db.cache().invalidate(key);
      return AdminResponse.noContent();
    }
    if (!method.equals("GET")) {
      return notAllowed(method, Set.of("GET", "DELETE"));
    }
    return db.cache().peek(key).map(peek -> json(200, g -> {
      g.writeStartObject();
      g.writeStringField("key", key);
      g.writeFieldName("value");
      writeCached(g, key, peek.value());
      g.writeEndObject();
    })).orElseGet(AdminApi::notFound);
  }

  /** A cached entity in its admin JSON form (found by the entity name the key starts with); null for a miss. */
  private void writeCached(JsonGenerator g, String key, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
      return;
    }
    int colon = key.indexOf(':');
    EntityAdmin<?, ?, ?> admin = colon < 0 ? null : byEntity.get(key.substring(0, colon));
    if (admin != null && admin.schema().type().isInstance(value)) {
      writeEntity(g, admin, value);
    } else {
      g.writeString(String.valueOf(value));
    }
  }

  private static <E> void writeEntity(JsonGenerator g, EntityAdmin<E, ?, ?> admin, Object value)
      throws IOException {
    admin.write(g, admin.schema().type().cast(value));
  }

  /** {@code GET /}: plugins and entities; with {@code ?counts=true} also each entity's row count (the UI's home). */
  private AdminResponse info(AdminRequest req) {
    boolean counts = "true".equals(req.param("counts"));
    return json(200, g -> {
      g.writeStartObject();
      g.writeStringField("version", VERSION);
      g.writeArrayFieldStart("plugins");
      for (PluginModule p : plugins) {
        g.writeStartObject();
        g.writeStringField("name", p.name());
        g.writeStringField("version", p.version());
        g.writeArrayFieldStart("entities");
        for (EntitySchema<?> e : p.entities()) {
          if (byEntity.containsKey(e.name())) {
            g.writeString(e.name());
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("entities");
      for (String name : byEntity.keySet()) {
        g.writeString(name);
      }
      g.writeEndArray();
      if (counts) {
        g.writeObjectFieldStart("counts");
        for (EntityAdmin<?, ?, ?> admin : byEntity.values()) {
          g.writeNumberField(admin.schema().name(), admin.count());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    });
  }

  private AdminResponse status() {
    boolean reachable;
    try (Connection c = db.dataSource().getConnection()) {
      reachable = c.isValid(2);
    } catch (Exception e) {
      LOG.warn("database unreachable: {}", e.toString());
      reachable = false;
    }
    boolean up = reachable;
    return json(200, g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("database");
      g.writeBooleanField("reachable", up);
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  private static AdminResponse schema(EntitySchema<?> schema) {
    return json(200, g -> {
      g.writeStartObject();
      g.writeStringField("name", schema.name());
      g.writeArrayFieldStart("primary_key");
      for (FieldSchema<?> f : schema.primaryKey()) {
        g.writeString(f.jsonName());
      }
      g.writeEndArray();
      if (schema.endpointKey() != null) {
        g.writeStringField("endpoint_key", schema.field(schema.endpointKey()).jsonName());
      }
      if (!schema.cacheKey().isEmpty()) {
        g.writeArrayFieldStart("cache_key");
        for (FieldSchema<?> f : schema.cacheKey()) {
          g.writeString(f.jsonName());
        }
        g.writeEndArray();
      }
      g.writeBooleanField("ttl", schema.ttl());
      g.writeStringField("admin_api_name", schema.adminApiName());
      g.writeStringField("admin_api_nested_name", schema.adminApiNestedName());
      g.writeArrayFieldStart("fields");
      for (FieldSchema<?> f : schema.fields()) {
        g.writeStartObject();
        g.writeObjectFieldStart(f.jsonName());
        g.writeStringField("type", f.type().name().toLowerCase(java.util.Locale.ROOT));
        g.writeBooleanField("required", f.isRequired());
        writeFlag(g, "nullable", f.isNullable());
        writeFlag(g, "primary_key", f.isPrimaryKey());
        writeFlag(g, "unique", f.isUnique());
        writeFlag(g, "indexed", f.isIndexed());
        writeFlag(g, "auto", f.isAuto());
        writeFlag(g, "immutable", f.isImmutable());
        if (schema.maxIndexedLength(f) >= 0) {
          g.writeNumberField("max_length", schema.maxIndexedLength(f));
        }
        if (f.defaultValue() != null) {
          g.writeStringField("default", f.defaultValue());
        }
        if (f.foreignEntity() != null) {
          g.writeStringField("reference", f.foreignEntity());
          g.writeStringField("on_delete", f.onDelete().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!f.enumValues().isEmpty()) {
          g.writeArrayFieldStart("one_of");
          for (String v : f.enumValues()) {
            g.writeString(v);
          }
          g.writeEndArray();
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void writeFlag(JsonGenerator g, String name, boolean value) throws IOException {
    if (value) {
      g.writeBooleanField(name, true);
    }
  }

  private static <E, D, P> AdminResponse validate(EntityAdmin<E, D, P> admin, AdminRequest req) {
    D draft = draft(admin, req);
    admin.validate(draft);
    return message(200, "schema validation successful");
  }

  // ---- entity routes -------------------------------------------------------------------------------------

  private AdminResponse run(AdminRoute route, List<String> s, AdminRequest req) {
    return runTyped(byEntity.get(route.entity()), route, s, req);
  }

  private <E, D, P> AdminResponse runTyped(EntityAdmin<E, D, P> a, AdminRoute route, List<String> s,
      AdminRequest req) {
    switch (route.operation()) {
      case LIST -> {
        Tags tags = tags(a, req);
        return page(a, (n, offset) -> a.page(n, offset, tags), s, req);
      }
      case CREATE -> {
        return entity(a, 201, a.insert(draft(a, req)));
      }
      case READ -> {
        return resolve(a, s.get(1)).map(e -> entity(a, 200, e)).orElseGet(AdminApi::notFound);
      }
      case UPSERT -> {
        return entity(a, 200, upsert(a, s.get(1), draft(a, req, java.util.function.UnaryOperator.identity(),
            pathField(a, s.get(1)))));
      }
      case UPDATE -> {
        Optional<E> found = resolve(a, s.get(1));
        if (found.isEmpty()) {
          return notFound();
        }
        return entity(a, 200, a.update(a.keyOf(found.get()), patch(a, req)));
      }
      case DELETE -> {
        resolve(a, s.get(1)).ifPresent(e -> a.delete(a.keyOf(e)));
        return AdminResponse.noContent();
      }
      case READ_PARENT -> {
        Optional<E> child = resolve(a, s.get(1));
        Object parentKey = child.map(e -> a.parentKey(e, route.foreignField())).orElse(null);
        if (parentKey == null) {
          return notFound();
        }
        EntityAdmin<?, ?, ?> parent = parentAdmin(a, route);
        return parentEntity(parent, parentKey);
      }
      default -> {
        return nested(a, route, s, req);
      }
    }
  }

  private <E, D, P> AdminResponse nested(EntityAdmin<E, D, P> a, AdminRoute route, List<String> s,
      AdminRequest req) {
    EntityAdmin<?, ?, ?> parentAdmin = parentAdmin(a, route);
    Object parentKey = parentKeyOf(parentAdmin, s.get(1));
    if (parentKey == null) {
      return notFound();
    }
    String field = route.foreignField();
    switch (route.operation()) {
      case LIST_CHILDREN -> {
        return page(a, (n, offset) -> a.pageFor(field, parentKey, n, offset), s, req);
      }
      case CREATE_CHILD -> {
        return entity(a, 201, a.insert(draft(a, req, d -> a.withParent(d, field, parentKey))));
      }
      default -> {
        // the child must exist and belong to this parent
      }
    }
    Optional<E> child = resolve(a, s.get(3)).filter(e -> parentKey.equals(a.parentKey(e, field)));
    switch (route.operation()) {
      case READ_CHILD -> {
        return child.map(e -> entity(a, 200, e)).orElseGet(AdminApi::notFound);
      }
      case UPDATE_CHILD -> {
        if (child.isEmpty()) {
          return notFound();
        }
        return entity(a, 200, a.update(a.keyOf(child.get()), patch(a, req)));
      }
      case UPSERT_CHILD -> {
        Optional<E> existing = resolve(a, s.get(3));
        if (existing.isPresent() && child.isEmpty()) {
          return notFound();
        }
        return entity(a, 200, upsert(a, s.get(3), draft(a, req, d -> a.withParent(d, field, parentKey),
            pathField(a, s.get(3)))));
      }
      case DELETE_CHILD -> {
        if (resolve(a, s.get(3)).isPresent() && child.isEmpty()) {
          return notFound();
        }
        child.ifPresent(e -> a.delete(a.keyOf(e)));
        return AdminResponse.noContent();
      }
      default -> throw new IllegalStateException("unhandled operation " + route.operation());
    }
  }

  private EntityAdmin<?, ?, ?> parentAdmin(EntityAdmin<?, ?, ?> child, AdminRoute route) {
    String parentName = child.schema().field(route.foreignField()).foreignEntity();
    EntityAdmin<?, ?, ?> parent = byEntity.get(parentName);
    if (parent == null) {
      throw new IllegalStateException("no admin for parent entity " + parentName);
    }
    return parent;
  }

  private static <E> Object parentKeyOf(EntityAdmin<E, ?, ?> parent, String text) {
    return resolve(parent, text).map(parent::keyOf).orElse(null);
  }

  private static <E> AdminResponse parentEntity(EntityAdmin<E, ?, ?> parent, Object key) {
    return parent.select(key).map(e -> entity(parent, 200, e)).orElseGet(AdminApi::notFound);
  }

  /** Kong's lookup: a valid primary key first, then the endpoint key. */
  private static <E> Optional<E> resolve(EntityAdmin<E, ?, ?> a, String text) {
    Object key = tryParse(a, text, true);
    if (key != null) {
      Optional<E> found = a.select(key);
      if (found.isPresent() || a.schema().endpointKey() == null) {
        return found;
      }
    }
    Object endpointKey = tryParse(a, text, false);
    return endpointKey == null ? Optional.empty() : a.selectByEndpointKey(endpointKey);
  }

  private static <E, D> E upsert(EntityAdmin<E, D, ?> a, String text, D draft) {
    Object key = tryParse(a, text, true);
    if (key != null) {
      return a.upsert(key, draft);
    }
    Object endpointKey = tryParse(a, text, false);
    FieldSchema<?> endpointField = a.schema().endpointKey() == null ? null : a.schema().field(a.schema().endpointKey());
    int max = endpointField == null ? -1 : a.schema().maxIndexedLength(endpointField);
    if (endpointKey instanceof String s && max >= 0 && s.length() > max) {
      throw FieldErrors.schemaViolation(Map.of(endpointField.jsonName(), "length must be at most " + max));
    }
    if (endpointKey == null) {
      throw new DaoException(ErrorCode.INVALID_PRIMARY_KEY, "invalid primary key: '" + abbreviate(text) + "'",
          Map.of(a.schema().primaryKey().get(0).jsonName(), "invalid value"));
    }
    return a.upsertByEndpointKey(endpointKey, draft);
  }

  private static Object tryParse(EntityAdmin<?, ?, ?> a, String text, boolean primary) {
    try {
      return primary ? a.parseKey(text) : a.parseEndpointKey(text);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return null;
    }
  }

  /**
   * The draft a body describes. When some values do not even have the right type, the entity's own validation
   * still runs on the rest, so that one response lists every error.
   */
  private static <D> D draft(EntityAdmin<?, D, ?> a, AdminRequest req) {
    return draft(a, req, java.util.function.UnaryOperator.identity());
  }

  /** The draft a body describes, completed (e.g. with the parent of a nested route) before it is validated. */
  private static <D> D draft(EntityAdmin<?, D, ?> a, AdminRequest req, java.util.function.UnaryOperator<D> complete) {
    return draft(a, req, complete, null);
  }

  /**
   * The field a PUT path supplies: the endpoint key when the path segment is not a primary key (the upsert sets it
   * from the path), else null.
   */
  private static String pathField(EntityAdmin<?, ?, ?> a, String text) {
    if (a.schema().endpointKey() == null || tryParse(a, text, true) != null) {
      return null;
    }
    return a.schema().field(a.schema().endpointKey()).jsonName();
  }

  /**
   * The draft a body describes, completed before it is validated; {@code fromPath} names a field the path supplies,
   * so that its absence from the body is no error.
   */
  private static <D> D draft(EntityAdmin<?, D, ?> a, AdminRequest req, java.util.function.UnaryOperator<D> complete,
      String fromPath) {
    FieldErrors errors = new FieldErrors();
    Map<String, Object> body = RequestBodies.parse(req.contentType(), req.body());
    D draft = complete.apply(a.draft(body, RequestBodies.isForm(req.contentType()), errors));
    indexedLengths(a, body, errors);
    if (!errors.isEmpty()) {
      Map<String, Object> all = new LinkedHashMap<>(errors.toMap());
      try {
        a.validate(draft);
      } catch (DaoException e) {
        if (e.code() == ErrorCode.SCHEMA_VIOLATION) {
          e.fields().forEach((field, error) -> {
            if (!field.equals(fromPath)) {
              all.putIfAbsent(field, error);
            }
          });
        }
      }
      throw FieldErrors.schemaViolation(all);
    }
    return draft;
  }

  private static <P> P patch(EntityAdmin<?, ?, P> a, AdminRequest req) {
    FieldErrors errors = new FieldErrors();
    Map<String, Object> body = RequestBodies.parse(req.contentType(), req.body());
    P patch = a.patch(body, RequestBodies.isForm(req.contentType()), errors);
    indexedLengths(a, body, errors);
    errors.throwIfAny();
    return patch;
  }

  /**
   * Strings bound for an index longer than it can hold: a field error, as for any other bad value (the database
   * would refuse the row with an error the client could do nothing with).
   */
  private static void indexedLengths(EntityAdmin<?, ?, ?> a, Map<String, Object> body, FieldErrors errors) {
    for (FieldSchema<?> f : a.schema().fields()) {
      int max = a.schema().maxIndexedLength(f);
      if (max >= 0 && body.get(f.jsonName()) instanceof String s && s.length() > max && !errors.has(f.jsonName())) {
        errors.add(f.jsonName(), "length must be at most " + max);
      }
    }
  }

  private static Integer size(AdminRequest req) {
    String size = req.param("size");
    if (size == null) {
      return null;
    }
    // ASCII digits only: Integer.valueOf would take other scripts' digits, and trim() would drop control characters
    String digits = size.strip();
    if (!digits.matches("-?[0-9]+")) {
      return -1;
    }
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      // out of range: the DAO's own message
      return Integer.MAX_VALUE;
    }
  }

  private static Tags tags(EntityAdmin<?, ?, ?> a, AdminRequest req) {
    String tags = req.param("tags");
    if (tags == null) {
      return null;
    }
    boolean hasTags = a.schema().fields().stream().anyMatch(f -> f.name().equals("tags"));
    if (!hasTags) {
      throw new DaoException(ErrorCode.INVALID_OPTIONS, "invalid option (tags: '" + a.schema().name()
          + "' has no tags)", Map.of("tags", "'" + a.schema().name() + "' has no tags"));
    }
    return Tags.parse(tags);
  }

  // ---- responses -----------------------------------------------------------------------------------------

  private static <E> AdminResponse entity(EntityAdmin<E, ?, ?> a, int status, E entity) {
    return json(status, g -> a.write(g, entity));
  }

  /** Reads one slice of a list: {@code size} rows after {@code offset}. */
  @FunctionalInterface
  private interface PageSource<E> {
    Page<E> read(Integer size, String offset);
  }

  /**
   * A list response, read in slices so that its size is bounded whatever the rows weigh: a first small slice
   * measures the rows, the next ones (growing at most tenfold) fill the rest of the budget, and once
   * {@link AdminOptions#listBudgetBytes} are written the page ends early, with {@code offset} and {@code next} where it
   * stopped (as any page that is not the last). The first slice is sized by the largest rows seen so far (see
   * {@link #firstSlice}), so a page of ordinary rows costs one query; rows that grew since (written elsewhere) are
   * measured by that slice and bound the rest.
   * {@code next} repeats the request's path ({@code segments}).
   */
  private <E> AdminResponse page(EntityAdmin<E, ?, ?> a, PageSource<E> source, List<String> segments,
      AdminRequest req) {
    Integer size = size(req);
    int requested = size == null ? db.settings().defaultPageSize() : size;
    if (requested < 1 || requested > db.settings().maxPageSize()) {
      source.read(size, req.param("offset"));
      throw new IllegalStateException("the DAO accepted size " + size);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      String offset = req.param("offset");
      int written = 0;
      long perRow = 1;
      int slice = firstSlice(a, requested);
      while (true) {
        int before = out.size();
        Page<E> page = source.read(slice, offset);
        a.writeAll(g, page.data());
        g.flush();
        written += page.data().size();
        offset = page.offset();
        perRow = Math.max(perRow, (out.size() - before) / Math.max(1, page.data().size()));
        observeRowBytes(a, perRow);
        int left = requested - written;
        long budgetLeft = listBudgetBytes - out.size();
        if (offset == null || left == 0 || budgetLeft <= 0) {
          break;
        }
        // the heaviest rows seen so far size the next slice, which grows at most tenfold (rows further on may be
        // heavier than the ones measured)
        slice = (int) Math.max(1, Math.min(Math.min(left, budgetLeft / perRow), 10L * slice));
      }
      g.writeEndArray();
      if (offset != null) {
        g.writeStringField("offset", offset);
        g.writeStringField("next", next(segments, offset, req));
      } else {
        g.writeNullField("next");
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AdminResponse(200, out.toByteArray(), Map.of());
  }

  /** Rows read before the page is sized when nothing is known of the entity's rows yet. */
  private static final int FIRST_SLICE = 10;

  /**
   * The first slice of a list: {@link #FIRST_SLICE} rows while nothing is known of the entity's rows; then as many
   * rows as a quarter of the budget holds at the largest row size seen so far (so that a page of ordinary rows
   * costs one query), never fewer than {@link #FIRST_SLICE}.
   */
  private int firstSlice(EntityAdmin<?, ?, ?> a, int requested) {
    Integer seen = rowBytes.get(a.schema().name());
    long rows = seen == null ? FIRST_SLICE : Math.max(FIRST_SLICE, listBudgetBytes / 4L / Math.max(1, seen));
    return (int) Math.min(requested, rows);
  }

  private void observeRowBytes(EntityAdmin<?, ?, ?> a, long bytes) {
    int b = (int) Math.min(Integer.MAX_VALUE, bytes);
    rowBytes.merge(a.schema().name(), b, Math::max);
  }

  private static String next(List<String> segments, String offset, AdminRequest req) {
    StringBuilder next = new StringBuilder();
    for (String segment : segments) {
      next.append('/').append(encodeSegment(segment));
    }
    next.append("?offset=").append(encode(offset));
    if (req.param("size") != null) {
      next.append("&size=").append(encode(req.param("size")));
    }
    if (req.param("tags") != null) {
      next.append("&tags=").append(encode(req.param("tags")));
    }
    return next.toString();
  }

  private static AdminResponse notFound() {
    return AdminResponse.json(404, NOT_FOUND);
  }

  private static AdminResponse message(int status, String message) {
    return json(status, g -> {
      g.writeStartObject();
      g.writeStringField("message", message);
      g.writeEndObject();
    });
  }

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

  private static AdminResponse error(DaoException e) {
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
      return notFound();
    }
    return json(status, g -> {
      g.writeStartObject();
      g.writeNumberField("code", e.code().code());
      g.writeStringField("name", e.code().errorName());
      g.writeStringField("message", e.getMessage());
      g.writeFieldName("fields");
      Json.writeTree(g, e.fields());
      g.writeEndObject();
    });
  }

  @FunctionalInterface
  private interface JsonBody {
    void write(JsonGenerator g) throws IOException;
  }

  private static AdminResponse json(int status, JsonBody body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new AdminResponse(status, out.toByteArray(), Map.of());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String encodeSegment(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String s) {
    return dev.daogen.internal.Checks.abbreviate(s);
  }

  /** A route template split into segments; {@code {…}} segments match any value. */
  private record CompiledRoute(AdminRoute route, String[] template) {
    boolean matches(List<String> segments) {
      if (segments.size() != template.length) {
        return false;
      }
      for (int i = 0; i < template.length; i++) {
        if (!template[i].startsWith("{") && !template[i].equals(segments.get(i))) {
          return false;
        }
      }
      return true;
    }
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
