package dev.daogen.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OffsetsTest {
  private enum Color { RED }

  @Test
  void roundTripOfOneKey() {
    UUID id = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-0123456789ab");
    String token = Offsets.encode(new Object[] {id});
    assertEquals("NmYxYzJkM2UtNGE1Yi00YzZkLThlN2YtMDEyMzQ1Njc4OWFi", token);
    assertArrayEquals(new String[] {id.toString()}, Offsets.decode(token, 1));
  }

  @Test
  void roundTripOfCompositeKeysWithOddCharacters() {
    Object[] key = {"a b/c+d=e&f", 42, Color.RED, "é😀\n\t\"'", "", null, "~~~???>>>"};
    String token = Offsets.encode(key);
    // base64url without padding: safe in a query string as is
    assertEquals(true, token.matches("[A-Za-z0-9_-]+"), token);
    assertArrayEquals(new String[] {"a b/c+d=e&f", "42", "RED", "é😀\n\t\"'", "", "", "~~~???>>>"},
        Offsets.decode(token, 7));
  }

  @Test
  void partsAreJoinedWithNul() {
    String token = Offsets.encode(new Object[] {"a", "b"});
    assertEquals("a\0b", new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
  }

  @Test
  void badBase64IsAnInvalidOffset() {
    DaoException e = assertThrows(DaoException.class, () -> Offsets.decode("not base64!", 1));
    assertEquals(ErrorCode.INVALID_OFFSET, e.code());
    assertEquals("'not base64!' is not a valid offset: bad base64 encoding", e.getMessage());
    assertEquals(java.util.Map.of(), e.fields());
  }

  @Test
  void standardBase64AlphabetIsRefused() {
    // '+' and '/' belong to the standard alphabet, not to base64url
    DaoException e = assertThrows(DaoException.class, () -> Offsets.decode("ab+/", 1));
    assertEquals("'ab+/' is not a valid offset: bad base64 encoding", e.getMessage());
  }

  @Test
  void wrongNumberOfPartsIsAnInvalidOffset() {
    String two = Offsets.encode(new Object[] {"a", "b"});
    DaoException fewer = assertThrows(DaoException.class, () -> Offsets.decode(two, 3));
    assertEquals(ErrorCode.INVALID_OFFSET, fewer.code());
    assertEquals("'" + two + "' is not a valid offset: bad offset", fewer.getMessage());
    DaoException more = assertThrows(DaoException.class, () -> Offsets.decode(two, 1));
    assertEquals("'" + two + "' is not a valid offset: bad offset", more.getMessage());
  }

  @Test
  void longTokensAreAbbreviatedInTheMessage() {
    String token = "!".repeat(100);
    DaoException e = assertThrows(DaoException.class, () -> Offsets.decode(token, 1));
    assertEquals("'" + "!".repeat(61) + "...' is not a valid offset: bad base64 encoding", e.getMessage());
  }

  @Test
  void invalidBuildsKongsError() {
    DaoException e = Offsets.invalid("abc", "why");
    assertEquals(ErrorCode.INVALID_OFFSET, e.code());
    assertEquals("'abc' is not a valid offset: why", e.getMessage());
  }
}
