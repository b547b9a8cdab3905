package dev.daogen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AutosTest {
  @Test
  void uuidsAreRandomVersion4() {
    UUID a = Autos.uuid();
    assertEquals(4, a.version());
    assertEquals(2, a.variant());
    assertNotEquals(a, Autos.uuid());
  }

  @Test
  void randomStringsAre32Alphanumerics() {
    Set<String> seen = new HashSet<>();
    Set<Character> chars = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String s = Autos.randomString();
      assertEquals(32, s.length());
      assertTrue(s.matches("[A-Za-z0-9]{32}"), s);
      seen.add(s);
      s.chars().forEach(c -> chars.add((char) c));
    }
    assertEquals(200, seen.size());
    // 6,400 draws from 62 characters reach every one of them
    assertEquals(62, chars.size());
  }

  @Test
  void nowIsTruncatedToTheSecond() {
    Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant now = Autos.now();
    Instant end = Instant.now();
    assertEquals(0, now.getNano());
    assertTrue(!now.isBefore(start) && !now.isAfter(end), now + " not in [" + start + ", " + end + "]");
  }
}
