package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import dev.daogen.dao.Tags;
import dev.daogen.internal.FieldErrors;
import dev.daogen.schema.AdminRoute;
import dev.daogen.schema.EntitySchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API's view of one entity, generated per entity ({@code EAdmin}): its JSON codec (no reflection) and
 * its DAO operations with keys given as path text. The runtime's {@link AdminApi} routes requests to it.
 *
 * <p>Extension point for generated code only.
 *
 * @param <E> the entity
 * @param <D> its draft (insert, upsert)
 * @param <P> its patch (update)
 */
public abstract class EntityAdmin<E, D, P> {
  private final EntitySchema<E> schema;

  protected EntityAdmin(EntitySchema<E> schema) {
    this.schema = schema;
  }

  public final EntitySchema<E> schema() {
    return schema;
  }

  /** The routes of this entity (its own, its parent routes, and the nested routes under its parents). */
  public abstract List<AdminRoute> routes();

  /** Writes an entity as Kong's admin API does (snake_case fields, epoch seconds, foreign keys as records). */
  public abstract void write(JsonGenerator g, E entity) throws IOException;

  /** Writes a list of entities (one array's elements); bindings may read what they need for all at once. */
  public void writeAll(JsonGenerator g, List<E> entities) throws IOException {
    for (E entity : entities) {
      write(g, entity);
    }
  }

  /** A draft from a request body; type errors and unknown fields go to {@code errors}. */
  public abstract D draft(Map<String, Object> body, boolean form, FieldErrors errors);

  /** A patch from a request body; type errors and unknown fields go to {@code errors}. */
  public abstract P patch(Map<String, Object> body, boolean form, FieldErrors errors);

  /** A copy of the draft whose foreign key {@code field} is {@code parentKey} (nested POST/PUT). */
  public abstract D withParent(D draft, String field, Object parentKey);

  /** The parent key an entity's foreign key {@code field} holds, or null. */
  public abstract Object parentKey(E entity, String field);

  /** Parses a path segment as the primary key; throws IllegalArgumentException when it is not one. */
  public abstract Object parseKey(String text);

  /** Parses a path segment as the endpoint key; throws IllegalArgumentException (or when there is none). */
  public abstract Object parseEndpointKey(String text);

  public abstract Optional<E> select(Object key);

  public abstract Optional<E> selectByEndpointKey(Object key);

  public abstract Page<E> page(Integer size, String offset, Tags tags);

  public abstract Page<E> pageFor(String field, Object parentKey, Integer size, String offset);

  public abstract E validate(D draft);

  public abstract E insert(D draft);

  public abstract E update(Object key, P patch);

  public abstract E upsert(Object key, D draft);

  public abstract E upsertByEndpointKey(Object key, D draft);

  public abstract boolean delete(Object key);

  /** The number of entities (without expired ones, for ttl entities). */
  public abstract long count();

  /** The primary key of an entity (single-column keys). */
  public abstract Object keyOf(E entity);

  /** For entities whose primary key is composite: item routes are not served. */
  protected static DaoException unsupported() {
    return new DaoException(ErrorCode.OPERATION_UNSUPPORTED,
        "operation unsupported: entities with a composite primary key have no item routes");
  }
}
