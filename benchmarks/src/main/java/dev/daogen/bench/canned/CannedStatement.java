package dev.daogen.bench.canned;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;

/** A prepared (or plain) statement on the canned table: records its parameters, answers from the canned rows. */
final class CannedStatement extends UnsupportedPreparedStatement {
  private static final int[] NONE = new int[0];

  private final CannedConnection connection;
  private Shape shape;
  private Object[] params;
  private ResultSet current;
  private int updateCount = -1;
  private boolean closed;
  private int fetchSize;
  private int maxRows;
  private int queryTimeout;

  CannedStatement(CannedConnection connection, Shape shape) {
    this.connection = connection;
    this.shape = shape;
    this.params = shape == null ? new Object[0] : new Object[shape.paramCount];
  }

  // ---- parameters --------------------------------------------------------------------------------------

  private void set(int index, Object value) throws SQLException {
    if (index < 1 || index > params.length) {
      throw new SQLException("canned driver: parameter " + index + " of " + params.length + " in " + shape.sql);
    }
    params[index - 1] = value;
  }

  @Override
  public void setObject(int i, Object x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType) throws SQLException {
    set(i, x);
  }

  @Override
  public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    set(i, x);
  }

  @Override
  public void setNull(int i, int sqlType) throws SQLException {
    set(i, null);
  }

  @Override
  public void setNull(int i, int sqlType, String typeName) throws SQLException {
    set(i, null);
  }

  @Override
  public void setString(int i, String x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setNString(int i, String x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setInt(int i, int x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setLong(int i, long x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setShort(int i, short x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setDouble(int i, double x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBoolean(int i, boolean x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBigDecimal(int i, BigDecimal x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setTimestamp(int i, Timestamp x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
    set(i, x);
  }

  @Override
  public void setArray(int i, Array x) throws SQLException {
    set(i, x);
  }

  @Override
  public void setBytes(int i, byte[] x) throws SQLException {
    set(i, x);
  }

  @Override
  public void clearParameters() {
    java.util.Arrays.fill(params, null);
  }

  @Override
  public ParameterMetaData getParameterMetaData() {
    return new Params(params.length);
  }

  // ---- execution ---------------------------------------------------------------------------------------

  private Shape shape() throws SQLException {
    if (shape == null) {
      throw new SQLException("canned driver: no statement");
    }
    return shape;
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    Shape s = shape();
    connection.db.executed(s, params);
    return query(s);
  }

  private ResultSet query(Shape s) throws SQLException {
    CannedDb db = connection.db;
    switch (s.kind) {
      case SELECT, SELECT_FOR_UPDATE -> {
        int row = db.find(s.predicateColumn[0], params[s.predicateParam[0]]);
        return current = new CannedResultSet(this, s, null, row, row < 0 ? 0 : 1);
      }
      case PAGE -> {
        int start = s.predicateColumn.length == 0 ? 0 : db.after(params[s.predicateParam[0]]);
        int limit = s.limitParam >= 0 ? ((Number) params[s.limitParam]).intValue() : s.limitLiteral;
        return current = new CannedResultSet(this, s, null, start, Math.max(0, Math.min(limit,
            CannedDb.ROWS - start)));
      }
      case SELECT_CONFLICTS -> {
        int[] found = new int[s.predicateColumn.length];
        int n = 0;
        for (int p = 0; p < found.length; p++) {
          Object value = params[s.predicateParam[p]];
          int row = value == null ? -1 : db.find(s.predicateColumn[p], value);
          boolean dup = false;
          for (int q = 0; q < n; q++) {
            dup |= found[q] == row;
          }
          if (row >= 0 && !dup) {
            found[n++] = row;
          }
        }
        return current = new CannedResultSet(this, s, found, 0, n);
      }
      case COUNT -> {
        return current = new CannedResultSet(this, s, null, -1, 1);
      }
      case NOTIFY, OTHER -> {
        return current = new CannedResultSet(this, s, NONE, 0, 0);
      }
      default -> throw new SQLException("canned driver: not a query: " + s.sql);
    }
  }

  @Override
  public int executeUpdate() throws SQLException {
    Shape s = shape();
    connection.db.executed(s, params);
    return update(s);
  }

  private int update(Shape s) throws SQLException {
    CannedDb db = connection.db;
    current = null;
    return updateCount = switch (s.kind) {
      case INSERT -> 1;
      case INSERT_IF_ABSENT -> db.find(CannedDb.ID, params[s.idParam]) >= 0 ? 0 : 1;
      case UPDATE -> db.find(CannedDb.ID, params[s.predicateParam[0]]) >= 0 ? 1 : 0;
      case OTHER, NOTIFY -> 0;
      default -> throw new SQLException("canned driver: not an update: " + s.sql);
    };
  }

  private static boolean isQuery(Shape s) {
    return switch (s.kind) {
      case SELECT, SELECT_FOR_UPDATE, SELECT_CONFLICTS, PAGE, COUNT, NOTIFY -> true;
      default -> false;
    };
  }

  @Override
  public boolean execute() throws SQLException {
    Shape s = shape();
    connection.db.executed(s, params);
    if (isQuery(s)) {
      query(s);
      updateCount = -1;
      return true;
    }
    update(s);
    return false;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    shape = connection.db.shape(sql);
    params = new Object[shape.paramCount];
    return execute();
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    shape = connection.db.shape(sql);
    params = new Object[shape.paramCount];
    return executeQuery();
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    shape = connection.db.shape(sql);
    params = new Object[shape.paramCount];
    return executeUpdate();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return new int[] {executeUpdate()};
  }

  @Override
  public void addBatch() {
    // one statement per batch in these benchmarks
  }

  @Override
  public ResultSet getResultSet() {
    return current;
  }

  @Override
  public int getUpdateCount() {
    return updateCount;
  }

  @Override
  public boolean getMoreResults() {
    current = null;
    updateCount = -1;
    return false;
  }

  @Override
  public boolean getMoreResults(int current) {
    return getMoreResults();
  }

  @Override
  public ResultSet getGeneratedKeys() {
    return new CannedResultSet(this, null, NONE, 0, 0);
  }

  // ---- the rest ----------------------------------------------------------------------------------------

  @Override
  public Connection getConnection() {
    return connection;
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
  public void closeOnCompletion() {
    // closed by the caller
  }

  @Override
  public void setFetchSize(int rows) {
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() {
    return fetchSize;
  }

  @Override
  public void setMaxRows(int max) {
    maxRows = max;
  }

  @Override
  public int getMaxRows() {
    return maxRows;
  }

  @Override
  public void setQueryTimeout(int seconds) {
    queryTimeout = seconds;
  }

  @Override
  public int getQueryTimeout() {
    return queryTimeout;
  }

  @Override
  public void setEscapeProcessing(boolean enable) {
    // nothing to escape
  }

  @Override
  public void setFetchDirection(int direction) {
    // forward only
  }

  @Override
  public int getFetchDirection() {
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public int getResultSetType() {
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetConcurrency() {
    return ResultSet.CONCUR_READ_ONLY;
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
  public void cancel() {
    // nothing runs
  }

  @Override
  public void setPoolable(boolean poolable) {
    // not pooled
  }

  @Override
  public boolean isPoolable() {
    return false;
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

  /** Parameter types as pgjdbc reports them for text-like parameters. */
  private static final class Params extends UnsupportedParameterMetaData {
    private final int count;

    Params(int count) {
      this.count = count;
    }

    @Override
    public int getParameterCount() {
      return count;
    }

    @Override
    public int getParameterType(int param) {
      return Types.VARCHAR;
    }

    @Override
    public String getParameterTypeName(int param) {
      return "text";
    }

    @Override
    public int isNullable(int param) {
      return parameterNullableUnknown;
    }
  }
}
