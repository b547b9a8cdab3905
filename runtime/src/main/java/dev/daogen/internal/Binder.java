package dev.daogen.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds parameters of a prepared statement from a given index on, and returns the next free index. */
@FunctionalInterface
public interface Binder {
  /** Binds nothing. */
  Binder NONE = (ps, index) -> index;

  int bind(PreparedStatement ps, int index) throws SQLException;
}
