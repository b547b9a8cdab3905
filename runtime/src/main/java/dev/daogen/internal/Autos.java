package dev.daogen.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Values of {@code @Auto} components. */
public final class Autos {
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Autos() {}

  /** A random (version 4) UUID. */
  public static UUID uuid() {
    return UUID.randomUUID();
  }

  /** 32 random alphanumeric characters from a secure source (suitable for credentials, as Kong's key-auth keys). */
  public static String randomString() {
    char[] out = new char[32];
    for (int i = 0; i < out.length; i++) {
      out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
    }
    return new String(out);
  }

  /** Now, to the second, as Kong's {@code created_at} and {@code updated_at}. */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
