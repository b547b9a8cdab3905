package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Jakarta constraints, required fields and entity checks, turned into Kong schema violations. */
class ValidationTest {
  private final Fixtures f = new Fixtures();

  private DaoException invalidUpstream(UpstreamDraft draft) {
    return Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION, () -> f.upstreams.insert(draft));
  }

  @Test
  void everyFieldErrorOfOneWriteIsReportedTogether() {
    List<String> headers = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      headers.add("h" + i);
    }
    DaoException e = invalidUpstream(new UpstreamDraft().name("Bad Name!").slots(5)
        .hashFallbackHeaders(headers).contact("not-an-email"));
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "invalid value 'Bad Name!': must match the pattern '[a-z0-9.-]+'");
    expected.put("slots", "value must be at least 10");
    expected.put("hash_fallback_headers", "length must be at most 8");
    expected.put("contact", "invalid email address 'not-an-email'");
    assertEquals(expected, e.fields());
    assertEquals("schema violation (name: invalid value 'Bad Name!': must match the pattern '[a-z0-9.-]+'; "
        + "slots: value must be at least 10; hash_fallback_headers: length must be at most 8; "
        + "contact: invalid email address 'not-an-email')", e.getMessage());
    assertEquals(2, e.code().code());
    assertEquals("schema violation", e.code().errorName());
    assertEquals(0, f.upstreams.count());
  }

  @Test
  void requiredFieldMissing() {
    DaoException e = invalidUpstream(new UpstreamDraft());
    assertEquals(Map.of("name", "required field missing"), e.fields());
    assertEquals("schema violation (name: required field missing)", e.getMessage());

    DaoException t = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.targets.insert(new TargetDraft().weight(0)));
    assertEquals(Map.of("upstream", "required field missing", "target", "required field missing",
        "host", "required field missing", "weight", "value must be greater than 0"), t.fields());

    DaoException g = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.groups.insert(new GroupMembershipDraft()));
    assertEquals(Map.of("consumer", "required field missing", "group_name", "required field missing",
        "priority", "required field missing"), g.fields());

    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION, () -> f.credentials.insert(new KeyAuthCredentialDraft()));
    DaoException r = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION, () -> f.routes.insert(new RouteDraft()));
    assertEquals(Map.of("name", "required field missing"), r.fields());
  }

  @Test
  void indexedStringsAreBoundedByTheDaoToo() {
    // what the admin API checks holds for DAO callers too: a field error, never the database's index-size error
    UUID consumer = f.consumers.insert(new ConsumerDraft().username("bounded")).id();
    DaoException insert = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION, () -> f.credentials.insert(
        new KeyAuthCredentialDraft().consumer(consumer).key("k".repeat(100_000))));
    assertEquals(Map.of("key", "length must be at most 255"), insert.fields());
    assertEquals(255, f.credentials.insert(new KeyAuthCredentialDraft().consumer(consumer).key("k".repeat(255)))
        .key().length());
    UUID id = f.credentials.selectByKey("k".repeat(255)).orElseThrow().id();
    DaoException update = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.credentials.update(id, new KeyAuthCredentialPatch().key("k".repeat(256))));
    assertEquals(Map.of("key", "length must be at most 255"), update.fields());
    DaoException upsert = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.credentials.upsertByKey("u".repeat(256), new KeyAuthCredentialDraft().consumer(consumer)));
    assertEquals(Map.of("key", "length must be at most 255"), upsert.fields());
  }

  @Test
  void sizeOnStringsAndLists() {
    assertEquals(Map.of("name", "length must be at most 64"), invalidUpstream(new UpstreamDraft()
        .name("a".repeat(65))).fields());
    assertEquals(64, f.upstreams.insert(new UpstreamDraft().name("a".repeat(64))).name().length());
    assertEquals(Map.of("username", "length must be at least 1"), Fixtures.expectUnchanged(
        ErrorCode.SCHEMA_VIOLATION, () -> f.consumers.insert(new ConsumerDraft().username("").customId("c")))
        .fields());
    assertEquals(Map.of("username", "length must be at most 128"), Fixtures.expectUnchanged(
        ErrorCode.SCHEMA_VIOLATION, () -> f.consumers.insert(new ConsumerDraft().username("x".repeat(129))))
        .fields());
    f.consumers.insert(new ConsumerDraft().username("x".repeat(128)));
    assertEquals(8, f.upstreams.insert(new UpstreamDraft().name("eight")
        .hashFallbackHeaders(List.of("1", "2", "3", "4", "5", "6", "7", "8"))).hashFallbackHeaders().size());
  }

  @Test
  void minMaxAndPositiveBoundaries() {
    assertEquals(Map.of("slots", "value must be at least 10"),
        invalidUpstream(new UpstreamDraft().name("a").slots(9)).fields());
    assertEquals(Map.of("slots", "value must be at most 65536"),
        invalidUpstream(new UpstreamDraft().name("a").slots(65537)).fields());
    assertEquals(10, f.upstreams.insert(new UpstreamDraft().name("lo").slots(10)).slots());
    Upstream hi = f.upstreams.insert(new UpstreamDraft().name("hi").slots(65536));
    assertEquals(65536, hi.slots());

    DaoException neg = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.targets.insert(new TargetDraft().upstream(hi.id()).target("a:1").host("a").weight(-3)));
    assertEquals(Map.of("weight", "value must be greater than 0"), neg.fields());
    assertEquals("schema violation (weight: value must be greater than 0)", neg.getMessage());
    assertEquals(1, f.targets.insert(new TargetDraft().upstream(hi.id()).target("a:1").host("a").weight(1))
        .weight());
  }

  @Test
  void patternAndNotBlank() {
    assertEquals(Map.of("name", "must not be blank"), invalidUpstream(new UpstreamDraft().name("   ")).fields());
    assertEquals(Map.of("name", "invalid value 'UPPER': must match the pattern '[a-z0-9.-]+'"),
        invalidUpstream(new UpstreamDraft().name("UPPER")).fields());
    // the whole value must match, not a part of it
    assertEquals(Map.of("name", "invalid value 'ok/no': must match the pattern '[a-z0-9.-]+'"),
        invalidUpstream(new UpstreamDraft().name("ok/no")).fields());
    f.upstreams.insert(new UpstreamDraft().name("a-b.c9"));
  }

  @Test
  void email() {
    for (String bad : List.of("plain", "a@", "@b.c", "a b@c.d", "a@b", "a@@b.c")) {
      assertEquals(Map.of("contact", "invalid email address '" + bad + "'"),
          invalidUpstream(new UpstreamDraft().name("u").contact(bad)).fields(), bad);
    }
    assertEquals("ops@example.com",
        f.upstreams.insert(new UpstreamDraft().name("u").contact("ops@example.com")).contact());
  }

  @Test
  void longInputIsAbbreviatedInMessages() {
    String contact = "X".repeat(200);
    DaoException e = invalidUpstream(new UpstreamDraft().name("u").contact(contact));
    assertEquals(Map.of("contact", "invalid email address '" + "X".repeat(61) + "...'"), e.fields());
  }

  @Test
  void atLeastOneOfIsAnEntityError() {
    DaoException e = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft()));
    assertEquals(Map.of("@entity", List.of("at least one of these fields must be non-empty: 'username', 'custom_id'")),
        e.fields());
    assertEquals("schema violation (at least one of these fields must be non-empty: 'username', 'custom_id')",
        e.getMessage());
    // an empty string does not count as set either (and breaks @Size)
    DaoException both = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.insert(new ConsumerDraft().username("")));
    assertEquals(Map.of("username", "length must be at least 1",
        "@entity", List.of("at least one of these fields must be non-empty: 'username', 'custom_id'")), both.fields());
    f.consumers.insert(new ConsumerDraft().customId("only-custom"));
    assertEquals(1, f.consumers.count());
  }

  @Test
  void updateValidatesTheChangesAndTheEntityChecks() {
    Consumer bob = f.consumers.insert(new ConsumerDraft().username("bob"));
    DaoException e = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.update(bob.id(), new ConsumerPatch().username(null)));
    assertEquals(Map.of("@entity", List.of("at least one of these fields must be non-empty: 'username', 'custom_id'")),
        e.fields());

    Upstream u = f.upstream("svc");
    DaoException all = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION, () -> f.upstreams.update(u.id(),
        new UpstreamPatch().name(null).slots(1).contact("nope").hashFallbackHeaders(
            List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"))));
    assertEquals(Map.of("name", "required field missing", "slots", "value must be at least 10",
        "contact", "invalid email address 'nope'", "hash_fallback_headers", "length must be at most 8"),
        all.fields());
    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.upstreams.updateByName("svc", new UpstreamPatch().name("Not Valid")));
  }

  @Test
  void updateToNullOfARequiredFieldWithADefaultOrAutoValueIsASchemaViolation() {
    Upstream u = f.upstream("svc");
    Target t = f.targets.insert(new TargetDraft().upstream(u.id()).target("a:1").host("a"));
    Consumer bob = f.consumer("bob");
    KeyAuthCredential k = f.credentials.insert(new KeyAuthCredentialDraft().consumer(bob.id()));
    GroupMembership g = f.groups.insert(new GroupMembershipDraft().consumer(bob.id()).groupName("g").priority(1L));

    assertEquals(Map.of("weight", "required field missing"), Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.targets.update(t.id(), new TargetPatch().weight(null))).fields());
    assertEquals(Map.of("slots", "required field missing", "algorithm", "required field missing"),
        Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
            () -> f.upstreams.update(u.id(), new UpstreamPatch().slots(null).algorithm(null))).fields());
    assertEquals(Map.of("key", "required field missing"), Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.credentials.update(k.id(), new KeyAuthCredentialPatch().key(null))).fields());
    assertEquals(Map.of("consumer", "required field missing"), Fixtures.expectUnchanged(
        ErrorCode.SCHEMA_VIOLATION,
        () -> f.credentials.update(k.id(), new KeyAuthCredentialPatch().consumer(null))).fields());
    assertEquals(Map.of("priority", "required field missing"), Fixtures.expectUnchanged(
        ErrorCode.SCHEMA_VIOLATION,
        () -> f.groups.update(g.consumer(), g.groupName(), new GroupMembershipPatch().priority(null))).fields());
    assertEquals(Map.of("created_at", "required field missing"), Fixtures.expectUnchanged(
        ErrorCode.SCHEMA_VIOLATION, () -> f.consumers.update(bob.id(), new ConsumerPatch().createdAt(null)))
        .fields());
  }

  @Test
  void upsertValidatesLikeInsert() {
    UUID id = UUID.randomUUID();
    DaoException e = Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.upstreams.upsert(id, new UpstreamDraft().name("x").slots(3).contact("bad")));
    assertEquals(Map.of("slots", "value must be at least 10", "contact", "invalid email address 'bad'"),
        e.fields());
    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION,
        () -> f.consumers.upsertByUsername("", new ConsumerDraft()));
    Fixtures.expectUnchanged(ErrorCode.SCHEMA_VIOLATION, () -> f.consumers.upsert(id, new ConsumerDraft()));
  }
}
