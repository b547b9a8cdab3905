package dev.daogen.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The connection pool every contender shares the shape of (HikariCP, a few connections), and seed-data helpers. */
final class Pools {
  /** System property with the JDBC URL of the benchmark database, handed to JMH's forks by {@link RunAll}. */
  static final String URL_PROPERTY = "daogen.bench.jdbcUrl";

  private Pools() {}

  static HikariDataSource open(String url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("postgres");
    config.setPassword("postgres");
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setPoolName("bench");
    return new HikariDataSource(config);
  }

  /**
   * The same pool over the canned in-process driver (no network, no database): what the client-overhead benchmark
   * runs on, so that every contender pays the pool's cost as it would in production.
   */
  static HikariDataSource canned(DataSource db) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(db);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(4);
    config.setPoolName("canned");
    return new HikariDataSource(config);
  }

  static HikariDataSource fromProperty() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null) {
      throw new IllegalStateException("-D" + URL_PROPERTY + " is not set: run the benchmarks through RunAll");
    }
    return open(url, 4);
  }

  /** How the insert benchmarks' usernames begin: {@link #reset} deletes the rows they added by it. */
  static final String INSERTED = "ins-";

  /** Empties table {@code consumers} and seeds it with {@code rows} consumers named {@code user-1…}, vacuumed. */
  static void seed(DataSource ds, int rows) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("truncate table consumers cascade");
      st.execute("insert into consumers (id, created_at, updated_at, username, custom_id, tags)"
          + " select gen_random_uuid(), date_trunc('second', now()), date_trunc('second', now()), 'user-' || g,"
          + " 'cid-' || g, array['bench', 'seed'] from generate_series(1, " + rows + ") g");
      st.execute("vacuum analyze consumers");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Puts table {@code consumers} back to its seeded state for the next fork: deletes the rows the insert benchmarks
   * added ({@code username} starting with {@link #INSERTED}) and vacuums away the dead versions updates left, so that every fork and
   * every contender starts on the same table. Columns the updates changed ({@code custom_id}, {@code updated_at})
   * keep their last values: no benchmark looks rows up by them.
   */
  static void reset(DataSource ds) {
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("delete from consumers where username like '" + INSERTED + "%'");
      st.execute("vacuum analyze consumers");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 1,000 page starts spread over the seeded rows (but not in their last 100), as {@code ops}' cursors. */
  static Object[] cursors(ConsumerOps ops, List<Row> rows) {
    Object[] cursors = new Object[1000];
    for (int i = 0; i < cursors.length; i++) {
      cursors[i] = ops.cursorAfter(rows.get(i * ((rows.size() - 200) / cursors.length)).id());
    }
    return cursors;
  }

  /** A seeded consumer: key, unique username. */
  record Row(UUID id, String username) {}

  /** Every seeded consumer ({@code username like 'user-%'}) in primary key order. */
  static List<Row> seeded(HikariDataSource ds) {
    List<Row> out = new ArrayList<>(100_000);
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "select id, username from consumers where username like 'user-%' order by id")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Row(rs.getObject(1, UUID.class), rs.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
