package dev.daogen.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keys PostgreSQL cannot carry in a NOTIFY become a wider invalidation, never a failed batch. */
class ClusterBusKeysTest {
  @Test
  void ordinaryKeysTravelAsTheyAre() {
    assertEquals("consumers:alice", ClusterBus.carried("consumers:alice"));
    assertEquals("*", ClusterBus.carried("*"));
    String longest = "k".repeat(ClusterBus.MAX_PAYLOAD_BYTES - 37);
    assertEquals(longest, ClusterBus.carried(longest));
    String multiByte = "é".repeat((ClusterBus.MAX_PAYLOAD_BYTES - 37) / 2);
    assertEquals(multiByte, ClusterBus.carried(multiByte));
  }

  @Test
  void keysTooLongForAPayloadWidenToTheirEntity() {
    assertEquals("consumers:*", ClusterBus.carried("consumers:" + "x".repeat(9000)));
    String oneByteOver = "k".repeat(ClusterBus.MAX_PAYLOAD_BYTES - 36);
    assertEquals("*", ClusterBus.carried(oneByteOver));
    String multiByteOver = "é".repeat((ClusterBus.MAX_PAYLOAD_BYTES - 37) / 2 + 1);
    assertEquals(ClusterBus.MAX_PAYLOAD_BYTES - 37 + 2, multiByteOver.getBytes(StandardCharsets.UTF_8).length);
    assertEquals("*", ClusterBus.carried(multiByteOver));
  }

  @Test
  void keysWithNulWiden() {
    assertEquals("consumers:*", ClusterBus.carried("consumers:a\0b"));
    assertEquals("*", ClusterBus.carried("\0"));
    assertEquals("*", ClusterBus.carried("con\0sumers:a"));
  }
}
