package dev.daogen.bench.canned;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Column labels and types of a canned result, as pgjdbc reports them for the {@code consumers} columns. */
final class CannedResultSetMetaData extends UnsupportedResultSetMetaData {
  private static final int[] TYPES = {Types.OTHER, Types.TIMESTAMP, Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR,
      Types.ARRAY};
  private static final String[] TYPE_NAMES = {"uuid", "timestamptz", "timestamptz", "text", "text", "_text"};
  private static final String[] CLASS_NAMES = {"java.util.UUID", "java.sql.Timestamp", "java.sql.Timestamp",
      "java.lang.String", "java.lang.String", "java.sql.Array"};

  private final Shape shape;

  CannedResultSetMetaData(Shape shape) {
    this.shape = shape;
  }

  private int column(int i) {
    return shape.resultColumns[i - 1];
  }

  @Override
  public int getColumnCount() {
    return shape == null ? 0 : shape.resultColumns.length;
  }

  @Override
  public String getColumnLabel(int i) {
    return shape.labels[i - 1];
  }

  @Override
  public String getColumnName(int i) {
    int c = column(i);
    return c < 0 ? shape.labels[i - 1] : CannedDb.COLUMN_NAMES[c];
  }

  @Override
  public int getColumnType(int i) {
    int c = column(i);
    return c < 0 ? Types.BIGINT : TYPES[c];
  }

  @Override
  public String getColumnTypeName(int i) {
    int c = column(i);
    return c < 0 ? "int8" : TYPE_NAMES[c];
  }

  @Override
  public String getColumnClassName(int i) {
    int c = column(i);
    return c < 0 ? "java.lang.Long" : CLASS_NAMES[c];
  }

  @Override
  public String getTableName(int i) {
    return column(i) < 0 ? "" : "consumers";
  }

  @Override
  public String getSchemaName(int i) {
    return "public";
  }

  @Override
  public String getCatalogName(int i) {
    return "";
  }

  @Override
  public int isNullable(int i) {
    return ResultSetMetaData.columnNullableUnknown;
  }

  @Override
  public boolean isAutoIncrement(int i) {
    return false;
  }

  @Override
  public boolean isCaseSensitive(int i) {
    return true;
  }

  @Override
  public boolean isSigned(int i) {
    return column(i) < 0;
  }

  @Override
  public int getPrecision(int i) {
    return 0;
  }

  @Override
  public int getScale(int i) {
    return 0;
  }

  @Override
  public int getColumnDisplaySize(int i) {
    return Integer.MAX_VALUE;
  }

  @Override
  public boolean isReadOnly(int i) {
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
}
