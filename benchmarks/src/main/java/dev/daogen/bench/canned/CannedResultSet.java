package dev.daogen.bench.canned;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of the canned table, forward only. Values are kept decoded (UUID, OffsetDateTime, String, String[]); what
 * pgjdbc would convert on a read is converted on each read (a {@code Timestamp} from {@code getObject(i)} on a
 * {@code timestamptz}, the text of a uuid, a fresh {@code java.sql.Array} and element array).
 */
final class CannedResultSet extends UnsupportedResultSet {
  private final Statement statement;
  private final Shape shape;
  private final Object[][] rows;
  /** Row numbers, or null: rows {@code from .. from + count - 1}. */
  private final int[] list;
  private final int from;
  private final int count;
  private int position = -1;
  private boolean wasNull;
  private boolean closed;

  CannedResultSet(CannedStatement statement, Shape shape, int[] list, int from, int count) {
    this.statement = statement;
    this.shape = shape;
    this.rows = ((CannedConnection) statement.getConnection()).db.rows;
    this.list = list;
    this.from = from;
    this.count = count;
  }

  @Override
  public boolean next() {
    if (position < count) {
      position++;
    }
    return position < count;
  }

  private Object raw(int column) throws SQLException {
    if (position < 0 || position >= count) {
      throw new SQLException("canned driver: no current row");
    }
    if (column < 1 || column > shape.resultColumns.length) {
      throw new SQLException("canned driver: no column " + column);
    }
    int c = shape.resultColumns[column - 1];
    Object v = c < 0 ? (Object) (long) CannedDb.ROWS : rows[list == null ? from + position : list[position]][c];
    wasNull = v == null;
    return v;
  }

  @Override
  public boolean wasNull() {
    return wasNull;
  }

  @Override
  public int findColumn(String label) throws SQLException {
    String[] labels = shape.labels;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i].equalsIgnoreCase(label)) {
        return i + 1;
      }
    }
    throw new SQLException("canned driver: no column labelled " + label + " in " + shape.sql);
  }

  @Override
  public Object getObject(int i) throws SQLException {
    Object v = raw(i);
    if (v instanceof OffsetDateTime t) {
      return Timestamp.from(t.toInstant());
    }
    if (v instanceof String[] a) {
      return new CannedArray("text", a);
    }
    return v;
  }

  @Override
  public <T> T getObject(int i, Class<T> type) throws SQLException {
    Object v = raw(i);
    if (v == null) {
      return null;
    }
    if (type.isInstance(v)) {
      return type.cast(v);
    }
    if (v instanceof OffsetDateTime t) {
      if (type == Instant.class) {
        return type.cast(t.toInstant());
      }
      if (type == Timestamp.class) {
        return type.cast(Timestamp.from(t.toInstant()));
      }
      if (type == LocalDateTime.class) {
        return type.cast(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
      }
    }
    if (type == String.class) {
      return type.cast(getString(i));
    }
    if (v instanceof String[] a && (type == Array.class)) {
      return type.cast(new CannedArray("text", a));
    }
    if (v instanceof String[] a && type == String[].class) {
      return type.cast(a.clone());
    }
    if (v instanceof Long l && type == Integer.class) {
      return type.cast(l.intValue());
    }
    throw new SQLException("canned driver: cannot read " + v.getClass().getName() + " as " + type.getName());
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override
  public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
    return getObject(i);
  }

  @Override
  public String getString(int i) throws SQLException {
    Object v = raw(i);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    if (v instanceof String[] a) {
      return "{" + String.join(",", a) + "}";
    }
    return v.toString();
  }

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(int i) throws SQLException {
    Object v = raw(i);
    return v == null ? null : Timestamp.from(((OffsetDateTime) v).toInstant());
  }

  @Override
  public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
    return getTimestamp(i);
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public Array getArray(int i) throws SQLException {
    Object v = raw(i);
    return v == null ? null : new CannedArray("text", (String[]) v);
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public long getLong(int i) throws SQLException {
    Object v = raw(i);
    return v == null ? 0 : ((Number) v).longValue();
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public int getInt(int i) throws SQLException {
    return (int) getLong(i);
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public BigDecimal getBigDecimal(int i) throws SQLException {
    Object v = raw(i);
    return v == null ? null : BigDecimal.valueOf(((Number) v).longValue());
  }

  @Override
  public ResultSetMetaData getMetaData() {
    return new CannedResultSetMetaData(shape);
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public int getType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() {
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public int getFetchSize() {
    return 0;
  }

  @Override
  public void setFetchSize(int rows) {
    // all rows are here
  }

  @Override
  public int getFetchDirection() {
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public void setFetchDirection(int direction) {
    // forward only
  }

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {
    // none
  }

  @Override
  public boolean isBeforeFirst() {
    return position < 0 && count > 0;
  }

  @Override
  public boolean isAfterLast() {
    return position >= count && count > 0;
  }

  @Override
  public boolean isFirst() {
    return position == 0 && count > 0;
  }

  @Override
  public int getRow() {
    return position >= 0 && position < count ? position + 1 : 0;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}
