package dev.daogen.bench.canned;

/**
 * Generated once (a stub per method of {@link java.sql.ParameterMetaData}): every method fails with the method's name,
 * so that a canned driver implements only what the contenders call.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedParameterMetaData implements java.sql.ParameterMetaData {
  @Override
  public String getParameterClassName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getParameterClassName");
  }

  @Override
  public int getParameterCount() throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getParameterCount");
  }

  @Override
  public int getParameterMode(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getParameterMode");
  }

  @Override
  public int getParameterType(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getParameterType");
  }

  @Override
  public String getParameterTypeName(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getParameterTypeName");
  }

  @Override
  public int getPrecision(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getPrecision");
  }

  @Override
  public int getScale(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.getScale");
  }

  @Override
  public int isNullable(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.isNullable");
  }

  @Override
  public boolean isSigned(int a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.isSigned");
  }

  @Override
  public boolean isWrapperFor(Class<?> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.isWrapperFor");
  }

  @Override
  public <T> T unwrap(Class<T> a0) throws java.sql.SQLException {
    throw new java.sql.SQLFeatureNotSupportedException("ParameterMetaData.unwrap");
  }
}
