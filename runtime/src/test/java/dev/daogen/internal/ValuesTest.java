package dev.daogen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValuesTest {
  private enum Color { RED, GREEN }

  @Test
  void parsesCanonicalUuids() {
    assertEquals(UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab"),
        Values.parseUuid("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab"));
    assertEquals(UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab"),
        Values.parseUuid("6F1C2D3E-4A5B-4C6D-8E7F-0123456789AB"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "1-1-1-1-1", "6f1c2d3e4a5b4c6d8e7f0123456789ab", "6f1c2d3e-4a5b-4c6d-8e7f-0123456789abc",
      "6f1c2d3e-4a5b-4c6d-8e7f-0123456789ag", "{6f1c2d3e-4a5b-4c6d-8e7f-0123456789a}",
      // 36 characters, but not the canonical 8-4-4-4-12 form
      "0-0-0-0-0000000000000000000000000000", "+6f1c2d3-4a5b-4c6d-8e7f-0123456789ab",
      "6f1c2d3e-+a5b-4c6d-8e7f-0123456789ab", "6f1c2d3e-4a5b-4c6d-8e7f--123456789ab",
      "6f1c2d3e04a5b-4c6d-8e7f-0123456789ab"})
  void refusesNonCanonicalUuids(String s) {
    assertThrows(IllegalArgumentException.class, () -> Values.parseUuid(s), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // digits of other scripts and letters beyond f, in every group
      "\uff16f1c2d3e-4a5b-4c6d-8e7f-0123456789a", "6f1c2d3e-4a5\u0663-4c6d-8e7f-0123456789ab",
      "6f1c2d3e-4a5b-4c6g-8e7f-0123456789ab", "6f1c2d3e-4a5b-4c6d-8e7G-0123456789ab",
      "6f1c2d3e-4a5b-4c6d-8e7f-0123456789a ", " 6f1c2d3e-4a5b-4c6d-8e7f-0123456789a"})
  void refusesUuidsWithCharactersOtherThanAsciiHexDigits(String s) {
    assertThrows(IllegalArgumentException.class, () -> Values.parseUuid(s), s);
  }

  @Test
  void parsesEveryHexDigitInEveryPosition() {
    for (UUID id : new UUID[] {new UUID(0, 0), new UUID(-1, -1),
        UUID.fromString("01234567-89ab-cdef-fedc-ba9876543210"), UUID.randomUUID(), UUID.randomUUID()}) {
      assertEquals(id, Values.parseUuid(id.toString()));
      assertEquals(id, Values.parseUuid(id.toString().toUpperCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void parsesBooleansExactly() {
    assertEquals(Boolean.TRUE, Values.parseBoolean("true"));
    assertEquals(Boolean.FALSE, Values.parseBoolean("false"));
    for (String bad : new String[] {"TRUE", "True", "1", "0", "yes", "", " true"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.parseBoolean(bad));
      assertEquals("expected a boolean", e.getMessage());
    }
  }

  @Test
  void parsesInstants() {
    assertEquals(Instant.ofEpochSecond(1_700_000_000), Values.parseInstant("2023-11-14T22:13:20Z"));
    assertEquals(Instant.ofEpochSecond(1_700_000_000, 500_000_000), Values.parseInstant("2023-11-14T22:13:20.5Z"));
    for (String bad : new String[] {"2023-11-14", "1700000000", "2023-11-14 22:13:20Z", "", "2023-13-01T00:00:00Z"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.parseInstant(bad));
      assertEquals("expected an ISO-8601 instant", e.getMessage(), bad);
    }
  }

  @Test
  void parsesDates() {
    assertEquals(LocalDate.of(2024, 2, 29), Values.parseDate("2024-02-29"));
    for (String bad : new String[] {"2023-02-29", "2024-2-29", "20240229", "2024-02-29T00:00:00Z", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Values.parseDate(bad));
      assertEquals("expected an ISO-8601 date", e.getMessage(), bad);
    }
  }

  @Test
  void parsesNumbersAndEnums() {
    assertEquals(-7, Values.parseInt("-7"));
    assertEquals(9_000_000_000L, Values.parseLong("9000000000"));
    assertEquals(1.5, Values.parseDouble("1.5"));
    assertEquals(new BigDecimal("1.50"), Values.parseDecimal("1.50"));
    assertEquals(Color.GREEN, Values.parseEnum(Color.class, "GREEN"));
    assertEquals("x y", Values.parseString("x y"));
    assertThrows(NumberFormatException.class, () -> Values.parseInt("9000000000"));
    assertThrows(NumberFormatException.class, () -> Values.parseLong("1.0"));
    assertThrows(NumberFormatException.class, () -> Values.parseDecimal("abc"));
    assertThrows(IllegalArgumentException.class, () -> Values.parseEnum(Color.class, "green"));
  }

  @Test
  void textOfKeyValues() {
    assertEquals("", Values.text(null));
    assertEquals("RED", Values.text(Color.RED));
    assertEquals("12", Values.text(12));
    assertEquals("2023-11-14T22:13:20Z", Values.text(Instant.ofEpochSecond(1_700_000_000)));
  }

  @Test
  void describesKeysAsKong() {
    UUID id = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");
    assertEquals("{id=\"6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab\"}",
        Values.describeKey(new String[] {"id"}, new Object[] {id}));
    assertEquals("{a=\"x\",b=1,c=2.5,d=true,e=null,f=\"RED\"}",
        Values.describeKey(new String[] {"a", "b", "c", "d", "e", "f"},
            new Object[] {"x", 1, 2.5, true, null, Color.RED}));
    assertEquals("{name=\"" + "n".repeat(61) + "...\"}",
        Values.describeKey(new String[] {"name"}, new Object[] {"n".repeat(65)}));
    assertEquals("{}", Values.describeKey(new String[0], new Object[0]));
  }
}
