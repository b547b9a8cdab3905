package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** References to parents: missing parents, RESTRICT, CASCADE and SET NULL. */
class ForeignKeyTest {
  private final Fixtures f = new Fixtures();

  private static String missing(UUID id, String parent) {
    return "the foreign key '{id=\"" + id + "\"}' does not reference an existing '" + parent + "' entity.";
  }

  @Test
  void insertWithAMissingParentIsAForeignKeyViolationNamingTheField() {
    f.consumer("bob");
    UUID ghost = UUID.randomUUID();
    DaoException e = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.credentials.insert(new KeyAuthCredentialDraft().consumer(ghost)));
    assertEquals(missing(ghost, "consumers"), e.getMessage());
    assertEquals(Map.of("consumer", missing(ghost, "consumers")), e.fields());
    assertEquals(4, e.code().code());

    DaoException t = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.targets.insert(new TargetDraft().upstream(ghost).target("a:1").host("a")));
    assertEquals(Map.of("upstream", missing(ghost, "upstreams")), t.fields());
    DaoException r = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.routes.insert(new RouteDraft().name("r").upstream(ghost)));
    assertEquals(Map.of("upstream", missing(ghost, "upstreams")), r.fields());
    DaoException g = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.groups.insert(new GroupMembershipDraft().consumer(ghost).groupName("g").priority(1L)));
    assertEquals(Map.of("consumer", missing(ghost, "consumers")), g.fields());
  }

  @Test
  void updateAndUpsertToAMissingParentAreForeignKeyViolations() {
    Consumer bob = f.consumer("bob");
    Upstream u = f.upstream("u");
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("k"));
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    Route r = f.routes.insert(new RouteDraft().name("r").upstream(u.id()));
    UUID ghost = UUID.randomUUID();

    DaoException e = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.credentials.update(k.id(), new KeyAuthCredentialPatch().consumer(ghost)));
    assertEquals(Map.of("consumer", missing(ghost, "consumers")), e.fields());
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.credentials.updateByKey("k", new KeyAuthCredentialPatch().consumer(ghost)));
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.credentials.upsertByKey("k", new KeyAuthCredentialDraft().consumer(ghost)));
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.credentials.upsert(UUID.randomUUID(), new KeyAuthCredentialDraft().consumer(ghost)));
    assertEquals(Map.of("upstream", missing(ghost, "upstreams")), Fixtures.expectUnchanged(
        ErrorCode.FOREIGN_KEY_VIOLATION, () -> f.targets.update(t.id(), new TargetPatch().upstream(ghost)))
        .fields());
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.targets.upsert(t.id(), new TargetDraft().upstream(ghost).target("a:1").host("a")));
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.routes.updateByName("r", new RoutePatch().upstream(ghost)));
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.routes.upsertByName("r", new RouteDraft().upstream(ghost)));
    Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.groups.upsert(ghost, "g", new GroupMembershipDraft().priority(1L)));
    assertEquals(u.id(), f.routes.select(r.id()).orElseThrow().upstream());
  }

  @Test
  void deleteOfAParentWithRestrictedChildrenIsRefused() {
    Upstream u = f.upstream("u");
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    f.routes.insert(new RouteDraft().name("r").upstream(u.id()));
    DaoException e = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION, () -> f.upstreams.delete(u.id()));
    assertEquals(Map.of("@referenced_by", "targets"), e.fields());
    assertEquals("an existing 'targets' entity references this 'upstreams' entity", e.getMessage());
    DaoException byName = Fixtures.expectUnchanged(ErrorCode.FOREIGN_KEY_VIOLATION,
        () -> f.upstreams.deleteByName("u"));
    assertEquals(Map.of("@referenced_by", "targets"), byName.fields());

    assertTrue(f.targets.delete(t.id()));
    assertTrue(f.upstreams.deleteByName("u"));
    assertEquals(0, f.upstreams.count());
  }

  @Test
  @Tag("postgres")
  void deleteOfAConsumerCascadesToCredentialsAndMemberships() {
    Consumer bob = f.consumer("bob");
    Consumer amy = f.consumer("amy");
    for (Consumer c : new Consumer[] {bob, amy}) {
      f.credentials.insert(new KeyAuthCredentialDraft().consumer(c.id()));
      f.credentials.insert(new KeyAuthCredentialDraft().consumer(c.id()));
      f.groups.insert(new GroupMembershipDraft().consumer(c.id()).groupName("g").priority(1L));
    }
    assertTrue(f.consumers.delete(bob.id()));
    assertEquals(0, TestDatabase.scalar("select count(*) from keyauth_credentials where consumer_id = '"
        + bob.id() + "'"));
    assertEquals(2, f.credentials.count());
    assertEquals(1, f.groups.count());
    assertTrue(f.groups.select(amy.id(), "g").isPresent());

    assertTrue(f.consumers.deleteByUsername("amy"));
    assertEquals(0, f.credentials.count());
    assertEquals(0, f.groups.count());
  }

  @Test
  @Tag("postgres")
  void deleteOfAnUpstreamSetsTheRoutesReferenceToNull() {
    Upstream u = f.upstream("u");
    Upstream v = f.upstream("v");
    Route r1 = f.routes.insert(new RouteDraft().name("r1").upstream(u.id()).paths(Set.of("/")));
    Route r2 = f.routes.insert(new RouteDraft().name("r2").upstream(v.id()));
    assertTrue(f.upstreams.delete(u.id()));
    Route after = f.routes.select(r1.id()).orElseThrow();
    assertNull(after.upstream());
    assertEquals(Set.of("/"), after.paths(), "the rest of the route stays");
    assertEquals(v.id(), f.routes.select(r2.id()).orElseThrow().upstream());
    assertEquals(2, f.routes.count());
    assertEquals(1, TestDatabase.scalar("select count(*) from routes where upstream_id is null"));
  }

  @Test
  void clearingANullableReferenceIsAllowed() {
    Upstream u = f.upstream("u");
    Route r = f.routes.insert(new RouteDraft().name("r").upstream(u.id()));
    assertNull(f.routes.update(r.id(), new RoutePatch().upstream(null)).upstream());
    assertNull(f.routes.select(r.id()).orElseThrow().upstream());
  }
}
