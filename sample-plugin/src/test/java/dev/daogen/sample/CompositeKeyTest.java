package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An entity whose primary key is (consumer, group_name): every DAO method and error with two key columns. */
class CompositeKeyTest {
  private static final Instant LONG_AGO = Instant.parse("2021-06-01T12:00:00Z");

  private final Fixtures f = new Fixtures();

  private GroupMembership member(Consumer c, String group, long priority) {
    return f.groups.insert(new GroupMembershipDraft().consumer(c.id()).groupName(group).priority(priority));
  }

  @Test
  void insertSelectCountDelete() {
    Consumer bob = f.consumer("bob");
    GroupMembership gold = f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold")
        .priority(7L).quota(new BigDecimal("1.50")));
    member(bob, "silver", 1);
    assertEquals(gold, f.groups.select(bob.id(), "gold").orElseThrow());
    assertEquals(new BigDecimal("1.50"), gold.quota());
    assertEquals(0, gold.createdAt().getNano());
    assertTrue(f.groups.select(bob.id(), "bronze").isEmpty());
    assertTrue(f.groups.select(f.consumer("amy").id(), "gold").isEmpty());
    assertEquals(2, f.groups.count());
    assertTrue(f.groups.delete(bob.id(), "gold"));
    assertFalse(f.groups.delete(bob.id(), "gold"));
    assertTrue(f.groups.select(bob.id(), "silver").isPresent());
    assertEquals(1, f.groups.count());
  }

  @Test
  void updateChangesOnlyPatchedValues() {
    Consumer bob = f.consumer("bob");
    f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("gold").priority(7L)
        .quota(BigDecimal.ONE).createdAt(LONG_AGO));
    member(bob, "silver", 1);
    GroupMembership u = f.groups.update(bob.id(), "gold", new GroupMembershipPatch().priority(-5L));
    assertEquals(new GroupMembership(bob.id(), "gold", LONG_AGO, BigDecimal.ONE, -5L), u);
    GroupMembership cleared = f.groups.update(bob.id(), "gold", new GroupMembershipPatch().quota(null));
    assertNull(cleared.quota());
    assertEquals(-5L, cleared.priority());
    assertEquals(cleared, f.groups.select(bob.id(), "gold").orElseThrow());
    assertEquals(1L, f.groups.select(bob.id(), "silver").orElseThrow().priority());
  }

  @Test
  void upsertInsertsThenReplacesKeepingCreatedAt() {
    Consumer bob = f.consumer("bob");
    GroupMembership created = f.groups.upsert(bob.id(), "gold", new GroupMembershipDraft().priority(1L)
        .quota(BigDecimal.TEN).createdAt(LONG_AGO));
    assertEquals(new GroupMembership(bob.id(), "gold", LONG_AGO, BigDecimal.TEN, 1L), created);
    GroupMembership replaced = f.groups.upsert(bob.id(), "gold", new GroupMembershipDraft().priority(2L));
    assertEquals(new GroupMembership(bob.id(), "gold", LONG_AGO, null, 2L), replaced);
    assertEquals(replaced, f.groups.select(bob.id(), "gold").orElseThrow());
    assertEquals(1, f.groups.count());
    // the key comes from the arguments, not from the draft
    Consumer amy = f.consumer("amy");
    GroupMembership keyed = f.groups.upsert(bob.id(), "silver",
        new GroupMembershipDraft().consumer(amy.id()).groupName("other").priority(3L));
    assertEquals(bob.id(), keyed.consumer());
    assertEquals("silver", keyed.groupName());
  }

  @Test
  @Tag("postgres")
  void pagesFollowBothKeyColumns() {
    Consumer a = f.consumer("a");
    Consumer b = f.consumer("b");
    for (String g : List.of("delta", "alpha", "charlie", "bravo")) {
      member(a, g, 1);
      member(b, g, 2);
    }
    String expected = Fixtures.text("select string_agg(consumer_id::text || '/' || group_name, ','"
        + " order by consumer_id, group_name) from group_memberships");
    List<String> seen = new ArrayList<>();
    String offset = null;
    do {
      Page<GroupMembership> page = f.groups.page(3, offset);
      page.data().forEach(g -> seen.add(g.consumer() + "/" + g.groupName()));
      offset = page.offset();
    } while (offset != null);
    assertEquals(expected, String.join(",", seen));
    try (Stream<GroupMembership> s = f.groups.each(1)) {
      assertEquals(expected, String.join(",", s.map(g -> g.consumer() + "/" + g.groupName()).toList()));
    }

    List<String> forA = new ArrayList<>();
    offset = null;
    do {
      Page<GroupMembership> page = f.groups.pageForConsumer(a.id(), 3, offset);
      page.data().forEach(g -> forA.add(g.groupName()));
      offset = page.offset();
    } while (offset != null);
    assertEquals(List.of("alpha", "bravo", "charlie", "delta"), forA);
    try (Stream<GroupMembership> s = f.groups.eachForConsumer(b.id(), 2)) {
      assertEquals(List.of("alpha", "bravo", "charlie", "delta"), s.map(GroupMembership::groupName).toList());
    }
  }

  @Test
  void groupNamesWithSeparatorsSurviveOffsets() {
    Consumer a = f.consumer("a");
    for (String g : List.of("x:y", "x/y", "x,y", "x y", "ünï")) {
      member(a, g, 1);
    }
    List<String> seen = new ArrayList<>();
    String offset = null;
    do {
      Page<GroupMembership> page = f.groups.page(1, offset);
      page.data().forEach(g -> seen.add(g.groupName()));
      offset = page.offset();
    } while (offset != null);
    assertEquals(5, seen.size());
    assertEquals(5, seen.stream().distinct().count());
  }

  @Test
  void errorsWithACompositeKey() {
    Consumer bob = f.consumer("bob");
    member(bob, "gold", 1);
    DaoException dup = Fixtures.expectUnchanged(ErrorCode.PRIMARY_KEY_VIOLATION, () -> member(bob, "gold", 2));
    assertEquals("primary key violation on key '{consumer=\"" + bob.id() + "\",group_name=\"gold\"}'",
        dup.getMessage());
    assertEquals(Map.of("consumer", bob.id().toString(), "group_name", "gold"), dup.fields());

    DaoException missing = Fixtures.expectUnchanged(ErrorCode.NOT_FOUND,
        () -> f.groups.update(bob.id(), "silver", new GroupMembershipPatch().priority(3L)));
    assertEquals("could not find the entity with primary key '{consumer=\"" + bob.id()
        + "\",group_name=\"silver\"}'", missing.getMessage());

    DaoException nullPart = Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY,
        () -> f.groups.select(bob.id(), null));
    assertEquals("invalid primary key: '{group_name=\"missing primary key\"}'", nullPart.getMessage());
    assertEquals(Map.of("group_name", "missing primary key"), nullPart.fields());
    assertEquals(Map.of("consumer", "missing primary key"), Fixtures.expectUnchanged(
        ErrorCode.INVALID_PRIMARY_KEY, () -> f.groups.select(null, "gold")).fields());
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.groups.delete(null, "gold"));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY,
        () -> f.groups.update(bob.id(), null, new GroupMembershipPatch()));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY,
        () -> f.groups.upsert(null, "g", new GroupMembershipDraft().priority(1L)));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.groups.pageForConsumer(null, 1, null));
    Fixtures.expectUnchanged(ErrorCode.INVALID_PRIMARY_KEY, () -> f.groups.eachForConsumer(null, 1));
    assertEquals(Map.of("priority", "required field missing"), Fixtures.expectUnchanged(
        ErrorCode.SCHEMA_VIOLATION, () -> f.groups.upsert(bob.id(), "gold", new GroupMembershipDraft())).fields());
  }

  @Test
  void truncateAndCascade() {
    Consumer bob = f.consumer("bob");
    Consumer amy = f.consumer("amy");
    member(bob, "g1", 1);
    member(bob, "g2", 1);
    member(amy, "g1", 1);
    assertTrue(f.consumers.delete(bob.id()));
    assertEquals(1, f.groups.count());
    f.groups.truncate();
    assertEquals(0, f.groups.count());
    assertEquals(1, f.consumers.count(), "truncating the child leaves the parent");
  }
}
