package dev.daogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.annotations.OnDelete;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntitySchemaTest {
  record Credential(UUID id, UUID consumer, String key, String scope) {}

  static FieldSchema.Builder<Credential> id() {
    return FieldSchema.<Credential>builder("id", "id", "id", FieldType.UUID, Credential::id).primaryKey().auto();
  }

  static EntitySchema.Builder<Credential> credentials() {
    return EntitySchema.builder("keyauth_credentials", Credential.class)
        .field(id().build())
        .field(FieldSchema.<Credential>builder("consumer", "consumer", "consumer_id", FieldType.UUID,
            Credential::consumer).required().foreign("consumers", OnDelete.CASCADE).build())
        .field(FieldSchema.<Credential>builder("key", "key", "key", FieldType.STRING, Credential::key)
            .unique().auto().build())
        .field(FieldSchema.<Credential>builder("scope", "scope", "scope", FieldType.ENUM, Credential::scope)
            .nullable().enumValues("READ", "WRITE").build())
        .primaryKey("keyauth_credentials_pkey", "id")
        .uniqueConstraint("keyauth_credentials_key_key", "key")
        .foreignKeyConstraint("keyauth_credentials_consumer_id_fkey", "consumer")
        .cacheKey("key")
        .endpointKey("key")
        .adminApi(true, "key-auths", "key-auth")
        .ttl(true);
  }

  @Test
  void theBuiltSchemaHasWhatTheBuilderCollected() {
    EntitySchema<Credential> s = credentials().build();
    assertEquals("keyauth_credentials", s.name());
    assertEquals(Credential.class, s.type());
    assertEquals(List.of("id", "consumer", "key", "scope"), s.fields().stream().map(FieldSchema::name).toList());
    assertEquals(List.of(s.field("id")), s.primaryKey());
    assertEquals("keyauth_credentials_pkey", s.primaryKeyConstraint());
    assertEquals(List.of(s.field("key")), s.uniqueConstraints().get("keyauth_credentials_key_key"));
    assertSame(s.field("consumer"), s.foreignKeyConstraints().get("keyauth_credentials_consumer_id_fkey"));
    assertEquals(List.of(s.field("key")), s.cacheKey());
    assertEquals("key", s.endpointKey());
    assertEquals("key-auths", s.adminApiName());
    assertEquals("key-auth", s.adminApiNestedName());
    assertTrue(s.generateAdminApi());
    assertTrue(s.ttl());
    assertEquals(FieldSchema.MAX_INDEXED_STRING_LENGTH, s.maxIndexedLength(s.field("key")));
    assertEquals(-1, s.maxIndexedLength(s.field("scope")));

    FieldSchema<Credential> consumer = s.field("consumer");
    assertEquals("consumer_id", consumer.column());
    assertTrue(consumer.isRequired());
    assertEquals("consumers", consumer.foreignEntity());
    assertEquals(OnDelete.CASCADE, consumer.onDelete());
    UUID id = UUID.randomUUID();
    assertEquals(id, consumer.get(new Credential(null, id, null, null)));
    assertEquals(List.of("READ", "WRITE"), s.field("scope").enumValues());
  }

  @Test
  void defaultsWithoutKeysOrAdminNames() {
    EntitySchema<Credential> s = EntitySchema.builder("plain", Credential.class).field(id().build()).build();
    assertEquals(List.of(), s.primaryKey());
    assertNull(s.primaryKeyConstraint());
    assertEquals(List.of(), s.cacheKey());
    assertNull(s.endpointKey());
    assertEquals("plain", s.adminApiName());
    assertEquals("plain", s.adminApiNestedName());
    assertTrue(s.generateAdminApi());
    assertFalse(s.ttl());
    FieldSchema<Credential> f = s.field("id");
    assertFalse(f.isNullable() || f.isRequired() || f.isUnique() || f.isIndexed() || f.isImmutable());
    assertNull(f.defaultValue());
    assertNull(f.foreignEntity());
    assertNull(f.onDelete());
    assertEquals(List.of(), f.enumValues());
  }

  @Test
  void returnedCollectionsAreUnmodifiable() {
    EntitySchema<Credential> s = credentials().build();
    FieldSchema<Credential> extra = id().build();
    assertThrows(UnsupportedOperationException.class, () -> s.fields().add(extra));
    assertThrows(UnsupportedOperationException.class, () -> s.fields().remove(0));
    assertThrows(UnsupportedOperationException.class, () -> s.primaryKey().add(extra));
    assertThrows(UnsupportedOperationException.class, () -> s.cacheKey().clear());
    assertThrows(UnsupportedOperationException.class, () -> s.uniqueConstraints().put("x", List.of(extra)));
    assertThrows(UnsupportedOperationException.class,
        () -> s.uniqueConstraints().get("keyauth_credentials_key_key").add(extra));
    assertThrows(UnsupportedOperationException.class, () -> s.foreignKeyConstraints().remove(
        "keyauth_credentials_consumer_id_fkey"));
    assertThrows(UnsupportedOperationException.class, () -> s.field("scope").enumValues().add("ADMIN"));
  }

  @Test
  void anEntityBuilderReusedAfterBuildDoesNotChangeTheBuiltSchema() {
    EntitySchema.Builder<Credential> builder = credentials();
    EntitySchema<Credential> built = builder.build();
    builder.field(FieldSchema.<Credential>builder("other", "other", "other", FieldType.STRING, Credential::key)
            .build())
        .primaryKey("other_pkey", "other")
        .uniqueConstraint("other_key", "other")
        .cacheKey("other")
        .endpointKey("other")
        .adminApi(false, "others", "other")
        .ttl(false);
    EntitySchema<Credential> rebuilt = builder.build();

    assertEquals(4, built.fields().size());
    assertThrows(IllegalArgumentException.class, () -> built.field("other"));
    assertEquals(List.of(built.field("id")), built.primaryKey());
    assertEquals("keyauth_credentials_pkey", built.primaryKeyConstraint());
    assertEquals(List.of("keyauth_credentials_key_key"), List.copyOf(built.uniqueConstraints().keySet()));
    assertEquals(List.of(built.field("key")), built.cacheKey());
    assertEquals("key", built.endpointKey());
    assertEquals("key-auths", built.adminApiName());
    assertTrue(built.generateAdminApi());
    assertTrue(built.ttl());

    assertEquals(5, rebuilt.fields().size());
    assertEquals(List.of(rebuilt.field("other")), rebuilt.primaryKey());
    assertEquals(List.of("keyauth_credentials_key_key", "other_key"),
        List.copyOf(rebuilt.uniqueConstraints().keySet()));
    assertFalse(rebuilt.ttl());
  }

  @Test
  void aFieldBuilderReusedAfterBuildDoesNotChangeTheBuiltField() {
    FieldSchema.Builder<Credential> builder =
        FieldSchema.<Credential>builder("scope", "scope", "scope", FieldType.ENUM, Credential::scope)
            .enumValues("READ");
    FieldSchema<Credential> built = builder.build();
    builder.nullable().required().primaryKey().unique().indexed().auto().immutable().defaultValue("READ")
        .foreign("scopes", OnDelete.NULL).enumValues("READ", "WRITE");

    assertFalse(built.isNullable() || built.isRequired() || built.isPrimaryKey() || built.isUnique()
        || built.isIndexed() || built.isAuto() || built.isImmutable());
    assertNull(built.defaultValue());
    assertNull(built.foreignEntity());
    assertNull(built.onDelete());
    assertEquals(List.of("READ"), built.enumValues());
    FieldSchema<Credential> rebuilt = builder.build();
    assertTrue(rebuilt.isNullable() && rebuilt.isPrimaryKey() && rebuilt.isImmutable());
    assertEquals(List.of("READ", "WRITE"), rebuilt.enumValues());
  }

  @Test
  void keysMayBeDeclaredBeforeTheirFields() {
    EntitySchema<Credential> s = EntitySchema.builder("late", Credential.class)
        .primaryKey("late_pkey", "id")
        .field(id().build())
        .build();
    assertEquals(List.of(s.field("id")), s.primaryKey());
  }

  @Test
  void aKeyOnAnUnknownFieldOrATwiceDeclaredFieldIsRefused() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> EntitySchema.builder("e", Credential.class).field(id().build()).primaryKey("e_pkey", "nope").build());
    assertEquals("entity 'e' has no field 'nope'", unknown.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> EntitySchema.builder("e", Credential.class).field(id().build()).endpointKey("nope").build());
    assertThrows(IllegalArgumentException.class,
        () -> EntitySchema.builder("e", Credential.class).field(id().build()).field(id().build()).build());
  }
}
