package dev.daogen.sample.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The database stops under load: requests fail fast with the generic 500 (bounded by the pool's connection
 * timeout, no hang), the server stays up, and it recovers by itself when the database returns; nothing acknowledged
 * before the outage is lost.
 */
class DatabaseOutageTest {
  private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1000);
  /** The longest a request may take while the database is down: the pool's timeout plus generous slack. */
  private static final Duration BOUND = CONNECTION_TIMEOUT.plusSeconds(3);
  private static final String GENERIC = "{\"message\":\"An unexpected error occurred\"}";

  @Test
  void theDatabaseStopsUnderLoadAndComesBack() throws Exception {
    Path dir = Files.createTempDirectory("daogen-outage");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AtomicReference<EmbeddedPostgres> pg = new AtomicReference<>(start(dir, port));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(pg.get().getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(6);
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    config.setValidationTimeout(500);
    config.setPoolName("outage-test");
    ExecutorService clients = Executors.newFixedThreadPool(6);
    try (HikariDataSource pool = new HikariDataSource(config); Database db = Database.connect(pool)) {
      db.migrations().bootstrap();
      AdminOptions options = AdminOptions.defaults().withPort(0);
      JettyAdminServer server = new JettyAdminServer(new AdminApi(db, options), options);
      server.start();
      try {
        Wire wire = new Wire(server.address().getPort(), Duration.ofSeconds(30));
        // phase: 0 before the outage, 1 during, 2 after the restart
        AtomicInteger phase = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong slowestDuringOutage = new AtomicLong();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Boolean> stop = new AtomicReference<>(false);
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          int thread = t;
          load.add(clients.submit(() -> {
            while (!stop.get()) {
              int i = n.incrementAndGet();
              int p = phase.get();
              long t0 = System.nanoTime();
              Wire.Resp r;
              String name = "load-" + i;
              if (thread % 2 == 0) {
                r = wire.json("POST", "/consumers", "{\"username\": \"" + name + "\"}");
              } else {
                r = wire.get("/consumers?size=5");
              }
              long ms = (System.nanoTime() - t0) / 1_000_000;
              outcomes.merge("phase " + p + ": " + r.status(), 1, Integer::sum);
              if (r.status() == 201) {
                acknowledged.add(name);
              }
              if (r.status() >= 500 && !(r.status() == 500 && r.body().equals(GENERIC))) {
                problems.add("not the generic 500: " + r);
              }
              if (r.status() != 500 && r.status() != 200 && r.status() != 201) {
                problems.add("unexpected " + r);
              }
              if (p == 1 && phase.get() == 1) {
                slowestDuringOutage.accumulateAndGet(ms, Math::max);
              }
            }
            return null;
          }));
        }
        Thread.sleep(1000);
        phase.set(1);
        pg.get().close();
        Thread.sleep(3000);
        Wire.Resp status = wire.get("/status");
        assertEquals(200, status.status(), "the server is up while the database is down");
        assertTrue(status.body().contains("\"reachable\":false"), status::toString);
        long restart = System.nanoTime();
        pg.set(start(dir, port));
        phase.set(2);
        // recovers by itself: a write succeeds again within a few seconds, with no restart of the pool or server
        long recoveredMs = -1;
        while (System.nanoTime() - restart < Duration.ofSeconds(15).toNanos()) {
          if (wire.json("POST", "/consumers", "{\"username\": \"probe-" + System.nanoTime() + "\"}").status() == 201) {
            recoveredMs = (System.nanoTime() - restart) / 1_000_000;
            break;
          }
          Thread.sleep(100);
        }
        Thread.sleep(1000);
        stop.set(true);
        for (Future<?> f : load) {
          f.get(60, TimeUnit.SECONDS);
        }
        System.out.printf("database outage: outcomes %s; slowest request during the outage %d ms (bound %d ms);"
            + " recovered %d ms after the restart; %d acknowledged writes%n", new TreeMap<>(outcomes),
            slowestDuringOutage.get(), BOUND.toMillis(), recoveredMs, acknowledged.size());
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.get(0));
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.equals("phase 1: 500")), outcomes::toString);
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.equals("phase 0: 201")), outcomes::toString);
        assertTrue(recoveredMs >= 0, "no recovery within 15 s of the restart");
        assertTrue(slowestDuringOutage.get() <= BOUND.toMillis(),
            "a request hung for " + slowestDuringOutage.get() + " ms during the outage");
        assertEquals(200, wire.get("/consumers?size=1").status());
        // nothing acknowledged is lost
        long missing = acknowledged.stream().filter(name -> wire.get("/consumers/" + name).status() != 200).count();
        assertEquals(0, missing, "acknowledged writes lost");
      } finally {
        server.close();
      }
    } finally {
      clients.shutdownNow();
      pg.get().close();
    }
  }

  private static EmbeddedPostgres start(Path dir, int port) throws java.io.IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
  }
}
