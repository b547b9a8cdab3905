package dev.daogen.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keys PostgreSQL cannot carry in a NOTIFY become a wider invalidation, never a failed batch. */
class NotifyTransportKeysTest {
  @Test
  void ordinaryKeysTravelAsTheyAre() {
    assertEquals("consumers:alice", NotifyTransport.carriedKey("consumers:alice"));
    assertEquals("*", NotifyTransport.carriedKey("*"));
    String longest = "k".repeat(NotifyTransport.MAX_PAYLOAD_BYTES - 37);
    assertEquals(longest, NotifyTransport.carriedKey(longest));
    String multiByte = "é".repeat((NotifyTransport.MAX_PAYLOAD_BYTES - 37) / 2);
    assertEquals(multiByte, NotifyTransport.carriedKey(multiByte));
  }

  @Test
  void keysTooLongForAPayloadWidenToTheirEntity() {
    assertEquals("consumers:*", NotifyTransport.carriedKey("consumers:" + "x".repeat(9000)));
    String oneByteOver = "k".repeat(NotifyTransport.MAX_PAYLOAD_BYTES - 36);
    assertEquals("*", NotifyTransport.carriedKey(oneByteOver));
    String multiByteOver = "é".repeat((NotifyTransport.MAX_PAYLOAD_BYTES - 37) / 2 + 1);
    assertEquals(NotifyTransport.MAX_PAYLOAD_BYTES - 37 + 2, multiByteOver.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("*", NotifyTransport.carriedKey(multiByteOver));
  }

  @Test
  void keysWithNulWiden() {
    assertEquals("consumers:*", NotifyTransport.carriedKey("consumers:a\0b"));
    assertEquals("*", NotifyTransport.carriedKey("\0"));
    assertEquals("*", NotifyTransport.carriedKey("con\0sumers:a"));
  }
}
