package dev.daogen.processor.sql;

import java.util.List;

/**
 * Every statement of one entity on PostgreSQL, rendered once by jOOQ at build time, each with what its {@code ?}
 * placeholders take, in order (column names, or the runtime's special parameters {@code $limit}, {@code
 * $expires_at}, {@code $tags}, {@code $keys}).
 *
 * @param statements in a stable order
 */
public record EntitySql(List<Statement> statements) {
  public EntitySql {
    statements = List.copyOf(statements);
  }

  /** What a statement does, and so which method of the runtime's {@code PostgresStatements.Builder} takes it. */
  public enum Kind {
    FIND("find"),
    FIND_FOR_UPDATE("findForUpdate"),
    DELETE("delete"),
    PAGE("page"),
    PAGE_AFTER("pageAfter"),
    LOCK_CHILDREN("lockChildren"),
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
   * @param subject the constant of the lookup, filter or foreign key it serves, or the statement's name ({@link
   *     Kind#STATEMENT})
   * @param sql the SQL
   * @param params what each placeholder takes
   */
  public record Statement(Kind kind, String subject, String sql, List<String> params) {
    public Statement {
      params = List.copyOf(params);
      long placeholders = sql.chars().filter(c -> c == '?').count();
      if (placeholders != params.size()) {
        throw new IllegalStateException(placeholders + " placeholders, " + params + " in " + sql);
      }
    }
  }
}
