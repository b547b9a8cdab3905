package dev.daogen.bench;

import com.sun.net.httpserver.HttpServer;
import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.AdminServer;
import dev.daogen.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Admin API throughput on loopback: {@code clients} threads share one {@link HttpClient} (HTTP/1.1, kept-alive
 * connections) and send requests back to back, each run bounded by a request count and a time limit. The limit is a
 * bare JDK {@link HttpServer} on the same machine, with the same worker pool shape, answering a fixed body of the
 * size of an item.
 */
final class AdminBench {
  /** One scenario's outcome. */
  record Result(String name, int requests, int errors, double seconds, double p50Ms, double p99Ms,
      double serverCpuMicros) {
    double perSecond() {
      return requests / seconds;
    }
  }

  private final int clients;
  private final int maxRequests;
  private final Duration maxTime;
  /**
   * Requests each server gets before it is measured. Jetty has several times the JDK server's hot methods: a warm-up of
   * a tenth of the run measured its JIT compiling, where a server spends none of its life.
   */
  private final int warmupRequests;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  /** Which scenarios run: item, list, post (the fixed-body baseline always runs). */
  private final List<String> scenarios;

  AdminBench(int clients, int maxRequests, Duration maxTime, int warmupRequests, List<String> scenarios) {
    this.scenarios = scenarios;
    this.warmupRequests = warmupRequests;
    this.clients = clients;
    this.maxRequests = maxRequests;
    this.maxTime = maxTime;
  }

  /** The scenarios, each against the admin API and against its limit, in this order; then the fixed body. */
  List<Result> run(DataSource ds, List<UUID> ids) throws Exception {
    List<Result> results = new ArrayList<>();
    AdminOptions options = AdminOptions.defaults().withPort(0);
    try (Database db = Database.connect(ds)) {
      AdminServer server = newServer(new AdminApi(db, options), options);
      serverName = server.getClass().getSimpleName();
      server.start();
      String base = "http://127.0.0.1:" + server.address().getPort();
      try (LimitServer limit = new LimitServer(ds, options.threads())) {
        String limitBase = "http://127.0.0.1:" + limit.port();
        String sampleItem = get(base + "/consumers/" + ids.get(0));
        String limitItem = get(limitBase + "/consumers/" + ids.get(0));
        if (!sampleItem.replace(" ", "").equals(limitItem)) {
          System.out.println("  note: the admin API and the limit write different JSON for one consumer:\n    "
              + sampleItem + "\n    " + limitItem);
        }
        String nonce = Long.toHexString(System.nanoTime());
        int slices = 4;
        if (scenarios.contains("item")) {
          results.addAll(pair("GET /consumers/{id}", i -> HttpRequest.newBuilder(URI.create(
              base + "/consumers/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())))).build(),
              "limit: GET /consumers/{id}", i -> HttpRequest.newBuilder(URI.create(
              limitBase + "/consumers/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())))).build(),
              slices));
        }
        if (scenarios.contains("list")) {
          results.addAll(pair("GET /consumers (list, 100)", i -> HttpRequest.newBuilder(
              URI.create(base + "/consumers")).build(),
              "limit: GET /consumers (list, 100)", i -> HttpRequest.newBuilder(
              URI.create(limitBase + "/consumers")).build(), slices));
        }
        if (scenarios.contains("post")) {
          results.addAll(pair("POST /consumers", i -> post(base, "adm-" + nonce + "-" + i),
              "limit: POST /consumers", i -> post(limitBase, "lim-" + nonce + "-" + i), slices));
        }
        byte[] fixed = sampleItem.getBytes(StandardCharsets.UTF_8);
        HttpServer bare = bareServer(fixed, options.threads());
        Server bareJetty = bareJetty(fixed);
        try {
          String bareBase = "http://127.0.0.1:" + bare.getAddress().getPort();
          String jettyBase = "http://127.0.0.1:"
              + ((ServerConnector) bareJetty.getConnectors()[0]).getLocalPort();
          // the transports alone, side by side: what the HTTP stack costs before any application code runs
          results.addAll(pair(BARE_JETTY, i -> HttpRequest.newBuilder(
              URI.create(jettyBase + "/consumers/" + ids.get(0))).build(),
              BARE_JDK, i -> HttpRequest.newBuilder(
              URI.create(bareBase + "/consumers/" + ids.get(0))).build(), slices));
        } finally {
          bare.stop(0);
          ((ThreadPoolExecutor) bare.getExecutor()).shutdown();
          bareJetty.stop();
        }
      } finally {
        server.close();
      }
    }
    return results;
  }

  /** The admin server class the runtime has (looked up by name, so this keeps compiling when it changes). */
  String serverName = "?";

  /**
   * The runtime's admin transport, behind the {@link AdminServer} interface: the first of the known
   * implementations on the class path, made with its {@code (AdminApi, AdminOptions)} constructor.
   */
  static AdminServer newServer(AdminApi api, AdminOptions options) {
    for (String name : List.of("dev.daogen.admin.JettyAdminServer", "dev.daogen.admin.JdkAdminServer")) {
      Class<?> type;
      try {
        type = Class.forName(name);
      } catch (ClassNotFoundException e) {
        continue;
      }
      try {
        return (AdminServer) type.getConstructor(AdminApi.class, AdminOptions.class).newInstance(api, options);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make " + name, e);
      }
    }
    throw new IllegalStateException("no admin server implementation on the class path");
  }

  private static HttpRequest post(String base, String username) {
    return HttpRequest.newBuilder(URI.create(base + "/consumers"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"tags\":[\"bench\"]}"))
        .build();
  }

  private String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  static final String BARE_JDK = "bare JDK HttpServer, fixed body";
  static final String BARE_JETTY = "bare Jetty 12, fixed body";

  /** Jetty with a handler that answers the fixed body from the selector (no worker hand-off, no application). */
  private static Server bareJetty(byte[] body) throws Exception {
    QueuedThreadPool pool = new QueuedThreadPool(64, 4);
    pool.setDaemon(true);
    pool.setName("bare-jetty");
    Server server = new Server(pool);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response,
          Callback callback) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
      }
    });
    server.start();
    return server;
  }

  private static HttpServer bareServer(byte[] body, int threads) throws IOException {
    // the limit gets the best setting too (a JVM-wide property, read once; JdkAdminServer sets it as well)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
    AtomicInteger n = new AtomicInteger();
    server.setExecutor(new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 16), r -> {
          Thread t = new Thread(r, "bare-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }));
    server.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
    return server;
  }

  /** What one measured stretch did. */
  private record Slice(int requests, int errors, double seconds, long[] latencies, long serverCpuNanos) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * CPU time of every thread of this JVM but the load generator's (its client threads and the HTTP client's): the
   * server's own cost, whatever the machine's load does to wall-clock figures.
   */
  private static long serverCpuNanos() {
    long sum = 0;
    for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (t == null || t.getThreadName().startsWith("load-") || t.getThreadName().startsWith("HttpClient-")) {
        continue;
      }
      long cpu = THREADS.getThreadCpuTime(t.getThreadId());
      if (cpu > 0) {
        sum += cpu;
      }
    }
    return sum;
  }

  /** A warm-up, then the measured run. */
  private Result load(String name, IntFunction<HttpRequest> requests) throws InterruptedException {
    drive(requests, warmupRequests, maxTime, 0);
    return result(name, List.of(slice(requests, maxRequests, maxTime, 1_000_000)));
  }

  /**
   * Two scenarios measured in alternating slices (A, B, A, B, …; {@code slices} of each, each a share of the request
   * and time budget), after a warm-up of both, so that a change of machine load falls on both alike.
   */
  List<Result> pair(String nameA, IntFunction<HttpRequest> a, String nameB, IntFunction<HttpRequest> b, int slices)
      throws InterruptedException {
    drive(a, warmupRequests, maxTime, 0);
    drive(b, warmupRequests, maxTime, 0);
    List<Slice> sa = new ArrayList<>();
    List<Slice> sb = new ArrayList<>();
    int count = Math.max(1, maxRequests / slices);
    Duration time = maxTime.dividedBy(slices);
    for (int k = 0; k < slices; k++) {
      sa.add(slice(a, count, time, 1_000_000 + k * count));
      sb.add(slice(b, count, time, 1_000_000 + k * count));
    }
    return List.of(result(nameA, sa), result(nameB, sb));
  }

  private static Result result(String name, List<Slice> slices) {
    int n = slices.stream().mapToInt(Slice::requests).sum();
    int errors = slices.stream().mapToInt(Slice::errors).sum();
    double seconds = slices.stream().mapToDouble(Slice::seconds).sum();
    long[] measured = slices.stream().flatMapToLong(s -> Arrays.stream(s.latencies())).filter(l -> l > 0).sorted()
        .toArray();
    long cpu = slices.stream().mapToLong(Slice::serverCpuNanos).sum();
    return new Result(name, n, errors, seconds, percentile(measured, 0.50), percentile(measured, 0.99),
        n == 0 ? 0 : cpu / 1e3 / n);
  }

  private Slice slice(IntFunction<HttpRequest> requests, int maxCount, Duration maxTime, int offset)
      throws InterruptedException {
    long[] latencies = new long[maxCount];
    AtomicInteger done = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + maxTime.toNanos();
    AtomicInteger next = new AtomicInteger();
    AtomicLong lastEnd = new AtomicLong(start);
    CountDownLatch finished = new CountDownLatch(clients);
    long cpuBefore = serverCpuNanos();
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        try {
          int i;
          while ((i = next.getAndIncrement()) < maxCount && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            if (!send(requests.apply(offset + i))) {
              errors.incrementAndGet();
            }
            long t1 = System.nanoTime();
            latencies[i] = t1 - t0;
            done.incrementAndGet();
            lastEnd.accumulateAndGet(t1, Math::max);
          }
        } finally {
          finished.countDown();
        }
      }, "load-" + c);
      t.setDaemon(true);
      t.start();
    }
    finished.await();
    return new Slice(done.get(), errors.get(), (lastEnd.get() - start) / 1e9, latencies,
        serverCpuNanos() - cpuBefore);
  }

  private void drive(IntFunction<HttpRequest> requests, int count, Duration limit, int offset)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    AtomicInteger next = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      Thread t = new Thread(() -> {
        try {
          int i;
          while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
            send(requests.apply(offset + i));
          }
        } finally {
          finished.countDown();
        }
      });
      t.setDaemon(true);
      t.start();
    }
    finished.await();
  }

  private boolean send(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return r.statusCode() < 300;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }
}
