package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.ErrorCode;
import dev.daogen.db.Database;
import dev.daogen.events.EntityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ttl option of ttl entities: expiry on writes, hidden expired rows, and the cleanup that emits deletes. */
class TtlExpiryTest {
  private final Database db = TestDatabase.get();
  private KeyAuthCredentialDao credentials;
  private Consumer bob;

  @BeforeEach
  void setUp() {
    TestDatabase.reset();
    credentials = db.dao(KeyAuthCredentialDao.class);
    bob = db.dao(ConsumerDao.class).insert(new ConsumerDraft().username("bob"));
  }

  /** Moves a row's expiry into the past: what the passing of its ttl does, without waiting on a busy machine. */
  private static void expireNow(KeyAuthCredential key) {
    assertEquals(1, TestDatabase.scalar("with u as (update keyauth_credentials set ttl = now() - interval '1 second'"
        + " where id = '" + key.id() + "' returning 1) select count(*) from u"));
  }

  @Test
  void aRowWithATtlIsHiddenOnceItExpires_butVisibleOnRequest() {
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()), Duration.ofHours(1));
    Instant expiry = credentials.expiresAt(key.id()).orElseThrow();
    assertTrue(expiry.isAfter(Instant.now().plus(Duration.ofMinutes(59))), expiry::toString);
    assertEquals(Optional.of(key), credentials.selectByKey(key.key()));
    expireNow(key);
    assertEquals(Optional.empty(), credentials.select(key.id()));
    assertEquals(Optional.empty(), credentials.selectByKey(key.key()));
    assertEquals(Optional.empty(), credentials.expiresAt(key.id()));
    assertEquals(0, credentials.count());
    assertEquals(Optional.of(key), credentials.selectIncludingExpired(key.id()));
    assertFalse(credentials.delete(key.id()), "an expired row is not there to delete");
  }

  @Test
  void aShortTtlRunsOutByItself() throws InterruptedException {
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()), Duration.ofMillis(
        200));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (credentials.select(key.id()).isPresent()) {
      assertTrue(System.nanoTime() < deadline, "still visible 10 s after a ttl of 200 ms");
      Thread.sleep(20);
    }
    assertEquals(Optional.of(key), credentials.selectIncludingExpired(key.id()));
  }

  @Test
  void updateCanSetOrClearTheTtlAndPlainUpdateKeepsIt() {
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    assertEquals(Optional.empty(), credentials.expiresAt(key.id()));
    credentials.update(key.id(), new KeyAuthCredentialPatch(), Duration.ofHours(1));
    assertTrue(credentials.expiresAt(key.id()).isPresent());
    credentials.update(key.id(), new KeyAuthCredentialPatch().tags(java.util.Set.of("x")));
    assertTrue(credentials.expiresAt(key.id()).isPresent(), "a plain update keeps the ttl");
    credentials.update(key.id(), new KeyAuthCredentialPatch(), Duration.ZERO);
    assertEquals(Optional.empty(), credentials.expiresAt(key.id()), "zero clears it");
  }

  @Test
  void upsertReplacesTheTtl() {
    KeyAuthCredential key = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()), Duration.ofHours(1));
    credentials.upsert(key.id(), new KeyAuthCredentialDraft().consumer(bob.id()).key(key.key()));
    assertEquals(Optional.empty(), credentials.expiresAt(key.id()));
    credentials.upsertByKey(key.key(), new KeyAuthCredentialDraft().consumer(bob.id()), Duration.ofMinutes(5));
    assertTrue(credentials.expiresAt(key.id()).isPresent());
  }

  @Test
  void anExpiredRowDoesNotBlockItsKeyNorLeakIntoAnUpsert() {
    KeyAuthCredential old = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("reused"),
        Duration.ofHours(1));
    TestDatabase.scalar("update keyauth_credentials set ttl = now() - interval '1 minute' returning 1");
    KeyAuthCredential fresh = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("reused"));
    assertEquals(Optional.of(fresh), credentials.selectByKey("reused"));
    assertEquals(Optional.empty(), credentials.selectIncludingExpired(old.id()), "the expired row was replaced");

    TestDatabase.scalar("update keyauth_credentials set ttl = now() - interval '1 minute' returning 1");
    KeyAuthCredential upserted = credentials.upsert(fresh.id(), new KeyAuthCredentialDraft().consumer(bob.id()));
    assertTrue(!upserted.createdAt().isBefore(fresh.createdAt()));
    assertEquals(1, credentials.count());
  }

  @Test
  void negativeTtlIsRefused() {
    Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> credentials.insert(
        new KeyAuthCredentialDraft().consumer(bob.id()), Duration.ofSeconds(-1)));
    assertEquals(0, credentials.count());
  }

  @Test
  @SuppressWarnings("try") // the subscription only has to be open while the body runs
  void theCleanupDeletesExpiredRowsAndPublishesDeletes() throws Exception {
    List<EntityEvent<?>> deletes = new CopyOnWriteArrayList<>();
    KeyAuthCredential keep = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    KeyAuthCredential gone = credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()),
        Duration.ofHours(1));
    assertEquals(Optional.of(gone), credentials.selectCached(gone.key()));
    expireNow(gone);
    try (AutoCloseable s = db.events().subscribe("keyauth_credentials", EntityEvent.Operation.DELETE, deletes::add);
        AutoCloseable cleanup = db.startTtlCleanup(Duration.ofMillis(100))) {
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (deletes.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    assertEquals(1, deletes.size());
    assertEquals(gone, deletes.get(0).value());
    assertEquals(Optional.empty(), credentials.selectIncludingExpired(gone.id()));
    assertEquals(Optional.of(keep), credentials.select(keep.id()));
    assertEquals(Optional.empty(), credentials.selectCached(gone.key()), "the cache dropped it");
  }
}
