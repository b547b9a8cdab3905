package dev.daogen.admin;

import dev.daogen.schema.AdminRoute;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Tags;
import dev.daogen.internal.Checks;
import dev.daogen.internal.FieldErrors;
import dev.daogen.schema.FieldSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The generated routes' operations ({@link AdminRoute.Operation}) on an {@link EntityAdmin}: Kong's key lookup (a
 * primary key first, then the endpoint key), the parent checks of nested routes, and the entity written back as
 * the response.
 */
final class EntityRoutes {
  private final Map<String, EntityAdmin<?, ?, ?>> byEntity;
  private final ListPager pager;

  EntityRoutes(Map<String, EntityAdmin<?, ?, ?>> byEntity, ListPager pager) {
    this.byEntity = byEntity;
    this.pager = pager;
  }

  /** Runs a route the path {@code s} matched. */
  AdminResponse run(AdminRoute route, List<String> s, AdminRequest req) {
    return runTyped(byEntity.get(route.entity()), route, s, req);
  }

  private <E, D, P> AdminResponse runTyped(EntityAdmin<E, D, P> a, AdminRoute route, List<String> s,
      AdminRequest req) {
    switch (route.operation()) {
      case LIST -> {
        Tags tags = tags(a, req);
        return pager.page(a, (n, offset) -> a.page(n, offset, tags), s, req);
      }
      case CREATE -> {
        return entity(a, 201, a.insert(BodyBinder.draft(a, req)));
      }
      case READ -> {
        return resolve(a, s.get(1)).map(e -> entity(a, 200, e)).orElseGet(AdminResponses::notFound);
      }
      case UPSERT -> {
        return entity(a, 200, upsert(a, s.get(1), BodyBinder.draft(a, req, UnaryOperator.identity(),
            pathField(a, s.get(1)))));
      }
      case UPDATE -> {
        Optional<E> found = resolve(a, s.get(1));
        if (found.isEmpty()) {
          return AdminResponses.notFound();
        }
        return entity(a, 200, a.update(a.keyOf(found.get()), BodyBinder.patch(a, req)));
      }
      case DELETE -> {
        resolve(a, s.get(1)).ifPresent(e -> a.delete(a.keyOf(e)));
        return AdminResponse.noContent();
      }
      case READ_PARENT -> {
        Optional<E> child = resolve(a, s.get(1));
        Object parentKey = child.map(e -> a.parentKey(e, route.foreignField())).orElse(null);
        if (parentKey == null) {
          return AdminResponses.notFound();
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
      return AdminResponses.notFound();
    }
    String field = route.foreignField();
    switch (route.operation()) {
      case LIST_CHILDREN -> {
        return pager.page(a, (n, offset) -> a.pageFor(field, parentKey, n, offset), s, req);
      }
      case CREATE_CHILD -> {
        return entity(a, 201, a.insert(BodyBinder.draft(a, req, d -> a.withParent(d, field, parentKey))));
      }
      default -> {
        // the child must exist and belong to this parent
      }
    }
    Optional<E> child = resolve(a, s.get(3)).filter(e -> parentKey.equals(a.parentKey(e, field)));
    switch (route.operation()) {
      case READ_CHILD -> {
        return child.map(e -> entity(a, 200, e)).orElseGet(AdminResponses::notFound);
      }
      case UPDATE_CHILD -> {
        if (child.isEmpty()) {
          return AdminResponses.notFound();
        }
        return entity(a, 200, a.update(a.keyOf(child.get()), BodyBinder.patch(a, req)));
      }
      case UPSERT_CHILD -> {
        Optional<E> existing = resolve(a, s.get(3));
        if (existing.isPresent() && child.isEmpty()) {
          return AdminResponses.notFound();
        }
        return entity(a, 200, upsert(a, s.get(3), BodyBinder.draft(a, req, d -> a.withParent(d, field, parentKey),
            pathField(a, s.get(3)))));
      }
      case DELETE_CHILD -> {
        if (resolve(a, s.get(3)).isPresent() && child.isEmpty()) {
          return AdminResponses.notFound();
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
    return parent.select(key).map(e -> entity(parent, 200, e)).orElseGet(AdminResponses::notFound);
  }

  private static <E> AdminResponse entity(EntityAdmin<E, ?, ?> a, int status, E entity) {
    return AdminResponses.json(status, g -> a.write(g, entity));
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
      throw new DaoException(ErrorCode.INVALID_PRIMARY_KEY, "invalid primary key: '" + Checks.abbreviate(text) + "'",
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
   * The field a PUT path supplies: the endpoint key when the path segment is not a primary key (the upsert sets it
   * from the path), else null.
   */
  private static String pathField(EntityAdmin<?, ?, ?> a, String text) {
    if (a.schema().endpointKey() == null || tryParse(a, text, true) != null) {
      return null;
    }
    return a.schema().field(a.schema().endpointKey()).jsonName();
  }

  /** The {@code tags} filter of a list, or null; an error for an entity without tags. */
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
}
