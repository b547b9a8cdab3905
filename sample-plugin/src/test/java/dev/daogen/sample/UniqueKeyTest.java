package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Lookups by unique field and endpoint key, cache keys, and unique violations. */
class UniqueKeyTest {
  private final Fixtures f = new Fixtures();

  @Test
  void selectByUniqueFields() {
    Consumer bob = f.consumers.insert(new ConsumerDraft().username("bob").customId("c-bob"));
    f.consumers.insert(new ConsumerDraft().username("amy").customId("c-amy"));
    assertEquals(bob, f.consumers.selectByUsername("bob").orElseThrow());
    assertEquals(bob, f.consumers.selectByCustomId("c-bob").orElseThrow());
    assertTrue(f.consumers.selectByUsername("BOB").isEmpty(), "exact match");
    assertTrue(f.consumers.selectByCustomId("bob").isEmpty());

    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("s3cret"));
    assertEquals(k, f.credentials.selectByKey("s3cret").orElseThrow());
    assertTrue(f.credentials.selectByKey("other").isEmpty());

    Upstream u = f.upstream("svc.local");
    assertEquals(u, f.upstreams.selectByName("svc.local").orElseThrow());
    assertTrue(f.upstreams.selectByName("svc").isEmpty());
    Route r = f.routes.insert(new RouteDraft().name("r1"));
    assertEquals(r, f.routes.selectByName("r1").orElseThrow());
    assertTrue(f.routes.selectByName("r2").isEmpty());
  }

  @Test
  void deleteByUniqueFieldsIsIdempotent() {
    Consumer bob = f.consumers.insert(new ConsumerDraft().username("bob").customId("c-bob"));
    Consumer amy = f.consumers.insert(new ConsumerDraft().username("amy").customId("c-amy"));
    assertTrue(f.consumers.deleteByUsername("bob"));
    assertFalse(f.consumers.deleteByUsername("bob"));
    assertFalse(f.consumers.deleteByCustomId("c-bob"));
    assertTrue(f.consumers.select(bob.id()).isEmpty());
    assertTrue(f.consumers.deleteByCustomId("c-amy"));
    assertFalse(f.consumers.deleteByCustomId("c-amy"));
    assertTrue(f.consumers.select(amy.id()).isEmpty());

    Consumer zed = f.consumer("zed");
    f.credentials.insert(new KeyAuthCredentialDraft().consumer(zed.id()).key("k1"));
    KeyAuthCredential k2 = f.credentials.insert(new KeyAuthCredentialDraft().consumer(zed.id()).key("k2"));
    assertTrue(f.credentials.deleteByKey("k1"));
    assertFalse(f.credentials.deleteByKey("k1"));
    assertEquals(k2, f.credentials.selectByKey("k2").orElseThrow());

    f.upstream("u1");
    Upstream u2 = f.upstream("u2");
    assertTrue(f.upstreams.deleteByName("u1"));
    assertFalse(f.upstreams.deleteByName("u1"));
    assertEquals(u2, f.upstreams.selectByName("u2").orElseThrow());
    f.routes.insert(new RouteDraft().name("r"));
    assertTrue(f.routes.deleteByName("r"));
    assertFalse(f.routes.deleteByName("r"));
    assertEquals(1, f.consumers.count() + f.routes.count());
  }

  @Test
  void cacheKeysFollowKongsFormat() {
    Consumer bob = f.consumer("bob");
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("abc"));
    assertEquals("keyauth_credentials:abc", f.credentials.cacheKey(k));
    assertEquals("keyauth_credentials:abc", f.credentials.cacheKey("abc"));

    Upstream u = f.upstream("u");
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("10.0.0.1:80").host("10.0.0.1"));
    assertEquals("targets:" + u.id() + ":10.0.0.1:80", f.targets.cacheKey(t));
    assertEquals("targets:" + u.id() + ":10.0.0.1:80", f.targets.cacheKey(u.id(), "10.0.0.1:80"));

    // without @CacheKey: the primary key
    assertEquals("consumers:" + bob.id(), f.consumers.cacheKey(bob));
    assertEquals("consumers:" + bob.id(), f.consumers.cacheKey(bob.id()));
    assertEquals("upstreams:" + u.id(), f.upstreams.cacheKey(u));
    assertEquals("upstreams:" + u.id(), f.upstreams.cacheKey(u.id()));
    Route r = f.routes.insert(new RouteDraft().name("r"));
    assertEquals("routes:" + r.id(), f.routes.cacheKey(r));
    assertEquals("routes:" + r.id(), f.routes.cacheKey(r.id()));
    GroupMembership g = f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold")
        .priority(1L));
    assertEquals("group_memberships:" + bob.id() + ":gold", f.groups.cacheKey(g));
    assertEquals("group_memberships:" + bob.id() + ":gold", f.groups.cacheKey(bob.id(), "gold"));
  }

  @Test
  void selectByCacheKeySingleAndComposite() {
    Consumer bob = f.consumer("bob");
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    assertEquals(k, f.credentials.selectByCacheKey(k.key()).orElseThrow());
    assertTrue(f.credentials.selectByCacheKey("nope").isEmpty());

    Upstream u = f.upstream("u");
    Upstream v = f.upstream("v");
    Target ua = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    Target va = f.targets.insert(new TargetDraft().upstream(v.id()).target("a:1").host("a"));
    assertEquals(ua, f.targets.selectByCacheKey(u.id(), "a:1").orElseThrow());
    assertEquals(va, f.targets.selectByCacheKey(v.id(), "a:1").orElseThrow());
    assertTrue(f.targets.selectByCacheKey(u.id(), "b:1").isEmpty());
    assertTrue(f.targets.selectByCacheKey(UUID.randomUUID(), "a:1").isEmpty());
  }

  @Test
  void duplicateUniqueValueOnInsertIsAUniqueViolation() {
    Consumer bob = f.consumers.insert(new ConsumerDraft().username("bob").customId("c1"));
    DaoException e = Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft().username("bob")));
    assertEquals("UNIQUE violation detected on '{username=\"bob\"}'", e.getMessage());
    assertEquals(Map.of("username", "bob"), e.fields());
    assertEquals(5, e.code().code());
    assertEquals("unique constraint violation", e.code().errorName());

    DaoException c = Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft().username("other").customId("c1")));
    assertEquals("UNIQUE violation detected on '{custom_id=\"c1\"}'", c.getMessage());
    assertEquals(Map.of("custom_id", "c1"), c.fields());

    f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k"));
    DaoException k = Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k")));
    assertEquals("UNIQUE violation detected on '{key=\"k\"}'", k.getMessage());

    f.upstream("u");
    assertEquals(Map.of("name", "u"), Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.upstream("u")).fields());
    f.routes.insert(new RouteDraft().name("r"));
    assertEquals(Map.of("name", "r"), Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.routes.insert(new RouteDraft().name("r"))).fields());
  }

  @Test
  void compositeCacheKeyClashIsAUniqueViolation() {
    Upstream u = f.upstream("u");
    f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    DaoException e = Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("b").weight(5)));
    assertEquals("UNIQUE violation detected on '{upstream=\"" + u.id() + "\",target=\"a:1\"}'", e.getMessage());
    assertEquals(Map.of("upstream", u.id().toString(), "target", "a:1"), e.fields());

    Target other = f.targets.insert(new TargetDraft().upstream(u.id()).target("b:1").host("b"));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.targets.update(other.id(), new TargetPatch().target("a:1")));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.targets.upsert(other.id(), new TargetDraft().upstream(u.id()).target("a:1").host("x")));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.targets.upsert(UUID.randomUUID(), new TargetDraft().upstream(u.id()).target("a:1").host("x")));
  }

  @Test
  void updateAndUpsertIntoATakenUniqueValueAreUniqueViolations() {
    f.consumers.insert(new ConsumerDraft().username("bob").customId("c-bob"));
    Consumer amy = f.consumers.insert(new ConsumerDraft().username("amy").customId("c-amy"));
    DaoException e = Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.update(amy.id(), new ConsumerPatch().username("bob")));
    assertEquals("UNIQUE violation detected on '{username=\"bob\"}'", e.getMessage());
    assertEquals(Map.of("username", "bob"), e.fields());
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.updateByUsername("amy", new ConsumerPatch().customId("c-bob")));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.updateByCustomId("c-amy", new ConsumerPatch().username("bob")));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.upsert(amy.id(), new ConsumerDraft().username("bob")));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.upsert(UUID.randomUUID(), new ConsumerDraft().username("bob")));
    DaoException byCustom = Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.upsertByCustomId("c-amy", new ConsumerDraft().username("bob")));
    assertEquals(Map.of("username", "bob"), byCustom.fields());
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.consumers.upsertByUsername("amy", new ConsumerDraft().customId("c-bob")));

    Upstream u = f.upstream("u");
    f.upstream("v");
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.upstreams.updateByName("v", new UpstreamPatch().name("u")));
    Fixtures.expectUnchanged(ErrorCode.UNIQUE_VIOLATION,
        () -> f.upstreams.upsert(UUID.randomUUID(), new UpstreamDraft().name("u")));
    assertEquals(u, f.upstreams.selectByName("u").orElseThrow());
  }

  @Test
  void nullUniqueValuesAreInvalidUnique() {
    f.consumer("bob");
    DaoException e = Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.consumers.selectByUsername(null));
    assertEquals("invalid unique username: missing value", e.getMessage());
    assertEquals(Map.of("username", "missing value"), e.fields());
    assertEquals(10, e.code().code());
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.consumers.updateByUsername(null, new ConsumerPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE,
        () -> f.consumers.upsertByUsername(null, new ConsumerDraft().customId("x")));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.consumers.deleteByUsername(null));
    assertEquals("invalid unique custom_id: missing value", Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE,
        () -> f.consumers.selectByCustomId(null)).getMessage());
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.consumers.updateByCustomId(null, new ConsumerPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.consumers.upsertByCustomId(null, new ConsumerDraft()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.consumers.deleteByCustomId(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.credentials.selectByKey(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.credentials.selectByCacheKey(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE,
        () -> f.credentials.updateByKey(null, new KeyAuthCredentialPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE,
        () -> f.credentials.upsertByKey(null, new KeyAuthCredentialDraft()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.credentials.deleteByKey(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.upstreams.selectByName(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.upstreams.updateByName(null, new UpstreamPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.upstreams.upsertByName(null, new UpstreamDraft()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.upstreams.deleteByName(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.routes.selectByName(null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.routes.updateByName(null, new RoutePatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.routes.upsertByName(null, new RouteDraft()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_UNIQUE, () -> f.routes.deleteByName(null));
  }
}
