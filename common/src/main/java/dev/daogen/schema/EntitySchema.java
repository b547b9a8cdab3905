package dev.daogen.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metadata of one entity, generated at compile time: fields, keys and the names of the database constraints (so that
 * a constraint violation can be reported on the fields it concerns).
 *
 * @param <E> the entity record
 */
public final class EntitySchema<E> {
  private final String name;
  private final Class<E> type;
  private final List<FieldSchema<E>> fields = new ArrayList<>();
  private final Map<String, FieldSchema<E>> byName = new LinkedHashMap<>();
  private final Map<String, List<FieldSchema<E>>> uniqueConstraints = new LinkedHashMap<>();
  private final Map<String, FieldSchema<E>> foreignKeyConstraints = new LinkedHashMap<>();
  private String primaryKeyConstraint;
  private String endpointKey;
  private String adminApiName;
  private String adminApiNestedName;
  private boolean generateAdminApi = true;
  private boolean ttl;
  private List<FieldSchema<E>> primaryKey = List.of();
  private List<FieldSchema<E>> cacheKey = List.of();

  private EntitySchema(String name, Class<E> type) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.adminApiName = name;
    this.adminApiNestedName = name;
  }

  /** Starts an entity description (generated code only). */
  public static <E> EntitySchema<E> of(String name, Class<E> type) {
    return new EntitySchema<>(name, type);
  }

  /** Adds a field, in declaration order. */
  public EntitySchema<E> field(FieldSchema<E> field) {
    fields.add(field);
    byName.put(field.name(), field);
    return this;
  }

  /** Declares the primary key (Java component names, in key order) and its constraint name. */
  public EntitySchema<E> primaryKey(String constraint, String... names) {
    this.primaryKeyConstraint = constraint;
    this.primaryKey = resolve(names);
    return this;
  }

  /** Declares a unique constraint over these fields. */
  public EntitySchema<E> uniqueConstraint(String constraint, String... names) {
    uniqueConstraints.put(constraint, resolve(names));
    return this;
  }

  /** Declares the foreign key constraint of a field. */
  public EntitySchema<E> foreignKeyConstraint(String constraint, String name) {
    foreignKeyConstraints.put(constraint, field(name));
    return this;
  }

  public EntitySchema<E> cacheKey(String... names) {
    this.cacheKey = resolve(names);
    return this;
  }

  public EntitySchema<E> endpointKey(String name) {
    this.endpointKey = name;
    return this;
  }

  public EntitySchema<E> adminApi(boolean generate, String name, String nestedName) {
    this.generateAdminApi = generate;
    this.adminApiName = name;
    this.adminApiNestedName = nestedName;
    return this;
  }

  public EntitySchema<E> ttl(boolean ttl) {
    this.ttl = ttl;
    return this;
  }

  private List<FieldSchema<E>> resolve(String... names) {
    List<FieldSchema<E>> out = new ArrayList<>(names.length);
    for (String n : names) {
      out.add(field(n));
    }
    return List.copyOf(out);
  }

  /** The entity (and table) name. */
  public String name() {
    return name;
  }

  /** The entity record class. */
  public Class<E> type() {
    return type;
  }

  /** All fields, in declaration order. */
  public List<FieldSchema<E>> fields() {
    return List.copyOf(fields);
  }

  /** The field with this Java component name. */
  public FieldSchema<E> field(String name) {
    FieldSchema<E> f = byName.get(name);
    if (f == null) {
      throw new IllegalArgumentException("entity '" + this.name + "' has no field '" + name + "'");
    }
    return f;
  }

  public List<FieldSchema<E>> primaryKey() {
    return primaryKey;
  }

  public String primaryKeyConstraint() {
    return primaryKeyConstraint;
  }

  /** Unique constraint name → its fields. */
  public Map<String, List<FieldSchema<E>>> uniqueConstraints() {
    return Map.copyOf(uniqueConstraints);
  }

  /** Foreign key constraint name → its field. */
  public Map<String, FieldSchema<E>> foreignKeyConstraints() {
    return Map.copyOf(foreignKeyConstraints);
  }

  /** Cache key fields; empty when the entity has no cache key. */
  /**
   * {@link FieldSchema#MAX_INDEXED_STRING_LENGTH} for a string in an index (primary key, unique, indexed, cache
   * key), else -1: no bound.
   */
  public int maxIndexedLength(FieldSchema<?> f) {
    boolean indexed = f.isPrimaryKey() || f.isUnique() || f.isIndexed() || cacheKey().contains(f);
    return f.type() == FieldType.STRING && indexed ? FieldSchema.MAX_INDEXED_STRING_LENGTH : -1;
  }

  public List<FieldSchema<E>> cacheKey() {
    return cacheKey;
  }

  /** The endpoint key's Java component name, or {@code null}. */
  public String endpointKey() {
    return endpointKey;
  }

  public String adminApiName() {
    return adminApiName;
  }

  public String adminApiNestedName() {
    return adminApiNestedName;
  }

  public boolean generateAdminApi() {
    return generateAdminApi;
  }

  public boolean ttl() {
    return ttl;
  }

  @Override
  public String toString() {
    return name + fields;
  }
}
