package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.cql.PagingState;
import dev.daogen.internal.Offsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Page offsets on Cassandra: the driver's paging state (which carries a hash of the statement and its values, so that
 * an offset of another query is refused), base64url-encoded as Kong's Cassandra strategy did; an any-of tag page's
 * offset carries the tag it is at in a first byte. A token that does not decode is Kong's invalid offset error ("bad
 * base64 encoding", "bad offset"), whatever the bytes.
 */
final class PageTokens {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private PageTokens() {}

  static String encode(PagingState state) {
    return ENCODER.encodeToString(state.toBytes());
  }

  /** The offset of an any-of tag page: at tag {@code tag}, after {@code state} (null: from that tag's first row). */
  static String encode(int tag, PagingState state) {
    byte[] bytes = state == null ? new byte[0] : state.toBytes();
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) tag;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return ENCODER.encodeToString(out);
  }

  static PagingState decode(String token) {
    return state(token, bytes(token), 0);
  }

  /** The tag an any-of offset is at (0 to {@code tags} - 1). */
  static int tag(String token, int tags) {
    byte[] bytes = bytes(token);
    if (bytes.length == 0 || bytes[0] < 0 || bytes[0] >= tags) {
      throw Offsets.invalid(token, "bad offset");
    }
    return bytes[0];
  }

  /** The paging state of an any-of offset, null at the start of its tag. */
  static PagingState tagState(String token) {
    byte[] bytes = bytes(token);
    return bytes.length <= 1 ? null : state(token, bytes, 1);
  }

  private static byte[] bytes(String token) {
    try {
      return DECODER.decode(token);
    } catch (IllegalArgumentException e) {
      throw Offsets.invalid(token, "bad base64 encoding");
    }
  }

  private static PagingState state(String token, byte[] bytes, int from) {
    try {
      return PagingState.fromBytes(Arrays.copyOfRange(bytes, from, bytes.length));
    } catch (RuntimeException e) {
      // the driver reads lengths from the bytes: short or forged ones fail with whatever exception it meets
      throw Offsets.invalid(token, "bad offset");
    }
  }
}
