package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Tags;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A ttl entity hides rows whose hidden ttl column is in the past. */
class TtlTest {
  private final Fixtures f = new Fixtures();
  private Consumer bob;
  private KeyAuthCredential live;
  private KeyAuthCredential future;
  private KeyAuthCredential expired;

  @BeforeEach
  void rows() {
    bob = f.consumer("bob");
    live = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("live").tags(Set.of("t")));
    future = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("future").tags(Set.of("t")));
    expired = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()).key("expired").tags(Set.of("t")));
    Fixtures.setExpiry("future", Duration.ofHours(1));
    Fixtures.setExpiry("expired", Duration.ofSeconds(-1));
  }

  @Test
  void expiredRowsAreInvisibleToReads() {
    assertTrue(f.credentials.select(expired.id()).isEmpty());
    assertTrue(f.credentials.selectByKey("expired").isEmpty());
    assertTrue(f.credentials.selectByCacheKey("expired").isEmpty());
    assertEquals(future, f.credentials.select(future.id()).orElseThrow());
    assertEquals(live, f.credentials.selectByKey("live").orElseThrow());
    assertEquals(2, f.credentials.count());
    assertEquals(3, Fixtures.rows("keyauth_credentials"), "the row is still there, only hidden");
  }

  @Test
  void expiredRowsAreInvisibleToPagesAndStreams() {
    Set<String> visible = Set.of("live", "future");
    assertEquals(visible, keys(f.credentials.page(null, null).data()));
    assertEquals(visible, keys(walkAll()), "paging one row at a time skips the expired row");
    assertEquals(visible, keys(f.credentials.pageForConsumer(bob.id(), null, null).data()));
    assertEquals(visible, keys(f.credentials.page(null, null, Tags.all("t")).data()));
    assertEquals(visible, keys(f.credentials.page(null, null, Tags.any("t", "x")).data()));
    try (Stream<KeyAuthCredential> s = f.credentials.each(1)) {
      assertEquals(visible, keys(s.toList()));
    }
    try (Stream<KeyAuthCredential> s = f.credentials.eachForConsumer(bob.id(), 1)) {
      assertEquals(visible, keys(s.toList()));
    }
    try (Stream<KeyAuthCredential> s = f.credentials.each(1, Tags.all("t"))) {
      assertEquals(visible, keys(s.toList()));
    }
  }

  @Test
  void anExpiredRowCannotBeUpdated() {
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND,
        () -> f.credentials.update(expired.id(), new KeyAuthCredentialPatch().tags(null)));
    Fixtures.expectUnchanged(ErrorCode.NOT_FOUND,
        () -> f.credentials.updateByKey("expired", new KeyAuthCredentialPatch().tags(null)));
  }

  private List<KeyAuthCredential> walkAll() {
    List<KeyAuthCredential> all = new java.util.ArrayList<>();
    String offset = null;
    do {
      var page = f.credentials.page(1, offset);
      all.addAll(page.data());
      offset = page.offset();
    } while (offset != null);
    return all;
  }

  private static Set<String> keys(List<KeyAuthCredential> list) {
    Set<String> out = new java.util.HashSet<>();
    list.forEach(k -> out.add(k.key()));
    assertEquals(out.size(), list.size(), "no duplicates");
    return out;
  }
}
