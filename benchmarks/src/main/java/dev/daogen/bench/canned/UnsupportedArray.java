package dev.daogen.bench.canned;

/**
 * Generated once (a stub per method of {@link java.sql.Array}): every method fails with the method's name,
 * so that a canned driver implements only what the contenders call.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedArray implements java.sql.Array {
  @Override
  public void free() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.free");
  }

  @Override
  public Object getArray() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
  }

  @Override
  public Object getArray(java.util.Map<String, Class<?>> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
  }

  @Override
  public Object getArray(long a0, int a1, java.util.Map<String, Class<?>> a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
  }

  @Override
  public Object getArray(long a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getArray");
  }

  @Override
  public int getBaseType() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getBaseType");
  }

  @Override
  public String getBaseTypeName() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getBaseTypeName");
  }

  @Override
  public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
  }

  @Override
  public java.sql.ResultSet getResultSet(java.util.Map<String, Class<?>> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
  }

  @Override
  public java.sql.ResultSet getResultSet(long a0, int a1, java.util.Map<String, Class<?>> a2) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
  }

  @Override
  public java.sql.ResultSet getResultSet(long a0, int a1) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("Array.getResultSet");
  }
}
