package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.store.StoreMapping;

/**
 * The Cassandra part of a generated mapping (processor option {@code -Adaogen.stores=…,cassandra}): CQL statements
 * rendered at build time, and typed code to read a row and to turn a component's value into what the driver binds.
 * Columns are numbered by record component, from 0, in every statement that reads or writes a whole row; hidden
 * columns ({@code cache_key}, {@code ttl}, {@code version}) come after them.
 *
 * @param <E> the entity record
 */
public interface CassandraMapping<E> extends StoreMapping<E> {
  /** The entity's CQL statements. */
  CassandraStatements cassandra();

  /** The entity in a row whose first columns are the components, in order. */
  E read(Row row);

  /** The values of a row's columns, in component order (then the hidden cache key, if any). */
  Object[] row(E entity);

  /**
   * The driver's value of component {@code column} (a hidden cache key: {@code column} = the component count): the
   * value itself for types CQL has (uuid, text, int, bigint, decimal, boolean, date, timestamp, list/set of text),
   * an enum's name, JSON text for records and maps; null stays null. The default, the value itself, serves an entity
   * whose every column is of a type CQL has (the processor then writes no method).
   */
  default Object cql(int column, Object value) {
    return value;
  }
}
