package dev.daogen.admin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API on embedded Jetty 12, the default transport. Jetty parses request lines and headers without holding
 * a thread, so slow clients cost a connection slot, never a worker; bodies are read asynchronously up to the exact
 * limit, and only complete requests do database work, at most {@code threads} at once: on the Jetty thread that holds
 * the request while a slot is free (no hand-off, the common case), else queued for a worker (503 when the queue is
 * full). Every refusal, Jetty's own included, is a JSON body with a fixed message.
 */
public final class JettyAdminServer implements AdminServer {
  private static final Logger LOG = LoggerFactory.getLogger(JettyAdminServer.class);
  private static final String BUSY = "{\"message\":\"The admin API is busy, retry later\"}";
  private static final String TOO_LARGE = "{\"message\":\"Request body too large\"}";
  private static final String TIMEOUT = "{\"message\":\"Request timeout: the body arrived too slowly\"}";
  private static final String BAD_BODY = "{\"message\":\"Bad request body framing\"}";
  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  /**
   * Paths are decoded by {@link AdminPaths#segments}, strictly, from the raw path; Jetty only checks the syntax (an
   * encoded slash or dot is a key's own character there, not a path step).
   */
  private static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("daogen-admin",
      UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR, UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
      UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT, UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
      UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

  private static final long STOP_MILLIS = 1000;
  private static final byte[] NO_BODY = new byte[0];

  private final AdminApi api;
  private final AdminOptions options;
  private Server server;
  private ServerConnector connector;
  private ThreadPoolExecutor workers;
  /** The slots of database work: {@code threads} of them, held by Jetty threads or by workers. */
  private Semaphore slots;

  public JettyAdminServer(AdminApi api, AdminOptions options) {
    this.api = api;
    this.options = options;
    // a blank token (an empty DAOGEN_ADMIN_TOKEN) is no token: clients sending an empty header would match it
    if ((options.token() == null || options.token().isBlank()) && !isLoopback(options.host())) {
      throw new IllegalArgumentException("refusing to serve the admin API on " + options.host()
          + " without an admin token: set one, or listen on 127.0.0.1");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void start() {
    slots = new Semaphore(options.threads());
    AtomicInteger n = new AtomicInteger();
    workers = new ThreadPoolExecutor(options.threads(), options.threads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(options.threads() * 16), r -> {
          Thread t = new Thread(r, "daogen-admin-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());

    // Jetty's threads parse, read and write without blocking, and run complete requests while a slot is free: room
    // for every slot beside the threads Jetty needs for I/O
    QueuedThreadPool io = new QueuedThreadPool(Math.max(64, options.threads() + 32), 4);
    io.setName("daogen-admin-io");
    io.setDaemon(true);
    server = new Server(io);
    // close() waits this long for requests in flight (GracefulHandler), then cuts them off
    server.setStopTimeout(STOP_MILLIS);

    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(options.maxHeaderBytes());
    http.setUriCompliance(URI_COMPLIANCE);
    connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(options.host());
    connector.setPort(options.port());
    connector.setIdleTimeout(options.idleTimeout().toMillis());
    connector.setAcceptQueueSize(128);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(options.maxConnections(), connector));
    server.setErrorHandler(new JsonErrorHandler());
    // one handler for the whole server, the body's minimum data rate checked by BodyReader itself: Jetty's
    // MinimumDataRateHandler (a StatisticsHandler) wraps every request, response and stream of every request, bodiless
    // or not, for a check that only a body still arriving needs
    server.setHandler(new GracefulHandler(new ApiHandler()));
    try {
      server.start();
    } catch (Exception e) {
      close();
      throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
          + e.getMessage(), e);
    }
  }

  @Override
  public InetSocketAddress address() {
    return new InetSocketAddress(HostPort.normalizeHost(options.host()), connector.getLocalPort());
  }

  @Override
  public void close() {
    if (server != null) {
      try {
        server.stop();
      } catch (TimeoutException e) {
        LOG.info("admin API stopped; requests still running after {} ms were cut off", STOP_MILLIS);
      } catch (Exception e) {
        LOG.warn("admin API did not stop cleanly", e);
      }
      workers.shutdown();
    }
  }

  /**
   * Reads the body (asynchronously, at most the limit), then runs the request. A blocking handler: Jetty calls it on
   * a pool thread, never on its selector, since a complete request may do its database work right there.
   */
  private final class ApiHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      HttpFields headers = request.getHeaders();
      String token = token(headers);
      if (!api.allows(token) && !AdminUi.serves(request.getHttpURI().getPath())) {
        // refused before a byte of the body is read: no one without the token can make the server buffer anything
        // (the UI's static files hold no data: the page must load to ask for the token)
        send(response, callback, AdminResponse.json(401, UNAUTHORIZED));
        return true;
      }
      long declared = request.getLength();
      if (declared > DRAIN_FACTOR * (options.maxBodyBytes() + 1L)) {
        send(response, callback, tooLarge());
        return true;
      }
      new BodyReader(request, response, callback, token, declared).run();
      return true;
    }
  }

  private static String token(HttpFields headers) {
    String token = headers.get("Kong-Admin-Token");
    String auth = headers.get(HttpHeader.AUTHORIZATION);
    if (token == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = auth.substring(7).trim();
    }
    return token;
  }

  /** Jetty's read–demand loop, collecting the body into one array no larger than the limit. */
  private final class BodyReader implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String token;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final long declared;
    /** Scheduled the first time the body is not all there yet: most requests never wait, and never pay for it. */
    private Scheduler.Task deadline;
    /** When the body was first waited for (the start of its data rate), and the bytes of it read so far. */
    private long firstWait;
    private long received;
    private byte[] body;
    private int size;
    /** Over the limit: the rest of the body is read and dropped, then 413. */
    private boolean discarding;

    BodyReader(Request request, Response response, Callback callback, String token, long declared) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.token = token;
      this.declared = declared;
      this.discarding = declared > options.maxBodyBytes();
    }

    @Override
    public void run() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          if (deadline == null) {
            // the whole body must arrive within the request timeout, however steadily it trickles in
            deadline = request.getComponents().getScheduler().schedule(
                () -> request.fail(new TimeoutException("request timeout")),
                options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            firstWait = System.nanoTime();
          } else if (tooSlow()) {
            failed(new TimeoutException("read rate is too low"));
            return;
          }
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          failed(chunk.getFailure());
          return;
        }
        int length = chunk.remaining();
        received += length;
        if (length > options.maxBodyBytes() - size) {
          discarding = true;
          body = null;
        }
        if (length > 0 && !discarding) {
          if (body == null) {
            body = new byte[declared >= 0 ? (int) declared : Math.min(options.maxBodyBytes(), Math.max(length, 8192))];
          }
          if (size + length > body.length) {
            body = Arrays.copyOf(body, (int) Math.min(options.maxBodyBytes(), Math.max(size + length,
                2L * body.length)));
          }
          chunk.getByteBuffer().get(body, size, length);
          size += length;
        }
        boolean last = chunk.isLast();
        chunk.release();
        if (last && discarding) {
          finish(tooLarge());
          return;
        }
        if (last) {
          dispatch();
          return;
        }
      }
    }

    /**
     * Whether the body arrives slower than {@link AdminOptions#minDataRate} (bytes read since the first wait), as
     * Jetty's MinimumDataRateHandler measures it: checked each time the reader waits for more.
     */
    private boolean tooSlow() {
      long min = options.minDataRate();
      if (min <= 0 || received == 0) {
        return false;
      }
      long elapsed = Math.max(1, System.nanoTime() - firstWait);
      return received * 1_000_000_000.0 / elapsed < min;
    }

    private void failed(Throwable failure) {
      if (discarding) {
        finish(tooLarge());
      } else if (failure instanceof TimeoutException) {
        finish(AdminResponse.json(408, TIMEOUT));
      } else {
        LOG.debug("admin request body failed", failure);
        finish(AdminResponse.json(400, BAD_BODY));
      }
    }

    private void dispatch() {
      cancelDeadline();
      if (finished.getAndSet(true)) {
        return;
      }
      byte[] complete = body == null ? NO_BODY : size == body.length ? body : Arrays.copyOf(body, size);
      String method = request.getMethod();
      String path = request.getHttpURI().getPath();
      String query = request.getHttpURI().getQuery();
      String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
      Runnable work = () -> send(response, callback, api.handle(method, path, query, contentType, token, complete));
      // queued requests go first: a new one runs here only when no worker waits for a slot
      if (!slots.hasQueuedThreads() && slots.tryAcquire()) {
        runInSlot(work);
        return;
      }
      try {
        workers.execute(() -> {
          slots.acquireUninterruptibly();
          runInSlot(work);
        });
      } catch (RejectedExecutionException e) {
        send(response, callback, busy());
      }
    }

    private void runInSlot(Runnable work) {
      try {
        work.run();
      } finally {
        slots.release();
      }
    }

    private void cancelDeadline() {
      if (deadline != null) {
        deadline.cancel();
      }
    }

    private void finish(AdminResponse refusal) {
      cancelDeadline();
      if (!finished.getAndSet(true)) {
        // the rest of the body is never read: Jetty closes the connection after this response
        send(response, callback, refusal);
      }
    }
  }

  /**
   * Beyond this many times the limit, a declared body is refused at once, unread; below it the rest is read and
   * dropped first, so that the client, still sending, does not get a reset instead of the 413.
   */
  private static final long DRAIN_FACTOR = 16;

  private static AdminResponse tooLarge() {
    return new AdminResponse(413, TOO_LARGE.getBytes(StandardCharsets.UTF_8), Map.of("Connection", "close"));
  }

  private static AdminResponse busy() {
    return new AdminResponse(503, BUSY.getBytes(StandardCharsets.UTF_8),
        Map.of("Retry-After", "1"));
  }

  /** The JSON Content-Type, its bytes encoded once. */
  static final HttpField JSON_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, AdminResponse.JSON);

  /** Writes a response without blocking: a client that does not read holds its buffer, never a thread. */
  private static void send(Response response, Callback callback, AdminResponse r) {
    response.setStatus(r.status());
    HttpFields.Mutable headers = response.getHeaders();
    if (r.status() != 204) {
      headers.put(JSON_TYPE);
    }
    if (!r.headers().isEmpty()) {
      for (Map.Entry<String, String> header : r.headers().entrySet()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    response.write(true, ByteBuffer.wrap(r.body()), callback);
  }
}
