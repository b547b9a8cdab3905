package dev.daogen.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin's database schema as the annotations declare it: the content of {@code META-INF/daogen/<plugin>/schema.json}
 * and of the released snapshots {@code <schemaDir>/<plugin>/<version>.json} that the processor diffs to generate
 * version migrations (like Room's exported schemas).
 *
 * <p>The {@linkplain #hash() identity hash} is defined here once and shared by the processor (which writes it) and
 * the runtime (which verifies it): SHA-256 over the canonical JSON of the tables, without the plugin version and
 * without the migration hints ({@link Column#component()}, {@link Column#backfill()}, {@link Column#renamedFrom()},
 * {@link Column#cqlType()}),
 * so it changes exactly when the catalog the migrations produce changes.
 *
 * @param plugin the plugin (migration subsystem) name
 * @param version the plugin version
 * @param tables the tables, parents before children
 */
public record Snapshot(String plugin, String version, List<Table> tables) {
  /** Format version of the JSON, written as {@code "format"}. */
  public static final int FORMAT = 1;

  private static final JsonFactory JSON = JsonFactory.builder().build();

  public Snapshot {
    tables = List.copyOf(tables);
  }

  /**
   * One table.
   *
   * @param name the table (entity) name
   * @param columns the columns, in declaration order (hidden {@code cache_key} and {@code ttl} last)
   * @param primaryKey the primary key constraint
   * @param uniques unique constraints
   * @param foreignKeys foreign keys
   * @param indexes indexes that are not backing a constraint
   * @param checks check constraints (enum columns)
   */
  public record Table(
      String name,
      List<Column> columns,
      Unique primaryKey,
      List<Unique> uniques,
      List<ForeignKey> foreignKeys,
      List<Index> indexes,
      List<Check> checks) {
    public Table {
      columns = List.copyOf(columns);
      uniques = List.copyOf(uniques);
      foreignKeys = List.copyOf(foreignKeys);
      indexes = List.copyOf(indexes);
      checks = List.copyOf(checks);
    }

    /** The column of this name, or {@code null}. */
    public Column column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
  }

  /**
   * One column.
   *
   * @param name the column name
   * @param component the Java component it stores ({@code null} for the hidden {@code cache_key} and {@code ttl})
   * @param type the PostgreSQL type as {@code format_type} prints it ({@code text}, {@code text[]}, {@code integer},
   *     {@code timestamp with time zone}, {@code jsonb} …)
   * @param nullable whether the column accepts NULL
   * @param backfill for a {@code @Default} column: the SQL literal that existing rows get when a later version adds
   *     the column ({@code null} otherwise); not part of the hash
   * @param renamedFrom the previous component name from {@code @RenamedFrom}, or {@code null}; not part of the hash
   * @param cqlType the column's type in Cassandra ({@code set<text>}), recorded for plugins generated for Cassandra
   *     too, since {@link #type()} does not tell a list from a set; {@code null} otherwise; not part of the hash
   */
  public record Column(String name, String component, String type, boolean nullable, String backfill,
      String renamedFrom, String cqlType) {
    /** A column without a Cassandra type. */
    public Column(String name, String component, String type, boolean nullable, String backfill, String renamedFrom) {
      this(name, component, type, nullable, backfill, renamedFrom, null);
    }

    /** This column with its Cassandra type. */
    public Column withCqlType(String cqlType) {
      return new Column(name, component, type, nullable, backfill, renamedFrom, cqlType);
    }
  }

  /** A primary key or unique constraint. */
  public record Unique(String name, List<String> columns) {
    public Unique {
      columns = List.copyOf(columns);
    }
  }

  /**
   * A foreign key.
   *
   * @param onDelete {@code CASCADE}, {@code SET NULL} or {@code RESTRICT}
   */
  public record ForeignKey(String name, String column, String references, String referencedColumn, String onDelete) {}

  /**
   * An index.
   *
   * @param method {@code btree} or {@code gin}
   */
  public record Index(String name, String column, String method) {}

  /** A check constraint: the column is one of the values (an enum). */
  public record Check(String name, String column, List<String> values) {
    public Check {
      values = List.copyOf(values);
    }
  }

  /** The table of this name, or {@code null}. */
  public Table table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
  }

  /** The identity hash: lower-case hex SHA-256 of the canonical JSON of the tables (see the class comment). */
  public String hash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(write(false, false).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The JSON document, pretty-printed, with the identity hash. */
  public String toJson() {
    return write(true, true);
  }

  /**
   * Parses a snapshot document.
   *
   * @throws IllegalArgumentException when the document is not a snapshot or its recorded hash is not the hash of its
   *     content (the file was edited by hand or is corrupt)
   */
  public static Snapshot parse(String json) {
    Object tree;
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      tree = JsonTree.read(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a daogen schema snapshot: " + e.getMessage(), e);
    }
    if (!(tree instanceof Map<?, ?> root) || !root.containsKey("tables")) {
      throw new IllegalArgumentException("not a daogen schema snapshot: no \"tables\"");
    }
    List<Table> tables = new ArrayList<>();
    for (Object t : list(root.get("tables"))) {
      Map<?, ?> table = (Map<?, ?>) t;
      List<Column> columns = new ArrayList<>();
      for (Object c : list(table.get("columns"))) {
        Map<?, ?> column = (Map<?, ?>) c;
        columns.add(new Column(str(column.get("name")), str(column.get("component")), str(column.get("type")),
            Boolean.TRUE.equals(column.get("nullable")), str(column.get("backfill")),
            str(column.get("renamed_from")), str(column.get("cql_type"))));
      }
      Map<?, ?> pk = (Map<?, ?>) table.get("primary_key");
      List<Unique> uniques = new ArrayList<>();
      for (Object u : list(table.get("uniques"))) {
        uniques.add(unique((Map<?, ?>) u));
      }
      List<ForeignKey> fks = new ArrayList<>();
      for (Object f : list(table.get("foreign_keys"))) {
        Map<?, ?> fk = (Map<?, ?>) f;
        fks.add(new ForeignKey(str(fk.get("name")), str(fk.get("column")), str(fk.get("references")),
            str(fk.get("referenced_column")), str(fk.get("on_delete"))));
      }
      List<Index> indexes = new ArrayList<>();
      for (Object i : list(table.get("indexes"))) {
        Map<?, ?> index = (Map<?, ?>) i;
        indexes.add(new Index(str(index.get("name")), str(index.get("column")), str(index.get("method"))));
      }
      List<Check> checks = new ArrayList<>();
      for (Object c : list(table.get("checks"))) {
        Map<?, ?> check = (Map<?, ?>) c;
        checks.add(new Check(str(check.get("name")), str(check.get("column")),
            list(check.get("values")).stream().map(String::valueOf).toList()));
      }
      tables.add(new Table(str(table.get("name")), columns, unique(pk), uniques, fks, indexes, checks));
    }
    Snapshot snapshot = new Snapshot(str(root.get("plugin")), str(root.get("version")), tables);
    Object recorded = root.get("hash");
    if (recorded != null && !recorded.equals(snapshot.hash())) {
      throw new IllegalArgumentException("schema snapshot of " + snapshot.plugin() + " " + snapshot.version()
          + " records hash " + recorded + " but its content hashes to " + snapshot.hash()
          + ": the file was edited by hand; restore it from version control");
    }
    return snapshot;
  }

  private String write(boolean pretty, boolean withHeader) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      g.writeStartObject();
      if (withHeader) {
        g.writeNumberField("format", FORMAT);
        g.writeStringField("plugin", plugin);
        g.writeStringField("version", version);
        g.writeStringField("hash", hash());
      }
      g.writeArrayFieldStart("tables");
      for (Table t : tables) {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeArrayFieldStart("columns");
        for (Column c : t.columns()) {
          g.writeStartObject();
          g.writeStringField("name", c.name());
          g.writeStringField("type", c.type());
          g.writeBooleanField("nullable", c.nullable());
          if (withHeader) {
            optional(g, "component", c.component());
            optional(g, "backfill", c.backfill());
            optional(g, "renamed_from", c.renamedFrom());
            optional(g, "cql_type", c.cqlType());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("primary_key");
        unique(g, t.primaryKey());
        g.writeArrayFieldStart("uniques");
        for (Unique u : t.uniques()) {
          unique(g, u);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("foreign_keys");
        for (ForeignKey f : t.foreignKeys()) {
          g.writeStartObject();
          g.writeStringField("name", f.name());
          g.writeStringField("column", f.column());
          g.writeStringField("references", f.references());
          g.writeStringField("referenced_column", f.referencedColumn());
          g.writeStringField("on_delete", f.onDelete());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("indexes");
        for (Index i : t.indexes()) {
          g.writeStartObject();
          g.writeStringField("name", i.name());
          g.writeStringField("column", i.column());
          g.writeStringField("method", i.method());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("checks");
        for (Check c : t.checks()) {
          g.writeStartObject();
          g.writeStringField("name", c.name());
          g.writeStringField("column", c.column());
          g.writeArrayFieldStart("values");
          for (String v : c.values()) {
            g.writeString(v);
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pretty ? out + "\n" : out.toString();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void unique(JsonGenerator g, Unique u) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", u.name());
    g.writeArrayFieldStart("columns");
    for (String c : u.columns()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static Unique unique(Map<?, ?> u) {
    return new Unique(str(u.get("name")), list(u.get("columns")).stream().map(String::valueOf).toList());
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }

  private static String str(Object o) {
    return o == null ? null : Objects.toString(o);
  }
}
