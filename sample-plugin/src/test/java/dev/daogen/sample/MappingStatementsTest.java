package dev.daogen.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.schema.FieldSchema;
import dev.daogen.store.postgres.PostgresMapping;
import dev.daogen.store.postgres.Sql;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every generated mapping's statements: each placeholder has exactly one parameter, and every parameter names a
 * column of the entity (or one of the runtime's special values) — the binding order is checked, not assumed.
 */
class MappingStatementsTest {
  private static final Set<String> SPECIAL = Set.of(Sql.LIMIT, Sql.EXPIRES_AT, Sql.TAGS, Sql.KEYS);

  private static final List<PostgresMapping<?>> MAPPINGS = List.of(new ConsumerMapping(),
      new KeyAuthCredentialMapping(), new CredentialScopeMapping(), new GroupMembershipMapping(),
      new FailedKeyAttemptMapping(), new UpstreamMapping(), new RouteMapping(), new TargetMapping());

  @Test
  void placeholdersEqualBinds() {
    int statements = 0;
    for (PostgresMapping<?> m : MAPPINGS) {
      Set<String> columns = new HashSet<>();
      for (FieldSchema<?> f : m.schema().fields()) {
        columns.add(f.column());
      }
      columns.add("cache_key");
      for (Map.Entry<String, Sql> s : m.postgres().all().entrySet()) {
        String where = m.schema().name() + " / " + s.getKey();
        assertEquals(placeholders(s.getValue().text()), s.getValue().params().size(), where);
        for (String p : s.getValue().params()) {
          assertTrue(columns.contains(p) || SPECIAL.contains(p), where + ": unknown parameter " + p);
        }
        statements++;
      }
      assertFalse(m.postgres().all().isEmpty(), m.schema().name());
    }
    assertTrue(statements > 100, "statements checked: " + statements);
  }

  @Test
  void everyLookupHasItsStatements() {
    KeyAuthCredentialMapping m = new KeyAuthCredentialMapping();
    Set<String> names = m.postgres().all().keySet();
    for (String kind : List.of("find ", "find for update ", "delete ")) {
      assertTrue(names.contains(kind + "primary key"), kind);
      assertTrue(names.contains(kind + "key"), kind);
    }
    assertTrue(names.contains("lock children consumer"));
    assertEquals(List.of("id", "created_at", "consumer_id", "key", "tags", Sql.EXPIRES_AT),
        m.postgres().all().get("insert").params());
  }

  private static int placeholders(String sql) {
    int n = 0;
    char quote = 0;
    for (char c : sql.toCharArray()) {
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '?') {
        n++;
      }
    }
    return n;
  }
}
