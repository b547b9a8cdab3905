package dev.daogen.admin;

/** A request the admin API refuses before it reaches a DAO; the message is safe to show the client. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  BadRequest(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
