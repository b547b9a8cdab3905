package dev.daogen.store.postgres;

import dev.daogen.store.Filter;
import dev.daogen.store.ForeignKey;
import dev.daogen.store.Lookup;
import java.util.HashMap;
import java.util.Map;

/**
 * Every statement of one entity on PostgreSQL, rendered by jOOQ at build time and named by what it does. Built once
 * by the generated mapping; the store looks statements up when it opens the entity, never per call.
 */
public final class PostgresStatements {
  private final Map<String, Sql> statements;

  private PostgresStatements(Map<String, Sql> statements) {
    this.statements = Map.copyOf(statements);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The statement of this name, or null. */
  Sql get(String name) {
    return statements.get(name);
  }

  /** Every statement by name (for tests and tools). */
  public Map<String, Sql> all() {
    return statements;
  }

  static String findName(Lookup l) {
    return "find " + l.name();
  }

  static String findForUpdateName(Lookup l) {
    return "find for update " + l.name();
  }

  static String deleteName(Lookup l) {
    return "delete " + l.name();
  }

  static String pageName(Filter f) {
    return "page " + f.name();
  }

  static String pageAfterName(Filter f) {
    return "page after " + f.name();
  }

  static String lockChildrenName(String field) {
    return "lock children " + field;
  }

  /** Collects the statements; each method names one. */
  public static final class Builder {
    private final Map<String, Sql> out = new HashMap<>();

    private Builder() {}

    private Builder put(String name, String text, String... params) {
      if (out.put(name, Sql.of(text, params)) != null) {
        throw new IllegalArgumentException("statement " + name + " given twice");
      }
      return this;
    }

    /** {@code SELECT} of the visible row a lookup addresses. */
    public Builder find(Lookup l, String text, String... params) {
      return put(findName(l), text, params);
    }

    /** The same {@code … FOR UPDATE}. */
    public Builder findForUpdate(Lookup l, String text, String... params) {
      return put(findForUpdateName(l), text, params);
    }

    /** {@code DELETE … RETURNING} of the visible row a lookup addresses. */
    public Builder delete(Lookup l, String text, String... params) {
      return put(deleteName(l), text, params);
    }

    /** The first page of a filter (filter values, then the limit). */
    public Builder page(Filter f, String text, String... params) {
      return put(pageName(f), text, params);
    }

    /** A later page of a filter (filter values, the key it continues after, then the limit). */
    public Builder pageAfter(Filter f, String text, String... params) {
      return put(pageAfterName(f), text, params);
    }

    /** {@code SELECT … FOR UPDATE} of the rows of one parent, expired ones included (cascades). */
    public Builder lockChildren(ForeignKey<?> key, String text, String... params) {
      return put(lockChildrenName(key.field()), text, params);
    }

    /**
     * One of the entity-wide statements: {@code count}, {@code insert}, {@code insert if absent}, {@code update},
     * {@code update with expiry}, {@code conflicts}, {@code purge expired}, {@code delete expired}, {@code
     * expires at}, {@code expiries}, {@code find including expired}, {@code truncate}.
     */
    public Builder statement(String name, String text, String... params) {
      return put(name, text, params);
    }

    public PostgresStatements build() {
      return new PostgresStatements(out);
    }
  }
}
