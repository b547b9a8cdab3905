package dev.daogen.admin;

import java.time.Duration;

/**
 * How the admin server listens, and the limits it holds every client to.
 *
 * @param host the address to bind; anything but loopback requires {@link #token}
 * @param port the port (0: any free port)
 * @param token the admin token clients must send, or null (loopback only)
 * @param maxBodyBytes the largest accepted request body: {@code maxBodyBytes} is accepted, one byte more is 413
 * @param threads the workers that run requests against the database; more waiting requests than
 *     {@code threads * 16} get 503
 * @param requestTimeout how long a request's body may take to arrive (408 after that)
 * @param maxConnections the most open connections; further clients wait in the accept queue
 * @param maxHeaderBytes the largest request line plus headers (414 for a longer URI, 431 for larger headers)
 * @param idleTimeout how long a connection may stay silent (no byte read or written) before it is closed
 * @param minDataRate the slowest accepted request body, in bytes per second (408 below it; 0: no minimum)
 * @param listBudgetBytes the most bytes of entities one list response carries: a page ends early there, with
 *     {@code next} where it stopped, so that concurrent pages of large rows cannot exhaust the heap
 */
public record AdminOptions(
    String host,
    int port,
    String token,
    int maxBodyBytes,
    int threads,
    Duration requestTimeout,
    int maxConnections,
    int maxHeaderBytes,
    Duration idleTimeout,
    long minDataRate,
    int listBudgetBytes) {

  public AdminOptions {
    if (maxBodyBytes < 0 || maxBodyBytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxBodyBytes must be between 0 and " + (Integer.MAX_VALUE - 1));
    }
    positive("threads", threads);
    positive("maxConnections", maxConnections);
    positive("maxHeaderBytes", maxHeaderBytes);
    positive("listBudgetBytes", listBudgetBytes);
    if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (minDataRate < 0) {
      throw new IllegalArgumentException("minDataRate must not be negative");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * Kong's address (127.0.0.1:8001) and body limit (1 MiB); 16 workers, 1,024 connections, 8 KiB of headers, 30 s
   * idle and request timeouts, bodies no slower than 1 KiB/s, list responses up to 8 MiB.
   */
  public static AdminOptions defaults() {
    return new AdminOptions("127.0.0.1", 8001, null, 1 << 20, 16, Duration.ofSeconds(30), 1024, 8 * 1024,
        Duration.ofSeconds(30), 1024, 8 << 20);
  }

  public AdminOptions withPort(int port) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withHost(String host) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withToken(String token) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withMaxBodyBytes(int maxBodyBytes) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withThreads(int threads) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withRequestTimeout(Duration requestTimeout) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withMaxConnections(int maxConnections) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withMaxHeaderBytes(int maxHeaderBytes) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withIdleTimeout(Duration idleTimeout) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withMinDataRate(long minDataRate) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }

  public AdminOptions withListBudgetBytes(int listBudgetBytes) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout, maxConnections,
        maxHeaderBytes, idleTimeout, minDataRate, listBudgetBytes);
  }
}
