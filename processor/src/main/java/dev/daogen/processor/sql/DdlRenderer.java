package dev.daogen.processor.sql;

import static dev.daogen.processor.sql.SqlRenderer.column;
import static dev.daogen.processor.sql.SqlRenderer.dsl;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.Names;
import dev.daogen.schema.Snapshot;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders DDL with jOOQ from a {@link Snapshot}: tables with their keys, unique and check constraints, foreign keys and
 * indexes, and the {@code ALTER} statements of version migrations. Every statement is reentrant: {@code IF [NOT]
 * EXISTS} where PostgreSQL has it, and a {@code DO} block that looks in {@code pg_constraint} where it has not
 * ({@code ADD CONSTRAINT}).
 */
public final class DdlRenderer {
  private DdlRenderer() {}

  /** The statements that create every table of the snapshot, parents first. */
  public static List<String> createTables(Snapshot snapshot) {
    List<String> out = new ArrayList<>();
    for (Snapshot.Table t : snapshot.tables()) {
      out.addAll(createTable(t));
    }
    return out;
  }

  /** The statements that create one table and its indexes. */
  public static List<String> createTable(Snapshot.Table t) {
    Table<?> table = table(t.name());
    List<Field<?>> columns = new ArrayList<>();
    for (Snapshot.Column c : t.columns()) {
      columns.add(DSL.field(DSL.name(c.name()), dataType(c.type()).nullable(c.nullable())));
    }
    List<Constraint> constraints = new ArrayList<>();
    constraints.add(DSL.constraint(DSL.name(t.primaryKey().name()))
        .primaryKey(t.primaryKey().columns().stream().map(SqlRenderer::column).toArray(Field<?>[]::new)));
    t.uniques().forEach(u -> constraints.add(unique(u)));
    t.foreignKeys().forEach(f -> constraints.add(foreignKey(f)));
    t.checks().forEach(c -> constraints.add(check(c)));
    List<String> out = new ArrayList<>();
    out.add(render(dsl().createTableIfNotExists(table).columns(columns).constraints(constraints)));
    t.indexes().forEach(i -> out.add(createIndex(t.name(), i)));
    return out;
  }

  public static String createIndex(String table, Snapshot.Index index) {
    if (index.method().equals("gin")) {
      return render(DSL.query("create index if not exists {0} on {1} using gin ({2})",
          DSL.name(index.name()), table(table), column(index.column())));
    }
    return render(dsl().createIndexIfNotExists(DSL.name(index.name())).on(table(table), column(index.column())));
  }

  /** Adds a column; with a backfill, as NOT NULL with that database default (dropped again by the teardown). */
  public static String addColumn(String table, Snapshot.Column c, boolean useBackfill) {
    if (useBackfill) {
      return render(DSL.query("alter table {0} add column if not exists {1} {2} not null default {3}",
          table(table), DSL.name(c.name()), DSL.sql(c.type()), DSL.sql(c.backfill())));
    }
    return render(dsl().alterTable(table(table))
        .addColumnIfNotExists(DSL.field(DSL.name(c.name()), dataType(c.type()).nullable(true))));
  }

  public static String dropColumn(String table, String column) {
    return render(dsl().alterTableIfExists(table(table)).dropColumnIfExists(DSL.name(column)).cascade());
  }

  public static String dropNotNull(String table, String column) {
    return render(dsl().alterTable(table(table)).alterColumn(DSL.name(column)).dropNotNull());
  }

  public static String setNotNull(String table, String column) {
    return render(dsl().alterTable(table(table)).alterColumn(DSL.name(column)).setNotNull());
  }

  public static String dropDefault(String table, String column) {
    return render(dsl().alterTable(table(table)).alterColumn(DSL.name(column)).dropDefault());
  }

  public static String dropTable(String table) {
    return render(dsl().dropTableIfExists(table(table)).cascade());
  }

  public static String dropConstraint(String table, String constraint) {
    return render(dsl().alterTableIfExists(table(table)).dropConstraintIfExists(DSL.name(constraint)));
  }

  public static String dropIndex(String index) {
    return render(dsl().dropIndexIfExists(DSL.name(index)));
  }

  public static String addUnique(String table, Snapshot.Unique u) {
    return guarded(table, u.name(), render(dsl().alterTable(table(table)).add(unique(u))));
  }

  public static String addForeignKey(String table, Snapshot.ForeignKey f) {
    return guarded(table, f.name(), render(dsl().alterTable(table(table)).add(foreignKey(f))));
  }

  public static String addCheck(String table, Snapshot.Check c) {
    return guarded(table, c.name(), render(dsl().alterTable(table(table)).add(check(c))));
  }

  /** The name of the trigger function that syncs a renamed column with its old one. */
  public static String syncFunction(String table, String column) {
    return Names.identifier(table + "_" + column + "_daogen_sync");
  }

  /**
   * Expand step of a rename: a trigger keeps the old and the new column equal while nodes of the previous version
   * write the old one and nodes of the new version the new one; existing rows are copied.
   */
  public static List<String> renameSync(String table, String oldColumn, String newColumn) {
    String function = syncFunction(table, newColumn);
    List<String> out = new ArrayList<>();
    // the body is a dollar-quoted string, which jOOQ's templates do not look into: quote the names here
    String fn = dsl().render(DSL.name(function));
    String n = dsl().render(DSL.name(newColumn));
    String o = dsl().render(DSL.name(oldColumn));
    out.add("create or replace function " + fn + "() returns trigger language plpgsql as $daogen$\n"
        + "begin\n"
        + "  if tg_op = 'INSERT' then\n"
        + "    if new." + n + " is null then new." + n + " := new." + o + "; end if;\n"
        + "    if new." + o + " is null then new." + o + " := new." + n + "; end if;\n"
        + "  elsif new." + o + " is distinct from old." + o + " then\n"
        + "    new." + n + " := new." + o + ";\n"
        + "  elsif new." + n + " is distinct from old." + n + " then\n"
        + "    new." + o + " := new." + n + ";\n"
        + "  end if;\n"
        + "  return new;\n"
        + "end\n"
        + "$daogen$");
    out.add(render(DSL.query("drop trigger if exists {0} on {1}", DSL.name(function), table(table))));
    out.add(render(DSL.query("create trigger {0} before insert or update on {1} for each row execute function {0}()",
        DSL.name(function), table(table))));
    out.add(render(DSL.query("update {0} set {1} = {2} where {1} is null", table(table), DSL.name(newColumn),
        DSL.name(oldColumn))));
    return out;
  }

  /** Contract step of a rename: the trigger and its function go (the old column is dropped separately). */
  public static List<String> dropRenameSync(String table, String newColumn) {
    String function = syncFunction(table, newColumn);
    return List.of(
        render(DSL.query("drop trigger if exists {0} on {1}", DSL.name(function), table(table))),
        render(DSL.query("drop function if exists {0}()", DSL.name(function))));
  }

  public static String primaryKeyConstraint(EntityModel entity) {
    return Names.identifier(entity.name() + "_pkey");
  }

  public static String uniqueConstraint(EntityModel entity, String column) {
    return Names.identifier(entity.name() + "_" + column + "_key");
  }

  static String indexName(EntityModel entity, String column) {
    return Names.identifier(entity.name() + "_" + column + "_idx");
  }

  private static Constraint unique(Snapshot.Unique u) {
    return DSL.constraint(DSL.name(u.name()))
        .unique(u.columns().stream().map(SqlRenderer::column).toArray(Field<?>[]::new));
  }

  private static Constraint foreignKey(Snapshot.ForeignKey f) {
    var references = DSL.constraint(DSL.name(f.name()))
        .foreignKey(column(f.column()))
        .references(table(f.references()), column(f.referencedColumn()));
    return switch (f.onDelete()) {
      case "CASCADE" -> references.onDeleteCascade();
      case "SET NULL" -> references.onDeleteSetNull();
      default -> references.onDeleteRestrict();
    };
  }

  private static Constraint check(Snapshot.Check c) {
    return DSL.constraint(DSL.name(c.name())).check(DSL.field(DSL.name(c.column()), String.class).in(c.values()));
  }

  private static String guarded(String table, String constraint, String statement) {
    return "do $daogen$ begin if not exists (select 1 from pg_constraint where conname = "
        + DSL.inline(constraint) + " and conrelid = to_regclass(" + DSL.inline(render(table(table))) + ")) then "
        + statement + "; end if; end $daogen$";
  }

  private static Table<?> table(String name) {
    return DSL.table(DSL.name(name));
  }

  /** The jOOQ type of a {@link Snapshot.Column#type()}. */
  static DataType<?> dataType(String sqlType) {
    if (sqlType.endsWith("[]")) {
      return dataType(sqlType.substring(0, sqlType.length() - 2)).getArrayDataType();
    }
    return switch (sqlType) {
      case "text" -> SQLDataType.CLOB;
      case "uuid" -> SQLDataType.UUID;
      case "integer" -> SQLDataType.INTEGER;
      case "bigint" -> SQLDataType.BIGINT;
      case "double precision" -> SQLDataType.DOUBLE;
      case "numeric" -> SQLDataType.NUMERIC;
      case "boolean" -> SQLDataType.BOOLEAN;
      case "timestamp with time zone" -> SQLDataType.TIMESTAMPWITHTIMEZONE;
      case "date" -> SQLDataType.LOCALDATE;
      case "jsonb" -> SQLDataType.JSONB;
      default -> throw new IllegalArgumentException("no jOOQ type for " + sqlType);
    };
  }

  private static String render(Query query) {
    return dsl().renderInlined(query);
  }

  private static String render(Table<?> table) {
    return dsl().render(table);
  }
}
