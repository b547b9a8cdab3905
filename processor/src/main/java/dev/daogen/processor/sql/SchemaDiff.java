package dev.daogen.processor.sql;

import dev.daogen.schema.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Diffs two schema snapshots of a plugin into a version migration, Kong's expand/contract way:
 *
 * <ul>
 *   <li>{@code up} only adds or relaxes, so nodes of the previous version keep working: new tables; new nullable
 *       columns; new {@code @Default} columns as NOT NULL with the default as a database default (so that existing
 *       rows and the previous version's inserts get it); renamed columns ({@code @RenamedFrom}) as a new column kept
 *       in sync with the old one by a trigger; NOT NULL dropped on columns that go away or become optional; new
 *       unique constraints, foreign keys, checks (a changed enum check allows old and new constants) and indexes.
 *   <li>{@code teardown} is destructive and runs once no node of the previous version is left: drops tables,
 *       columns, constraints and indexes, the rename triggers and the database defaults of new columns (the DAO
 *       applies {@code @Default}, never the database), and tightens NOT NULL.
 * </ul>
 *
 * <p>What cannot be done safely is returned as a {@link Problem}, which the processor reports as a compile error.
 */
public final class SchemaDiff {
  private SchemaDiff() {}

  /** A change the generator cannot migrate safely. */
  public record Problem(Kind kind, String table, String column, String detail, String other) {}

  /** What kind of unsafe change. */
  public enum Kind {
    /** A column changed its type ({@code detail}: old type, {@code other}: new type). */
    TYPE_CHANGED,
    /** A new NOT NULL column without {@code @Default}. */
    REQUIRED_COLUMN,
    /** Like {@code REQUIRED_COLUMN}, and a column of that type was dropped: probably a rename ({@code other}). */
    RENAME_HINT,
    /** {@code @RenamedFrom} names a component the previous version does not have ({@code detail}). */
    RENAMED_FROM_UNKNOWN,
    /** The primary key columns changed. */
    PRIMARY_KEY_CHANGED
  }

  /** The statements of both parts, and the problems (when there are any, the statements are incomplete). */
  public record Result(List<String> up, List<String> teardown, List<Problem> problems) {
    public boolean isEmpty() {
      return up.isEmpty() && teardown.isEmpty();
    }
  }

  public static Result diff(Snapshot from, Snapshot to) {
    List<String> newTables = new ArrayList<>();
    List<String> upColumns = new ArrayList<>();
    List<String> upConstraints = new ArrayList<>();
    List<String> downConstraints = new ArrayList<>();
    List<String> downColumns = new ArrayList<>();
    List<String> downTighten = new ArrayList<>();
    List<String> downTables = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();

    for (Snapshot.Table t : to.tables()) {
      Snapshot.Table f = from.table(t.name());
      if (f == null) {
        newTables.addAll(DdlRenderer.createTable(t));
        continue;
      }
      String table = t.name();
      Map<String, String> renamedFrom = new HashMap<>(); // new column → old column
      Set<String> unknownHints = new LinkedHashSet<>();
      for (Snapshot.Column c : t.columns()) {
        if (c.renamedFrom() == null || f.column(c.name()) != null) {
          continue; // no hint, or the rename happened in an earlier version
        }
        Snapshot.Column old = f.columns().stream()
            .filter(o -> c.renamedFrom().equals(o.component())).findFirst().orElse(null);
        if (old == null) {
          problems.add(new Problem(Kind.RENAMED_FROM_UNKNOWN, table, c.name(), c.renamedFrom(), null));
          unknownHints.add(c.name());
        } else {
          renamedFrom.put(c.name(), old.name());
        }
      }
      Set<String> kept = new LinkedHashSet<>();
      for (Snapshot.Column c : t.columns()) {
        Snapshot.Column old = f.column(c.name());
        String source = renamedFrom.get(c.name());
        if (unknownHints.contains(c.name())) {
          continue; // reported once, as the wrong hint
        }
        if (old != null) {
          kept.add(old.name());
          if (!old.type().equals(c.type())) {
            problems.add(new Problem(Kind.TYPE_CHANGED, table, c.name(), old.type(), c.type()));
          } else if (old.nullable() && !c.nullable()) {
            downTighten.add(DdlRenderer.setNotNull(table, c.name()));
          } else if (!old.nullable() && c.nullable()) {
            upColumns.add(DdlRenderer.dropNotNull(table, c.name()));
          }
        } else if (source != null) {
          Snapshot.Column oldColumn = f.column(source);
          kept.add(source);
          if (!oldColumn.type().equals(c.type())) {
            problems.add(new Problem(Kind.TYPE_CHANGED, table, c.name(), oldColumn.type(), c.type()));
            continue;
          }
          upColumns.add(DdlRenderer.addColumn(table, c, false));
          upColumns.addAll(DdlRenderer.renameSync(table, source, c.name()));
          downConstraints.addAll(DdlRenderer.dropRenameSync(table, c.name()));
          downColumns.add(DdlRenderer.dropColumn(table, source));
          if (!c.nullable()) {
            downTighten.add(DdlRenderer.setNotNull(table, c.name()));
          }
        } else if (c.nullable()) {
          upColumns.add(DdlRenderer.addColumn(table, c, false));
        } else if (c.backfill() != null) {
          upColumns.add(DdlRenderer.addColumn(table, c, true));
          downTighten.add(DdlRenderer.dropDefault(table, c.name()));
        } else {
          Snapshot.Column dropped = f.columns().stream()
              .filter(o -> t.column(o.name()) == null && !renamedFrom.containsValue(o.name())
                  && o.type().equals(c.type()) && o.component() != null)
              .findFirst().orElse(null);
          problems.add(dropped == null
              ? new Problem(Kind.REQUIRED_COLUMN, table, c.name(), null, null)
              : new Problem(Kind.RENAME_HINT, table, c.name(), dropped.name(), dropped.component()));
        }
      }
      for (Snapshot.Column old : f.columns()) {
        if (!kept.contains(old.name())) {
          if (!old.nullable()) {
            upColumns.add(DdlRenderer.dropNotNull(table, old.name()));
          }
          downColumns.add(DdlRenderer.dropColumn(table, old.name()));
        }
      }
      List<String> oldKey = f.primaryKey().columns().stream()
          .map(c -> renamedFrom.entrySet().stream().filter(e -> e.getValue().equals(c))
              .map(Map.Entry::getKey).findFirst().orElse(c))
          .toList();
      if (!oldKey.equals(t.primaryKey().columns())) {
        problems.add(new Problem(Kind.PRIMARY_KEY_CHANGED, table, null, String.join(", ", f.primaryKey().columns()),
            String.join(", ", t.primaryKey().columns())));
      }
      for (Snapshot.Unique u : t.uniques()) {
        if (find(f.uniques(), u.name(), Snapshot.Unique::name) == null) {
          upConstraints.add(DdlRenderer.addUnique(table, u));
        }
      }
      for (Snapshot.Unique u : f.uniques()) {
        if (find(t.uniques(), u.name(), Snapshot.Unique::name) == null) {
          downConstraints.add(DdlRenderer.dropConstraint(table, u.name()));
        }
      }
      for (Snapshot.ForeignKey k : t.foreignKeys()) {
        Snapshot.ForeignKey old = find(f.foreignKeys(), k.name(), Snapshot.ForeignKey::name);
        if (old == null) {
          upConstraints.add(DdlRenderer.addForeignKey(table, k));
        } else if (!old.equals(k)) {
          downConstraints.add(DdlRenderer.dropConstraint(table, k.name()));
          downConstraints.add(DdlRenderer.addForeignKey(table, k));
        }
      }
      for (Snapshot.ForeignKey k : f.foreignKeys()) {
        if (find(t.foreignKeys(), k.name(), Snapshot.ForeignKey::name) == null) {
          downConstraints.add(DdlRenderer.dropConstraint(table, k.name()));
        }
      }
      for (Snapshot.Check c : t.checks()) {
        Snapshot.Check old = find(f.checks(), c.name(), Snapshot.Check::name);
        if (old == null) {
          upConstraints.add(DdlRenderer.addCheck(table, c));
        } else if (!old.equals(c)) {
          Set<String> both = new LinkedHashSet<>(old.values());
          both.addAll(c.values());
          if (!both.equals(new LinkedHashSet<>(old.values()))) {
            upConstraints.add(DdlRenderer.dropConstraint(table, c.name()));
            upConstraints.add(DdlRenderer.addCheck(table, new Snapshot.Check(c.name(), c.column(), List.copyOf(both))));
          }
          downConstraints.add(DdlRenderer.dropConstraint(table, c.name()));
          downConstraints.add(DdlRenderer.addCheck(table, c));
        }
      }
      for (Snapshot.Check c : f.checks()) {
        if (find(t.checks(), c.name(), Snapshot.Check::name) == null) {
          downConstraints.add(DdlRenderer.dropConstraint(table, c.name()));
        }
      }
      for (Snapshot.Index i : t.indexes()) {
        Snapshot.Index old = find(f.indexes(), i.name(), Snapshot.Index::name);
        if (old == null) {
          upConstraints.add(DdlRenderer.createIndex(table, i));
        } else if (!old.equals(i)) {
          downConstraints.add(DdlRenderer.dropIndex(i.name()));
          downConstraints.add(DdlRenderer.createIndex(table, i));
        }
      }
      for (Snapshot.Index i : f.indexes()) {
        if (find(t.indexes(), i.name(), Snapshot.Index::name) == null) {
          downConstraints.add(DdlRenderer.dropIndex(i.name()));
        }
      }
    }
    List<Snapshot.Table> fromTables = new ArrayList<>(from.tables());
    java.util.Collections.reverse(fromTables); // children before parents
    for (Snapshot.Table f : fromTables) {
      if (to.table(f.name()) == null) {
        downTables.add(DdlRenderer.dropTable(f.name()));
      }
    }
    List<String> up = new ArrayList<>(newTables);
    up.addAll(upColumns);
    up.addAll(upConstraints);
    List<String> teardown = new ArrayList<>(downConstraints);
    teardown.addAll(downColumns);
    teardown.addAll(downTighten);
    teardown.addAll(downTables);
    return new Result(List.copyOf(up), List.copyOf(teardown), List.copyOf(problems));
  }

  private static <T> T find(List<T> items, String name, java.util.function.Function<T, String> key) {
    return items.stream().filter(i -> Objects.equals(key.apply(i), name)).findFirst().orElse(null);
  }
}
