package dev.daogen.admin;

import dev.daogen.schema.AdminRoute;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The route table: a request's method and decoded path to the endpoint that serves it. The fixed routes
 * ({@code /}, {@code /status}, {@code /openapi.json}, {@code /cache…}, {@code /schemas…}) come first, then the
 * generated entity routes in their order; a path served only for other methods is a 405 with {@code Allow}.
 */
final class AdminRouter {
  private final List<CompiledRoute> routes = new ArrayList<>();
  private final StatusEndpoints status;
  private final CacheEndpoints cache;
  private final SchemaEndpoints schemas;
  private final EntityRoutes entities;

  AdminRouter(Map<String, EntityAdmin<?, ?, ?>> byEntity, StatusEndpoints status, CacheEndpoints cache,
      SchemaEndpoints schemas, EntityRoutes entities) {
    for (EntityAdmin<?, ?, ?> admin : byEntity.values()) {
      for (AdminRoute route : admin.routes()) {
        routes.add(new CompiledRoute(route, route.path().substring(1).split("/")));
      }
    }
    this.status = status;
    this.cache = cache;
    this.schemas = schemas;
    this.entities = entities;
  }

  /** The entity routes, in the order they are matched. */
  List<AdminRoute> routes() {
    return routes.stream().map(CompiledRoute::route).toList();
  }

  /** Serves a request ({@code HEAD} already mapped to {@code GET}). */
  AdminResponse dispatch(String method, AdminRequest req) {
    List<String> segments = AdminPaths.segments(req.path());
    if (segments == null) {
      return AdminResponses.notFound();
    }
    AdminResponse fixed = fixedRoutes(method, segments, req);
    if (fixed != null) {
      return fixed;
    }
    for (CompiledRoute route : routes) {
      if (route.route().method().equals(method) && route.matches(segments)) {
        return entities.run(route.route(), segments, req);
      }
    }
    // no route for this method: the methods the path has, if any (set only on this path, not on every request)
    Set<String> allowed = new LinkedHashSet<>();
    for (CompiledRoute route : routes) {
      if (route.matches(segments)) {
        allowed.add(route.route().method());
      }
    }
    if (allowed.isEmpty()) {
      return AdminResponses.notFound();
    }
    return AdminResponses.notAllowed(method, allowed);
  }

  /** The response of a fixed route, or null when the path is not one. */
  private AdminResponse fixedRoutes(String method, List<String> s, AdminRequest req) {
    if (s.isEmpty()) {
      return method.equals("GET") ? status.info(req) : AdminResponses.notAllowed(method, Set.of("GET"));
    }
    String first = s.get(0);
    if (first.equals("status") && s.size() == 1) {
      return method.equals("GET") ? status.status() : AdminResponses.notAllowed(method, Set.of("GET"));
    }
    if (first.equals("openapi.json") && s.size() == 1) {
      return method.equals("GET") ? schemas.openApi() : AdminResponses.notAllowed(method, Set.of("GET"));
    }
    if (first.equals("cache") && s.size() <= 2) {
      return cache.route(method, s);
    }
    if (first.equals("schemas") && (s.size() == 2 || s.size() == 3 && s.get(2).equals("validate"))) {
      return schemas.route(method, s, req);
    }
    return null;
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
}
