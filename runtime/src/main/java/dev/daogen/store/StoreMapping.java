package dev.daogen.store;

import dev.daogen.schema.EntitySchema;
import java.util.List;

/**
 * What every store needs of an entity's generated mapping. A store adds its own part (the PostgreSQL store:
 * {@code PostgresMapping}, with its statements, row reader and binder) that the mapping implements when the plugin was
 * generated for that store.
 *
 * @param <E> the entity record
 */
public interface StoreMapping<E> {
  /** The entity's fields, keys and constraints. */
  EntitySchema<E> schema();

  /** The primary key values of an entity, in key order. */
  Object[] key(E entity);

  /** Parses primary key values from their text form (paging tokens, paths); throws IllegalArgumentException. */
  Object[] parseKey(String[] texts);

  /** Kong's cache key of an entity. */
  String cacheKey(E entity);

  /** The entity's foreign keys. */
  List<ForeignKey<E>> foreignKeys();
}
