package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Partial updates (Kong's PATCH) and replacing upserts (Kong's PUT), by primary key and by unique key. */
class UpsertAndUpdateTest {
  private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

  private final Fixtures f = new Fixtures();

  private Consumer oldConsumer(String username, String customId, Set<String> tags) {
    return f.consumers.insert(new ConsumerDraft().username(username).customId(customId).tags(tags)
        .createdAt(LONG_AGO).updatedAt(LONG_AGO));
  }

  @Test
  void updateChangesOnlyWhatThePatchSets() {
    Consumer bob = oldConsumer("bob", "c-1", Set.of("a"));
    Consumer amy = oldConsumer("amy", null, null);
    Consumer updated = f.consumers.update(bob.id(), new ConsumerPatch().customId("c-2"));

    assertEquals(bob.id(), updated.id());
    assertEquals("bob", updated.username(), "not set: unchanged");
    assertEquals("c-2", updated.customId());
    assertEquals(Set.of("a"), updated.tags(), "not set: unchanged");
    assertEquals(LONG_AGO, updated.createdAt(), "created_at stays");
    assertTrue(updated.updatedAt().isAfter(LONG_AGO), "updated_at moves");
    assertEquals(0, updated.updatedAt().getNano());
    assertEquals(updated, f.consumers.select(bob.id()).orElseThrow());
    assertEquals(amy, f.consumers.select(amy.id()).orElseThrow(), "other rows untouched");
  }

  @Test
  @Tag("postgres")
  void settingNullClearsANullableValueWhileNotSettingKeepsIt() {
    Consumer bob = oldConsumer("bob", "c-1", Set.of("a"));
    Consumer cleared = f.consumers.update(bob.id(), new ConsumerPatch().tags(null).customId(null));
    assertNull(cleared.tags());
    assertNull(cleared.customId());
    assertEquals("bob", cleared.username());
    assertEquals(cleared, f.consumers.select(bob.id()).orElseThrow());
    assertEquals(1, TestDatabase.scalar("select count(*) from consumers where tags is null and custom_id is null"));
  }

  @Test
  void emptyPatchOnlyTouchesUpdatedAt() {
    Consumer bob = oldConsumer("bob", "c", Set.of("x"));
    Consumer same = f.consumers.update(bob.id(), new ConsumerPatch());
    assertEquals(new Consumer(bob.id(), LONG_AGO, same.updatedAt(), "bob", "c", Set.of("x")), same);
    assertTrue(same.updatedAt().isAfter(LONG_AGO));
  }

  @Test
  void updateOfEveryKindOfField() {
    Upstream u = f.upstreams.insert(new UpstreamDraft().name("svc").labels(Map.of("a", "1"))
        .healthcheck(new HealthCheck("/", 1, List.of(200))));
    Upstream changed = f.upstreams.update(u.id(), new UpstreamPatch().algorithm(Algorithm.LEAST_CONNECTIONS)
        .slots(11).healthcheck(new HealthCheck("/h", 2, List.of(201))).labels(null)
        .hashFallbackHeaders(List.of("x")).contact("a@b.io"));
    assertEquals(new Upstream(u.id(), u.createdAt(), "svc", Algorithm.LEAST_CONNECTIONS, 11,
        new HealthCheck("/h", 2, List.of(201)), List.of("x"), null, "a@b.io", "http"), changed);
    assertEquals(changed, f.upstreams.select(u.id()).orElseThrow());

    Upstream u2 = f.upstream("u2");
    Route r = f.routes.insert(new RouteDraft().name("r").paths(Set.of("/")));
    Route r2 = f.routes.update(r.id(), new RoutePatch().upstream(u2.id()).retiresOn(LocalDate.of(2030, 1, 1)));
    assertEquals(new Route(r.id(), r.createdAt(), "r", u2.id(), Set.of("/"), LocalDate.of(2030, 1, 1), null), r2);
    assertEquals(r2, f.routes.select(r.id()).orElseThrow());

    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    Target t2 = f.targets.update(t.id(), new TargetPatch().weight(7).host("b"));
    assertEquals(new Target(t.id(), t.createdAt(), u.id(), "a:1", "b", 7), t2);
    assertEquals(t2, f.targets.select(t.id()).orElseThrow());
  }

  @Test
  @Tag("postgres")
  void updateOfTheCompositeCacheKeyMovesTheHiddenColumn() {
    Upstream u = f.upstream("u");
    Upstream v = f.upstream("v");
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    f.targets.update(t.id(), new TargetPatch().upstream(v.id()).target("b:2"));
    assertTrue(f.targets.selectByCacheKey(u.id(), "a:1").isEmpty());
    assertEquals(t.id(), f.targets.selectByCacheKey(v.id(), "b:2").orElseThrow().id());
    assertEquals("targets:" + v.id() + ":b:2", Fixtures.text("select cache_key from targets"));
  }

  @Test
  void updateByUniqueKey() {
    Consumer bob = oldConsumer("bob", "c-1", null);
    Consumer byName = f.consumers.updateByUsername("bob", new ConsumerPatch().tags(Set.of("t")));
    assertEquals(Set.of("t"), byName.tags());
    assertEquals(bob.id(), byName.id());
    Consumer byCustomId = f.consumers.updateByCustomId("c-1", new ConsumerPatch().username("robert"));
    assertEquals("robert", byCustomId.username());
    assertEquals(byCustomId, f.consumers.selectByUsername("robert").orElseThrow());
    assertTrue(f.consumers.selectByUsername("bob").isEmpty());

    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k1"));
    KeyAuthCredential k2 = f.credentials.updateByKey("k1", new KeyAuthCredentialPatch().key("k2"));
    assertEquals(k.id(), k2.id());
    assertEquals(k2, f.credentials.selectByKey("k2").orElseThrow());
    assertTrue(f.credentials.selectByKey("k1").isEmpty());

    Upstream u = f.upstream("up");
    assertEquals(20, f.upstreams.updateByName("up", new UpstreamPatch().slots(20)).slots());
    assertEquals(u.id(), f.upstreams.selectByName("up").orElseThrow().id());
    Route r = f.routes.insert(new RouteDraft().name("r"));
    assertEquals(Set.of("/x"), f.routes.updateByName("r", new RoutePatch().paths(Set.of("/x"))).paths());
    assertEquals(r.id(), f.routes.selectByName("r").orElseThrow().id());
  }

  @Test
  void upsertInsertsWhenMissing() {
    UUID id = UUID.randomUUID();
    Consumer c = f.consumers.upsert(id, new ConsumerDraft().username("new"));
    assertEquals(id, c.id());
    assertEquals(c, f.consumers.select(id).orElseThrow());
    assertEquals(1, f.consumers.count());
  }

  @Test
  void upsertReplacesOmittedFieldsGoBackToDefaultOrNullAndCreatedAtIsKept() {
    Upstream u = f.upstreams.insert(new UpstreamDraft().name("svc").createdAt(LONG_AGO)
        .algorithm(Algorithm.LEAST_CONNECTIONS).slots(20).labels(Map.of("a", "b")).contact("x@y.io")
        .hashFallbackHeaders(List.of("h")).healthcheck(new HealthCheck("/", 1, null)));
    Upstream replaced = f.upstreams.upsert(u.id(), new UpstreamDraft().name("svc2"));
    assertEquals(new Upstream(u.id(), LONG_AGO, "svc2", Algorithm.ROUND_ROBIN, 10000, null, null, null, null,
        "http"), replaced);
    assertEquals(replaced, f.upstreams.select(u.id()).orElseThrow());
    assertEquals(1, f.upstreams.count());

    Consumer bob = oldConsumer("bob", "c", Set.of("t"));
    Consumer newBob = f.consumers.upsert(bob.id(), new ConsumerDraft().customId("c"));
    assertNull(newBob.username());
    assertNull(newBob.tags());
    assertEquals(LONG_AGO, newBob.createdAt());
    assertTrue(newBob.updatedAt().isAfter(LONG_AGO));
    assertEquals(newBob, f.consumers.select(bob.id()).orElseThrow());
  }

  @Test
  void upsertKeepsCreatedAtEvenWhenTheDraftNamesAnother() {
    Consumer bob = oldConsumer("bob", null, null);
    Consumer c = f.consumers.upsert(bob.id(), new ConsumerDraft().username("bob").createdAt(Instant.now()));
    assertEquals(LONG_AGO, c.createdAt());
    assertEquals(LONG_AGO, f.consumers.select(bob.id()).orElseThrow().createdAt());
  }

  @Test
  void upsertRefusesAChangeOfAnImmutableField() {
    Upstream u = f.upstreams.insert(new UpstreamDraft().name("svc").protocol("https"));
    DaoException e = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.upstreams.upsert(u.id(), new UpstreamDraft().name("svc").protocol("grpc")));
    assertEquals(Map.of("protocol", "immutable field cannot be updated"), e.fields());
    assertEquals("schema violation (protocol: immutable field cannot be updated)", e.getMessage());
    // omitting it means "back to the default", which is a change too
    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.upstreams.upsert(u.id(), new UpstreamDraft().name("svc")));
    // the same value is fine
    assertEquals("https", f.upstreams.upsert(u.id(), new UpstreamDraft().name("svc").protocol("https")).protocol());
    // and an insert through upsert may set it
    assertEquals("grpc", f.upstreams.upsert(UUID.randomUUID(), new UpstreamDraft().name("n").protocol("grpc"))
        .protocol());
  }

  @Test
  void updateRefusesAChangeOfAnImmutableField() {
    Upstream u = f.upstream("svc");
    DaoException e = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.upstreams.update(u.id(), new UpstreamPatch().protocol("https").slots(20)));
    assertEquals(Map.of("protocol", "immutable field cannot be updated"), e.fields());
    assertEquals("http", f.upstreams.update(u.id(), new UpstreamPatch().protocol("http")).protocol());
  }

  @Test
  void upsertByUniqueKeyKeepsThePrimaryKey() {
    Consumer bob = oldConsumer("bob", "c-1", Set.of("a"));
    Consumer replaced = f.consumers.upsertByUsername("bob", new ConsumerDraft().tags(Set.of("b")));
    assertEquals(new Consumer(bob.id(), LONG_AGO, replaced.updatedAt(), "bob", null, Set.of("b")), replaced);
    assertEquals(replaced, f.consumers.select(bob.id()).orElseThrow());

    Consumer created = f.consumers.upsertByUsername("amy", new ConsumerDraft());
    assertNotEquals(bob.id(), created.id());
    assertEquals("amy", created.username());
    assertEquals(2, f.consumers.count());

    Consumer byCustom = f.consumers.upsertByCustomId("cid", new ConsumerDraft().username("zed"));
    assertEquals("cid", byCustom.customId());
    Consumer again = f.consumers.upsertByCustomId("cid", new ConsumerDraft());
    assertEquals(byCustom.id(), again.id());
    assertNull(again.username());
    assertEquals(3, f.consumers.count());

    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k")
        .tags(Set.of("x")));
    KeyAuthCredential k2 = f.credentials.upsertByKey("k", new KeyAuthCredentialDraft().consumer(created.id()));
    assertEquals(new KeyAuthCredential(k.id(), k.createdAt(), created.id(), "k", null), k2);
    assertEquals(k2, f.credentials.select(k.id()).orElseThrow());
    KeyAuthCredential fresh = f.credentials.upsertByKey("other", new KeyAuthCredentialDraft().consumer(bob.id()));
    assertEquals("other", fresh.key());
    assertEquals(2, f.credentials.count());

    Upstream u = f.upstreams.insert(new UpstreamDraft().name("up").slots(99));
    Upstream u2 = f.upstreams.upsertByName("up", new UpstreamDraft());
    assertEquals(u.id(), u2.id());
    assertEquals(10000, u2.slots());
    Route r = f.routes.insert(new RouteDraft().name("r").paths(Set.of("/")));
    Route r2 = f.routes.upsertByName("r", new RouteDraft().retiresOn(LocalDate.of(2040, 2, 29)));
    assertEquals(new Route(r.id(), r.createdAt(), "r", null, null, LocalDate.of(2040, 2, 29), null), r2);
    assertEquals(r2, f.routes.selectByName("r").orElseThrow());
  }

  @Test
  void upsertOfEveryOtherEntity() {
    Upstream u = f.upstream("u");
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a").weight(5));
    Target t2 = f.targets.upsert(t.id(), new TargetDraft().upstream(u.id()).target("b:1").host("b"));
    assertEquals(new Target(t.id(), t.createdAt(), u.id(), "b:1", "b", 100), t2);
    assertEquals(t2, f.targets.selectByCacheKey(u.id(), "b:1").orElseThrow());
    Route r = f.routes.upsert(UUID.randomUUID(), new RouteDraft().name("r"));
    assertEquals(r, f.routes.select(r.id()).orElseThrow());
    Consumer bob = f.consumer("bob");
    KeyAuthCredential k = f.credentials.upsert(UUID.randomUUID(), new KeyAuthCredentialDraft().consumer(bob.id()));
    KeyAuthCredential k2 = f.credentials.upsert(k.id(), new KeyAuthCredentialDraft().consumer(bob.id()));
    assertNotEquals(k.key(), k2.key(), "an omitted @Auto key is generated anew on replace");
    assertEquals(k2, f.credentials.select(k.id()).orElseThrow());
    GroupMembership g = f.groups.upsert(bob.id(), "gold", new GroupMembershipDraft().priority(1L)
        .quota(BigDecimal.TEN));
    assertEquals(g, f.groups.select(bob.id(), "gold").orElseThrow());
  }
}
