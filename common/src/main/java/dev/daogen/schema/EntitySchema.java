package dev.daogen.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Metadata of one entity, generated at compile time and immutable: fields, keys and the names of the database
 * constraints (so that a constraint violation can be reported on the fields it concerns). Generated code publishes it
 * as a constant, so nothing here changes after {@link Builder#build()}.
 *
 * @param <E> the entity record
 */
public final class EntitySchema<E> {
  private final String name;
  private final Class<E> type;
  private final List<FieldSchema<E>> fields;
  private final Map<String, FieldSchema<E>> byName;
  private final String primaryKeyConstraint;
  private final List<FieldSchema<E>> primaryKey;
  private final Map<String, List<FieldSchema<E>>> uniqueConstraints;
  private final Map<String, FieldSchema<E>> foreignKeyConstraints;
  private final List<FieldSchema<E>> cacheKey;
  private final String endpointKey;
  private final String adminApiName;
  private final String adminApiNestedName;
  private final boolean generateAdminApi;
  private final boolean ttl;

  private EntitySchema(Builder<E> b) {
    this.name = b.name;
    this.type = b.type;
    this.fields = List.copyOf(b.fields);
    Map<String, FieldSchema<E>> byName = new LinkedHashMap<>();
    for (FieldSchema<E> f : fields) {
      if (byName.putIfAbsent(f.name(), f) != null) {
        throw new IllegalArgumentException("entity '" + name + "' has two fields named '" + f.name() + "'");
      }
    }
    this.byName = Collections.unmodifiableMap(byName);
    this.primaryKeyConstraint = b.primaryKeyConstraint;
    this.primaryKey = resolve(b.primaryKey);
    Map<String, List<FieldSchema<E>>> uniques = new LinkedHashMap<>();
    b.uniqueConstraints.forEach((constraint, names) -> uniques.put(constraint, resolve(names)));
    this.uniqueConstraints = Collections.unmodifiableMap(uniques);
    Map<String, FieldSchema<E>> foreignKeys = new LinkedHashMap<>();
    b.foreignKeyConstraints.forEach((constraint, n) -> foreignKeys.put(constraint, field(n)));
    this.foreignKeyConstraints = Collections.unmodifiableMap(foreignKeys);
    this.cacheKey = resolve(b.cacheKey);
    if (b.endpointKey != null) {
      field(b.endpointKey);
    }
    this.endpointKey = b.endpointKey;
    this.adminApiName = b.adminApiName;
    this.adminApiNestedName = b.adminApiNestedName;
    this.generateAdminApi = b.generateAdminApi;
    this.ttl = b.ttl;
  }

  /** Starts an entity description (generated code only). */
  public static <E> Builder<E> builder(String name, Class<E> type) {
    return new Builder<>(name, type);
  }

  private List<FieldSchema<E>> resolve(List<String> names) {
    List<FieldSchema<E>> out = new ArrayList<>(names.size());
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

  /** All fields, in declaration order (unmodifiable). */
  public List<FieldSchema<E>> fields() {
    return fields;
  }

  /** The field with this Java component name. */
  public FieldSchema<E> field(String name) {
    FieldSchema<E> f = byName.get(name);
    if (f == null) {
      throw new IllegalArgumentException("entity '" + this.name + "' has no field '" + name + "'");
    }
    return f;
  }

  /** The primary key fields, in key order (unmodifiable). */
  public List<FieldSchema<E>> primaryKey() {
    return primaryKey;
  }

  public String primaryKeyConstraint() {
    return primaryKeyConstraint;
  }

  /** Unique constraint name → its fields, in declaration order (unmodifiable). */
  public Map<String, List<FieldSchema<E>>> uniqueConstraints() {
    return uniqueConstraints;
  }

  /** Foreign key constraint name → its field, in declaration order (unmodifiable). */
  public Map<String, FieldSchema<E>> foreignKeyConstraints() {
    return foreignKeyConstraints;
  }

  /**
   * {@link FieldSchema#MAX_INDEXED_STRING_LENGTH} for a string in an index (primary key, unique, indexed, cache
   * key), else -1: no bound.
   */
  public int maxIndexedLength(FieldSchema<?> f) {
    boolean indexed = f.isPrimaryKey() || f.isUnique() || f.isIndexed() || cacheKey().contains(f);
    return f.type() == FieldType.STRING && indexed ? FieldSchema.MAX_INDEXED_STRING_LENGTH : -1;
  }

  /** Cache key fields (unmodifiable); empty when the entity has no cache key. */
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

  /**
   * Collects an entity's fields and keys; {@link #build()} makes the immutable {@link EntitySchema}. Keys name fields
   * by their Java component names, resolved when building, so they may come before or after the fields. A builder
   * may go on after {@code build()} without changing what it built.
   *
   * @param <E> the entity record
   */
  public static final class Builder<E> {
    private final String name;
    private final Class<E> type;
    private final List<FieldSchema<E>> fields = new ArrayList<>();
    private String primaryKeyConstraint;
    private List<String> primaryKey = List.of();
    private final Map<String, List<String>> uniqueConstraints = new LinkedHashMap<>();
    private final Map<String, String> foreignKeyConstraints = new LinkedHashMap<>();
    private List<String> cacheKey = List.of();
    private String endpointKey;
    private String adminApiName;
    private String adminApiNestedName;
    private boolean generateAdminApi = true;
    private boolean ttl;

    private Builder(String name, Class<E> type) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
      this.adminApiName = name;
      this.adminApiNestedName = name;
    }

    /** Adds a field, in declaration order. */
    public Builder<E> field(FieldSchema<E> field) {
      fields.add(Objects.requireNonNull(field, "field"));
      return this;
    }

    /** Declares the primary key (Java component names, in key order) and its constraint name. */
    public Builder<E> primaryKey(String constraint, String... names) {
      this.primaryKeyConstraint = constraint;
      this.primaryKey = List.of(names);
      return this;
    }

    /** Declares a unique constraint over these fields. */
    public Builder<E> uniqueConstraint(String constraint, String... names) {
      uniqueConstraints.put(constraint, List.of(names));
      return this;
    }

    /** Declares the foreign key constraint of a field. */
    public Builder<E> foreignKeyConstraint(String constraint, String name) {
      foreignKeyConstraints.put(constraint, name);
      return this;
    }

    /** Declares the cache key (Java component names, in key order). */
    public Builder<E> cacheKey(String... names) {
      this.cacheKey = List.of(names);
      return this;
    }

    /** The endpoint key's Java component name. */
    public Builder<E> endpointKey(String name) {
      this.endpointKey = name;
      return this;
    }

    /** Whether the admin API serves the entity, and its names there (default: the entity name, served). */
    public Builder<E> adminApi(boolean generate, String name, String nestedName) {
      this.generateAdminApi = generate;
      this.adminApiName = name;
      this.adminApiNestedName = nestedName;
      return this;
    }

    public Builder<E> ttl(boolean ttl) {
      this.ttl = ttl;
      return this;
    }

    /**
     * The schema.
     *
     * @throws IllegalArgumentException when two fields share a name or a key names a field that was not added
     */
    public EntitySchema<E> build() {
      return new EntitySchema<>(this);
    }
  }
}
