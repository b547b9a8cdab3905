package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** select / insert / delete / count / truncate, auto fields, defaults and the round trip of every column type. */
class CrudTest {
  private final Fixtures f = new Fixtures();

  @Test
  @Tag("postgres")
  void insertFillsAutoFieldsAndSelectReadsTheRowBack() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Consumer bob = f.consumers.insert(new ConsumerDraft().username("bob").customId("c-1").tags(Set.of("a", "b")));
    Instant after = Instant.now();

    assertEquals(4, bob.id().version(), "random (v4) UUID");
    assertEquals(2, bob.id().variant());
    assertEquals(0, bob.createdAt().getNano(), "created_at is to the second");
    assertFalse(bob.createdAt().isBefore(before));
    assertFalse(bob.createdAt().isAfter(after));
    assertEquals(bob.createdAt(), bob.updatedAt(), "updated_at starts at created_at");
    assertEquals("bob", bob.username());
    assertEquals("c-1", bob.customId());
    assertEquals(Set.of("a", "b"), bob.tags());

    assertEquals(bob, f.consumers.select(bob.id()).orElseThrow());
    assertEquals(1, Fixtures.rows("consumers"));
    assertEquals(bob.id().toString(), Fixtures.text("select id::text from consumers"));
  }

  @Test
  void insertKeepsGivenAutoValues() {
    UUID id = UUID.randomUUID();
    Instant created = Instant.parse("2020-01-02T03:04:05Z");
    Consumer c = f.consumers.insert(new ConsumerDraft().id(id).createdAt(created).updatedAt(created).customId("x"));
    assertEquals(new Consumer(id, created, created, null, "x", null), c);
    assertEquals(c, f.consumers.select(id).orElseThrow());
  }

  @Test
  void autoStringIsA32CharacterAlphanumericKeyAndDiffersEachTime() {
    Consumer bob = f.consumer("bob");
    KeyAuthCredential a = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    KeyAuthCredential b = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    assertTrue(a.key().matches("[A-Za-z0-9]{32}"), a.key());
    assertTrue(b.key().matches("[A-Za-z0-9]{32}"), b.key());
    assertNotEquals(a.key(), b.key());
    assertNotEquals(a.id(), b.id());
    KeyAuthCredential given = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("secret"));
    assertEquals("secret", given.key());
  }

  @Test
  void selectOfAMissingRowIsEmpty() {
    f.consumer("bob");
    assertTrue(f.consumers.select(UUID.randomUUID()).isEmpty());
    assertTrue(f.upstreams.select(UUID.randomUUID()).isEmpty());
    assertTrue(f.targets.select(UUID.randomUUID()).isEmpty());
    assertTrue(f.routes.select(UUID.randomUUID()).isEmpty());
    assertTrue(f.credentials.select(UUID.randomUUID()).isEmpty());
  }

  @Test
  @Tag("postgres")
  void defaultsAreAppliedByTheDao() {
    Upstream u = f.upstream("svc");
    assertEquals(Algorithm.ROUND_ROBIN, u.algorithm());
    assertEquals(10000, u.slots());
    assertEquals("http", u.protocol());
    assertNull(u.healthcheck());
    assertNull(u.hashFallbackHeaders());
    assertNull(u.labels());
    assertNull(u.contact());
    assertEquals("ROUND_ROBIN", Fixtures.text("select algorithm from upstreams"));
    assertEquals(10000, TestDatabase.scalar("select slots from upstreams"));

    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:80").host("a"));
    assertEquals(100, t.weight());
    assertEquals(100, TestDatabase.scalar("select weight from targets"));

    Upstream given = f.upstreams.insert(new UpstreamDraft().name("other").algorithm(Algorithm.LEAST_CONNECTIONS)
        .slots(20).protocol("https"));
    assertEquals(Algorithm.LEAST_CONNECTIONS, given.algorithm());
    assertEquals(20, given.slots());
    assertEquals("https", given.protocol());
  }

  @Test
  @Tag("postgres")
  void everyColumnTypeRoundTrips() {
    HealthCheck hc = new HealthCheck("/health", 5, List.of(200, 204, 302));
    Upstream u = f.upstreams.insert(new UpstreamDraft().name("svc.local").algorithm(Algorithm.CONSISTENT_HASHING)
        .slots(65536).healthcheck(hc).hashFallbackHeaders(List.of("x-b", "x-a", "x-b"))
        .labels(Map.of("team", "core", "tier", "1")).contact("ops@example.com"));
    Upstream read = f.upstreams.select(u.id()).orElseThrow();
    assertEquals(u, read);
    assertEquals(hc, read.healthcheck());
    assertEquals(List.of(200, 204, 302), read.healthcheck().healthyStatuses());
    assertEquals(List.of("x-b", "x-a", "x-b"), read.hashFallbackHeaders(), "a list keeps order and duplicates");
    assertEquals(Map.of("team", "core", "tier", "1"), read.labels());
    assertEquals("CONSISTENT_HASHING", Fixtures.text("select algorithm from upstreams"));
    assertEquals("core", Fixtures.text("select labels->>'team' from upstreams"));
    assertEquals("{\"path\": \"/health\", \"healthy_statuses\": [200, 204, 302], \"interval_seconds\": 5}",
        Fixtures.text("select healthcheck::text from upstreams"), "nested records are snake_case jsonb");

    Upstream noStatuses = f.upstreams.insert(new UpstreamDraft().name("b")
        .healthcheck(new HealthCheck("/", 1, null)));
    assertEquals(new HealthCheck("/", 1, null), f.upstreams.select(noStatuses.id()).orElseThrow().healthcheck());

    Route r = f.routes.insert(new RouteDraft().name("r1").upstream(u.id()).paths(Set.of("/a", "/b"))
        .retiresOn(LocalDate.of(2031, 12, 31)).tags(Set.of("t")));
    Route rr = f.routes.select(r.id()).orElseThrow();
    assertEquals(r, rr);
    assertEquals(Set.of("/a", "/b"), rr.paths());
    assertEquals(LocalDate.of(2031, 12, 31), rr.retiresOn());
    assertEquals("2031-12-31", Fixtures.text("select retires_on::text from routes"));

    Consumer bob = f.consumer("bob");
    GroupMembership g = f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold")
        .quota(new BigDecimal("12345678901234567890.125")).priority(Long.MAX_VALUE));
    GroupMembership gr = f.groups.select(bob.id(), "gold").orElseThrow();
    assertEquals(g, gr);
    assertEquals(new BigDecimal("12345678901234567890.125"), gr.quota());
    assertEquals(Long.MAX_VALUE, gr.priority());
  }

  @Test
  @Tag("postgres")
  void nullableValuesRoundTripAsNull() {
    Route r = f.routes.insert(new RouteDraft().name("bare"));
    assertEquals(new Route(r.id(), r.createdAt(), "bare", null, null, null, null), r);
    assertEquals(r, f.routes.select(r.id()).orElseThrow());
    assertEquals(1, TestDatabase.scalar("select count(*) from routes where upstream_id is null and paths is null"
        + " and retires_on is null and tags is null"));
  }

  @Test
  @Tag("postgres")
  void emptyCollectionsStayEmpty() {
    Consumer c = f.consumers.insert(new ConsumerDraft().username("e").tags(Set.of()));
    assertEquals(Set.of(), f.consumers.select(c.id()).orElseThrow().tags());
  }

  @Test
  void deleteReturnsWhetherARowWentAndIsIdempotent() {
    Consumer bob = f.consumer("bob");
    Consumer amy = f.consumer("amy");
    assertTrue(f.consumers.delete(bob.id()));
    assertTrue(f.consumers.select(bob.id()).isEmpty());
    assertFalse(f.consumers.delete(bob.id()), "second delete: nothing went");
    assertFalse(f.consumers.delete(UUID.randomUUID()));
    assertEquals(1, f.consumers.count());
    assertEquals(amy, f.consumers.select(amy.id()).orElseThrow());
  }

  @Test
  void deleteOfEveryEntity() {
    Consumer bob = f.consumer("bob");
    Upstream u = f.upstream("u");
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    Route r = f.routes.insert(new RouteDraft().name("r"));
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    assertTrue(f.targets.delete(t.id()));
    assertFalse(f.targets.delete(t.id()));
    assertTrue(f.routes.delete(r.id()));
    assertFalse(f.routes.delete(r.id()));
    assertTrue(f.credentials.delete(k.id()));
    assertFalse(f.credentials.delete(k.id()));
    assertTrue(f.upstreams.delete(u.id()));
    assertFalse(f.upstreams.delete(u.id()));
    Fixtures.TABLES.stream().filter(tb -> !tb.equals("consumers"))
        .forEach(tb -> assertEquals(0, Fixtures.rows(tb), tb));
    assertEquals(1, Fixtures.rows("consumers"));
  }

  @Test
  void countCountsEveryRow() {
    assertEquals(0, f.consumers.count());
    for (int i = 0; i < 7; i++) {
      f.consumer("user" + i);
    }
    assertEquals(7, f.consumers.count());
    Upstream u = f.upstream("u");
    f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    f.targets.insert(new TargetDraft().upstream(u.id()).target("b:1").host("b"));
    assertEquals(1, f.upstreams.count());
    assertEquals(2, f.targets.count());
    assertEquals(0, f.routes.count());
  }

  @Test
  void truncateEmptiesTheTableAndCascadesToChildrenAsKongDoes() {
    Consumer bob = f.consumer("bob");
    f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("g").priority(1L));
    Upstream u = f.upstream("u");
    f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    f.routes.insert(new RouteDraft().name("r").upstream(u.id()));

    f.credentials.truncate();
    assertEquals(0, f.credentials.count());
    assertEquals(1, f.consumers.count(), "truncating a child leaves the parent");

    f.consumers.truncate();
    assertEquals(0, f.consumers.count());
    assertEquals(0, f.groups.count(), "children go with a truncated parent (TRUNCATE … CASCADE, as Kong)");
    assertEquals(1, f.upstreams.count());

    f.upstreams.truncate();
    assertEquals(0, f.upstreams.count());
    assertEquals(0, f.targets.count());
    assertEquals(0, f.routes.count(), "Kong's truncate cascades whatever the ON DELETE rule");

    f.routes.insert(new RouteDraft().name("again"));
    f.routes.truncate();
    assertEquals(0, f.routes.count());
    f.groups.truncate();
    f.targets.truncate();
    assertEquals(0, f.groups.count() + f.targets.count());
  }
}
