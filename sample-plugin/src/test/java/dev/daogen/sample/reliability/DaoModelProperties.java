package dev.daogen.sample.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import dev.daogen.db.Database;
import dev.daogen.sample.AdminTestSupport;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import dev.daogen.sample.ConsumerDraft;
import dev.daogen.sample.ConsumerPatch;
import dev.daogen.sample.KeyAuthCredential;
import dev.daogen.sample.KeyAuthCredentialDao;
import dev.daogen.sample.KeyAuthCredentialDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Model-based test: random sequences of insert/update/upsert/delete/page on the generated Consumer and
 * KeyAuthCredential DAOs (ON DELETE CASCADE, unique usernames, custom ids and keys, at-least-one-of) against an
 * in-memory model. After every step the tables equal the model, and every refused step fails with the error the
 * model predicts.
 */
class DaoModelProperties {
  private static final AtomicLong STEPS = new AtomicLong();
  private static final Map<String, Long> OUTCOMES = new TreeMap<>();

  /** Small domains, so that unique keys and references collide often. */
  private static final List<String> NAMES = List.of("ann", "bob", "cy", "dee");
  private static final List<String> KEYS = List.of("k1", "k2", "k3");

  sealed interface Op permits InsertConsumer, UpdateConsumer, UpsertConsumer, DeleteConsumer, InsertCredential,
      DeleteCredential, PageAll {}

  record InsertConsumer(String username, String customId) implements Op {}

  record UpdateConsumer(int target, String username) implements Op {}

  record UpsertConsumer(int target, String username, String customId) implements Op {}

  record DeleteConsumer(int target) implements Op {}

  record InsertCredential(int consumer, String key) implements Op {}

  record DeleteCredential(int target) implements Op {}

  record PageAll(int size) implements Op {}

  @Provide
  Arbitrary<List<Op>> programs() {
    Arbitrary<String> name = Arbitraries.of(NAMES).injectNull(0.15);
    Arbitrary<String> custom = Arbitraries.of("c1", "c2").injectNull(0.6);
    Arbitrary<Integer> target = Arbitraries.integers().between(0, 7);
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Combinators.combine(name, custom).as(InsertConsumer::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(target, Arbitraries.of(NAMES)).as(UpdateConsumer::new)),
        net.jqwik.api.Tuple.of(2, Combinators.combine(target, Arbitraries.of(NAMES), custom)
            .as(UpsertConsumer::new)),
        net.jqwik.api.Tuple.of(2, target.map(DeleteConsumer::new)),
        net.jqwik.api.Tuple.of(4, Combinators.combine(target, Arbitraries.of(KEYS)).as(InsertCredential::new)),
        net.jqwik.api.Tuple.of(1, target.map(DeleteCredential::new)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 3).map(PageAll::new)));
    return op.list().ofMinSize(5).ofMaxSize(30);
  }

  record MConsumer(String username, String customId) {}

  record MCredential(UUID consumer, String key) {}

  private final Database db = AdminTestSupport.database();
  private final ConsumerDao consumers = db.dao(ConsumerDao.class);
  private final KeyAuthCredentialDao credentials = db.dao(KeyAuthCredentialDao.class);

  @Property(tries = 60, seed = "20261123")
  void theDaosBehaveLikeTheModel(@ForAll("programs") List<Op> program) {
    AdminTestSupport.reset();
    Map<UUID, MConsumer> mc = new HashMap<>();
    Map<UUID, MCredential> mk = new HashMap<>();
    // every id ever created (deleted ones too) plus one never used: targets of update/delete
    List<UUID> consumerIds = new ArrayList<>(List.of(UUID.randomUUID()));
    List<UUID> credentialIds = new ArrayList<>(List.of(UUID.randomUUID()));
    for (Op op : program) {
      STEPS.incrementAndGet();
      ErrorCode expected = null;
      ErrorCode actual = null;
      ErrorCode either = null;
      try {
        if (op instanceof InsertConsumer o) {
          expected = o.username() == null && o.customId() == null ? ErrorCode.SCHEMA_VIOLATION
              : taken(mc, null, o.username(), o.customId()) ? ErrorCode.UNIQUE_VIOLATION : null;
          Consumer c = consumers.insert(new ConsumerDraft().username(o.username()).customId(o.customId()));
          mc.put(c.id(), new MConsumer(o.username(), o.customId()));
          consumerIds.add(c.id());
        } else if (op instanceof UpdateConsumer o) {
          UUID id = consumerIds.get(o.target() % consumerIds.size());
          expected = !mc.containsKey(id) ? ErrorCode.NOT_FOUND
              : taken(mc, id, o.username(), null) ? ErrorCode.UNIQUE_VIOLATION : null;
          consumers.update(id, new ConsumerPatch().username(o.username()));
          mc.put(id, new MConsumer(o.username(), mc.get(id).customId()));
        } else if (op instanceof UpsertConsumer o) {
          UUID id = consumerIds.get(o.target() % consumerIds.size());
          expected = taken(mc, id, o.username(), o.customId()) ? ErrorCode.UNIQUE_VIOLATION : null;
          consumers.upsert(id, new ConsumerDraft().username(o.username()).customId(o.customId()));
          mc.put(id, new MConsumer(o.username(), o.customId()));
          if (!consumerIds.contains(id)) {
            consumerIds.add(id);
          }
        } else if (op instanceof DeleteConsumer o) {
          UUID id = consumerIds.get(o.target() % consumerIds.size());
          consumers.delete(id);
          mc.remove(id);
          mk.values().removeIf(k -> k.consumer().equals(id)); // ON DELETE CASCADE
        } else if (op instanceof InsertCredential o) {
          UUID consumer = consumerIds.get(o.consumer() % consumerIds.size());
          boolean keyTaken = mk.values().stream().anyMatch(k -> k.key().equals(o.key()));
          expected = !mc.containsKey(consumer) ? ErrorCode.FOREIGN_KEY_VIOLATION
              : keyTaken ? ErrorCode.UNIQUE_VIOLATION : null;
          // both violated: either error is right (the database decides which constraint it checks first)
          either = !mc.containsKey(consumer) && keyTaken ? ErrorCode.UNIQUE_VIOLATION : null;
          KeyAuthCredential k = credentials.insert(new KeyAuthCredentialDraft().consumer(consumer).key(o.key()));
          mk.put(k.id(), new MCredential(consumer, o.key()));
          credentialIds.add(k.id());
        } else if (op instanceof DeleteCredential o) {
          UUID id = credentialIds.get(o.target() % credentialIds.size());
          credentials.delete(id);
          mk.remove(id);
        } else if (op instanceof PageAll o) {
          assertEquals(mc.keySet(), pageAll(o.size(), consumers::page).stream().map(Consumer::id)
              .collect(Collectors.toSet()));
          assertEquals(mk.keySet(), pageAll(o.size(), credentials::page).stream().map(KeyAuthCredential::id)
              .collect(Collectors.toSet()));
        }
      } catch (DaoException e) {
        actual = e.code();
      }
      synchronized (OUTCOMES) {
        OUTCOMES.merge(op.getClass().getSimpleName() + " → " + (actual == null ? "ok" : actual.errorName()), 1L,
            Long::sum);
      }
      if (actual == null || actual != either) {
        assertEquals(expected, actual, () -> "step " + op + " of " + program);
      }
      assertTablesEqualModel(mc, mk, op, program);
    }
  }

  private static boolean taken(Map<UUID, MConsumer> mc, UUID self, String username, String customId) {
    return mc.entrySet().stream().filter(e -> !e.getKey().equals(self)).anyMatch(e ->
        username != null && username.equals(e.getValue().username())
            || customId != null && customId.equals(e.getValue().customId()));
  }

  private static <E> List<E> pageAll(int size, java.util.function.BiFunction<Integer, String, Page<E>> page) {
    List<E> all = new ArrayList<>();
    String offset = null;
    do {
      Page<E> p = page.apply(size, offset);
      all.addAll(p.data());
      offset = p.offset();
    } while (offset != null);
    assertEquals(all.size(), all.stream().distinct().count(), "a row paged twice");
    return all;
  }

  private void assertTablesEqualModel(Map<UUID, MConsumer> mc, Map<UUID, MCredential> mk, Op op, List<Op> program) {
    Map<UUID, MConsumer> dbConsumers;
    try (var all = consumers.each(100)) {
      dbConsumers = all.collect(Collectors.toMap(Consumer::id, c -> new MConsumer(c.username(), c.customId())));
    }
    Map<UUID, MCredential> dbCredentials;
    try (var all = credentials.each(100)) {
      dbCredentials = all.collect(Collectors.toMap(KeyAuthCredential::id,
          k -> new MCredential(k.consumer(), k.key())));
    }
    assertEquals(mc, dbConsumers, () -> "consumers after " + op + " of " + program);
    assertEquals(mk, dbCredentials, () -> "credentials after " + op + " of " + program);
    assertEquals(0, AdminTestSupport.scalar("select count(*) from keyauth_credentials k where not exists"
        + " (select 1 from consumers c where c.id = k.consumer_id)"), "orphans");
    Objects.requireNonNull(op);
  }

  @AfterContainer
  static void report() {
    System.out.printf("model-based DAO test: %d steps; outcomes %s%n", STEPS.get(), OUTCOMES);
  }
}
