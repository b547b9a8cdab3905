package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.db.Database;
import dev.daogen.events.EntityEvent;
import dev.daogen.events.EntityEvent.Operation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CRUD events: after commit only, with old values on update and one delete per cascaded row, recursively. */
class EventsTest {
  private final Database db = TestDatabase.get();
  private final List<EntityEvent<?>> seen = new CopyOnWriteArrayList<>();
  private AutoCloseable subscription;
  private ConsumerDao consumers;
  private KeyAuthCredentialDao credentials;
  private CredentialScopeDao scopes;

  @BeforeEach
  void setUp() {
    TestDatabase.reset();
    consumers = db.dao(ConsumerDao.class);
    credentials = db.dao(KeyAuthCredentialDao.class);
    scopes = db.dao(CredentialScopeDao.class);
    subscription = db.events().subscribeAll(seen::add);
  }

  @AfterEach
  void tearDown() throws Exception {
    subscription.close();
  }

  @Test
  void createUpdateDeleteCarryTheEntityTheOldOneAndTheCacheKeys() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    Consumer bobby = consumers.update(bob.id(), new ConsumerPatch().username("bobby"));
    consumers.delete(bob.id());

    assertEquals(3, seen.size(), seen.toString());
    EntityEvent<?> create = seen.get(0);
    assertEquals(Operation.CREATE, create.operation());
    assertEquals("consumers", create.entity());
    assertEquals(bob, create.value());
    assertEquals("consumers:" + bob.id(), create.cacheKey());
    EntityEvent<?> update = seen.get(1);
    assertEquals(Operation.UPDATE, update.operation());
    assertEquals(bobby, update.value());
    assertEquals(bob, update.old());
    EntityEvent<?> delete = seen.get(2);
    assertEquals(Operation.DELETE, delete.operation());
    assertEquals(bobby, delete.value());
    assertNull(delete.old());
  }

  @Test
  void cascadedDeletesAreEventsToo_grandchildrenIncluded() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    CredentialScope scope = scopes.insert(new CredentialScopeDraft().credential(key.id()).name("read"));
    GroupMembership group = db.dao(GroupMembershipDao.class)
        .insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold").priority(1L));
    seen.clear();

    consumers.delete(bob.id());

    List<Object> deleted = seen.stream().filter(e -> e.operation() == Operation.DELETE).map(e -> e.value())
        .map(Object.class::cast).toList();
    assertEquals(Set.of(bob, key, scope, group), Set.copyOf(deleted), seen.toString());
    assertEquals(4, deleted.size());
    assertTrue(seen.stream().filter(e -> !e.value().equals(bob)).allMatch(EntityEvent::cascaded));
    assertEquals(0, scopes.count());
  }

  @Test
  void onDeleteSetNullIsAnUpdateEventWithTheReferenceCleared() {
    UpstreamDao upstreams = db.dao(UpstreamDao.class);
    RouteDao routes = db.dao(RouteDao.class);
    Upstream up = upstreams.insert(new UpstreamDraft().name("svc"));
    Route route = routes.insert(new RouteDraft().name("r1").upstream(up.id()));
    seen.clear();

    upstreams.delete(up.id());

    EntityEvent<?> routeEvent = seen.stream().filter(e -> e.entity().equals("routes")).findFirst().orElseThrow();
    assertEquals(Operation.UPDATE, routeEvent.operation());
    assertEquals(route, routeEvent.old());
    assertNull(((Route) routeEvent.value()).upstream());
    assertEquals(routes.select(route.id()).orElseThrow(), routeEvent.value());
  }

  @Test
  @Tag("postgres")
  void aRolledBackTransactionPublishesNothing() {
    assertThrows(IllegalStateException.class, () -> db.transaction(tx -> {
      consumers.insert(new ConsumerDraft().username("ghost"));
      consumers.insert(new ConsumerDraft().username("ghost2"));
      throw new IllegalStateException("roll back");
    }));
    assertEquals(List.of(), seen);
    assertEquals(0, consumers.count());
  }

  @Test
  @Tag("postgres")
  void aTransactionPublishesOnlyAfterItCommits() {
    List<Integer> seenInside = new CopyOnWriteArrayList<>();
    db.transaction(tx -> {
      consumers.insert(new ConsumerDraft().username("a"));
      consumers.insert(new ConsumerDraft().username("b"));
      seenInside.add(seen.size());
      return null;
    });
    assertEquals(List.of(0), seenInside);
    assertEquals(2, seen.size());
  }

  @Test
  @SuppressWarnings("try") // the subscription only has to be open while the body runs
  void subscriptionsFilterByEntityAndOperation() throws Exception {
    List<EntityEvent<?>> deletesOfKeys = new CopyOnWriteArrayList<>();
    try (AutoCloseable s = db.events().subscribe("keyauth_credentials", Operation.DELETE, deletesOfKeys::add)) {
      Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
      KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
      credentials.delete(key.id());
      assertEquals(1, deletesOfKeys.size());
      assertEquals(key, deletesOfKeys.get(0).value());
    }
    consumers.insert(new ConsumerDraft().username("after"));
    assertEquals(1, deletesOfKeys.size());
  }

  @Test
  void truncateIsAnEventForTheTableAndTheTablesItEmptied() {
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
    credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    seen.clear();
    consumers.truncate();
    Set<String> truncated = Set.copyOf(seen.stream().filter(e -> e.operation() == Operation.TRUNCATE)
        .map(EntityEvent::entity).toList());
    assertEquals(Set.of("consumers", "keyauth_credentials", "credential_scopes", "group_memberships"), truncated);
  }

  @Test
  @SuppressWarnings("try") // the subscription only has to be open while the body runs
  void aFailingListenerDoesNotUndoTheWriteNorStopOtherListeners() throws Exception {
    try (AutoCloseable bad = db.events().subscribeAll(e -> {
      throw new IllegalStateException("listener bug");
    })) {
      Consumer bob = consumers.insert(new ConsumerDraft().username("bob"));
      assertEquals(bob, consumers.select(bob.id()).orElseThrow());
      assertEquals(1, seen.size());
    }
  }
}
