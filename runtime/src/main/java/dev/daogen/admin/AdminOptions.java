package dev.daogen.admin;

import java.time.Duration;

/**
 * How the admin server listens.
 *
 * @param host the address to bind; anything but loopback requires {@link #token}
 * @param port the port (0: any free port)
 * @param token the admin token clients must send, or null (loopback only)
 * @param maxBodyBytes the largest accepted request body
 * @param threads the size of the bounded worker pool
 * @param requestTimeout how long a request may take to arrive and be handled
 */
public record AdminOptions(
    String host, int port, String token, int maxBodyBytes, int threads, Duration requestTimeout) {
  /** Kong's default: 127.0.0.1:8001, 1 MiB bodies. */
  public static AdminOptions defaults() {
    return new AdminOptions("127.0.0.1", 8001, null, 1 << 20, 16, Duration.ofSeconds(30));
  }

  public AdminOptions withPort(int port) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout);
  }

  public AdminOptions withHost(String host) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout);
  }

  public AdminOptions withToken(String token) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout);
  }

  public AdminOptions withMaxBodyBytes(int maxBodyBytes) {
    return new AdminOptions(host, port, token, maxBodyBytes, threads, requestTimeout);
  }
}
