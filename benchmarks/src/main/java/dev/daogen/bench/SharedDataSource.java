package dev.daogen.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The benchmark's pool handed to a framework's context without its {@code close()}: Spring closes every
 * {@code AutoCloseable} bean when its context closes, and the pool belongs to the caller (one call more per
 * {@code getConnection}, nothing else).
 */
final class SharedDataSource implements DataSource {
  private final DataSource ds;

  SharedDataSource(DataSource ds) {
    this.ds = ds;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return ds.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return ds.getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return ds.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    ds.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    ds.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return ds.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return ds.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return iface.isInstance(this) ? iface.cast(this) : ds.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || ds.isWrapperFor(iface);
  }
}
