package dev.daogen.sample.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.db.Database;
import dev.daogen.events.EntityEvent;
import dev.daogen.sample.AdminTestSupport;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import dev.daogen.sample.ConsumerDraft;
import dev.daogen.sample.ConsumerPatch;
import dev.daogen.sample.KeyAuthCredential;
import dev.daogen.sample.KeyAuthCredentialDao;
import dev.daogen.sample.KeyAuthCredentialDraft;
import dev.daogen.sample.KeyAuthCredentialPatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One stress test per write path: {@value #THREADS} threads released together on the same key, for
 * {@link #ROUNDS} rounds, each round checked against what a serial order of the same calls allows. An outcome is
 * the call's result or its error code; any other exception fails the test (no error may come from the race).
 */
class WriteStressTest {
  private static final int THREADS = 16;
  /** Rounds per test: 6 in the default run; {@code -Dstress.rounds=N} for longer runs. */
  private static final int ROUNDS = Integer.getInteger("stress.rounds", 6);

  private final Database db = AdminTestSupport.database();
  private final ConsumerDao consumers = db.dao(ConsumerDao.class);
  private final KeyAuthCredentialDao credentials = db.dao(KeyAuthCredentialDao.class);
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    AdminTestSupport.reset();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
  }

  /** A call's result, or the code of the DaoException it threw. */
  private record Outcome<T>(T value, ErrorCode error) {
    boolean ok() {
      return error == null;
    }
  }

  /** Runs {@code n} calls released at the same instant and waits for all of them. */
  private <T> List<Outcome<T>> together(int n, IntFunction<Callable<T>> call) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Outcome<T>>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Callable<T> c = call.apply(i);
      futures.add(pool.submit(() -> {
        start.await();
        try {
          return new Outcome<>(c.call(), null);
        } catch (DaoException e) {
          return new Outcome<>(null, e.code());
        }
      }));
    }
    start.countDown();
    List<Outcome<T>> out = new ArrayList<>();
    for (Future<Outcome<T>> f : futures) {
      try {
        out.add(f.get(60, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        throw new AssertionError("a call failed with something other than a DaoException", e.getCause());
      }
    }
    return out;
  }

  private static <T> Map<String, Integer> tally(List<Outcome<T>> outcomes) {
    Map<String, Integer> out = new TreeMap<>();
    for (Outcome<T> o : outcomes) {
      out.merge(o.ok() ? "ok" : o.error().name(), 1, Integer::sum);
    }
    return out;
  }

  private static void report(String path, Map<String, Integer> totals) {
    System.out.printf("stress %-34s %d threads x %d rounds → %s%n", path + ":", THREADS, ROUNDS, totals);
  }

  private static void add(Map<String, Integer> totals, Map<String, Integer> round) {
    round.forEach((k, v) -> totals.merge(k, v, Integer::sum));
  }

  @Test
  void insertsOfOneUniqueValue_oneWinsTheOthersGetTheViolation() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String name = "ins-" + round;
      UUID id = UUID.randomUUID();
      // even threads: same username; odd threads: same id too
      List<Outcome<Consumer>> out = together(THREADS, i -> () -> consumers.insert(i % 2 == 0
          ? new ConsumerDraft().username(name).customId(name + "-" + i)
          : new ConsumerDraft().id(id).username(name + "-odd-" + i).customId(name + "-" + i)));
      Map<String, Integer> t = tally(out);
      assertEquals(2, t.getOrDefault("ok", 0), "one insert per key wins: " + t);
      for (int i = 0; i < THREADS; i++) {
        Outcome<Consumer> o = out.get(i);
        if (!o.ok()) {
          assertEquals(i % 2 == 0 ? ErrorCode.UNIQUE_VIOLATION : ErrorCode.PRIMARY_KEY_VIOLATION, o.error(),
              "thread " + i);
        }
      }
      assertEquals(2 * (round + 1), consumers.count());
      add(totals, t);
    }
    report("insert", totals);
  }

  @Test
  void updatesOfOneRow_everyCallSucceedsAndTheRowComesFromOneWriter() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      Consumer row = consumers.insert(new ConsumerDraft().username("upd-" + round).customId("init"));
      String r = "r" + round + "-";
      List<Outcome<Consumer>> out = together(THREADS, i -> () -> i % 2 == 0
          ? consumers.update(row.id(), new ConsumerPatch().customId(r + i).tags(Set.of(r + i)))
          : consumers.update(row.id(), new ConsumerPatch().tags(Set.of(r + i))));
      Map<String, Integer> t = tally(out);
      assertEquals(Map.of("ok", THREADS), t);
      Consumer end = consumers.select(row.id()).orElseThrow();
      // the last writer's result is the row; every result kept the fields other writers did not touch
      assertTrue(out.stream().anyMatch(o -> o.value().equals(end)), "the row is one writer's result");
      for (Outcome<Consumer> o : out) {
        assertEquals("upd-" + round, o.value().username());
        assertEquals(row.createdAt(), o.value().createdAt());
      }
      // an even writer sets custom_id and tags together: if it wrote last, both are its own
      String tag = end.tags().iterator().next();
      int writer = Integer.parseInt(tag.substring(r.length()));
      if (writer % 2 == 0) {
        assertEquals(tag, end.customId());
      }
      add(totals, t);
    }
    report("update", totals);
  }

  @Test
  void updatesByUniqueValueRacingARenameOfIt_succeedBeforeOrNotFoundAfter() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String before = "before-" + round;
      String after = "after-" + round;
      Consumer row = consumers.insert(new ConsumerDraft().username(before).customId("c" + round));
      String r = "r" + round + "-";
      int renamer = THREADS / 2;
      List<Outcome<Consumer>> out = together(THREADS, i -> () -> i == renamer
          ? consumers.updateByUsername(before, new ConsumerPatch().username(after))
          : consumers.updateByUsername(before, new ConsumerPatch().customId(r + i)));
      assertTrue(out.get(renamer).ok(), "the rename succeeds");
      Consumer end = consumers.select(row.id()).orElseThrow();
      assertEquals(after, end.username(), "no update by the old name overwrote the rename");
      assertEquals(end, consumers.selectByUsername(after).orElseThrow());
      assertTrue(consumers.selectByUsername(before).isEmpty());
      for (int i = 0; i < THREADS; i++) {
        Outcome<Consumer> o = out.get(i);
        if (i != renamer) {
          if (o.ok()) {
            assertEquals(before, o.value().username(), "a success saw the row before the rename");
          } else {
            assertEquals(ErrorCode.NOT_FOUND, o.error());
          }
        }
      }
      // the rename is the last write: the row is its result (with the custom_id of the last update before it)
      assertEquals(out.get(renamer).value(), end);
      add(totals, tally(out));
    }
    report("updateBy (vs rename)", totals);
  }

  @Test
  void upsertsOfOneKey_allSucceedUnlessAnotherRowHoldsTheirUniqueValue() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      UUID id = UUID.randomUUID();
      Consumer other = consumers.insert(new ConsumerDraft().username("taken-" + round));
      String r = "r" + round + "-";
      int n = round;
      // even threads upsert a free username; odd ones the username another row holds
      List<Outcome<Consumer>> out = together(THREADS, i -> () -> consumers.upsert(id, new ConsumerDraft()
          .username(i % 2 == 0 ? "mine-" + n : "taken-" + n).customId(r + i).tags(Set.of(r + i))));
      for (int i = 0; i < THREADS; i++) {
        Outcome<Consumer> o = out.get(i);
        if (i % 2 == 0) {
          assertTrue(o.ok(), "thread " + i + ": " + o);
        } else {
          assertEquals(ErrorCode.UNIQUE_VIOLATION, o.error(), "thread " + i);
        }
      }
      Consumer end = consumers.select(id).orElseThrow();
      assertEquals("mine-" + round, end.username());
      assertEquals(Set.of(end.customId()), end.tags(), "custom_id and tags come from one writer");
      assertTrue(out.stream().anyMatch(o -> end.equals(o.value())));
      assertEquals(other, consumers.select(other.id()).orElseThrow(), "the other row is untouched");
      add(totals, tally(out));
    }
    assertEquals(2L * ROUNDS, consumers.count());
    report("upsert", totals);
  }

  @Test
  void upsertsByUniqueValue_allHitOneRow() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String name = "by-" + round;
      String r = "r" + round + "-";
      // half by username, half by custom_id: both lookups name the same row once it exists
      List<Outcome<Consumer>> out = together(THREADS, i -> () -> i % 2 == 0
          ? consumers.upsertByUsername(name, new ConsumerDraft().customId(r + "c").tags(Set.of(r + i)))
          : consumers.upsertByCustomId(r + "c", new ConsumerDraft().username(name).tags(Set.of(r + i))));
      assertEquals(Map.of("ok", THREADS), tally(out));
      Consumer end = consumers.selectByUsername(name).orElseThrow();
      for (Outcome<Consumer> o : out) {
        assertEquals(end.id(), o.value().id(), "every upsert hit the same row");
        assertEquals(end.createdAt(), o.value().createdAt());
      }
      assertTrue(out.stream().anyMatch(o -> end.equals(o.value())));
      add(totals, tally(out));
    }
    assertEquals(ROUNDS, consumers.count());
    report("upsertBy", totals);
  }

  @Test
  void deletesRacingUpsertsAndUpdatesOfOneKey_leaveNothingHalfWritten() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      UUID id = UUID.randomUUID();
      String name = "del-" + round;
      consumers.insert(new ConsumerDraft().id(id).username(name));
      String r = "r" + round + "-";
      // thread i % 4: 0 delete, 1 deleteBy username, 2 upsert, 3 update
      List<Outcome<Object>> out = together(THREADS, i -> () -> switch (i % 4) {
        case 0 -> consumers.delete(id);
        case 1 -> consumers.deleteByUsername(name);
        case 2 -> consumers.upsert(id, new ConsumerDraft().username(name).customId(r + i).tags(Set.of(r + i)));
        default -> consumers.update(id, new ConsumerPatch().customId(r + i).tags(Set.of(r + i)));
      });
      for (int i = 0; i < THREADS; i++) {
        Outcome<Object> o = out.get(i);
        if (i % 4 == 3) {
          assertTrue(o.ok() || o.error() == ErrorCode.NOT_FOUND, "update: " + o);
        } else {
          assertTrue(o.ok(), "thread " + i + ": " + o);
        }
      }
      Optional<Consumer> end = consumers.select(id);
      assertTrue(AdminTestSupport.scalar("select count(*) from consumers where id = '" + id + "' or username = '"
          + name + "'") <= 1, "one row at most");
      end.ifPresent(c -> {
        assertEquals(name, c.username());
        assertEquals(Set.of(c.customId()), c.tags(), "custom_id and tags come from one writer");
      });
      add(totals, tally(out));
    }
    report("delete/deleteBy vs upsert/update", totals);
  }

  @Test
  void deletesOfOneKey_exactlyOneRemovesIt() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String name = "gone-" + round;
      Consumer row = consumers.insert(new ConsumerDraft().username(name));
      List<Outcome<Boolean>> out = together(THREADS, i -> () -> i % 2 == 0
          ? consumers.delete(row.id())
          : consumers.deleteByUsername(name));
      long removed = out.stream().filter(o -> Boolean.TRUE.equals(o.value())).count();
      assertEquals(Map.of("ok", THREADS), tally(out));
      assertEquals(1, removed, "exactly one delete removed the row");
      assertEquals(0, consumers.count());
      totals.merge("removed", 1, Integer::sum);
      totals.merge("idempotent", THREADS - 1, Integer::sum);
    }
    report("delete/deleteBy", totals);
  }

  @Test
  void ttlUpsertsOverAnExpiredRow_oneVisibleRowAndADeleteEventForTheExpiredOne() throws Exception {
    Consumer owner = consumers.insert(new ConsumerDraft().username("ttl-owner"));
    Map<String, Integer> totals = new TreeMap<>();
    List<EntityEvent<?>> deletes = new CopyOnWriteArrayList<>();
    try (AutoCloseable sub = db.events().subscribe("keyauth_credentials", EntityEvent.Operation.DELETE,
        deletes::add)) {
      for (int round = 0; round < ROUNDS; round++) {
        String key = "ttl-key-" + round;
        KeyAuthCredential expired = credentials.insert(new KeyAuthCredentialDraft().consumer(owner.id()).key(key));
        AdminTestSupport.scalar("with u as (update keyauth_credentials set ttl = now() - interval '1 second'"
            + " where id = '" + expired.id() + "' returning 1) select count(*) from u");
        assertTrue(credentials.selectByKey(key).isEmpty(), "the row expired");
        UUID id = UUID.randomUUID();
        String r = "r" + round + "-";
        // even threads upsert by key, odd ones by a new primary key with the same key value
        List<Outcome<KeyAuthCredential>> out = together(THREADS, i -> () -> i % 2 == 0
            ? credentials.upsertByKey(key, new KeyAuthCredentialDraft().consumer(owner.id()).tags(Set.of(r + i)),
                Duration.ofHours(1))
            : credentials.upsert(id, new KeyAuthCredentialDraft().consumer(owner.id()).key(key)
                .tags(Set.of(r + i)), Duration.ofHours(1)));
        // a serial order allows: every upsert succeeds (they all name one row once the first creates it), or an
        // upsert by the new id fails because a row with another id, created by an upsert by key, holds the key
        for (int i = 0; i < THREADS; i++) {
          Outcome<KeyAuthCredential> o = out.get(i);
          if (!o.ok()) {
            assertEquals(1, i % 2, "an upsert by key never fails: " + o);
            assertEquals(ErrorCode.UNIQUE_VIOLATION, o.error());
          }
        }
        KeyAuthCredential end = credentials.selectByKey(key).orElseThrow();
        assertNotNull(credentials.expiresAt(end.id()).orElse(null), "the ttl of the upsert is kept");
        assertTrue(credentials.selectIncludingExpired(expired.id()).isEmpty(), "the expired row was purged");
        assertEquals(1, AdminTestSupport.scalar("select count(*) from keyauth_credentials where key = '" + key + "'"));
        boolean byId = end.id().equals(id);
        for (int i = 0; i < THREADS; i++) {
          Outcome<KeyAuthCredential> o = out.get(i);
          if (o.ok()) {
            assertEquals(end.id(), o.value().id(), "every successful upsert hit the visible row");
          } else {
            assertFalse(byId, "an upsert by id failed although the row has that id");
          }
        }
        add(totals, tally(out));
      }
    }
    long expiredDeletes = deletes.stream().filter(e -> ((KeyAuthCredential) e.value()).key().startsWith("ttl-key-"))
        .count();
    assertEquals(ROUNDS, expiredDeletes, "one delete event per purged expired row");
    report("ttl upsert (over an expired row)", totals);
  }

  @Test
  void ttlUpdatesRacingExpiryCleanup_neverResurrectAnExpiredRow() throws Exception {
    Consumer owner = consumers.insert(new ConsumerDraft().username("ttl-upd-owner"));
    Map<String, Integer> totals = new TreeMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      KeyAuthCredential row = credentials.insert(new KeyAuthCredentialDraft().consumer(owner.id()));
      AdminTestSupport.scalar("with u as (update keyauth_credentials set ttl = now() - interval '1 second'"
          + " where id = '" + row.id() + "' returning 1) select count(*) from u");
      String r = "r" + round + "-";
      List<Outcome<Object>> out = together(THREADS, i -> () -> i == 0
          ? credentials.deleteExpired(100)
          : credentials.update(row.id(), new KeyAuthCredentialPatch().tags(Set.of(r + i))));
      for (int i = 1; i < THREADS; i++) {
        assertEquals(ErrorCode.NOT_FOUND, out.get(i).error(), "an expired row is not found by update");
      }
      assertTrue(credentials.selectIncludingExpired(row.id()).isEmpty());
      add(totals, tally(out));
    }
    report("ttl update (vs cleanup)", totals);
  }

  @Test
  void cascadeDeleteRacingChildWrites_noOrphanAndAnEventForEveryRemovedChild() throws Exception {
    Map<String, Integer> totals = new TreeMap<>();
    Set<UUID> cascaded = ConcurrentHashMap.newKeySet();
    try (AutoCloseable sub = db.events().subscribe("keyauth_credentials", EntityEvent.Operation.DELETE,
        e -> cascaded.add(((KeyAuthCredential) e.value()).id()))) {
      for (int round = 0; round < ROUNDS; round++) {
        Consumer parent = consumers.insert(new ConsumerDraft().username("parent-" + round));
        Consumer spare = consumers.insert(new ConsumerDraft().username("spare-" + round));
        KeyAuthCredential moving = credentials.insert(new KeyAuthCredentialDraft().consumer(spare.id()));
        int deleter = THREADS / 2;
        // thread i % 3: 0 insert a child, 1 upsert a child, 2 move the spare's child to the parent
        List<Outcome<KeyAuthCredential>> out = together(THREADS, i -> () -> {
          if (i == deleter) {
            consumers.delete(parent.id());
            return null;
          }
          return switch (i % 3) {
            case 0 -> credentials.insert(new KeyAuthCredentialDraft().consumer(parent.id()));
            case 1 -> credentials.upsert(UUID.randomUUID(), new KeyAuthCredentialDraft().consumer(parent.id()));
            default -> credentials.update(moving.id(), new KeyAuthCredentialPatch().consumer(parent.id()));
          };
        });
        List<UUID> written = new ArrayList<>();
        int refusedMoves = 0;
        for (int i = 0; i < THREADS; i++) {
          Outcome<KeyAuthCredential> o = out.get(i);
          if (i == deleter) {
            assertTrue(o.ok(), "the delete succeeds");
          } else if (o.ok()) {
            written.add(o.value().id());
          } else if (i % 3 == 2 && o.error() == ErrorCode.NOT_FOUND) {
            refusedMoves++; // an earlier move took the child to the parent, and the delete took it away
          } else {
            assertEquals(ErrorCode.FOREIGN_KEY_VIOLATION, o.error(), "thread " + i);
          }
        }
        assertEquals(0, AdminTestSupport.scalar("select count(*) from keyauth_credentials k where not exists"
            + " (select 1 from consumers c where c.id = k.consumer_id)"), "orphans after round " + round);
        assertTrue(consumers.select(parent.id()).isEmpty());
        // every child that reached the parent went with it, and its delete event was published
        for (UUID child : written) {
          assertTrue(credentials.selectIncludingExpired(child).isEmpty(), "child " + child + " survived");
          assertTrue(cascaded.contains(child), "no delete event for cascaded child " + child);
        }
        totals.merge("child writes ok then cascaded", written.size(), Integer::sum);
        totals.merge("moves not found (child already cascaded)", refusedMoves, Integer::sum);
        totals.merge("refused (foreign key)", THREADS - 1 - written.size() - refusedMoves, Integer::sum);
      }
    }
    report("cascade delete vs child writes", totals);
  }
}
