package dev.daogen.processor.model;

import java.util.Locale;

/** Name conversions shared by the analysis and the generators. */
public final class Names {
  private Names() {}

  /** {@code customId} / {@code KeyAuthCredential} → {@code custom_id} / {@code key_auth_credential}. */
  public static String snakeCase(String camel) {
    StringBuilder out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean prevLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
        boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
        if (i > 0 && (prevLower || nextLower) && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code key-auth} / {@code key_auth} → {@code KeyAuth}. */
  public static String upperCamel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == '-' || c == '_' || c == '.' || c == ' ') {
        upper = true;
      } else if (upper) {
        out.append(Character.toUpperCase(c));
        upper = false;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code key_auth} → {@code keyAuth}. */
  public static String lowerCamel(String name) {
    String upper = upperCamel(name);
    return upper.isEmpty() ? upper : upper.substring(0, 1).toLowerCase(Locale.ROOT) + upper.substring(1);
  }

  /**
   * A PostgreSQL identifier of at most 63 bytes: long names are cut and suffixed with a short hash so that two
   * long names stay distinct.
   */
  public static String identifier(String name) {
    if (name.length() <= 63) {
      return name;
    }
    String hash = Integer.toHexString(name.hashCode() & 0x7fffffff);
    return name.substring(0, 62 - hash.length()) + "_" + hash;
  }
}
