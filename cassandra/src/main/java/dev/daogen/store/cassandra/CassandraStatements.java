package dev.daogen.store.cassandra;

import dev.daogen.store.Filter;
import dev.daogen.store.Lookup;
import java.util.HashMap;
import java.util.Map;

/**
 * Every CQL statement of one entity, rendered by the processor at build time and named by what it does. Built once by
 * the generated mapping; the store prepares them when it opens the entity, never per call.
 *
 * <p>Statements that read rows select the components in order, then the hidden {@code version}, then (ttl entities)
 * the hidden {@code ttl}: the row's expiry. The entity's table is {@code <name>}; the claims of its unique values, if it
 * has unique constraints, are in {@code <name>_unique} (partition key {@code (name, value)}, column {@code owner}).
 */
public final class CassandraStatements {
  /** {@code INSERT … IF NOT EXISTS USING TTL ?}: components, hidden columns, then the ttl. */
  public static final String INSERT = "insert";
  /** {@code UPDATE … USING TTL ? SET … WHERE <key> IF version = ?}. */
  public static final String UPDATE = "update";
  /** {@code DELETE FROM … WHERE <key> IF version = ?}. */
  public static final String DELETE = "delete";
  /** {@code SELECT COUNT(*) FROM …}. */
  public static final String COUNT = "count";
  /** {@code TRUNCATE …}. */
  public static final String TRUNCATE = "truncate";
  /** {@code TRUNCATE …_unique} (entities with unique constraints). */
  public static final String TRUNCATE_CLAIMS = "truncate claims";
  /** {@code INSERT INTO …_unique (name, value, owner) VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?}. */
  public static final String CLAIM = "claim";
  /** {@code UPDATE …_unique USING TTL ? SET owner = ? WHERE name = ? AND value = ? IF owner = ?}. */
  public static final String TAKE_OVER_CLAIM = "take over claim";
  /** {@code DELETE FROM …_unique WHERE name = ? AND value = ? IF owner = ?}. */
  public static final String RELEASE_CLAIM = "release claim";
  /** {@code SELECT … WHERE tags CONTAINS ?}: the rows with one tag (the store filters and merges the others). */
  public static final String PAGE_TAG = "page tag";

  private final Map<String, Cql> statements;

  private CassandraStatements(Map<String, Cql> statements) {
    this.statements = Map.copyOf(statements);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The statement of this name, or null. */
  Cql get(String name) {
    return statements.get(name);
  }

  /** Every statement by name (for tests and tools). */
  public Map<String, Cql> all() {
    return statements;
  }

  static String findName(Lookup l) {
    return "find " + l.name();
  }

  static String pageName(Filter f) {
    return "page " + f.name();
  }

  /** Collects the statements; each method names one. */
  public static final class Builder {
    private final Map<String, Cql> out = new HashMap<>();

    private Builder() {}

    /** {@code SELECT} of the row(s) a lookup addresses (by key, or through the unique field's index). */
    public Builder find(Lookup l, String text, String... params) {
      return statement(findName(l), text, params);
    }

    /**
     * {@code SELECT} of the rows of a filter, in the store's order (paged by the driver): every row, or those whose
     * field equals a value. Tag filters use {@link #PAGE_TAG}.
     */
    public Builder page(Filter f, String text, String... params) {
      return statement(pageName(f), text, params);
    }

    /** One of the entity-wide statements named by this class's constants. */
    public Builder statement(String name, String text, String... params) {
      if (out.put(name, Cql.of(text, params)) != null) {
        throw new IllegalArgumentException("statement " + name + " given twice");
      }
      return this;
    }

    public CassandraStatements build() {
      return new CassandraStatements(out);
    }
  }
}
