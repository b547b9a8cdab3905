package dev.daogen.processor.cql;

import static dev.daogen.processor.cql.CqlNames.quote;

import dev.daogen.schema.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diffs two schema snapshots of a plugin into a Cassandra version migration, the CQL side of {@code SchemaDiff} and
 * in the same expand/contract split: {@code up} adds tables, claims tables, columns and indexes; {@code teardown}
 * drops indexes (before their columns, which Cassandra requires), columns, claims tables and tables.
 *
 * <p>What CQL cannot express is left out and described in {@link Result#notes()}: copying the values of a renamed
 * column, giving existing rows the default of a new column, claiming the existing values of a new unique constraint.
 * NOT NULL, check and foreign key changes need nothing: Cassandra has none of them, the DAO and the engine enforce
 * them. Type and primary key changes never get here: {@code SchemaDiff} reports them as compile errors.
 */
public final class CqlDiff {
  private CqlDiff() {}

  /**
   * The statements of both parts, and what the migration cannot do.
   *
   * @param notes one sentence per change that CQL cannot make, for the file's header
   */
  public record Result(List<String> up, List<String> teardown, List<String> notes) {
    public Result {
      up = List.copyOf(up);
      teardown = List.copyOf(teardown);
      notes = List.copyOf(notes);
    }
  }

  public static Result diff(Snapshot from, Snapshot to, CqlSchema schema) {
    CqlDdl ddl = new CqlDdl(schema);
    List<String> newTables = new ArrayList<>();
    List<String> upColumns = new ArrayList<>();
    List<String> upIndexes = new ArrayList<>();
    List<String> downIndexes = new ArrayList<>();
    List<String> downColumns = new ArrayList<>();
    List<String> downTables = new ArrayList<>();
    List<String> notes = new ArrayList<>();

    for (Snapshot.Table t : to.tables()) {
      Snapshot.Table f = from.table(t.name());
      if (f == null) {
        newTables.addAll(ddl.createTable(t));
        continue;
      }
      String table = t.name();
      Map<String, String> renamedFrom = new HashMap<>(); // new column → old column
      for (Snapshot.Column c : t.columns()) {
        if (c.renamedFrom() != null && f.column(c.name()) == null) {
          f.columns().stream().filter(o -> c.renamedFrom().equals(o.component())).findFirst()
              .ifPresent(o -> renamedFrom.put(c.name(), o.name()));
        }
      }
      Set<String> kept = new HashSet<>();
      for (Snapshot.Column c : t.columns()) {
        if (f.column(c.name()) != null) {
          kept.add(c.name());
          continue;
        }
        upColumns.add(ddl.addColumn(t, c));
        String source = renamedFrom.get(c.name());
        if (source != null) {
          kept.add(source);
          downColumns.add(CqlDdl.dropColumn(table, source));
          notes.add(quote(table) + "." + quote(c.name()) + " is renamed from " + quote(source) + ": the values are"
              + " not copied, nor kept in sync while nodes of the previous version write " + quote(source)
              + "; copy them before 'migrations finish', whose teardown drops " + quote(source));
        } else if (!c.nullable() && c.backfill() != null) {
          notes.add(quote(table) + "." + quote(c.name()) + " is new: the rows that exist get no value; the generated"
              + " reader gives them the @Default (but for collections, which Cassandra cannot tell from empty ones:"
              + " they read as empty)");
        }
      }
      for (Snapshot.Column old : f.columns()) {
        if (!kept.contains(old.name())) {
          downColumns.add(CqlDdl.dropColumn(table, old.name()));
        }
      }
      if (CqlDdl.hasClaims(t) && !CqlDdl.hasClaims(f)) {
        upIndexes.add(CqlDdl.createClaims(table));
      } else if (!CqlDdl.hasClaims(t) && CqlDdl.hasClaims(f)) {
        downTables.add(CqlDdl.dropTable(CqlNames.claimsTable(table)));
      }
      for (Snapshot.Unique u : t.uniques()) {
        if (f.uniques().stream().noneMatch(o -> o.name().equals(u.name()))) {
          notes.add(quote(table) + "." + String.join(", ", u.columns().stream().map(CqlNames::quote).toList())
              + " is unique now: the values of the rows that exist hold no claim in "
              + quote(CqlNames.claimsTable(table)) + ", and CQL cannot look for duplicates among them; check and claim"
              + " them before relying on the constraint");
        }
      }
      List<CqlDdl.Index> before = CqlDdl.indexes(f);
      List<CqlDdl.Index> after = CqlDdl.indexes(t);
      after.stream().filter(i -> !before.contains(i)).forEach(i -> upIndexes.add(CqlDdl.createIndex(table, i)));
      before.stream().filter(i -> !after.contains(i)).forEach(i -> downIndexes.add(CqlDdl.dropIndex(i)));
    }
    List<Snapshot.Table> fromTables = new ArrayList<>(from.tables());
    Collections.reverse(fromTables); // children before parents
    for (Snapshot.Table f : fromTables) {
      if (to.table(f.name()) == null) {
        if (CqlDdl.hasClaims(f)) {
          downTables.add(CqlDdl.dropTable(CqlNames.claimsTable(f.name())));
        }
        downTables.add(CqlDdl.dropTable(f.name()));
      }
    }
    List<String> up = new ArrayList<>(newTables);
    up.addAll(upColumns);
    up.addAll(upIndexes);
    List<String> teardown = new ArrayList<>(downIndexes);
    teardown.addAll(downColumns);
    teardown.addAll(downTables);
    return new Result(up, teardown, notes);
  }
}
