package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.FieldValues;
import dev.daogen.dao.Page;
import dev.daogen.dao.Tags;
import dev.daogen.engine.EntityDao;
import dev.daogen.engine.Operations;
import dev.daogen.internal.Checks;
import dev.daogen.internal.FieldErrors;
import dev.daogen.internal.Values;
import dev.daogen.schema.AdminRoute;
import dev.daogen.schema.EntitySchema;
import dev.daogen.store.ForeignKey;
import dev.daogen.store.Lookup;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The admin API's view of one entity: its DAO operations with keys given as path text, done here once for every
 * entity over the engine; the generated binding ({@code EAdmin}) adds only what is typed — its routes, the JSON of
 * its fields in and out, and the parsing of its endpoint key. The runtime's {@link AdminApi} routes requests to it.
 *
 * <p>Extension point for generated code only.
 *
 * @param <E> the entity
 * @param <D> its draft (insert, upsert)
 * @param <P> its patch (update)
 */
public abstract class EntityAdmin<E, D, P> {
  private final EntityDao<E, ?, ?> dao;
  private final Operations<E, ?, ?> ops;
  private final EntitySchema<E> schema;
  private final Lookup primaryKey;
  private final Lookup endpointKey;
  private final Supplier<D> drafts;
  private final Supplier<P> patches;

  /**
   * @param endpointKey the lookup of the entity's endpoint key, or null when it has none
   */
  protected <DD extends FieldValues<DD>, PP extends FieldValues<PP>> EntityAdmin(EntityDao<E, DD, PP> dao,
      Supplier<D> drafts, Supplier<P> patches, Lookup endpointKey) {
    this.dao = dao;
    this.ops = new Operations<>(dao);
    this.schema = dao.schema();
    this.primaryKey = ops.mapping().primaryKey();
    this.endpointKey = endpointKey;
    this.drafts = drafts;
    this.patches = patches;
  }

  public final EntitySchema<E> schema() {
    return schema;
  }

  /** The routes of this entity (its own, its parent routes, and the nested routes under its parents). */
  public abstract List<AdminRoute> routes();

  /** Writes an entity's fields as Kong's admin API does (snake_case, epoch seconds, foreign keys as records). */
  protected abstract void writeFields(JsonGenerator g, E entity) throws IOException;

  /**
   * Reads one body field into a draft or patch; throws IllegalArgumentException for a bad value.
   *
   * @return false when the entity has no such field
   */
  protected abstract boolean readField(FieldValues<?> values, String field, Object value, boolean form);

  /** Parses a path segment as the endpoint key; throws IllegalArgumentException (or when there is none). */
  public abstract Object parseEndpointKey(String text);

  /** Writes an entity (and, for ttl entities, its remaining time to live). */
  public final void write(JsonGenerator g, E entity) throws IOException {
    write(g, entity, writesTtl() ? ops.expiryOf(ops.mapping().key(entity)) : Optional.empty());
  }

  /** Writes a list of entities (one array's elements); the expiries of ttl entities come from one query. */
  public final void writeAll(JsonGenerator g, List<E> entities) throws IOException {
    if (!writesTtl()) {
      for (E entity : entities) {
        write(g, entity, Optional.empty());
      }
      return;
    }
    Map<String, Instant> expiries = dao.expiries(entities);
    for (E entity : entities) {
      Object key = ops.mapping().key(entity)[0];
      write(g, entity, Optional.ofNullable(expiries.get(Values.text(key))));
    }
  }

  private void write(JsonGenerator g, E entity, Optional<Instant> expiresAt) throws IOException {
    g.writeStartObject();
    writeFields(g, entity);
    if (writesTtl()) {
      g.writeFieldName("ttl");
      AdminJson.writeRemaining(g, expiresAt);
    }
    g.writeEndObject();
  }

  /** ttl entities show their remaining time to live (those with a single-column key). */
  private boolean writesTtl() {
    return schema.ttl() && schema.primaryKey().size() == 1;
  }

  /** A draft from a request body; type errors and unknown fields go to {@code errors}. */
  public final D draft(Map<String, Object> body, boolean form, FieldErrors errors) {
    return read(drafts.get(), body, form, errors);
  }

  /** A patch from a request body; type errors and unknown fields go to {@code errors}. */
  public final P patch(Map<String, Object> body, boolean form, FieldErrors errors) {
    return read(patches.get(), body, form, errors);
  }

  private <T> T read(T target, Map<String, Object> body, boolean form, FieldErrors errors) {
    FieldValues<?> values = (FieldValues<?>) target;
    for (Map.Entry<String, Object> field : body.entrySet()) {
      try {
        if (!readField(values, field.getKey(), field.getValue(), form)) {
          errors.add(Checks.abbreviate(field.getKey()), "unknown field");
        }
      } catch (IllegalArgumentException e) {
        JsonInput.report(errors, field.getKey(), e);
      }
    }
    return target;
  }

  /** A copy of the draft whose foreign key {@code field} is {@code parentKey} (nested POST/PUT). */
  @SuppressWarnings("unchecked")
  public final D withParent(D draft, String field, Object parentKey) {
    int index = schema.fields().indexOf(schema.field(field));
    return (D) ((FieldValues<?>) draft).copyWith(new int[] {index}, new Object[] {parentKey});
  }

  /** The parent key an entity's foreign key {@code field} holds, or null. */
  public final Object parentKey(E entity, String field) {
    return foreignKey(field).value().apply(entity);
  }

  private ForeignKey<E> foreignKey(String field) {
    for (ForeignKey<E> key : ops.mapping().foreignKeys()) {
      if (key.field().equals(field)) {
        return key;
      }
    }
    throw new IllegalArgumentException("no foreign key " + field);
  }

  /** Parses a path segment as the primary key; throws IllegalArgumentException when it is not one. */
  public final Object parseKey(String text) {
    singleKey();
    return ops.mapping().parseKey(new String[] {text})[0];
  }

  public final Optional<E> select(Object key) {
    singleKey();
    return ops.find(primaryKey, key);
  }

  public final Optional<E> selectByEndpointKey(Object key) {
    return endpointKey == null ? Optional.empty() : ops.find(endpointKey, key);
  }

  public final Page<E> page(Integer size, String offset, Tags tags) {
    return dao.page(size, offset, tags);
  }

  public final Page<E> pageFor(String field, Object parentKey, Integer size, String offset) {
    return ops.pageOf(foreignKey(field).filter(), schema.field(field).jsonName(), parentKey, size, offset);
  }

  // the draft and patch types are the DAO's (the generated binding passes them)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final E validate(D draft) {
    return (E) ((EntityDao) dao).validate((FieldValues) draft);
  }

  // the draft and patch types are the DAO's (the generated binding passes them)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final E insert(D draft) {
    return (E) ((EntityDao) dao).insert((FieldValues) draft);
  }

  // the draft and patch types are the DAO's (the generated binding passes them)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final E update(Object key, P patch) {
    singleKey();
    return (E) ((Operations) ops).update(primaryKey, (FieldValues) patch, key);
  }

  // the draft and patch types are the DAO's (the generated binding passes them)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final E upsert(Object key, D draft) {
    singleKey();
    return (E) ((Operations) ops).upsert(primaryKey, (FieldValues) draft, ((FieldValues<?>) draft).timeToLive(), key);
  }

  // the draft and patch types are the DAO's (the generated binding passes them)
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final E upsertByEndpointKey(Object key, D draft) {
    return (E) ((Operations) ops).upsert(endpoint(), (FieldValues) draft, ((FieldValues<?>) draft).timeToLive(), key);
  }

  public final boolean delete(Object key) {
    singleKey();
    return ops.delete(primaryKey, key);
  }

  /** The number of entities (without expired ones, for ttl entities). */
  public final long count() {
    return dao.count();
  }

  /** The primary key of an entity (single-column keys). */
  public final Object keyOf(E entity) {
    return ops.mapping().key(entity)[0];
  }

  private Lookup endpoint() {
    if (endpointKey == null) {
      throw new IllegalArgumentException("no endpoint key");
    }
    return endpointKey;
  }

  /** Entities whose primary key is composite have no item routes. */
  private void singleKey() {
    if (schema.primaryKey().size() != 1) {
      throw new DaoException(ErrorCode.OPERATION_UNSUPPORTED,
          "operation unsupported: entities with a composite primary key have no item routes");
    }
  }
}
