package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers of the behaviour tests: the DAOs, error assertions and whole-database snapshots. */
final class Fixtures {
  static final List<String> TABLES =
      List.of("consumers", "keyauth_credentials", "credential_scopes", "upstreams", "targets", "routes",
          "group_memberships", "keyauth_failed_attempts");

  /** Words of SQL that must never show in an error message. */
  private static final Pattern SQL_TEXT = Pattern.compile(
      "\\bselect\\b|\\binsert into\\b|\\bupdate \"|\\bdelete from\\b|\\bfrom \"|\\bwhere\\b|\\bvalues \\(|"
          + "\\bon conflict\\b|\\btruncate\\b|\\bconstraint\\b|\\bviolates\\b|\\bERROR:|\\bDetail:|\\bPosition:",
      Pattern.CASE_INSENSITIVE);

  final Database db = TestDatabase.get();
  final ConsumerDao consumers = db.dao(ConsumerDao.class);
  final KeyAuthCredentialDao credentials = db.dao(KeyAuthCredentialDao.class);
  final UpstreamDao upstreams = db.dao(UpstreamDao.class);
  final TargetDao targets = db.dao(TargetDao.class);
  final RouteDao routes = db.dao(RouteDao.class);
  final GroupMembershipDao groups = db.dao(GroupMembershipDao.class);

  Fixtures() {
    TestDatabase.reset();
  }

  Consumer consumer(String username) {
    return consumers.insert(new ConsumerDraft().username(username));
  }

  Upstream upstream(String name) {
    return upstreams.insert(new UpstreamDraft().name(name));
  }

  /** Runs {@code action}, expects a DaoException with {@code code}, checks its message carries no SQL text. */
  static DaoException expect(ErrorCode code, Executable action) {
    DaoException e = assertThrows(DaoException.class, action);
    assertEquals(code, e.code(), () -> "code of: " + e.getMessage());
    assertNoSql(e);
    return e;
  }

  /** Like {@link #expect} and also that no row of any table changed. */
  static DaoException expectUnchanged(ErrorCode code, Executable action) {
    Map<String, String> before = snapshot();
    DaoException e = expect(code, action);
    assertEquals(before, snapshot(), "an error must not change data");
    return e;
  }

  static void assertNoSql(DaoException e) {
    String message = e.getMessage();
    assertFalse(SQL_TEXT.matcher(message).find(), () -> "SQL text in message: " + message);
    assertFalse(String.valueOf(e.fields()).toLowerCase(Locale.ROOT).contains("select "),
        () -> "SQL text in fields: " + e.fields());
  }

  /** Every row of every table (hidden columns included), as text, sorted: equal snapshots = unchanged data. */
  static Map<String, String> snapshot() {
    Map<String, String> out = new LinkedHashMap<>();
    if (TestDatabase.cassandra()) {
      TABLES.forEach(t -> out.put(t, TestCassandra.snapshot(t)));
      return out;
    }
    for (String table : TABLES) {
      out.put(table, text("select coalesce(string_agg(t::text, E'\\n' order by t::text), '') from " + table + " t"));
    }
    return out;
  }

  static long rows(String table) {
    if (TestDatabase.cassandra()) {
      return TestCassandra.count(table);
    }
    return TestDatabase.scalar("select count(*) from " + table);
  }

  /** The rows of a table whose column has {@code value}, counted in the store (bypassing the DAO). */
  static long rows(String table, String column, Object value) {
    if (TestDatabase.cassandra()) {
      return TestCassandra.count(table, column, value);
    }
    return TestDatabase.scalar("select count(*) from " + table + " where " + column + " = '" + value + "'");
  }

  /**
   * The ids of a table in the order the store's pages follow (README, "page order"): primary key order on PostgreSQL
   * (uuid order, which is not Java's UUID.compareTo order), the partition key's token order on Cassandra. Tests
   * compare pages with it: every row once, in the order of one full read.
   */
  static List<UUID> idsInStoreOrder(String table) {
    return idsInStoreOrder(table, null, null);
  }

  /** As {@link #idsInStoreOrder(String)}, of the rows whose column has {@code value}. */
  static List<UUID> idsInStoreOrder(String table, String column, Object value) {
    if (TestDatabase.cassandra()) {
      return TestCassandra.ids(table, column, value, false);
    }
    return idsInDbOrder(table, column == null ? null : column + " = '" + value + "'");
  }

  /** As {@link #idsInStoreOrder(String)}, of the rows tagged {@code tag}. */
  static List<UUID> idsWithTagInStoreOrder(String table, String tag) {
    if (TestDatabase.cassandra()) {
      return TestCassandra.ids(table, "tags", tag, true);
    }
    return idsInDbOrder(table, "tags && array['" + tag + "']");
  }

  private static List<UUID> idsInDbOrder(String table, String where) {
    String text = text("select coalesce(string_agg(id::text, ',' order by id), '') from " + table
        + (where == null ? "" : " where " + where));
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(UUID::fromString).toList();
  }

  /**
   * Moves the hidden expiry of the credential with {@code key} to now + {@code fromNow} (negative: into the past),
   * bypassing the DAO: what the passing of time does, without waiting on a busy machine. The row stays stored.
   */
  static void setExpiry(String key, Duration fromNow) {
    if (TestDatabase.cassandra()) {
      TestCassandra.setExpiry(key, Instant.now().plus(fromNow));
      return;
    }
    execute("update keyauth_credentials set ttl = now() + interval '" + fromNow.toMillis() + " milliseconds'"
        + " where key = '" + key + "'");
  }

  static String text(String sql) {
    try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void execute(String sql) {
    try (Connection c = TestDatabase.get().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
