package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import dev.daogen.dao.Tags;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Keyset pages, opaque offsets, lazy streams, pages of a parent's children, finders by index, tag filters. "In order"
 * is the store's page order ({@link Fixtures#idsInStoreOrder}): the primary key's on PostgreSQL, the token order on
 * Cassandra (README, "page order").
 */
class PagingTest {
  private final Fixtures f = new Fixtures();

  /** Inserts {@code n} consumers, usernames u1..un: straight in SQL on PostgreSQL (fast), by the DAO on Cassandra. */
  private void manyConsumers(int n) {
    if (TestDatabase.cassandra()) {
      TestCassandra.insertConsumers(f.consumers, n);
      return;
    }
    Fixtures.execute("insert into consumers (id, created_at, updated_at, username) select gen_random_uuid(),"
        + " date_trunc('second', now()), date_trunc('second', now()), 'u' || g from generate_series(1, " + n + ") g");
  }

  private static <E> List<E> walk(Function<String, Page<E>> pages) {
    List<E> all = new ArrayList<>();
    String offset = null;
    int guard = 0;
    do {
      Page<E> page = pages.apply(offset);
      all.addAll(page.data());
      offset = page.offset();
      assertEquals(offset != null, page.hasNext());
      assertTrue(++guard < 10_000, "paging does not end");
    } while (offset != null);
    return all;
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @Tag("postgres") // the order is the point: Cassandra's pages follow the token order (CassandraStoreTest)
  void defaultPageSizeIs100AndPagesFollowThePrimaryKeyOrder() {
    manyConsumers(250);
    List<UUID> expected = Fixtures.idsInStoreOrder("consumers");
    Page<Consumer> first = f.consumers.page(null, null);
    assertEquals(100, first.data().size());
    assertNotNull(first.offset());
    assertEquals(expected.subList(0, 100), first.data().stream().map(Consumer::id).toList());
    Page<Consumer> second = f.consumers.page(null, first.offset());
    assertEquals(expected.subList(100, 200), second.data().stream().map(Consumer::id).toList());
    Page<Consumer> third = f.consumers.page(null, second.offset());
    assertEquals(expected.subList(200, 250), third.data().stream().map(Consumer::id).toList());
    assertNull(third.offset(), "no offset on the last page");
    assertFalse(third.hasNext());
  }

  @Test
  void walkingSmallPagesReturnsEveryRowOnceInOrder() {
    manyConsumers(53);
    List<UUID> expected = Fixtures.idsInStoreOrder("consumers");
    List<UUID> seen = walk(o -> f.consumers.page(7, o)).stream().map(Consumer::id).toList();
    assertEquals(expected, seen);
  }

  @Test
  void aFullLastPageHasNoOffset() {
    manyConsumers(10);
    Page<Consumer> first = f.consumers.page(5, null);
    assertNotNull(first.offset());
    Page<Consumer> last = f.consumers.page(5, first.offset());
    assertEquals(5, last.data().size());
    assertNull(last.offset(), "the page size is a multiple of the row count: still no empty page after it");
    Page<Consumer> exact = f.consumers.page(10, null);
    assertEquals(10, exact.data().size());
    assertNull(exact.offset());
  }

  @Test
  void emptyTableGivesAnEmptyLastPage() {
    Page<Consumer> p = f.consumers.page(null, null);
    assertEquals(List.of(), p.data());
    assertNull(p.offset());
    try (Stream<Consumer> s = f.consumers.each(null)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void offsetsAreKeysetNotPositions() {
    manyConsumers(20);
    Page<Consumer> first = f.consumers.page(10, null);
    // deleting rows of the first page does not shift the second page
    for (Consumer c : first.data()) {
      f.consumers.delete(c.id());
    }
    List<UUID> rest = Fixtures.idsInStoreOrder("consumers");
    Page<Consumer> second = f.consumers.page(10, first.offset());
    assertEquals(rest, second.data().stream().map(Consumer::id).toList());
    assertNull(second.offset());
  }

  @Test
  void maxPageSizeIs1000() {
    manyConsumers(1100);
    Page<Consumer> big = f.consumers.page(1000, null);
    assertEquals(1000, big.data().size());
    assertEquals(100, f.consumers.page(1000, big.offset()).data().size());
  }

  @Test
  void sizeOutOfRangeIsInvalidSize() {
    f.consumer("bob");
    for (int size : new int[] {0, -1, 1001, Integer.MAX_VALUE}) {
      DaoException e = Fixtures.expect(ErrorCode.INVALID_SIZE, () -> f.consumers.page(size, null));
      assertEquals("size must be an integer between 1 and 1000", e.getMessage());
      assertEquals(Map.of("size", "must be an integer between 1 and 1000"), e.fields());
    }
    Fixtures.expect(ErrorCode.INVALID_SIZE, () -> f.consumers.each(0));
    Fixtures.expect(ErrorCode.INVALID_SIZE, () -> f.consumers.each(1001));
    Fixtures.expect(ErrorCode.INVALID_SIZE, () -> f.targets.pageByHost("h", 0, null));
    Fixtures.expect(ErrorCode.INVALID_SIZE, () -> f.credentials.pageForConsumer(UUID.randomUUID(), 1001, null));
    Fixtures.expect(ErrorCode.INVALID_SIZE, () -> f.groups.page(0, null));
    assertEquals(1, f.consumers.page(1, null).data().size());
  }

  @Test
  void pageSizesAreConfigurable() {
    manyConsumers(12);
    Database small = TestDatabase.connect(new DaoSettings(3, 10));
    ConsumerDao dao = small.dao(ConsumerDao.class);
    assertEquals(3, dao.page(null, null).data().size());
    assertEquals(10, dao.page(10, null).data().size());
    DaoException e = Fixtures.expect(ErrorCode.INVALID_SIZE, () -> dao.page(11, null));
    assertEquals("size must be an integer between 1 and 10", e.getMessage());
  }

  @Test
  void forgedOffsetsAreInvalidOffsets() {
    manyConsumers(3);
    Map<String, String> bad = Map.of(
        "not base64!!", "bad base64 encoding",
        "%%%", "bad base64 encoding",
        b64("hello"), "bad offset",
        b64("1-1-1-1-1"), "bad offset",
        b64(UUID.randomUUID() + "\0" + UUID.randomUUID()), "bad offset",
        b64(""), "bad offset");
    for (Map.Entry<String, String> c : bad.entrySet()) {
      DaoException e = Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.consumers.page(2, c.getKey()));
      String shown = c.getKey().length() <= 64 ? c.getKey() : c.getKey().substring(0, 61) + "...";
      assertEquals("'" + shown + "' is not a valid offset: " + c.getValue(), e.getMessage());
    }
    String longToken = "A".repeat(100) + "!";
    DaoException e = Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.consumers.page(2, longToken));
    assertTrue(e.getMessage().startsWith("'" + "A".repeat(61) + "...' is not a valid offset: "), e.getMessage());
    // a real offset of a composite key does not fit a single key, and the other way round
    Consumer bob = f.consumer("bob");
    f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("a").priority(1L));
    f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("b").priority(1L));
    String groupOffset = f.groups.page(1, null).offset();
    assertNotNull(groupOffset);
    Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.consumers.page(1, groupOffset));
    String consumerOffset = f.consumers.page(1, null).offset();
    Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.groups.page(1, consumerOffset));
    Fixtures.expect(ErrorCode.INVALID_OFFSET, () -> f.groups.page(1, b64("not-a-uuid\0a")));
  }

  @Test
  void eachStreamsEveryRowOnceInOrderAcrossManyBatches() {
    manyConsumers(2345);
    List<UUID> expected = Fixtures.idsInStoreOrder("consumers");
    try (Stream<Consumer> all = f.consumers.each(100)) {
      assertEquals(expected, all.map(Consumer::id).toList());
    }
    try (Stream<Consumer> all = f.consumers.each(null)) {
      assertEquals(2345, all.count());
    }
  }

  @Test
  void eachIsLazyAndReadsBatchByBatch() {
    manyConsumers(10);
    // an id that comes after every row in the store's order: the greatest uuid, or on Cassandra the greatest token
    UUID last = TestDatabase.cassandra() ? TestCassandra.idAfterEveryRow("consumers")
        : UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff");
    try (Stream<Consumer> all = f.consumers.each(4)) {
      Iterator<Consumer> it = all.iterator();
      assertTrue(it.hasNext());
      // a row written after the stream started but beyond the current batch is still seen
      f.consumers.insert(new ConsumerDraft().id(last).username("late"));
      List<UUID> seen = new ArrayList<>();
      it.forEachRemaining(c -> seen.add(c.id()));
      assertEquals(11, seen.size());
      assertEquals(last, seen.get(10));
    }
  }

  @Test
  void pageForParentAndEachForParent() {
    Consumer bob = f.consumer("bob");
    Consumer amy = f.consumer("amy");
    for (int i = 0; i < 25; i++) {
      f.credentials.insert(new KeyAuthCredentialDraft().consumer(i % 3 == 0 ? amy.id() : bob.id()));
    }
    List<UUID> bobs = Fixtures.idsInStoreOrder("keyauth_credentials", "consumer_id", bob.id());
    assertEquals(16, bobs.size());
    assertEquals(bobs, walk(o -> f.credentials.pageForConsumer(bob.id(), 5, o)).stream()
        .map(KeyAuthCredential::id).toList());
    try (Stream<KeyAuthCredential> s = f.credentials.eachForConsumer(amy.id(), 2)) {
      assertEquals(Fixtures.idsInStoreOrder("keyauth_credentials", "consumer_id", amy.id()),
          s.map(KeyAuthCredential::id).toList());
    }
    assertEquals(List.of(), f.credentials.pageForConsumer(UUID.randomUUID(), null, null).data());

    Upstream u = f.upstream("u");
    Upstream v = f.upstream("v");
    for (int i = 0; i < 6; i++) {
      f.targets.insert(new TargetDraft().upstream(i < 4 ? u.id() : v.id()).target("t" + i).host("h"));
      f.routes.insert(new RouteDraft().name("r" + i).upstream(i < 2 ? u.id() : null));
    }
    assertEquals(Fixtures.idsInStoreOrder("targets", "upstream_id", u.id()),
        walk(o -> f.targets.pageForUpstream(u.id(), 3, o)).stream().map(Target::id).toList());
    try (Stream<Target> s = f.targets.eachForUpstream(v.id(), 1)) {
      assertEquals(Fixtures.idsInStoreOrder("targets", "upstream_id", v.id()), s.map(Target::id).toList());
    }
    assertEquals(Fixtures.idsInStoreOrder("routes", "upstream_id", u.id()),
        walk(o -> f.routes.pageForUpstream(u.id(), 1, o)).stream().map(Route::id).toList());
    try (Stream<Route> s = f.routes.eachForUpstream(u.id(), null)) {
      assertEquals(2, s.count());
    }
  }

  @Test
  void pageByIndexedField() {
    Upstream u = f.upstream("u");
    for (int i = 0; i < 9; i++) {
      f.targets.insert(new TargetDraft().upstream(u.id()).target("t" + i).host(i % 2 == 0 ? "even" : "odd"));
    }
    List<Target> even = walk(o -> f.targets.pageByHost("even", 2, o));
    assertEquals(Fixtures.idsInStoreOrder("targets", "host", "even"), even.stream().map(Target::id).toList());
    assertTrue(even.stream().allMatch(t -> t.host().equals("even")));
    try (Stream<Target> s = f.targets.eachByHost("odd", 3)) {
      assertEquals(Fixtures.idsInStoreOrder("targets", "host", "odd"), s.map(Target::id).toList());
    }
    assertEquals(List.of(), f.targets.pageByHost("none", null, null).data());
  }

  @Test
  void tagFiltersAllOfAndAnyOf() {
    Consumer ab = f.consumers.insert(new ConsumerDraft().username("ab").tags(Set.of("a", "b")));
    Consumer a = f.consumers.insert(new ConsumerDraft().username("a").tags(Set.of("a")));
    Consumer bc = f.consumers.insert(new ConsumerDraft().username("bc").tags(Set.of("b", "c")));
    f.consumers.insert(new ConsumerDraft().username("none"));
    assertEquals(Set.of(ab.id()), ids(f.consumers.page(null, null, Tags.all("a", "b")).data()));
    assertEquals(Set.of(ab.id(), a.id()), ids(f.consumers.page(null, null, Tags.all("a")).data()));
    assertEquals(Set.of(ab.id(), a.id(), bc.id()), ids(f.consumers.page(null, null, Tags.any("a", "c")).data()));
    assertEquals(Set.of(), ids(f.consumers.page(null, null, Tags.all("a", "c")).data()));
    assertEquals(Set.of(ab.id(), bc.id()), ids(f.consumers.page(null, null, Tags.parse("b")).data()));
    assertEquals(Set.of(ab.id(), bc.id(), a.id()), ids(f.consumers.page(null, null, Tags.parse("c/a")).data()));
    assertEquals(4, f.consumers.page(null, null, null).data().size(), "null tags: no filter");

    // paging with a filter keeps the filter across pages
    List<UUID> withB = walk(o -> f.consumers.page(1, o, Tags.any("b"))).stream().map(Consumer::id).toList();
    assertEquals(Fixtures.idsWithTagInStoreOrder("consumers", "b"), withB);
    try (Stream<Consumer> s = f.consumers.each(1, Tags.all("b"))) {
      assertEquals(withB, s.map(Consumer::id).toList());
    }
    try (Stream<Consumer> s = f.consumers.each(1, null)) {
      assertEquals(4, s.count());
    }

    Route r = f.routes.insert(new RouteDraft().name("r").tags(Set.of("x", "y")));
    f.routes.insert(new RouteDraft().name("s").tags(Set.of("y")));
    assertEquals(Set.of(r.id()), ids(f.routes.page(null, null, Tags.all("x", "y")).data()));
    try (Stream<Route> s = f.routes.each(null, Tags.any("y", "z"))) {
      assertEquals(2, s.count());
    }
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(a.id()).tags(Set.of("k")));
    f.credentials.insert(new KeyAuthCredentialDraft().consumer(a.id()));
    assertEquals(Set.of(k.id()), ids(f.credentials.page(null, null, Tags.any("k")).data()));
    try (Stream<KeyAuthCredential> s = f.credentials.each(null, Tags.all("k"))) {
      assertEquals(List.of(k), s.toList());
    }
  }

  @Test
  void moreThanFiveTagsOrEmptyTagsAreInvalidOptions() {
    DaoException six = Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> Tags.all("1", "2", "3", "4", "5", "6"));
    assertEquals("invalid option (tags: cannot query more than 5 tags)", six.getMessage());
    assertEquals(Map.of("tags", "cannot query more than 5 tags"), six.fields());
    Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> Tags.any("1", "2", "3", "4", "5", "6"));
    Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> Tags.parse("1/2/3/4/5/6"));
    Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> Tags.parse("a,b/c"));
    Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> Tags.parse("a,,b"));
    Fixtures.expect(ErrorCode.INVALID_OPTIONS, () -> Tags.all());
    assertEquals(5, Tags.all("1", "2", "3", "4", "5").values().size());
  }

  private static <E> Set<UUID> ids(List<E> entities) {
    Set<UUID> out = new java.util.HashSet<>();
    for (E e : entities) {
      if (e instanceof Consumer c) {
        out.add(c.id());
      } else if (e instanceof Route r) {
        out.add(r.id());
      } else if (e instanceof KeyAuthCredential k) {
        out.add(k.id());
      }
    }
    return out;
  }
}
