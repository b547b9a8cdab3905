package dev.daogen.internal;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page offsets: the primary key values of the last row of a page, as text, joined with NUL (which PostgreSQL
 * text cannot contain) and base64url-encoded.
 */
public final class Offsets {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Offsets() {}

  public static String encode(Object[] key) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < key.length; i++) {
      if (i > 0) {
        sb.append('\0');
      }
      sb.append(Values.text(key[i]));
    }
    return ENCODER.encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a token into {@code parts} texts, or throws Kong's invalid offset error. */
  public static String[] decode(String token, int parts) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      throw invalid(token, "bad base64 encoding");
    }
    String[] out = new String(bytes, StandardCharsets.UTF_8).split("\0", -1);
    if (out.length != parts) {
      throw invalid(token, "bad offset");
    }
    return out;
  }

  /** Kong's error for an offset that does not decode. */
  public static DaoException invalid(String token, String why) {
    return new DaoException(
        ErrorCode.INVALID_OFFSET, "'" + Checks.abbreviate(token) + "' is not a valid offset: " + why);
  }
}
