package dev.daogen.store.postgres;

import dev.daogen.store.StoreMapping;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL part of a generated mapping: statements, and typed JDBC code to read a row and bind a column. Columns
 * are numbered by record component; a hidden cache key column (composite cache keys) comes after them.
 *
 * @param <E> the entity record
 */
public interface PostgresMapping<E> extends StoreMapping<E> {
  /** The entity's statements. */
  PostgresStatements postgres();

  /** The entity in the current row (its columns in component order). */
  E read(ResultSet rs) throws SQLException;

  /** The values of a row's columns, in component order (then the hidden cache key, if any). */
  Object[] row(E entity);

  /** Binds the value of column {@code column} at {@code index}. */
  void bind(PreparedStatement ps, int index, int column, Object value) throws SQLException;
}
