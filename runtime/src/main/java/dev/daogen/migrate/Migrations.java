package dev.daogen.migrate;

import dev.daogen.db.PluginModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies the plugins' generated migrations. Each file has an {@code up} part and a {@code teardown} part, separated
 * by the marker lines {@code -- daogen:up} and {@code -- daogen:teardown}; {@code up} statements are reentrant.
 */
public final class Migrations {
  /** Marks the start of the non-destructive part of a migration file. */
  public static final String UP_MARKER = "-- daogen:up";
  /** Marks the start of the destructive part of a migration file. */
  public static final String TEARDOWN_MARKER = "-- daogen:teardown";

  private final DataSource dataSource;
  private final List<PluginModule> plugins;

  public Migrations(DataSource dataSource, List<PluginModule> plugins) {
    this.dataSource = dataSource;
    this.plugins = plugins;
  }

  /**
   * Runs the {@code up} part of every plugin's migrations, each plugin in one transaction. Safe to run again: the
   * statements are {@code IF NOT EXISTS}.
   */
  public void bootstrap() {
    for (PluginModule plugin : plugins) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
          for (String resource : plugin.migrations()) {
            st.execute(upPart(read(plugin, resource)));
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw new MigrationException("migrations of plugin '" + plugin.name() + "' failed: " + e.getMessage(), e);
      }
    }
  }

  /** The {@code up} part of a migration file. */
  public static String upPart(String file) {
    int up = file.indexOf(UP_MARKER);
    int teardown = file.indexOf(TEARDOWN_MARKER);
    int start = up < 0 ? 0 : up + UP_MARKER.length();
    int end = teardown < 0 ? file.length() : teardown;
    return file.substring(start, end);
  }

  private static String read(PluginModule plugin, String resource) {
    try (InputStream in = plugin.getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new MigrationException("migration " + resource + " of plugin '" + plugin.name() + "' is missing", null);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A migration could not be applied. */
  public static final class MigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
