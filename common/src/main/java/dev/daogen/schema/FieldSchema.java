package dev.daogen.schema;

import dev.daogen.annotations.OnDelete;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Metadata of one entity field, generated at compile time. {@link #get(Object)} reads the value without reflection.
 *
 * @param <E> the entity record
 */
public final class FieldSchema<E> {
  /**
   * The longest string (in UTF-16 code units) that a primary key, unique or indexed column accepts: a btree index
   * entry holds at most about 2.7 KB, and a key of up to three such strings, four UTF-8 bytes per character at
   * worst, stays under it. The admin API checks it as a field error rather than letting the database discover it.
   */
  public static final int MAX_INDEXED_STRING_LENGTH = 255;

  private final String name;
  private final String jsonName;
  private final String column;
  private final FieldType type;
  private final Function<E, Object> getter;
  private boolean nullable;
  private boolean required;
  private boolean primaryKey;
  private boolean unique;
  private boolean indexed;
  private boolean auto;
  private boolean immutable;
  private String defaultValue;
  private String foreignEntity;
  private OnDelete onDelete;
  private List<String> enumValues = List.of();

  private FieldSchema(String name, String jsonName, String column, FieldType type, Function<E, Object> getter) {
    this.name = Objects.requireNonNull(name);
    this.jsonName = Objects.requireNonNull(jsonName);
    this.column = Objects.requireNonNull(column);
    this.type = Objects.requireNonNull(type);
    this.getter = Objects.requireNonNull(getter);
  }

  /** Starts the description of a field; the flag methods below complete it (generated code only). */
  public static <E> FieldSchema<E> of(
      String name, String jsonName, String column, FieldType type, Function<E, Object> getter) {
    return new FieldSchema<>(name, jsonName, column, type, getter);
  }

  public FieldSchema<E> nullable() {
    this.nullable = true;
    return this;
  }

  public FieldSchema<E> required() {
    this.required = true;
    return this;
  }

  public FieldSchema<E> primaryKey() {
    this.primaryKey = true;
    return this;
  }

  public FieldSchema<E> unique() {
    this.unique = true;
    return this;
  }

  public FieldSchema<E> indexed() {
    this.indexed = true;
    return this;
  }

  public FieldSchema<E> auto() {
    this.auto = true;
    return this;
  }

  public FieldSchema<E> immutable() {
    this.immutable = true;
    return this;
  }

  public FieldSchema<E> defaultValue(String literal) {
    this.defaultValue = literal;
    return this;
  }

  public FieldSchema<E> foreign(String parentEntity, OnDelete action) {
    this.foreignEntity = parentEntity;
    this.onDelete = action;
    return this;
  }

  public FieldSchema<E> enumValues(String... values) {
    this.enumValues = List.of(values);
    return this;
  }

  /** The Java component name ({@code customId}). */
  public String name() {
    return name;
  }

  /** The name in JSON and in field errors ({@code custom_id}). */
  public String jsonName() {
    return jsonName;
  }

  /** The column ({@code custom_id}, or {@code consumer_id} for a foreign key). */
  public String column() {
    return column;
  }

  public FieldType type() {
    return type;
  }

  /** The field's value in an entity. */
  public Object get(E entity) {
    return getter.apply(entity);
  }

  public boolean isNullable() {
    return nullable;
  }

  /** Whether a write must provide it (not nullable, not auto, no default). */
  public boolean isRequired() {
    return required;
  }

  public boolean isPrimaryKey() {
    return primaryKey;
  }

  public boolean isUnique() {
    return unique;
  }

  public boolean isIndexed() {
    return indexed;
  }

  public boolean isAuto() {
    return auto;
  }

  public boolean isImmutable() {
    return immutable;
  }

  /** The {@code @Default} literal, or {@code null}. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The parent entity of a foreign key, or {@code null}. */
  public String foreignEntity() {
    return foreignEntity;
  }

  /** The foreign key's delete action, or {@code null}. */
  public OnDelete onDelete() {
    return onDelete;
  }

  /** The allowed values of an enum field; empty otherwise. */
  public List<String> enumValues() {
    return enumValues;
  }

  @Override
  public String toString() {
    return jsonName + ":" + type;
  }
}
