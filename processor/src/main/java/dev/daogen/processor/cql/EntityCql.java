package dev.daogen.processor.cql;

import java.util.List;

/**
 * Every CQL statement of one entity, rendered once at build time, each with what its {@code ?} placeholders take, in
 * order: column names, or the store's special parameters ({@link CqlNames#TTL}, {@link CqlNames#VERSION} …).
 *
 * @param statements in a stable order
 */
public record EntityCql(List<Statement> statements) {
  public EntityCql {
    statements = List.copyOf(statements);
  }

  /** What a statement does, and so which method of the store's {@code CassandraStatements.Builder} takes it. */
  public enum Kind {
    /** Reads the row(s) of a lookup; the subject is the lookup's constant in the mapping. */
    FIND("find"),
    /** Reads the rows of a filter; the subject is the filter's expression, as in {@code SqlNames}. */
    PAGE("page"),
    /** An entity-wide statement; the subject is the name of its constant in {@code CassandraStatements}. */
    STATEMENT("statement");

    private final String builderMethod;

    Kind(String builderMethod) {
      this.builderMethod = builderMethod;
    }

    public String builderMethod() {
      return builderMethod;
    }
  }

  /**
   * One statement.
   *
   * @param kind what it does
   * @param subject the lookup or filter it serves, or its constant ({@link Kind#STATEMENT})
   * @param cql the CQL
   * @param params what each placeholder takes
   */
  public record Statement(Kind kind, String subject, String cql, List<String> params) {
    public Statement {
      params = List.copyOf(params);
      long placeholders = cql.chars().filter(c -> c == '?').count();
      if (placeholders != params.size()) {
        throw new IllegalStateException(placeholders + " placeholders, " + params + " in " + cql);
      }
    }
  }
}
