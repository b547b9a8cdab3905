package dev.daogen.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  static Snapshot snapshot(String version, boolean nullable, String renamedFrom) {
    return new Snapshot("key-auth", version, List.of(new Snapshot.Table("consumers",
        List.of(new Snapshot.Column("id", "id", "uuid", false, null, null),
            new Snapshot.Column("username", "username", "text", nullable, "'x'::text", renamedFrom)),
        new Snapshot.Unique("consumers_pkey", List.of("id")),
        List.of(new Snapshot.Unique("consumers_username_key", List.of("username"))),
        List.of(),
        List.of(new Snapshot.Index("consumers_tags_idx", "tags", "gin")),
        List.of(new Snapshot.Check("consumers_kind_check", "kind", List.of("A", "B"))))));
  }

  @Test
  void jsonRoundTripKeepsEverythingAndTheHash() {
    Snapshot s = snapshot("1.0.0", true, "name");
    Snapshot back = Snapshot.parse(s.toJson());
    assertEquals(s, back);
    assertEquals(s.hash(), back.hash());
    assertTrue(s.toJson().contains("\"hash\" : \"" + s.hash() + "\""));
    assertEquals(64, s.hash().length());
  }

  @Test
  void theCassandraTypeIsAHintThatRoundTrips() {
    Snapshot plain = snapshot("1.0.0", true, null);
    Snapshot.Table t = plain.tables().get(0);
    Snapshot withCql = new Snapshot("key-auth", "1.0.0", List.of(new Snapshot.Table(t.name(),
        t.columns().stream().map(c -> c.withCqlType(c.type().equals("uuid") ? "uuid" : "text")).toList(),
        t.primaryKey(), t.uniques(), t.foreignKeys(), t.indexes(), t.checks())));
    assertEquals(plain.hash(), withCql.hash());
    assertEquals(withCql, Snapshot.parse(withCql.toJson()));
    assertEquals("uuid", Snapshot.parse(withCql.toJson()).tables().get(0).column("id").cqlType());
    assertTrue(withCql.toJson().contains("\"cql_type\" : \"text\""));
    assertFalse(plain.toJson().contains("cql_type"));
  }

  @Test
  void theHashCoversTheCatalogOnly() {
    assertEquals(snapshot("1.0.0", true, null).hash(), snapshot("2.0.0", true, "name").hash());
    assertNotEquals(snapshot("1.0.0", true, null).hash(), snapshot("1.0.0", false, null).hash());
  }

  @Test
  void aSnapshotEditedByHandIsRefused() {
    String json = snapshot("1.0.0", true, null).toJson().replace("\"nullable\" : true", "\"nullable\" : false");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Snapshot.parse(json));
    assertTrue(e.getMessage().contains("edited by hand"), e.getMessage());
  }
}
