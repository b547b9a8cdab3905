package dev.daogen.processor.migration;

import dev.daogen.schema.Snapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Reads tables back from {@code pg_catalog} as a {@link Snapshot}, normalised for comparison: lists sorted by name,
 * no migration hints. Also reports leftovers that no snapshot describes (triggers), and {@linkplain #describe
 * describes} a whole schema for comparing a migrated database with a fresh one.
 *
 * <p>Public, and packaged in the processor's test jar, for the sample plugin's upgrade tests.
 */
public final class Catalog {
  private Catalog() {}

  /** The snapshot's tables as the annotations declare them, normalised like {@link #read}. */
  public static List<Snapshot.Table> normalise(Snapshot s) {
    return s.tables().stream().map(t -> new Snapshot.Table(t.name(),
            t.columns().stream().map(c -> new Snapshot.Column(c.name(), null, c.type(), c.nullable(), null, null))
                .sorted(Comparator.comparing(Snapshot.Column::name)).toList(),
            t.primaryKey(),
            t.uniques().stream().sorted(Comparator.comparing(Snapshot.Unique::name)).toList(),
            t.foreignKeys().stream().sorted(Comparator.comparing(Snapshot.ForeignKey::name)).toList(),
            t.indexes().stream().sorted(Comparator.comparing(Snapshot.Index::name)).toList(),
            t.checks().stream().map(c -> new Snapshot.Check(c.name(), c.column(),
                c.values().stream().sorted().toList())).sorted(Comparator.comparing(Snapshot.Check::name)).toList()))
        .sorted(Comparator.comparing(Snapshot.Table::name)).toList();
  }

  public static List<Snapshot.Table> read(DataSource ds, List<String> tables) throws SQLException {
    List<Snapshot.Table> out = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      for (String table : tables) {
        out.add(table(c, table));
      }
    }
    out.sort(Comparator.comparing(Snapshot.Table::name));
    return out;
  }

  /** User triggers on the tables (rename triggers must be gone after finish). */
  public static long triggers(DataSource ds) {
    return Pg.scalar(ds, "select count(*) from pg_trigger where not tgisinternal");
  }

  /**
   * Everything PostgreSQL records about the current schema, one sorted line per object, as PostgreSQL itself prints
   * it: every table; its columns with type, nullability and default; its constraints ({@code pg_get_constraintdef});
   * its indexes ({@code pg_get_indexdef}, those behind constraints too) and user triggers ({@code
   * pg_get_triggerdef}); and the schema's functions ({@code pg_get_functiondef}). Two databases that describe the
   * same have the same catalog, whatever order their migrations created it in (column positions and dropped columns
   * aside, which no query sees).
   */
  public static List<String> describe(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      String schema = "(select oid from pg_namespace where nspname = current_schema())";
      String[] queries = {
          "select 'table ' || relname from pg_class where relnamespace = " + schema + " and relkind in ('r', 'p')",
          "select 'column ' || r.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
              + " || case when a.attnotnull then ' not null' else ' null' end"
              + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
              + " from pg_attribute a join pg_class r on r.oid = a.attrelid"
              + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
              + " where r.relnamespace = " + schema + " and r.relkind in ('r', 'p') and a.attnum > 0"
              + " and not a.attisdropped",
          "select 'constraint ' || r.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)"
              + " from pg_constraint k join pg_class r on r.oid = k.conrelid where r.relnamespace = " + schema,
          "select 'index ' || pg_get_indexdef(x.indexrelid) from pg_index x join pg_class r on r.oid = x.indrelid"
              + " where r.relnamespace = " + schema,
          "select 'trigger ' || pg_get_triggerdef(t.oid) from pg_trigger t join pg_class r on r.oid = t.tgrelid"
              + " where r.relnamespace = " + schema + " and not t.tgisinternal",
          "select 'function ' || pg_get_functiondef(p.oid) from pg_proc p where p.pronamespace = " + schema};
      for (String query : queries) {
        try (ResultSet rs = st.executeQuery(query)) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    out.sort(null);
    return out;
  }

  private static Snapshot.Table table(Connection c, String table) throws SQLException {
    List<Snapshot.Column> columns = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("select attname, format_type(atttypid, atttypmod), not attnotnull"
        + " from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped order by attname")) {
      st.setString(1, quote(table));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          columns.add(new Snapshot.Column(rs.getString(1), null, rs.getString(2), rs.getBoolean(3), null, null));
        }
      }
    }
    Snapshot.Unique pk = null;
    List<Snapshot.Unique> uniques = new ArrayList<>();
    List<Snapshot.ForeignKey> fks = new ArrayList<>();
    List<Snapshot.Check> checks = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("select conname, contype,"
        + " array(select attname from unnest(conkey) with ordinality k(n, o) join pg_attribute on attrelid = conrelid"
        + " and attnum = k.n order by k.o)::text[], confrelid::regclass::text,"
        + " array(select attname from unnest(confkey) k(n) join pg_attribute on attrelid = confrelid"
        + " and attnum = k.n)::text[], confdeltype, pg_get_constraintdef(oid)"
        + " from pg_constraint where conrelid = ?::regclass order by conname")) {
      st.setString(1, quote(table));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          List<String> cols = Arrays.asList((String[]) rs.getArray(3).getArray());
          switch (rs.getString(2)) {
            case "p" -> pk = new Snapshot.Unique(name, cols);
            case "u" -> uniques.add(new Snapshot.Unique(name, cols));
            case "f" -> fks.add(new Snapshot.ForeignKey(name, cols.get(0), rs.getString(4).replace("\"", ""),
                ((String[]) rs.getArray(5).getArray())[0], switch (rs.getString(6)) {
                  case "c" -> "CASCADE";
                  case "n" -> "SET NULL";
                  case "r" -> "RESTRICT";
                  default -> "NO ACTION";
                }));
            case "c" -> {
              List<String> values = new ArrayList<>();
              Matcher m = Pattern.compile("'([^']*)'").matcher(rs.getString(7));
              while (m.find()) {
                values.add(m.group(1));
              }
              values.sort(null);
              checks.add(new Snapshot.Check(name, cols.get(0), values));
            }
            default -> throw new IllegalStateException("unexpected constraint " + name);
          }
        }
      }
    }
    List<Snapshot.Index> indexes = new ArrayList<>();
    try (PreparedStatement st = c.prepareStatement("select i.relname, am.amname, a.attname from pg_index x"
        + " join pg_class i on i.oid = x.indexrelid join pg_am am on am.oid = i.relam"
        + " join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]"
        + " where x.indrelid = ?::regclass"
        + " and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid) order by i.relname")) {
      st.setString(1, quote(table));
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          indexes.add(new Snapshot.Index(rs.getString(1), rs.getString(3), rs.getString(2)));
        }
      }
    }
    return new Snapshot.Table(table, columns, pk, uniques, fks, indexes, checks);
  }

  private static String quote(String name) {
    return "\"" + name + "\"";
  }
}
