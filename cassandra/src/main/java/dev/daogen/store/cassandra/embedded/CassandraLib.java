package dev.daogen.store.cassandra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the directory holding {@code cassandra-all} and its dependencies: the class path of every node.
 *
 * <p>In this order: the node settings' own {@code libDirectory}; the system property {@value #PROPERTY}; the
 * environment variable {@value #ENVIRONMENT}; else {@code cassandra-server/target/lib} in the current directory or
 * any directory above it, then next to or above the jar (or classes directory) this class was loaded from. A
 * directory named explicitly (the first three) must be right: there is no falling back to the search.
 */
final class CassandraLib {
  /** The system property naming the directory. */
  static final String PROPERTY = "daogen.cassandra.lib";
  /** The environment variable naming the directory. */
  static final String ENVIRONMENT = "DAOGEN_CASSANDRA_LIB";
  /** Where the build of daogen's cassandra-server module puts it, relative to daogen's source tree. */
  static final Path IN_SOURCE_TREE = Path.of("cassandra-server", "target", "lib");
  /** The command that creates it, run in daogen's source tree. */
  static final String BUILD_COMMAND = "mvn -B -ntp -pl cassandra-server generate-resources";

  private CassandraLib() {
  }

  /**
   * The class path directory for a node.
   *
   * @param explicit the node settings' own directory, if any
   * @return an absolute directory holding a {@code cassandra-all-*.jar}
   * @throws IllegalStateException when there is none, naming the property and the command that creates it
   */
  static Path locate(Optional<Path> explicit) {
    return locate(explicit, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT), searchStarts());
  }

  /**
   * {@link #locate(Optional)} with its inputs given (for tests).
   *
   * @param explicit the node settings' own directory, if any
   * @param property the system property's value, or null
   * @param environment the environment variable's value, or null
   * @param searchStarts the directories to search {@code cassandra-server/target/lib} from, upwards
   * @return an absolute directory holding a {@code cassandra-all-*.jar}
   */
  static Path locate(Optional<Path> explicit, String property, String environment, List<Path> searchStarts) {
    if (explicit.isPresent()) {
      return checked(explicit.get(), "the node settings' libDirectory");
    }
    if (property != null && !property.isBlank()) {
      return checked(Path.of(property), "system property " + PROPERTY);
    }
    if (environment != null && !environment.isBlank()) {
      return checked(Path.of(environment), "environment variable " + ENVIRONMENT);
    }
    for (Path start : searchStarts) {
      for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve(IN_SOURCE_TREE);
        if (holdsCassandra(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("Cassandra's class path was not found: neither system property " + PROPERTY
        + " nor environment variable " + ENVIRONMENT + " is set, and there is no " + IN_SOURCE_TREE
        + " holding cassandra-all-*.jar in or above " + searchStarts + ". Create it in daogen's source tree with `"
        + BUILD_COMMAND + "` (any build of the cassandra module does it too), or set " + PROPERTY + " (or "
        + ENVIRONMENT + ") to a directory holding cassandra-all and its dependencies.");
  }

  private static Path checked(Path dir, String origin) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!holdsCassandra(absolute)) {
      throw new IllegalStateException("Cassandra's class path " + absolute + " (from " + origin
          + ") does not exist or holds no cassandra-all-*.jar. Create " + IN_SOURCE_TREE
          + " in daogen's source tree with `" + BUILD_COMMAND + "` (any build of the cassandra module does it too)"
          + " and point " + PROPERTY + " (or " + ENVIRONMENT + ") at it.");
    }
    return absolute;
  }

  private static boolean holdsCassandra(Path dir) {
    return find(dir, "cassandra-all-*.jar").isPresent();
  }

  /**
   * The first file in a directory whose name matches a glob.
   *
   * @param dir the directory (need not exist)
   * @param glob a file name glob, such as {@code jamm-*.jar}
   * @return the file, if any
   */
  static Optional<Path> find(Path dir, String glob) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
      Iterator<Path> iterator = files.iterator();
      return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** The current directory, then the directory of the jar or classes directory this class was loaded from. */
  private static List<Path> searchStarts() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    CodeSource source = CassandraLib.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        Path location = Path.of(source.getLocation().toURI());
        starts.add(Files.isDirectory(location) ? location : location.toAbsolutePath().getParent());
      } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
        // not a file (a nested jar, say): the current directory alone is searched
      }
    }
    return starts;
  }
}
