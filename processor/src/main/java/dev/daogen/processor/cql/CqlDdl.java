package dev.daogen.processor.cql;

import static dev.daogen.processor.cql.CqlNames.quote;

import dev.daogen.processor.model.Names;
import dev.daogen.schema.Snapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders CQL DDL from a {@link Snapshot}: per entity a table (its columns, the hidden {@code version}, the primary key
 * as the partition key), the claims table of its unique values, and a storage-attached index (SAI) on each column a
 * lookup or a page filters on. Every statement is reentrant ({@code IF [NOT] EXISTS}). Cassandra has no NOT NULL, no
 * foreign keys and no check constraints: the DAO and the engine enforce those.
 */
public final class CqlDdl {
  private final CqlSchema schema;

  public CqlDdl(CqlSchema schema) {
    this.schema = schema;
  }

  /** A storage-attached index on one column. */
  public record Index(String name, String column) {}

  /** The statements that create every table of the snapshot, parents first. */
  public List<String> createTables(Snapshot snapshot) {
    List<String> out = new ArrayList<>();
    for (Snapshot.Table t : snapshot.tables()) {
      out.addAll(createTable(t));
    }
    return out;
  }

  /** The statements that create one table, its claims table (when it has unique constraints) and its indexes. */
  public List<String> createTable(Snapshot.Table t) {
    List<String> columns = new ArrayList<>();
    for (Snapshot.Column c : t.columns()) {
      columns.add(quote(c.name()) + " " + schema.type(t, c));
    }
    columns.add(quote(CqlNames.VERSION_COLUMN) + " uuid");
    String key = t.primaryKey().columns().stream().map(CqlNames::quote).collect(Collectors.joining(", "));
    List<String> out = new ArrayList<>();
    out.add("CREATE TABLE IF NOT EXISTS " + quote(t.name()) + " (" + String.join(", ", columns) + ", PRIMARY KEY (("
        + key + ")))");
    if (hasClaims(t)) {
      out.add(createClaims(t.name()));
    }
    indexes(t).forEach(i -> out.add(createIndex(t.name(), i)));
    return out;
  }

  /** Whether the table has unique constraints, whose values the store claims in {@code <table>_unique}. */
  static boolean hasClaims(Snapshot.Table t) {
    return !t.uniques().isEmpty();
  }

  /** The claims table: which row ({@code owner}, its key in text form) holds a unique constraint's value. */
  static String createClaims(String table) {
    return "CREATE TABLE IF NOT EXISTS " + quote(CqlNames.claimsTable(table)) + " (" + quote(CqlNames.CLAIM_NAME)
        + " text, " + quote(CqlNames.CLAIM_VALUE) + " text, " + quote(CqlNames.CLAIM_OWNER) + " text, PRIMARY KEY (("
        + quote(CqlNames.CLAIM_NAME) + ", " + quote(CqlNames.CLAIM_VALUE) + ")))";
  }

  /**
   * The table's indexes: on each unique, foreign key, {@code @Indexed}, tags and stored cache key column (the
   * PostgreSQL indexes, but for the ttl's: Cassandra expires rows itself), and on the first column of a composite
   * primary key, which PostgreSQL's key index serves (an {@code @Indexed} first key column is in no snapshot). Never on
   * a primary key of one column: a query on it needs no index, and Cassandra refuses one.
   */
  static List<Index> indexes(Snapshot.Table t) {
    Set<String> columns = new LinkedHashSet<>();
    t.uniques().stream().filter(u -> u.columns().size() == 1).forEach(u -> columns.add(u.columns().get(0)));
    t.foreignKeys().forEach(f -> columns.add(f.column()));
    t.indexes().stream().map(Snapshot.Index::column).filter(c -> !c.equals(CqlNames.TTL_COLUMN))
        .forEach(columns::add);
    List<String> key = t.primaryKey().columns();
    if (key.size() == 1) {
      columns.remove(key.get(0));
    } else {
      columns.add(key.get(0));
    }
    return columns.stream().map(c -> new Index(indexName(t.name(), c), c)).toList();
  }

  static String indexName(String table, String column) {
    return Names.identifier(table + "_" + column + "_idx");
  }

  static String createIndex(String table, Index index) {
    return "CREATE INDEX IF NOT EXISTS " + quote(index.name()) + " ON " + quote(table) + " (" + quote(index.column())
        + ") USING 'sai'";
  }

  static String dropIndex(Index index) {
    return "DROP INDEX IF EXISTS " + quote(index.name());
  }

  String addColumn(Snapshot.Table t, Snapshot.Column c) {
    return "ALTER TABLE " + quote(t.name()) + " ADD IF NOT EXISTS " + quote(c.name()) + " " + schema.type(t, c);
  }

  static String dropColumn(String table, String column) {
    return "ALTER TABLE " + quote(table) + " DROP IF EXISTS " + quote(column);
  }

  static String dropTable(String table) {
    return "DROP TABLE IF EXISTS " + quote(table);
  }
}
