package dev.daogen.engine;

import dev.daogen.dao.FieldValues;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.Lookup;
import java.util.List;
import dev.daogen.store.StoreMapping;

/**
 * The generated mapping of one entity ({@code EMapping}), as the engine sees it: what the stores need ({@link
 * StoreMapping}), plus building and validating rows from drafts and patches. It also implements the part of each
 * store the plugin was generated for.
 *
 * @param <E> the entity record
 * @param <D> its draft
 * @param <P> its patch
 */
public interface EntityMapping<E, D extends FieldValues<D>, P extends FieldValues<P>> extends StoreMapping<E> {
  /** The primary key lookup (equal to the generated {@code PRIMARY_KEY}). */
  default Lookup primaryKey() {
    EntitySchema<E> schema = schema();
    List<FieldSchema<E>> key = schema.primaryKey();
    int[] indexes = new int[key.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = schema.fields().indexOf(key.get(i));
    }
    return Lookup.primaryKey(key.stream().map(FieldSchema::jsonName).toList(), indexes);
  }

  /**
   * The entity a draft describes: auto values, defaults, validation of every field (all errors at once). For an
   * upsert, {@code old} is the row it replaces (or null): its creation time is kept and immutable values may not
   * change.
   */
  E build(D draft, E old);

  /** A patch applied to the stored entity, validating what changes and the entity checks. */
  E merge(E old, P patch);
}
