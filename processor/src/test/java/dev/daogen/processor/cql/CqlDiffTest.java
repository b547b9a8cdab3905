package dev.daogen.processor.cql;

import static com.google.common.truth.Truth.assertThat;

import dev.daogen.schema.Snapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CqlDiff} and {@link CqlDdl} on snapshots made by hand: the changes the shop plugin's versions do not make. */
class CqlDiffTest {
  private static final CqlSchema NOTHING_DECLARED = new CqlSchema(Map.of());

  private static Snapshot.Column column(String name, String type) {
    return new Snapshot.Column(name, name, type, true, null, null);
  }

  private static Snapshot.Table table(String name, List<Snapshot.Column> columns, List<String> unique,
      List<Snapshot.Index> indexes) {
    return new Snapshot.Table(name, columns, new Snapshot.Unique(name + "_pkey", List.of(columns.get(0).name())),
        unique.stream().map(c -> new Snapshot.Unique(name + "_" + c + "_key", List.of(c))).toList(), List.of(),
        indexes, List.of());
  }

  private static Snapshot snapshot(String version, Snapshot.Table... tables) {
    return new Snapshot("p", version, List.of(tables));
  }

  @Test
  void aDroppedTableGoesWithItsClaims() {
    Snapshot.Table things = table("things", List.of(column("id", "uuid"), column("name", "text")), List.of("name"),
        List.of());
    Snapshot.Table kept = table("kept", List.of(column("id", "uuid")), List.of(), List.of());
    CqlDiff.Result diff = CqlDiff.diff(snapshot("1.0.0", kept, things), snapshot("1.1.0", kept), NOTHING_DECLARED);
    assertThat(diff.up()).isEmpty();
    assertThat(diff.teardown()).containsExactly("DROP TABLE IF EXISTS \"things_unique\"",
        "DROP TABLE IF EXISTS \"things\"").inOrder();
    assertThat(diff.notes()).isEmpty();
  }

  @Test
  void theFirstUniqueConstraintCreatesTheClaimsTableAndTheLastDropsIt() {
    Snapshot.Table plain = table("things", List.of(column("id", "uuid"), column("name", "text")), List.of(),
        List.of());
    Snapshot.Table unique = table("things", List.of(column("id", "uuid"), column("name", "text")), List.of("name"),
        List.of());
    CqlDiff.Result added = CqlDiff.diff(snapshot("1.0.0", plain), snapshot("1.1.0", unique), NOTHING_DECLARED);
    assertThat(added.up()).containsExactly("CREATE TABLE IF NOT EXISTS \"things_unique\" (\"name\" text, \"value\""
        + " text, \"owner\" text, PRIMARY KEY ((\"name\", \"value\")))",
        "CREATE INDEX IF NOT EXISTS \"things_name_idx\" ON \"things\" (\"name\") USING 'sai'").inOrder();
    assertThat(added.notes()).hasSize(1);
    assertThat(added.notes().get(0)).startsWith("\"things\".\"name\" is unique now");
    CqlDiff.Result dropped = CqlDiff.diff(snapshot("1.1.0", unique), snapshot("1.2.0", plain), NOTHING_DECLARED);
    assertThat(dropped.up()).isEmpty();
    assertThat(dropped.teardown()).containsExactly("DROP INDEX IF EXISTS \"things_name_idx\"",
        "DROP TABLE IF EXISTS \"things_unique\"").inOrder();
  }

  @Test
  void anIndexedColumnLosesItsIndexBeforeItIsDropped() {
    Snapshot.Table before = table("things", List.of(column("id", "uuid"), column("sku", "text")), List.of(),
        List.of(new Snapshot.Index("things_sku_idx", "sku", "btree")));
    Snapshot.Table after = table("things", List.of(column("id", "uuid"), column("ttl", "timestamp with time zone")),
        List.of(), List.of(new Snapshot.Index("things_ttl_idx", "ttl", "btree")));
    CqlDiff.Result diff = CqlDiff.diff(snapshot("1.0.0", before), snapshot("1.1.0", after), NOTHING_DECLARED);
    // the ttl's index is PostgreSQL's: Cassandra expires rows itself
    assertThat(diff.up()).containsExactly("ALTER TABLE \"things\" ADD IF NOT EXISTS \"ttl\" timestamp");
    assertThat(diff.teardown()).containsExactly("DROP INDEX IF EXISTS \"things_sku_idx\"",
        "ALTER TABLE \"things\" DROP IF EXISTS \"sku\"").inOrder();
  }

  @Test
  void columnTypesComeFromTheSnapshotThenTheEntitiesThenThePostgresType() {
    Snapshot.Table t = table("things", List.of(column("id", "uuid"), column("names", "text[]"),
        column("codes", "text[]"), column("tags", "text[]"), column("data", "jsonb"),
        column("kinds", "text[]").withCqlType("set<text>")), List.of(),
        List.of(new Snapshot.Index("things_tags_idx", "tags", "gin")));
    CqlSchema declared = new CqlSchema(Map.of("things", Map.of("codes", "set<text>", "names", "list<int>")));
    assertThat(new CqlDdl(declared).createTable(t)).containsExactly("CREATE TABLE IF NOT EXISTS \"things\" (\"id\""
        + " uuid, \"names\" list<text>, \"codes\" set<text>, \"tags\" set<text>, \"data\" text, \"kinds\" set<text>,"
        + " \"version\" uuid, PRIMARY KEY ((\"id\")))",
        "CREATE INDEX IF NOT EXISTS \"things_tags_idx\" ON \"things\" (\"tags\") USING 'sai'").inOrder();
    // recorded, the types need nothing else
    Snapshot annotated = declared.annotate(snapshot("1.0.0", t));
    assertThat(annotated.tables().get(0).columns().stream().map(Snapshot.Column::cqlType).toList())
        .containsExactly("uuid", "list<text>", "set<text>", "set<text>", "text", "set<text>").inOrder();
    assertThat(annotated.hash()).isEqualTo(snapshot("1.0.0", t).hash());
  }

  @Test
  void theFirstColumnOfACompositeKeyIsIndexedAsInPostgres() {
    Snapshot.Table t = new Snapshot.Table("pairs", List.of(column("a", "text"), column("b", "text")),
        new Snapshot.Unique("pairs_pkey", List.of("a", "b")), List.of(), List.of(), List.of(), List.of());
    assertThat(CqlDdl.indexes(t)).containsExactly(new CqlDdl.Index("pairs_a_idx", "a"));
  }
}
