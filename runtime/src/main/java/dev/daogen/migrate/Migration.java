package dev.daogen.migrate;

import dev.daogen.schema.PluginResources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One migration file of a subsystem: {@code 001_100_to_110}, read from the class path.
 *
 * @param subsystem {@code core} or the plugin name
 * @param name the file name without its extension ({@code .sql}, {@code .cql}); what {@code schema_meta} records
 * @param resource the class path resource
 * @param up the non-destructive part, reentrant
 * @param teardown the destructive part, run by {@code finish} (blank when there is nothing to tear down)
 * @param checksum SHA-256 of the whole file, to refuse published files that changed after they ran
 */
public record Migration(String subsystem, String name, String resource, String up, String teardown, String checksum) {
  /**
   * Splits a file into its parts at {@link PluginResources#UP_MARKER} and {@link PluginResources#TEARDOWN_MARKER}. A
   * file without markers is all {@code up}.
   */
  public static Migration parse(String subsystem, String resource, String file) {
    String base = resource.substring(resource.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    String name = dot > 0 ? base.substring(0, dot) : base;
    int up = file.indexOf(PluginResources.UP_MARKER);
    int teardown = file.indexOf(PluginResources.TEARDOWN_MARKER);
    int upStart = up < 0 ? 0 : up + PluginResources.UP_MARKER.length();
    int upEnd = teardown < 0 ? file.length() : teardown;
    String teardownPart = teardown < 0 ? "" : file.substring(teardown + PluginResources.TEARDOWN_MARKER.length());
    return new Migration(subsystem, name, resource, file.substring(upStart, upEnd), teardownPart, sha256(file));
  }

  /** Whether the teardown part has any statement (a migration without one is never pending). */
  public boolean hasTeardown() {
    return !isBlank(teardown);
  }

  /** Whether the up part has any statement. */
  public boolean hasUp() {
    return !isBlank(up);
  }

  /** Blank or only {@code --} comments. */
  static boolean isBlank(String sql) {
    return sql.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("--"));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
