package dev.daogen.bench.canned;

/**
 * Generated once (a stub per method of {@link java.sql.ResultSetMetaData}): every method fails with the method's name,
 * so that a canned driver implements only what the contenders call.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedResultSetMetaData implements java.sql.ResultSetMetaData {
  @Override
  public String getCatalogName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getCatalogName");
  }

  @Override
  public String getColumnClassName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnClassName");
  }

  @Override
  public int getColumnCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnCount");
  }

  @Override
  public int getColumnDisplaySize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnDisplaySize");
  }

  @Override
  public String getColumnLabel(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnLabel");
  }

  @Override
  public String getColumnName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnName");
  }

  @Override
  public int getColumnType(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnType");
  }

  @Override
  public String getColumnTypeName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getColumnTypeName");
  }

  @Override
  public int getPrecision(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getPrecision");
  }

  @Override
  public int getScale(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getScale");
  }

  @Override
  public String getSchemaName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getSchemaName");
  }

  @Override
  public String getTableName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.getTableName");
  }

  @Override
  public boolean isAutoIncrement(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isAutoIncrement");
  }

  @Override
  public boolean isCaseSensitive(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isCaseSensitive");
  }

  @Override
  public boolean isCurrency(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isCurrency");
  }

  @Override
  public boolean isDefinitelyWritable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isDefinitelyWritable");
  }

  @Override
  public int isNullable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isNullable");
  }

  @Override
  public boolean isReadOnly(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isReadOnly");
  }

  @Override
  public boolean isSearchable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isSearchable");
  }

  @Override
  public boolean isSigned(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isSigned");
  }

  @Override
  public boolean isWrapperFor(Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isWrapperFor");
  }

  @Override
  public boolean isWritable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.isWritable");
  }

  @Override
  public <T> T unwrap(Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSetMetaData.unwrap");
  }
}
