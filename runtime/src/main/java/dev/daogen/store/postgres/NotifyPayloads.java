package dev.daogen.store.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The NOTIFY payloads of {@link NotifyTransport}: {@code "<node id> <key>\n<key>…"}, as many keys in one payload as
 * fit under PostgreSQL's limit, each with {@code \} and newline escaped ({@code \\}, {@code \n}). One notification
 * per batch rather than per key: PostgreSQL queues and delivers every notification to every listening node, and under
 * a stream of writes one per key cost each node a tenth of its write throughput.
 */
final class NotifyPayloads {
  /**
   * PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more, and NUL in any text; either made the whole batch
   * fail, so one odd key cost every other key in it its invalidation.
   */
  static final int MAX_PAYLOAD_BYTES = 7999;

  /** What precedes the keys: a node id (36 ASCII characters) and a space. */
  static final int HEADER_BYTES = 37;

  private NotifyPayloads() {}

  /** Whether the key fits a payload of its own, once escaped. */
  static boolean fits(String key) {
    // a char is at most 3 UTF-8 bytes, escaped or not: the count is needed only for long keys
    return HEADER_BYTES + 3L * key.length() <= MAX_PAYLOAD_BYTES
        || HEADER_BYTES + escapedBytes(key) <= MAX_PAYLOAD_BYTES;
  }

  /** The payloads carrying {@code keys} (each of which {@link #fits}) from {@code node}, in order. */
  static List<String> pack(String node, List<String> keys) {
    List<String> out = new ArrayList<>(1);
    StringBuilder payload = new StringBuilder(Math.min(MAX_PAYLOAD_BYTES, HEADER_BYTES + 48 * keys.size()));
    long bytes = 0;
    for (String key : keys) {
      long size = escapedBytes(key);
      if (bytes > 0 && bytes + 1 + size > MAX_PAYLOAD_BYTES) {
        out.add(payload.toString());
        bytes = 0;
      }
      if (bytes == 0) {
        payload.setLength(0);
        payload.append(node).append(' ');
        bytes = HEADER_BYTES;
      } else {
        payload.append('\n');
        bytes++;
      }
      escape(key, payload);
      bytes += size;
    }
    if (bytes > 0) {
      out.add(payload.toString());
    }
    return out;
  }

  /** Calls {@code onKey} for each key of a payload that another node than {@code self} sent. */
  static void unpack(String payload, String self, Consumer<String> onKey) {
    int space = payload.indexOf(' ');
    if (space < 0 || (space == self.length() && payload.startsWith(self))) {
      return;
    }
    StringBuilder key = new StringBuilder();
    for (int i = space + 1; i <= payload.length(); i++) {
      char c = i < payload.length() ? payload.charAt(i) : '\n';
      if (c == '\n') {
        onKey.accept(key.toString());
        key.setLength(0);
      } else if (c == '\\' && i + 1 < payload.length()) {
        i++;
        key.append(payload.charAt(i) == 'n' ? '\n' : payload.charAt(i));
      } else {
        key.append(c);
      }
    }
  }

  private static void escape(String key, StringBuilder out) {
    if (key.indexOf('\\') < 0 && key.indexOf('\n') < 0) {
      out.append(key);
      return;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else {
        out.append(c);
      }
    }
  }

  /** The UTF-8 length of the escaped key, without building either. */
  static long escapedBytes(String key) {
    long n = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '\\' || c == '\n') {
        n += 2;
      } else if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
