package dev.daogen.migrate;

import com.fasterxml.jackson.core.JsonToken;
import dev.daogen.internal.Json;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kong's bookkeeping table {@code schema_meta}: one row per subsystem with its executed and pending migrations and the
 * SHA-256 of every file that ran.
 */
final class SchemaMeta {
  private static final String META_KEY = "schema_meta";

  private SchemaMeta() {}

  /** Creates the table (bootstrap). */
  static void create(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("create table if not exists \"schema_meta\" (\"key\" text not null, \"subsystem\" text not null,"
          + " \"last_executed\" text, \"executed\" text[] not null default '{}',"
          + " \"pending\" text[] not null default '{}', \"checksums\" jsonb not null default '{}',"
          + " constraint \"schema_meta_pkey\" primary key (\"key\", \"subsystem\"))");
    }
  }

  /** Records that a migration's up part ran: executed, or pending when its teardown is still to run. */
  static void recordUp(Connection c, Migration m, boolean pending) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("insert into \"schema_meta\" (\"key\", \"subsystem\","
        + " \"last_executed\", \"executed\", \"pending\", \"checksums\")"
        + " values (?, ?, ?, ?, ?, jsonb_build_object(?, ?))"
        + " on conflict (\"key\", \"subsystem\") do update set \"last_executed\" = excluded.\"last_executed\","
        + " \"executed\" = \"schema_meta\".\"executed\" || excluded.\"executed\","
        + " \"pending\" = \"schema_meta\".\"pending\" || excluded.\"pending\","
        + " \"checksums\" = \"schema_meta\".\"checksums\" || excluded.\"checksums\"")) {
      String[] one = {m.name()};
      String[] none = {};
      st.setString(1, META_KEY);
      st.setString(2, m.subsystem());
      st.setString(3, m.name());
      st.setArray(4, c.createArrayOf("text", pending ? none : one));
      st.setArray(5, c.createArrayOf("text", pending ? one : none));
      st.setString(6, m.name());
      st.setString(7, m.checksum());
      st.executeUpdate();
    }
  }

  /** Records that a pending migration's teardown ran: it moves from pending to executed. */
  static void recordTeardown(Connection c, Migration m) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("update \"schema_meta\" set \"pending\" = array_remove("
        + "\"pending\", ?), \"executed\" = array_append(\"executed\", ?) where \"key\" = ? and \"subsystem\" = ?")) {
      st.setString(1, m.name());
      st.setString(2, m.name());
      st.setString(3, META_KEY);
      st.setString(4, m.subsystem());
      st.executeUpdate();
    }
  }

  /** What the table records, by subsystem; empty when it does not exist (the database was never bootstrapped). */
  static Map<String, MigrationStore.Recorded> recorded(Connection c) throws SQLException {
    Map<String, MigrationStore.Recorded> meta = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select to_regclass('schema_meta') is not null")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return meta;
      }
    }
    try (PreparedStatement st = c.prepareStatement("select \"subsystem\", \"last_executed\", \"executed\","
        + " \"pending\", \"checksums\"::text from \"schema_meta\" where \"key\" = ?")) {
      st.setString(1, META_KEY);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          meta.put(rs.getString(1), new MigrationStore.Recorded(strings(rs.getArray(3)), strings(rs.getArray(4)),
              rs.getString(2), checksums(rs.getString(5))));
        }
      }
    }
    return meta;
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.copyOf(Arrays.asList((String[]) array.getArray()));
  }

  private static Map<String, String> checksums(String json) {
    if (json == null) {
      return Map.of();
    }
    return Json.read(json, p -> {
      Map<String, String> out = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        out.put(name, p.getText());
      }
      return out;
    });
  }
}
