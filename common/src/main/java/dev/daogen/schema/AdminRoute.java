package dev.daogen.schema;

/**
 * One admin route, as generated per entity (and listed in {@code admin-routes.json}).
 *
 * @param method HTTP method
 * @param path template with one variable per key, e.g. {@code /consumers/{consumers}/key-auth/{key-auths}}
 * @param operation what the route does
 * @param entity the entity the route serves (the child, for nested routes)
 * @param foreignField for nested and parent routes, the child's foreign key field (Java name); else null
 */
public record AdminRoute(String method, String path, Operation operation, String entity, String foreignField) {

  /** What a route does. */
  public enum Operation {
    LIST,
    CREATE,
    READ,
    UPSERT,
    UPDATE,
    DELETE,
    /** {@code /A/{key}/{foreign}}: the parent an entity points to. */
    READ_PARENT,
    /** {@code /P/{key}/N}: the children of a parent. */
    LIST_CHILDREN,
    CREATE_CHILD,
    READ_CHILD,
    UPSERT_CHILD,
    UPDATE_CHILD,
    DELETE_CHILD
  }
}
