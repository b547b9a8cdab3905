package dev.daogen.processor.cql;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.sql.SqlRenderer;

/**
 * The names that generated CQL shares with the Cassandra store ({@code dev.daogen.store.cassandra.Cql} and {@code
 * CassandraStatements}), spelled once here: the processor names the store's types but does not depend on it.
 */
public final class CqlNames {
  private CqlNames() {}

  // ---- the store's special parameters (Cql's constants) --------------------------------------------------------

  /** The row's time to live in seconds (0: never expires). */
  public static final String TTL = "$ttl";
  /** The version a write gives the row. */
  public static final String VERSION = "$version";
  /** The version the row must still have for a conditional write to apply. */
  public static final String OLD_VERSION = "$old_version";
  /** The name of a unique constraint. */
  public static final String UNIQUE_NAME = "$unique_name";
  /** A unique constraint's values in text form. */
  public static final String UNIQUE_VALUE = "$unique_value";
  /** The primary key, in text form, of the row that owns a unique claim. */
  public static final String OWNER = "$owner";
  /** The owner a claim must still have to be taken over. */
  public static final String OLD_OWNER = "$old_owner";

  // ---- hidden columns ------------------------------------------------------------------------------------------

  /** Every row's version: a random uuid that each write replaces, compared by conditional writes. */
  public static final String VERSION_COLUMN = "version";
  /** When the row of a ttl entity expires (null: never); Cassandra's own TTL removes the row then. */
  public static final String TTL_COLUMN = SqlRenderer.TTL_COLUMN;
  /** A composite cache key, stored (as in PostgreSQL). */
  public static final String CACHE_KEY_COLUMN = SqlRenderer.CACHE_KEY_COLUMN;

  // ---- claims of unique values ---------------------------------------------------------------------------------

  /** The claims table's columns: the constraint, the value (the partition key), and the row that holds it. */
  public static final String CLAIM_NAME = "name";
  public static final String CLAIM_VALUE = "value";
  public static final String CLAIM_OWNER = "owner";

  /** {@code <table>_unique}: the table of the claims of an entity's unique values. */
  public static String claimsTable(String table) {
    return table + "_unique";
  }

  /** Whether an entity has unique constraints (a unique field, or a stored composite cache key), hence claims. */
  public static boolean hasClaims(EntityModel e) {
    return e.hasCacheKeyColumn() || e.fields().stream().anyMatch(f -> f.unique() && !f.primaryKey());
  }

  /** A quoted identifier: {@code "custom_id"}. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A quoted column. */
  static String quote(FieldModel f) {
    return quote(f.column());
  }
}
