package dev.daogen.bench.canned;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An in-process stand-in for PostgreSQL and its JDBC driver, for measuring what a data-access library costs on the
 * client: a fixed {@code consumers} table of {@value #ROWS} rows (columns {@code id, created_at, updated_at,
 * username, custom_id, tags}) that answers the statements every contender sends — selects by {@code id},
 * {@code username} or {@code custom_id} (also {@code for update}), keyset pages ({@code id > ? order by id limit
 * n}), the conflict read ({@code id = ? or username = ? or custom_id = ?}), inserts (also {@code on conflict do
 * nothing}), updates by key, {@code pg_notify} — from canned, pre-built values. Writes change nothing (an insert
 * reports one row, an update one row if the key exists), so every call of a benchmark sees the same data.
 *
 * <p>Statements are classified once per distinct SQL text (a cache keyed by the text, as pgjdbc's statement cache
 * is) by a small parser that understands the SQL the contenders render (quoted or not, with table prefixes and
 * aliases). Every executed statement is counted by kind; with {@link #record(boolean)} on, each one is also logged
 * with its parameters (for checking what each contender sends). Unknown SQL fails loudly.
 */
public final class CannedDb implements DataSource {
  /** Rows of the canned table. */
  public static final int ROWS = 10_000;

  /** Column positions in a canned row. */
  static final int ID = 0;
  static final int CREATED_AT = 1;
  static final int UPDATED_AT = 2;
  static final int USERNAME = 3;
  static final int CUSTOM_ID = 4;
  static final int TAGS = 5;
  static final String[] COLUMN_NAMES = {"id", "created_at", "updated_at", "username", "custom_id", "tags"};

  final Object[][] rows = new Object[ROWS][];
  private final UUID[] ids = new UUID[ROWS];
  private final Map<UUID, Integer> byId = new HashMap<>();
  private final Map<String, Integer> byUsername = new HashMap<>();
  private final Map<String, Integer> byCustomId = new HashMap<>();
  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();
  private final Map<Shape.Kind, long[]> counts = Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile boolean recording;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  public CannedDb() {
    OffsetDateTime created = OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    for (int i = 0; i < ROWS; i++) {
      // ascending in PostgreSQL's (unsigned) and Java's (signed) order alike
      UUID id = new UUID(0x1000_0000_0000_4000L + ((long) i << 16), 0x8000_0000_0000_0000L | i);
      ids[i] = id;
      rows[i] = new Object[] {id, created, created.plusSeconds(i), "user-" + i, "cid-" + i,
          new String[] {"bench", "seed"}};
      byId.put(id, i);
      byUsername.put("user-" + i, i);
      byCustomId.put("cid-" + i, i);
    }
    for (Shape.Kind k : Shape.Kind.values()) {
      counts.put(k, new long[1]);
    }
  }

  /** The key of row {@code i} (ascending). */
  public UUID id(int i) {
    return ids[i];
  }

  /** The username of row {@code i}. */
  public String username(int i) {
    return (String) rows[i][USERNAME];
  }

  /** Logs every statement with its parameters from now on (or stops, and clears the log). */
  public void record(boolean on) {
    recording = on;
    if (!on) {
      log.clear();
    }
  }

  /** What was logged since {@code record(true)}. */
  public List<String> log() {
    synchronized (log) {
      return new ArrayList<>(log);
    }
  }

  /** Statements executed so far, by kind. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    synchronized (counts) {
      counts.forEach((k, v) -> {
        if (v[0] > 0) {
          out.put(k.name(), v[0]);
        }
      });
    }
    return out;
  }

  // ---- statement handling --------------------------------------------------------------------------------

  Shape shape(String sql) throws SQLException {
    Shape s = shapes.get(sql);
    if (s == null) {
      s = Shape.parse(sql);
      if (shapes.size() < 10_000) {
        shapes.put(sql, s);
      }
    }
    return s;
  }

  void executed(Shape shape, Object[] params) {
    counts.get(shape.kind)[0]++;
    if (recording) {
      StringBuilder sb = new StringBuilder(shape.kind.name()).append(": ").append(shape.sql);
      if (params.length > 0) {
        sb.append("  <- ");
        for (int i = 0; i < params.length; i++) {
          sb.append(i == 0 ? "" : ", ").append(params[i] instanceof Object[] a ? java.util.Arrays.toString(a)
              : params[i]);
        }
      }
      log.add(sb.toString());
    }
  }

  /** The row of a key value (by the column the shape looks up), or -1. */
  int find(int column, Object value) {
    Integer i = switch (column) {
      case ID -> byId.get(value instanceof UUID u ? u : UUID.fromString(String.valueOf(value)));
      case USERNAME -> byUsername.get(value);
      case CUSTOM_ID -> byCustomId.get(value);
      default -> null;
    };
    return i == null ? -1 : i;
  }

  /** The first row after a key ({@code id > key}). */
  int after(Object key) {
    UUID id = key instanceof UUID u ? u : UUID.fromString(String.valueOf(key));
    int lo = 0;
    int hi = ROWS;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ids[mid].compareTo(id) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- DataSource ----------------------------------------------------------------------------------------

  @Override
  public Connection getConnection() {
    return new CannedConnection(this);
  }

  @Override
  public Connection getConnection(String username, String password) {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    // no logging
  }

  @Override
  public void setLoginTimeout(int seconds) {
    // nothing to wait for
  }

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a " + iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
