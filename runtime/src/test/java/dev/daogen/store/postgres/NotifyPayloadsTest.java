package dev.daogen.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A batch of keys travels in as few NOTIFY payloads as fit, and comes back exactly. */
class NotifyPayloadsTest {
  private static final String NODE = "6f1c1a0e-5d7b-4c55-9a51-2b7f5f0e6d01";
  private static final String OTHER = UUID.randomUUID().toString();

  private static List<String> received(List<String> payloads, String self) {
    List<String> keys = new ArrayList<>();
    payloads.forEach(p -> NotifyPayloads.unpack(p, self, keys::add));
    return keys;
  }

  @Test
  void aBatchOfOrdinaryKeysIsOnePayload() {
    List<String> keys = List.of("consumers:1", "consumers:2", "plugins:abc");
    List<String> payloads = NotifyPayloads.pack(NODE, keys);
    assertEquals(List.of(NODE + " consumers:1\nconsumers:2\nplugins:abc"), payloads);
    assertEquals(keys, received(payloads, OTHER));
  }

  @Test
  void keysWithNewlinesAndBackslashesComeBackExactly() {
    List<String> keys = List.of("a\nb", "c\\nd", "\\", "\n", "", "é€😀", "trailing\\");
    assertEquals(keys, received(NotifyPayloads.pack(NODE, keys), OTHER));
  }

  @Test
  void ownPayloadsAreSkipped() {
    assertEquals(List.of(), received(NotifyPayloads.pack(NODE, List.of("consumers:1")), NODE));
  }

  @Test
  void payloadsStayUnderPostgresLimitAndKeepTheOrder() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      keys.add("consumers:" + UUID.randomUUID() + (i % 7 == 0 ? "\\é\n" : ""));
    }
    keys.add("k".repeat(NotifyPayloads.MAX_PAYLOAD_BYTES - NotifyPayloads.HEADER_BYTES));
    List<String> payloads = NotifyPayloads.pack(NODE, keys);
    assertTrue(payloads.size() > 1);
    for (String p : payloads) {
      assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= NotifyPayloads.MAX_PAYLOAD_BYTES, p.length() + "");
    }
    assertEquals(keys, received(payloads, OTHER));
    // packed: at most one payload more than the bytes need
    long bytes = keys.stream().mapToLong(k -> NotifyPayloads.escapedBytes(k) + 1).sum();
    assertTrue(payloads.size() <= bytes / (NotifyPayloads.MAX_PAYLOAD_BYTES - NotifyPayloads.HEADER_BYTES) + 2,
        payloads.size() + " payloads");
  }

  @Test
  void escapedLengthIsTheUtf8LengthOfTheEscapedKey() {
    for (String key : List.of("", "abc", "a\\b\nc", "é", "€", "😀", "x😀\\\n")) {
      String escaped = key.replace("\\", "\\\\").replace("\n", "\\n");
      assertEquals(escaped.getBytes(StandardCharsets.UTF_8).length, NotifyPayloads.escapedBytes(key), key);
    }
    String longest = "\n".repeat((NotifyPayloads.MAX_PAYLOAD_BYTES - NotifyPayloads.HEADER_BYTES) / 2);
    assertTrue(NotifyPayloads.fits(longest));
    assertTrue(!NotifyPayloads.fits(longest + "\n"));
  }
}
