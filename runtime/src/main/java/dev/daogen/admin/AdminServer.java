package dev.daogen.admin;

import java.net.InetSocketAddress;

/** An HTTP transport for the admin API; {@link JettyAdminServer} is the default, others can be plugged in. */
public interface AdminServer extends AutoCloseable {
  /** Starts listening. */
  void start();

  /** The bound address (with the actual port when 0 was asked). */
  InetSocketAddress address();

  /** Stops listening and waits briefly for requests in flight. */
  @Override
  void close();
}
