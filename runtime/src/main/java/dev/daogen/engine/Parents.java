package dev.daogen.engine;

import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.ForeignKey;
import dev.daogen.store.support.StoreErrors;
import java.util.List;
import java.util.Objects;

/**
 * For stores that do not enforce foreign keys (Cassandra): refuses a row whose foreign key names no parent row, with
 * the error PostgreSQL's constraint gives. A parent deleted at the same moment can still leave an orphan (as on Kong's
 * Cassandra strategy): the store has no transactions to prevent it.
 *
 * @param <E> the entity
 */
final class Parents<E> {
  private final EntitySchema<E> schema;
  private final List<ForeignKey<E>> keys;
  private final Cascades cascades;

  Parents(EntitySchema<E> schema, List<ForeignKey<E>> keys, Cascades cascades) {
    this.schema = schema;
    this.keys = keys;
    this.cascades = cascades;
  }

  /**
   * Checks the foreign keys of {@code row} that are set and differ from {@code old}'s (null: all that are set).
   *
   * @return the row
   */
  E require(E row, E old) {
    for (ForeignKey<E> key : keys) {
      Object value = key.value().apply(row);
      if (value == null || (old != null && Objects.equals(value, key.value().apply(old)))) {
        continue;
      }
      EntityDao<?, ?, ?> parent = cascades.dao(key.parent());
      if (parent.store().find(parent.mapping().primaryKey(), new Object[] {value}).isEmpty()) {
        throw StoreErrors.missingParent(field(key), value, null);
      }
    }
    return row;
  }

  private FieldSchema<E> field(ForeignKey<E> key) {
    for (FieldSchema<E> f : schema.fields()) {
      if (f.name().equals(key.field())) {
        return f;
      }
    }
    throw new IllegalStateException("foreign key " + key.field() + " is not a field of " + schema.name());
  }
}
