package dev.daogen.bench.canned;

/**
 * Generated once (a stub per method of {@link java.sql.ResultSet}): every method fails with the method's name,
 * so that a canned driver implements only what the contenders call.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedResultSet implements java.sql.ResultSet {
  @Override
  public boolean absolute(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.absolute");
  }

  @Override
  public void afterLast() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.afterLast");
  }

  @Override
  public void beforeFirst() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.beforeFirst");
  }

  @Override
  public void cancelRowUpdates() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.cancelRowUpdates");
  }

  @Override
  public void clearWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.clearWarnings");
  }

  @Override
  public void close() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.close");
  }

  @Override
  public void deleteRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.deleteRow");
  }

  @Override
  public int findColumn(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.findColumn");
  }

  @Override
  public boolean first() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.first");
  }

  @Override
  public java.sql.Array getArray(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getArray");
  }

  @Override
  public java.sql.Array getArray(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getArray");
  }

  @Override
  public java.io.InputStream getAsciiStream(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getAsciiStream");
  }

  @Override
  public java.io.InputStream getAsciiStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getAsciiStream");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBigDecimal");
  }

  @Override
  public java.math.BigDecimal getBigDecimal(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBigDecimal");
  }

  @Override
  public java.io.InputStream getBinaryStream(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBinaryStream");
  }

  @Override
  public java.io.InputStream getBinaryStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBinaryStream");
  }

  @Override
  public java.sql.Blob getBlob(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBlob");
  }

  @Override
  public java.sql.Blob getBlob(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBlob");
  }

  @Override
  public boolean getBoolean(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBoolean");
  }

  @Override
  public boolean getBoolean(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBoolean");
  }

  @Override
  public byte getByte(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getByte");
  }

  @Override
  public byte getByte(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getByte");
  }

  @Override
  public byte[] getBytes(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBytes");
  }

  @Override
  public byte[] getBytes(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getBytes");
  }

  @Override
  public java.io.Reader getCharacterStream(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getCharacterStream");
  }

  @Override
  public java.io.Reader getCharacterStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getCharacterStream");
  }

  @Override
  public java.sql.Clob getClob(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getClob");
  }

  @Override
  public java.sql.Clob getClob(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getClob");
  }

  @Override
  public int getConcurrency() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getConcurrency");
  }

  @Override
  public String getCursorName() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getCursorName");
  }

  @Override
  public java.sql.Date getDate(String a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getDate");
  }

  @Override
  public java.sql.Date getDate(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getDate");
  }

  @Override
  public java.sql.Date getDate(int a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getDate");
  }

  @Override
  public java.sql.Date getDate(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getDate");
  }

  @Override
  public double getDouble(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getDouble");
  }

  @Override
  public double getDouble(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getDouble");
  }

  @Override
  public int getFetchDirection() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getFetchDirection");
  }

  @Override
  public int getFetchSize() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getFetchSize");
  }

  @Override
  public float getFloat(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getFloat");
  }

  @Override
  public float getFloat(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getFloat");
  }

  @Override
  public int getHoldability() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getHoldability");
  }

  @Override
  public int getInt(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getInt");
  }

  @Override
  public int getInt(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getInt");
  }

  @Override
  public long getLong(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getLong");
  }

  @Override
  public long getLong(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getLong");
  }

  @Override
  public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getMetaData");
  }

  @Override
  public java.io.Reader getNCharacterStream(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getNCharacterStream");
  }

  @Override
  public java.io.Reader getNCharacterStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getNCharacterStream");
  }

  @Override
  public java.sql.NClob getNClob(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getNClob");
  }

  @Override
  public java.sql.NClob getNClob(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getNClob");
  }

  @Override
  public String getNString(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getNString");
  }

  @Override
  public String getNString(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getNString");
  }

  @Override
  public <T> T getObject(String a0, Class<T> a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getObject");
  }

  @Override
  public Object getObject(String a0, java.util.Map<String, Class<?>> a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getObject");
  }

  @Override
  public Object getObject(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getObject");
  }

  @Override
  public <T> T getObject(int a0, Class<T> a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getObject");
  }

  @Override
  public Object getObject(int a0, java.util.Map<String, Class<?>> a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getObject");
  }

  @Override
  public Object getObject(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getObject");
  }

  @Override
  public java.sql.Ref getRef(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getRef");
  }

  @Override
  public java.sql.Ref getRef(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getRef");
  }

  @Override
  public int getRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getRow");
  }

  @Override
  public java.sql.RowId getRowId(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getRowId");
  }

  @Override
  public java.sql.RowId getRowId(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getRowId");
  }

  @Override
  public java.sql.SQLXML getSQLXML(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getSQLXML");
  }

  @Override
  public java.sql.SQLXML getSQLXML(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getSQLXML");
  }

  @Override
  public short getShort(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getShort");
  }

  @Override
  public short getShort(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getShort");
  }

  @Override
  public java.sql.Statement getStatement() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getStatement");
  }

  @Override
  public String getString(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getString");
  }

  @Override
  public String getString(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getString");
  }

  @Override
  public java.sql.Time getTime(String a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTime");
  }

  @Override
  public java.sql.Time getTime(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTime");
  }

  @Override
  public java.sql.Time getTime(int a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTime");
  }

  @Override
  public java.sql.Time getTime(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTime");
  }

  @Override
  public java.sql.Timestamp getTimestamp(String a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(int a0, java.util.Calendar a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTimestamp");
  }

  @Override
  public java.sql.Timestamp getTimestamp(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getTimestamp");
  }

  @Override
  public int getType() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getType");
  }

  @Override
  public java.net.URL getURL(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getURL");
  }

  @Override
  public java.net.URL getURL(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getURL");
  }

  @Override
  public java.io.InputStream getUnicodeStream(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getUnicodeStream");
  }

  @Override
  public java.io.InputStream getUnicodeStream(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getUnicodeStream");
  }

  @Override
  public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.getWarnings");
  }

  @Override
  public void insertRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.insertRow");
  }

  @Override
  public boolean isAfterLast() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.isAfterLast");
  }

  @Override
  public boolean isBeforeFirst() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.isBeforeFirst");
  }

  @Override
  public boolean isClosed() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.isClosed");
  }

  @Override
  public boolean isFirst() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.isFirst");
  }

  @Override
  public boolean isLast() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.isLast");
  }

  @Override
  public boolean isWrapperFor(Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.isWrapperFor");
  }

  @Override
  public boolean last() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.last");
  }

  @Override
  public void moveToCurrentRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.moveToCurrentRow");
  }

  @Override
  public void moveToInsertRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.moveToInsertRow");
  }

  @Override
  public boolean next() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.next");
  }

  @Override
  public boolean previous() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.previous");
  }

  @Override
  public void refreshRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.refreshRow");
  }

  @Override
  public boolean relative(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.relative");
  }

  @Override
  public boolean rowDeleted() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.rowDeleted");
  }

  @Override
  public boolean rowInserted() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.rowInserted");
  }

  @Override
  public boolean rowUpdated() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.rowUpdated");
  }

  @Override
  public void setFetchDirection(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.setFetchDirection");
  }

  @Override
  public void setFetchSize(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.setFetchSize");
  }

  @Override
  public <T> T unwrap(Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.unwrap");
  }

  @Override
  public void updateArray(String a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateArray");
  }

  @Override
  public void updateArray(int a0, java.sql.Array a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateArray");
  }

  @Override
  public void updateAsciiStream(String a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateAsciiStream");
  }

  @Override
  public void updateBigDecimal(String a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBigDecimal");
  }

  @Override
  public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBigDecimal");
  }

  @Override
  public void updateBinaryStream(String a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBinaryStream");
  }

  @Override
  public void updateBlob(String a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBlob");
  }

  @Override
  public void updateBlob(String a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBlob");
  }

  @Override
  public void updateBlob(String a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBlob");
  }

  @Override
  public void updateBlob(int a0, java.io.InputStream a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBlob");
  }

  @Override
  public void updateBlob(int a0, java.io.InputStream a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBlob");
  }

  @Override
  public void updateBlob(int a0, java.sql.Blob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBlob");
  }

  @Override
  public void updateBoolean(String a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBoolean");
  }

  @Override
  public void updateBoolean(int a0, boolean a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBoolean");
  }

  @Override
  public void updateByte(String a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateByte");
  }

  @Override
  public void updateByte(int a0, byte a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateByte");
  }

  @Override
  public void updateBytes(String a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBytes");
  }

  @Override
  public void updateBytes(int a0, byte[] a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateBytes");
  }

  @Override
  public void updateCharacterStream(String a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateCharacterStream");
  }

  @Override
  public void updateClob(String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateClob");
  }

  @Override
  public void updateClob(String a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateClob");
  }

  @Override
  public void updateClob(String a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateClob");
  }

  @Override
  public void updateClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateClob");
  }

  @Override
  public void updateClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateClob");
  }

  @Override
  public void updateClob(int a0, java.sql.Clob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateClob");
  }

  @Override
  public void updateDate(String a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateDate");
  }

  @Override
  public void updateDate(int a0, java.sql.Date a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateDate");
  }

  @Override
  public void updateDouble(String a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateDouble");
  }

  @Override
  public void updateDouble(int a0, double a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateDouble");
  }

  @Override
  public void updateFloat(String a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateFloat");
  }

  @Override
  public void updateFloat(int a0, float a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateFloat");
  }

  @Override
  public void updateInt(String a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateInt");
  }

  @Override
  public void updateInt(int a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateInt");
  }

  @Override
  public void updateLong(String a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateLong");
  }

  @Override
  public void updateLong(int a0, long a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateLong");
  }

  @Override
  public void updateNCharacterStream(String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNCharacterStream");
  }

  @Override
  public void updateNClob(String a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNClob");
  }

  @Override
  public void updateNClob(String a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNClob");
  }

  @Override
  public void updateNClob(String a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNClob");
  }

  @Override
  public void updateNClob(int a0, java.io.Reader a1, long a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNClob");
  }

  @Override
  public void updateNClob(int a0, java.io.Reader a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNClob");
  }

  @Override
  public void updateNClob(int a0, java.sql.NClob a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNClob");
  }

  @Override
  public void updateNString(String a0, String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNString");
  }

  @Override
  public void updateNString(int a0, String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNString");
  }

  @Override
  public void updateNull(String a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNull");
  }

  @Override
  public void updateNull(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateNull");
  }

  @Override
  public void updateObject(String a0, Object a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateObject");
  }

  @Override
  public void updateObject(String a0, Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateObject");
  }

  @Override
  public void updateObject(int a0, Object a1, int a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateObject");
  }

  @Override
  public void updateObject(int a0, Object a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateObject");
  }

  @Override
  public void updateRef(String a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateRef");
  }

  @Override
  public void updateRef(int a0, java.sql.Ref a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateRef");
  }

  @Override
  public void updateRow() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateRow");
  }

  @Override
  public void updateRowId(String a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateRowId");
  }

  @Override
  public void updateRowId(int a0, java.sql.RowId a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateRowId");
  }

  @Override
  public void updateSQLXML(String a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateSQLXML");
  }

  @Override
  public void updateSQLXML(int a0, java.sql.SQLXML a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateSQLXML");
  }

  @Override
  public void updateShort(String a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateShort");
  }

  @Override
  public void updateShort(int a0, short a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateShort");
  }

  @Override
  public void updateString(String a0, String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateString");
  }

  @Override
  public void updateString(int a0, String a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateString");
  }

  @Override
  public void updateTime(String a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateTime");
  }

  @Override
  public void updateTime(int a0, java.sql.Time a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateTime");
  }

  @Override
  public void updateTimestamp(String a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateTimestamp");
  }

  @Override
  public void updateTimestamp(int a0, java.sql.Timestamp a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.updateTimestamp");
  }

  @Override
  public boolean wasNull() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ResultSet.wasNull");
  }
}
