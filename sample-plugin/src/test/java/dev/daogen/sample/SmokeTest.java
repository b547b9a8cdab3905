package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.db.Database;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void insertAndSelect() {
    Database db = TestDatabase.get();
    TestDatabase.reset();
    ConsumerDao consumers = db.dao(ConsumerDao.class);
    Consumer bob = consumers.insert(new ConsumerDraft().username("bob").tags(Set.of("a")));
    assertEquals(bob, consumers.select(bob.id()).orElseThrow());
    KeyAuthCredentialDao creds = db.dao(KeyAuthCredentialDao.class);
    KeyAuthCredential k = creds.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    assertEquals(32, k.key().length());
    assertEquals(k, creds.selectByKey(k.key()).orElseThrow());
    UpstreamDao ups = db.dao(UpstreamDao.class);
    Upstream u = ups.insert(new UpstreamDraft().name("svc.local")
        .healthcheck(new HealthCheck("/health", 5, java.util.List.of(200, 204)))
        .labels(java.util.Map.of("team", "core")));
    assertEquals(u, ups.select(u.id()).orElseThrow());
    TargetDao targets = db.dao(TargetDao.class);
    Target t = targets.insert(new TargetDraft().upstream(u.id()).target("10.0.0.1:80").host("10.0.0.1"));
    assertEquals(t, targets.selectByCacheKey(u.id(), "10.0.0.1:80").orElseThrow());
    GroupMembershipDao groups = db.dao(GroupMembershipDao.class);
    GroupMembership g = groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold").priority(3L));
    assertEquals(g, groups.select(bob.id(), "gold").orElseThrow());
    assertTrue(consumers.delete(bob.id()));
    assertEquals(0, creds.count());
    assertEquals(0, groups.count());
  }
}
