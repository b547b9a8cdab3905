package dev.daogen.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the current row of a result set, whose columns are in the entity's declaration order. */
@FunctionalInterface
public interface RowReader<E> {
  E read(ResultSet rs) throws SQLException;
}
