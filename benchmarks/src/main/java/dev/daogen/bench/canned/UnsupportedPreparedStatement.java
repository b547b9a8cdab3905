package dev.daogen.bench.canned;

/**
 * Generated once (a stub per method of {@link java.sql.PreparedStatement}): every method fails with the method's name,
 * so that a canned driver implements only what the contenders call.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedPreparedStatement implements java.sql.PreparedStatement {
  @Override
  public void addBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.addBatch");
  }

  @Override
  public void addBatch(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.addBatch");
  }

  @Override
  public void cancel() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.cancel");
  }

  @Override
  public void clearBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.clearBatch");
  }

  @Override
  public void clearParameters() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.clearParameters");
  }

  @Override
  public void clearWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.clearWarnings");
  }

  @Override
  public void close() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.close");
  }

  @Override
  public void closeOnCompletion() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.closeOnCompletion");
  }

  @Override
  public boolean execute() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.execute");
  }

  @Override
  public boolean execute(String a0, int[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.execute");
  }

  @Override
  public boolean execute(String a0, String[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.execute");
  }

  @Override
  public boolean execute(String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.execute");
  }

  @Override
  public boolean execute(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.execute");
  }

  @Override
  public int[] executeBatch() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeBatch");
  }

  @Override
  public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeQuery");
  }

  @Override
  public java.sql.ResultSet executeQuery(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeQuery");
  }

  @Override
  public int executeUpdate() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeUpdate");
  }

  @Override
  public int executeUpdate(String a0, int[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeUpdate");
  }

  @Override
  public int executeUpdate(String a0, String[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeUpdate");
  }

  @Override
  public int executeUpdate(String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeUpdate");
  }

  @Override
  public int executeUpdate(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.executeUpdate");
  }

  @Override
  public java.sql.Connection getConnection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getConnection");
  }

  @Override
  public int getFetchDirection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getFetchDirection");
  }

  @Override
  public int getFetchSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getFetchSize");
  }

  @Override
  public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getGeneratedKeys");
  }

  @Override
  public int getMaxFieldSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getMaxFieldSize");
  }

  @Override
  public int getMaxRows() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getMaxRows");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getMetaData");
  }

  @Override
  public boolean getMoreResults() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getMoreResults");
  }

  @Override
  public boolean getMoreResults(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getMoreResults");
  }

  @Override
  public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getParameterMetaData");
  }

  @Override
  public int getQueryTimeout() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getQueryTimeout");
  }

  @Override
  public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getResultSet");
  }

  @Override
  public int getResultSetConcurrency() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getResultSetConcurrency");
  }

  @Override
  public int getResultSetHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getResultSetHoldability");
  }

  @Override
  public int getResultSetType() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getResultSetType");
  }

  @Override
  public int getUpdateCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getUpdateCount");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.getWarnings");
  }

  @Override
  public boolean isCloseOnCompletion() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.isCloseOnCompletion");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.isClosed");
  }

  @Override
  public boolean isPoolable() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.isPoolable");
  }

  @Override
  public boolean isWrapperFor(Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.isWrapperFor");
  }

  @Override
  public void setArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setArray");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream");
  }

  @Override
  public void setAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setAsciiStream");
  }

  @Override
  public void setBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBigDecimal");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream");
  }

  @Override
  public void setBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBinaryStream");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBlob");
  }

  @Override
  public void setBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBlob");
  }

  @Override
  public void setBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBlob");
  }

  @Override
  public void setBoolean(int a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBoolean");
  }

  @Override
  public void setByte(int a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setByte");
  }

  @Override
  public void setBytes(int a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setBytes");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream");
  }

  @Override
  public void setCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setCharacterStream");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setClob");
  }

  @Override
  public void setClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setClob");
  }

  @Override
  public void setClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setClob");
  }

  @Override
  public void setCursorName(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setCursorName");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1, java.util.Calendar a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setDate");
  }

  @Override
  public void setDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setDate");
  }

  @Override
  public void setDouble(int a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setDouble");
  }

  @Override
  public void setEscapeProcessing(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setEscapeProcessing");
  }

  @Override
  public void setFetchDirection(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setFetchDirection");
  }

  @Override
  public void setFetchSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setFetchSize");
  }

  @Override
  public void setFloat(int a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setFloat");
  }

  @Override
  public void setInt(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setInt");
  }

  @Override
  public void setLong(int a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setLong");
  }

  @Override
  public void setMaxFieldSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setMaxFieldSize");
  }

  @Override
  public void setMaxRows(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setMaxRows");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNCharacterStream");
  }

  @Override
  public void setNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNCharacterStream");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNClob");
  }

  @Override
  public void setNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNClob");
  }

  @Override
  public void setNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNClob");
  }

  @Override
  public void setNString(int a0, String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNString");
  }

  @Override
  public void setNull(int a0, int a1, String a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNull");
  }

  @Override
  public void setNull(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setNull");
  }

  @Override
  public void setObject(int a0, Object a1, int a2, int a3) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setObject");
  }

  @Override
  public void setObject(int a0, Object a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setObject");
  }

  @Override
  public void setObject(int a0, Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setObject");
  }

  @Override
  public void setPoolable(boolean a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setPoolable");
  }

  @Override
  public void setQueryTimeout(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setQueryTimeout");
  }

  @Override
  public void setRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setRef");
  }

  @Override
  public void setRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setRowId");
  }

  @Override
  public void setSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setSQLXML");
  }

  @Override
  public void setShort(int a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setShort");
  }

  @Override
  public void setString(int a0, String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setString");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1, java.util.Calendar a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setTime");
  }

  @Override
  public void setTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setTime");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1, java.util.Calendar a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setTimestamp");
  }

  @Override
  public void setTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setTimestamp");
  }

  @Override
  public void setURL(int a0, java.net.URL a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setURL");
  }

  @Override
  public void setUnicodeStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.setUnicodeStream");
  }

  @Override
  public <T> T unwrap(Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("PreparedStatement.unwrap");
  }
}
