package dev.daogen.processor.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every statement of one entity's DAO, rendered once by jOOQ at build time for PostgreSQL, with {@code ?}
 * placeholders in the order the generated binding code fills them.
 *
 * @param statements constant name → SQL, in a stable order
 */
public record EntitySql(Map<String, String> statements) {
  public EntitySql {
    statements = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statements));
  }

  /** The SQL of a constant; fails loudly if the generator asks for one that was not rendered. */
  public String get(String constant) {
    String sql = statements.get(constant);
    if (sql == null) {
      throw new IllegalArgumentException("no SQL rendered for " + constant);
    }
    return sql;
  }
}
