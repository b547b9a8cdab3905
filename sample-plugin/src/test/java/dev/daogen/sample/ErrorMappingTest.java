package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Kong's error codes and messages for missing keys, missing rows, duplicate keys and refused values. */
class ErrorMappingTest {
  private final Fixtures f = new Fixtures();

  @Test
  void errorCodesAreKongs() {
    assertEquals(1, ErrorCode.INVALID_PRIMARY_KEY.code());
    assertEquals(3, ErrorCode.PRIMARY_KEY_VIOLATION.code());
    assertEquals(6, ErrorCode.NOT_FOUND.code());
    assertEquals(7, ErrorCode.INVALID_OFFSET.code());
    assertEquals(8, ErrorCode.DATABASE_ERROR.code());
    assertEquals(9, ErrorCode.INVALID_SIZE.code());
    assertEquals(11, ErrorCode.INVALID_OPTIONS.code());
    assertEquals("not found", ErrorCode.NOT_FOUND.errorName());
  }

  @Test
  void updateOfAMissingRowIsNotFound() {
    f.consumer("bob");
    UUID ghost = UUID.randomUUID();
    DaoException e = Fixtures.expectUnchanged(ErrorCode.NOT_FOUND,
        () -> f.consumers.update(ghost, new ConsumerPatch().customId("x")));
    assertEquals("could not find the entity with primary key '{id=\"" + ghost + "\"}'", e.getMessage());
    assertEquals(Map.of(), e.fields());
    DaoException byName = Fixtures.expectUnchanged(ErrorCode.NOT_FOUND,
        () -> f.consumers.updateByUsername("ghost", new ConsumerPatch().customId("x")));
    assertEquals("could not find the entity with '{username=\"ghost\"}'", byName.getMessage());
    assertEquals("could not find the entity with '{custom_id=\"nope\"}'", Fixtures.expectUnchanged(
        ErrorCode.NOT_FOUND, () -> f.consumers.updateByCustomId("nope", new ConsumerPatch())).getMessage());
    assertEquals("could not find the entity with '{key=\"k\"}'", Fixtures.expectUnchanged(ErrorCode.NOT_FOUND,
        () -> f.credentials.updateByKey("k", new KeyAuthCredentialPatch())).getMessage());
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.credentials.update(ghost, new KeyAuthCredentialPatch()));
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.upstreams.update(ghost, new UpstreamPatch().slots(20)));
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.upstreams.updateByName("u", new UpstreamPatch()));
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.targets.update(ghost, new TargetPatch().weight(3)));
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.routes.update(ghost, new RoutePatch()));
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.routes.updateByName("r", new RoutePatch()));
    // not found wins over an invalid patch: nothing to validate against
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND, () -> f.upstreams.update(ghost, new UpstreamPatch().slots(1)));
  }

  @Test
  void nullPrimaryKeysAreInvalidPrimaryKeys() {
    f.consumer("bob");
    DaoException e = Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.consumers.select(null));
    assertEquals("invalid primary key: '{id=\"missing primary key\"}'", e.getMessage());
    assertEquals(Map.of("id", "missing primary key"), e.fields());
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.consumers.update(null, new ConsumerPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY,
        () -> f.consumers.upsert(null, new ConsumerDraft().username("x")));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.consumers.delete(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.credentials.select(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.upstreams.delete(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.targets.update(null, new TargetPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.routes.upsert(null, new RouteDraft().name("r")));
    DaoException parent = Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY,
        () -> f.credentials.pageForConsumer(null, null, null));
    assertEquals(Map.of("consumer", "missing primary key"), parent.fields());
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.credentials.eachForConsumer(null, null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.targets.pageForUpstream(null, null, null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.targets.selectByCacheKey(null, "a"));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.targets.selectByCacheKey(UUID.randomUUID(), null));
  }

  @Test
  void duplicatePrimaryKeyIsAPrimaryKeyViolation() {
    Consumer bob = f.consumer("bob");
    DaoException e = Fixtures.expectUnchanged(ErrorCode.PRIMARY_KEY_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft().id(bob.id()).username("other")));
    assertEquals("primary key violation on key '{id=\"" + bob.id() + "\"}'", e.getMessage());
    assertEquals(Map.of("id", bob.id().toString()), e.fields());
    Upstream u = f.upstream("u");
    Fixtures.expectUnchanged(ErrorCode.PRIMARY_KEY_VIOLATION,
        () -> f.upstreams.insert(new UpstreamDraft().id(u.id()).name("v")));
  }

  @Test
  @Tag("postgres")
  void valuesTheDatabaseRefusesAreSchemaViolationsWithoutSql() {
    f.consumer("bob");
    DaoException e = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft().username("nul\0byte")));
    assertEquals("schema violation (a value is not accepted by the database, SQLSTATE 22021)", e.getMessage());
    assertInstanceOf(SQLException.class, e.getCause(), "the database error is kept as the cause");
    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft().username("ok").tags(Set.of("a\0b"))));
    Consumer amy = f.consumer("amy");
    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.update(amy.id(), new ConsumerPatch().customId("\0")));
  }
}
