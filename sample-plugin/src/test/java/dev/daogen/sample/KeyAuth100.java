package dev.daogen.sample;

import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import dev.daogen.migrate.Migrations;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The sample plugin as released at 1.0.0, for upgrade tests: a database left by 1.0.0, and rows written the way 1.0.0
 * wrote them.
 *
 * <p>1.0.0 shipped one migration, its base migration; {@code src/test/resources/released/key-auth-1.0.0/} keeps that
 * file byte for byte as the 1.0.0 jar published it. {@link #bootstrap} runs it with the runtime's own runner, so
 * {@code schema_meta} records exactly what 1.0.0's {@code migrations bootstrap} recorded (core and key-auth
 * {@code 000}, with their checksums). The rows are inserted with plain SQL into 1.0.0's columns.
 */
public final class KeyAuth100 implements PluginModule {
  /** The base migration as the 1.0.0 jar shipped it. */
  public static final String BASE = "released/key-auth-1.0.0/000_base_key-auth.sql";
  /** The 1.0.0 snapshot, committed in the plugin's schema directory (relative to the module's directory). */
  public static final Path SNAPSHOT = Path.of("src/main/schemas/key-auth/1.0.0.json");

  /** What {@link #insertRows} wrote: a consumer with one key and two scopes. */
  public record Rows(UUID consumer, UUID credential, String key, UUID readScope, UUID writeScope) {}

  private KeyAuth100() {}

  /** Brings an empty database to key-auth 1.0.0, as {@code migrations bootstrap} of the 1.0.0 jar did. */
  public static void bootstrap(DataSource ds) {
    new Migrations(ds, List.of(new KeyAuth100())).bootstrap();
  }

  /** The 1.0.0 snapshot. */
  public static Snapshot snapshot() {
    try {
      return Snapshot.parse(Files.readString(SNAPSHOT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts a consumer {@code username}, one API key {@code key} and its scopes {@code read} and {@code write}. */
  public static Rows insertRows(DataSource ds, String username, String key) {
    Rows rows = new Rows(UUID.randomUUID(), UUID.randomUUID(), key, UUID.randomUUID(), UUID.randomUUID());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    try (Connection c = ds.getConnection()) {
      update(c, "insert into consumers (id, created_at, updated_at, username) values (?, ?, ?, ?)",
          rows.consumer(), now, now, username);
      update(c, "insert into keyauth_credentials (id, created_at, consumer_id, key) values (?, ?, ?, ?)",
          rows.credential(), now, rows.consumer(), key);
      insertScope(c, rows.readScope(), rows.credential(), "read");
      insertScope(c, rows.writeScope(), rows.credential(), "write");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  /** A scope written by a node that still runs 1.0.0: it knows the column {@code scope}, not {@code name}. */
  public static void insertScope(Connection c, UUID id, UUID credential, String scope) throws SQLException {
    update(c, "insert into credential_scopes (id, credential_id, scope) values (?, ?, ?)", id, credential, scope);
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        st.setObject(i + 1, values[i] instanceof Instant t ? java.sql.Timestamp.from(t) : values[i]);
      }
      st.executeUpdate();
    }
  }

  // ---- the 1.0.0 plugin as the runner sees it: a name, a version and its migrations --------------------------------

  @Override
  public String name() {
    return "key-auth";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<EntitySchema<?>> entities() {
    return List.of();
  }

  @Override
  public Map<Class<?>, Function<Database, ?>> daos() {
    return Map.of();
  }

  @Override
  public List<String> migrations() {
    return List.of(BASE);
  }
}
