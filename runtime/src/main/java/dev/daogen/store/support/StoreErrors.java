package dev.daogen.store.support;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.internal.Values;
import dev.daogen.store.Lookup;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kong's errors for what a store refuses, worded the same on every store: key and unique violations name the fields
 * and values, foreign key violations the reference.
 */
public final class StoreErrors {
  private StoreErrors() {}

  /** Another row has the entity's primary key. */
  public static <E> DaoException primaryKeyViolation(EntitySchema<E> schema, E entity, Throwable cause) {
    return keyViolation(ErrorCode.PRIMARY_KEY_VIOLATION, "primary key violation on key '%s'", schema.primaryKey(),
        entity, cause);
  }

  /** Another row has the entity's values of a unique constraint. */
  public static <E> DaoException uniqueViolation(List<FieldSchema<E>> fields, E entity, Throwable cause) {
    return keyViolation(ErrorCode.UNIQUE_VIOLATION, "UNIQUE violation detected on '%s'", fields, entity, cause);
  }

  /** The entity's foreign key {@code field} holds {@code value}, which no row of the parent has. */
  public static DaoException missingParent(FieldSchema<?> field, Object value, Throwable cause) {
    String message = "the foreign key '" + Values.describeKey(new String[] {"id"}, new Object[] {value})
        + "' does not reference an existing '" + field.foreignEntity() + "' entity.";
    return new DaoException(ErrorCode.FOREIGN_KEY_VIOLATION, message, Map.of(field.jsonName(), message), cause);
  }

  /** A row of {@code child} references the {@code parent} row being deleted, and its foreign key restricts that. */
  public static DaoException referencedBy(String parent, String child, Throwable cause) {
    return new DaoException(ErrorCode.FOREIGN_KEY_VIOLATION,
        "an existing '" + child + "' entity references this '" + parent + "' entity",
        Map.of("@referenced_by", child), cause);
  }

  /** No visible row has the lookup's values (Kong's NOT_FOUND). */
  public static DaoException notFound(Lookup lookup, Object[] values) {
    String key = Values.describeKey(lookup.fields().toArray(new String[0]), values);
    return new DaoException(ErrorCode.NOT_FOUND, lookup.kind() == Lookup.Kind.PRIMARY_KEY
        ? "could not find the entity with primary key '" + key + "'"
        : "could not find the entity with '" + key + "'");
  }

  private static <E> DaoException keyViolation(
      ErrorCode code, String format, List<FieldSchema<E>> fields, E entity, Throwable cause) {
    String[] names = new String[fields.size()];
    Object[] values = new Object[fields.size()];
    Map<String, Object> byField = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      FieldSchema<E> f = fields.get(i);
      names[i] = f.jsonName();
      values[i] = entity == null ? null : f.get(entity);
      byField.put(f.jsonName(), Values.text(values[i]));
    }
    return new DaoException(code, String.format(format, Values.describeKey(names, values)), byField, cause);
  }
}
