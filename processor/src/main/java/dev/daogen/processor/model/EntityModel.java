package dev.daogen.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @Entity} record, validated.
 *
 * @param element the record, for diagnostics and originating elements only
 * @param type the record's class name
 * @param name the entity name, which is also the table name ({@code keyauth_credentials})
 * @param fields the components, in declaration order
 * @param primaryKey names (Java component names) of the primary key fields, in declaration order
 * @param cacheKey names of the cache key fields, in declaration order; empty when the entity has none
 * @param endpointKey the component name of the endpoint key, if any (always a unique, single field)
 * @param adminApiName the admin collection name
 * @param adminApiNestedName the admin name when nested under a parent
 * @param generateAdminApi whether admin routes are generated
 * @param ttl whether rows have a time to live (hidden {@code ttl} column)
 * @param checks entity-level checks ({@code @AtLeastOneOf} …)
 */
public record EntityModel(
    TypeElement element,
    ClassName type,
    String name,
    List<FieldModel> fields,
    List<String> primaryKey,
    List<String> cacheKey,
    Optional<String> endpointKey,
    String adminApiName,
    String adminApiNestedName,
    boolean generateAdminApi,
    boolean ttl,
    List<EntityCheckModel> checks) {

  /** The field with this Java component name. */
  public FieldModel field(String javaName) {
    return fields.stream()
        .filter(f -> f.name().equals(javaName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(javaName));
  }

  /** Primary key fields, in key order. */
  public List<FieldModel> primaryKeyFields() {
    return primaryKey.stream().map(this::field).toList();
  }

  /** Fields that are not part of the primary key, in declaration order. */
  public List<FieldModel> valueFields() {
    return fields.stream().filter(f -> !f.primaryKey()).toList();
  }

  /** Cache key fields, in key order. */
  public List<FieldModel> cacheKeyFields() {
    return cacheKey.stream().map(this::field).toList();
  }

  /** Whether a hidden, unique {@code cache_key} column stores the composite cache key. */
  public boolean hasCacheKeyColumn() {
    return cacheKey.size() > 1;
  }

  /** The {@code Set<String> tags} field with Kong's tag semantics, if any. */
  public Optional<FieldModel> tagsField() {
    return fields.stream().filter(FieldModel::tags).findFirst();
  }

  /** Foreign key fields, in declaration order. */
  public List<FieldModel> foreignKeys() {
    return fields.stream().filter(f -> f.foreign().isPresent()).toList();
  }

  /** Generated class names, all in the entity's package. */
  public ClassName daoType() {
    return type.peerClass(type.simpleName() + "Dao");
  }

  public ClassName draftType() {
    return type.peerClass(type.simpleName() + "Draft");
  }

  public ClassName patchType() {
    return type.peerClass(type.simpleName() + "Patch");
  }

  public ClassName tableType() {
    return type.peerClass(type.simpleName() + "Table");
  }

  public ClassName schemaType() {
    return type.peerClass(type.simpleName() + "Schema");
  }
}
