package dev.daogen.schema;

import dev.daogen.annotations.OnDelete;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Metadata of one entity field, generated at compile time and immutable. {@link #get(Object)} reads the value without
 * reflection.
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
  private final boolean nullable;
  private final boolean required;
  private final boolean primaryKey;
  private final boolean unique;
  private final boolean indexed;
  private final boolean auto;
  private final boolean immutable;
  private final String defaultValue;
  private final String foreignEntity;
  private final OnDelete onDelete;
  private final List<String> enumValues;

  private FieldSchema(Builder<E> b) {
    this.name = b.name;
    this.jsonName = b.jsonName;
    this.column = b.column;
    this.type = b.type;
    this.getter = b.getter;
    this.nullable = b.nullable;
    this.required = b.required;
    this.primaryKey = b.primaryKey;
    this.unique = b.unique;
    this.indexed = b.indexed;
    this.auto = b.auto;
    this.immutable = b.immutable;
    this.defaultValue = b.defaultValue;
    this.foreignEntity = b.foreignEntity;
    this.onDelete = b.onDelete;
    this.enumValues = b.enumValues;
  }

  /**
   * Starts the description of a field; the builder's flag methods complete it (generated code only).
   *
   * @param name the Java component name
   * @param jsonName the name in JSON and in field errors
   * @param column the column
   * @param type the kind of value
   * @param getter reads the field's value from an entity
   */
  public static <E> Builder<E> builder(
      String name, String jsonName, String column, FieldType type, Function<E, Object> getter) {
    return new Builder<>(name, jsonName, column, type, getter);
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

  /** The allowed values of an enum field (unmodifiable); empty otherwise. */
  public List<String> enumValues() {
    return enumValues;
  }

  @Override
  public String toString() {
    return jsonName + ":" + type;
  }

  /**
   * Collects a field's flags; {@link #build()} makes the immutable {@link FieldSchema}. A builder may go on after
   * {@code build()} without changing what it built.
   *
   * @param <E> the entity record
   */
  public static final class Builder<E> {
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

    private Builder(String name, String jsonName, String column, FieldType type, Function<E, Object> getter) {
      this.name = Objects.requireNonNull(name, "name");
      this.jsonName = Objects.requireNonNull(jsonName, "jsonName");
      this.column = Objects.requireNonNull(column, "column");
      this.type = Objects.requireNonNull(type, "type");
      this.getter = Objects.requireNonNull(getter, "getter");
    }

    public Builder<E> nullable() {
      this.nullable = true;
      return this;
    }

    public Builder<E> required() {
      this.required = true;
      return this;
    }

    public Builder<E> primaryKey() {
      this.primaryKey = true;
      return this;
    }

    public Builder<E> unique() {
      this.unique = true;
      return this;
    }

    public Builder<E> indexed() {
      this.indexed = true;
      return this;
    }

    public Builder<E> auto() {
      this.auto = true;
      return this;
    }

    public Builder<E> immutable() {
      this.immutable = true;
      return this;
    }

    /** The {@code @Default} literal. */
    public Builder<E> defaultValue(String literal) {
      this.defaultValue = literal;
      return this;
    }

    /** A foreign key to the parent entity's primary key. */
    public Builder<E> foreign(String parentEntity, OnDelete action) {
      this.foreignEntity = parentEntity;
      this.onDelete = action;
      return this;
    }

    /** The allowed values of an enum field, in declaration order. */
    public Builder<E> enumValues(String... values) {
      this.enumValues = List.of(values);
      return this;
    }

    public FieldSchema<E> build() {
      return new FieldSchema<>(this);
    }
  }
}
