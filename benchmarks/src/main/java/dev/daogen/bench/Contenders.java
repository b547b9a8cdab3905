package dev.daogen.bench;

import javax.sql.DataSource;

/** The contenders by name, on a data source (a pool over PostgreSQL, or over the canned driver). */
final class Contenders {
  /** Every contender, the limit first. */
  static final String[] ALL = {"jdbc", "dao", "dao-single-node", "jooq", "spring", "micronaut"};

  private Contenders() {}

  static ConsumerOps open(String name, DataSource ds, boolean canned) {
    return switch (name) {
      case "dao" -> new DaoOps(ds, true, canned);
      case "dao-single-node" -> new DaoOps(ds, false, canned);
      case "jdbc" -> new JdbcOps(ds);
      case "jooq" -> new JooqOps(ds);
      case "spring" -> new SpringOps(ds);
      case "micronaut" -> new MicronautOps(ds);
      default -> throw new IllegalArgumentException(name);
    };
  }
}
