package dev.daogen.sample.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import dev.daogen.db.Database;
import dev.daogen.sample.AdminTestSupport;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import dev.daogen.sample.ConsumerDraft;
import dev.daogen.sample.KeyAuthCredentialDao;
import dev.daogen.sample.KeyAuthCredentialDraft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Concurrent writers on one database: unique keys, upserts, cascades and paging under inserts. */
class RaceTest {
  private static final int CLIENTS = 16;
  private final Database db = AdminTestSupport.database();
  private final ConsumerDao consumers = db.dao(ConsumerDao.class);
  private final KeyAuthCredentialDao credentials = db.dao(KeyAuthCredentialDao.class);
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    AdminTestSupport.reset();
    pool = Executors.newFixedThreadPool(CLIENTS);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  /** Runs {@code n} tasks released at the same instant; returns their futures. */
  private <T> List<Future<T>> together(int n, java.util.function.IntFunction<Callable<T>> task) {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Callable<T> c = task.apply(i);
      out.add(pool.submit(() -> {
        start.await();
        return c.call();
      }));
    }
    start.countDown();
    return out;
  }

  @Test
  void clientsInsertingOneUniqueValueOverHttp_exactlyOneWinsTheRestGet409() throws Exception {
    AdminOptions options = AdminOptions.defaults().withPort(0);
    JettyAdminServer server = new JettyAdminServer(new AdminApi(db, options), options);
    server.start();
    try {
      Wire wire = new Wire(server.address().getPort(), Duration.ofSeconds(20));
      Map<Integer, Integer> outcomes = new TreeMap<>();
      for (int round = 0; round < 5; round++) {
        String name = "same-" + round;
        List<Future<Wire.Resp>> fs = together(CLIENTS, i -> () -> wire.json("POST", "/consumers",
            "{\"username\": \"" + name + "\", \"custom_id\": \"c-" + round(i, name) + "\"}"));
        Map<Integer, Integer> round1 = new TreeMap<>();
        for (Future<Wire.Resp> f : fs) {
          Wire.Resp r = f.get(30, TimeUnit.SECONDS);
          round1.merge(r.status(), 1, Integer::sum);
          if (r.status() == 409) {
            assertTrue(r.body().contains("\"name\":\"unique constraint violation\""), r::toString);
          }
        }
        assertEquals(Map.of(201, 1, 409, CLIENTS - 1), round1, "round " + round);
        round1.forEach((k, v) -> outcomes.merge(k, v, Integer::sum));
        assertEquals(1, AdminTestSupport.scalar("select count(*) from consumers where username = '" + name + "'"));
      }
      System.out.printf("unique race over HTTP: %d clients x 5 rounds → %s%n", CLIENTS, outcomes);
    } finally {
      server.close();
    }
  }

  private static String round(int i, String name) {
    return name + "-" + i;
  }

  @Test
  void concurrentUpsertsOfOneKeyEndInOneConsistentRow() throws Exception {
    UUID id = UUID.randomUUID();
    AtomicInteger errors = new AtomicInteger();
    Set<String> written = ConcurrentHashMap.newKeySet();
    for (int round = 0; round < 3; round++) {
      int r = round;
      List<Future<Consumer>> fs = together(CLIENTS, i -> () -> {
        String v = "u" + r + "-" + i;
        written.add(v);
        return consumers.upsert(id, new ConsumerDraft().username("up-" + r).customId(v).tags(Set.of(v)));
      });
      for (Future<Consumer> f : fs) {
        try {
          f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          errors.incrementAndGet();
          throw new AssertionError("an upsert of one key failed", e.getCause());
        }
      }
      Consumer row = consumers.select(id).orElseThrow();
      // one row, whose fields all come from the same upsert
      assertEquals(1, consumers.count());
      assertEquals("up-" + r, row.username());
      assertEquals(Set.of(row.customId()), row.tags(), "custom_id and tags come from one writer");
      assertTrue(written.contains(row.customId()));
    }
    // by endpoint key too
    List<Future<Consumer>> fs = together(CLIENTS, i -> () -> consumers.upsertByUsername("by-name",
        new ConsumerDraft().customId("n-" + i).tags(Set.of("n-" + i))));
    Set<UUID> ids = new HashSet<>();
    for (Future<Consumer> f : fs) {
      ids.add(f.get(30, TimeUnit.SECONDS).id());
    }
    Consumer row = consumers.selectByUsername("by-name").orElseThrow();
    assertEquals(Set.of(row.id()), ids, "every upsert by username hit the same row");
    assertEquals(Set.of(row.customId()), row.tags());
    System.out.printf("upsert race: %d clients x 4 rounds on one key → 1 row, %d errors%n", CLIENTS, errors.get());
  }

  @Test
  void aCascadeDeleteRacingChildInsertsLeavesNoOrphans() throws Exception {
    int rounds = 20;
    int inserted = 0;
    int refused = 0;
    for (int round = 0; round < rounds; round++) {
      Consumer parent = consumers.insert(new ConsumerDraft().username("parent-" + round));
      List<Future<Boolean>> fs = together(CLIENTS, i -> () -> {
        if (i == CLIENTS / 2) {
          consumers.delete(parent.id());
          return null;
        }
        try {
          credentials.insert(new KeyAuthCredentialDraft().consumer(parent.id()));
          return true;
        } catch (DaoException e) {
          assertEquals(ErrorCode.FOREIGN_KEY_VIOLATION, e.code(), e::getMessage);
          return false;
        }
      });
      for (Future<Boolean> f : fs) {
        Boolean ok = f.get(30, TimeUnit.SECONDS);
        if (ok != null) {
          if (ok) {
            inserted++;
          } else {
            refused++;
          }
        }
      }
      assertEquals(0, AdminTestSupport.scalar("select count(*) from keyauth_credentials k where not exists"
          + " (select 1 from consumers c where c.id = k.consumer_id)"), "orphans after round " + round);
      assertEquals(0, AdminTestSupport.scalar("select count(*) from consumers"));
    }
    System.out.printf("cascade race: %d rounds x %d child inserts vs one delete → %d inserted (then cascaded),"
        + " %d refused (foreign key), 0 orphans%n", rounds, CLIENTS - 1, inserted, refused);
  }

  @Test
  void pagingWhileRowsAreInsertedSkipsNoExistingRowAndRepeatsNone() throws Exception {
    Set<UUID> existing = new HashSet<>();
    for (int i = 0; i < 600; i++) {
      existing.add(consumers.insert(new ConsumerDraft().username("pre-" + i)).id());
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger concurrentInserts = new AtomicInteger();
    List<Future<Object>> writers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      int wi = w;
      writers.add(pool.submit(() -> {
        for (int i = 0; !stop.get() && i < 400; i++) {
          consumers.insert(new ConsumerDraft().username("new-" + wi + "-" + i));
          concurrentInserts.incrementAndGet();
          Thread.sleep(2);
        }
        return null;
      }));
    }
    int passes = 0;
    try {
      for (int size : new int[] {3, 7, 50, 100}) {
        List<UUID> seen = new ArrayList<>();
        String offset = null;
        do {
          Page<Consumer> page = consumers.page(size, offset);
          page.data().forEach(c -> seen.add(c.id()));
          offset = page.offset();
        } while (offset != null);
        passes++;
        assertEquals(seen.size(), new HashSet<>(seen).size(), "a row was returned twice (size " + size + ")");
        assertTrue(seen.containsAll(existing), "a pre-existing row was skipped (size " + size + ")");
        List<UUID> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        // pages are ordered by primary key (uuid order in PostgreSQL compares bytes, as UUID.compareTo does not)
        assertEquals(seen.size(), sorted.size());
      }
    } finally {
      stop.set(true);
      for (Future<Object> f : writers) {
        f.get(30, TimeUnit.SECONDS);
      }
    }
    System.out.printf("paging race: %d passes over %d pre-existing rows while %d rows were inserted → none skipped,"
        + " none twice%n", passes, existing.size(), concurrentInserts.get());
  }
}
