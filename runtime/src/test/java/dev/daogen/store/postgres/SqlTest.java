package dev.daogen.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A statement's parameters are data: their count is checked against its placeholders when it is made. */
class SqlTest {
  @Test
  void placeholdersAreCountedOutsideQuotes() {
    assertEquals(2, Sql.placeholders("select \"a?\" from t where x = ? and y = '?' and z = ?"));
    assertEquals(0, Sql.placeholders("truncate table \"t\" cascade"));
  }

  @Test
  void aStatementWhoseParametersDoNotMatchItsPlaceholdersIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Sql.of("select * from t where a = ? and b = ?", "a"));
    assertTrue(e.getMessage().startsWith("2 placeholders but 1 parameters [a]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Sql.of("select * from t", Sql.LIMIT));
    assertEquals(2, Sql.of("select * from t where a = ? limit ?", "a", Sql.LIMIT).params().size());
  }

  @Test
  void aStatementIsNamedOnce() {
    PostgresStatements.Builder b = PostgresStatements.builder().statement("count", "select count(*) from t");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.statement("count", "select count(*) from t"));
    assertEquals("statement count given twice", e.getMessage());
  }
}
