package dev.daogen.sample;

import dev.daogen.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Public access to {@link TestDatabase} for tests in other packages, and snapshots of every table. */
public final class AdminTestSupport {
  private AdminTestSupport() {}

  public static Database database() {
    return TestDatabase.get();
  }

  public static void reset() {
    TestDatabase.reset();
  }

  /** Runs a SQL query that returns one number (PostgreSQL only). */
  public static long scalar(String sql) {
    return TestDatabase.scalar(sql);
  }

  /** The rows of a plugin table, counted in the store (bypassing the DAO). */
  public static long count(String table) {
    return Fixtures.rows(table);
  }

  /** The rows of a plugin table whose (indexed) column has {@code value}, counted in the store. */
  public static long count(String table, String column, Object value) {
    return Fixtures.rows(table, column, value);
  }

  /**
   * Every table (plugin tables and bookkeeping alike: PostgreSQL's public schema, Cassandra's keyspace with the unique
   * claims) → "rows:md5 of all rows in order", to show that a request changed nothing.
   */
  public static Map<String, String> snapshot() {
    Map<String, String> out = new TreeMap<>();
    if (TestDatabase.cassandra()) {
      database();
      out.putAll(TestCassandra.snapshotKeyspace());
    } else {
      sqlSnapshot(out);
    }
    if (!out.containsKey("consumers") || !out.containsKey("targets")) {
      throw new IllegalStateException("snapshot misses plugin tables: " + out.keySet());
    }
    return out;
  }

  private static void sqlSnapshot(Map<String, String> out) {
    try (Connection c = database().dataSource().getConnection(); Statement st = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select table_name from information_schema.tables"
          + " where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by"
            + " t::text), '')) from \"" + table + "\" t")) {
          rs.next();
          out.put(table, rs.getLong(1) + ":" + rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
