package dev.daogen.processor.cql;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.schema.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CQL types of a plugin's columns, which a {@link Snapshot} (written for PostgreSQL) does not give by itself: it
 * records {@code text[]} for a {@code List<String>} and a {@code Set<String>} alike. Snapshots of plugins generated for
 * Cassandra carry each column's CQL type ({@link Snapshot.Column#cqlType()}, see {@link #annotate}); for older ones,
 * the type comes from the current entities where they still have the column, else from the PostgreSQL type (an array
 * is a list, but the tags are a set).
 *
 * @param declared the CQL type of each column the current entities have, by table, then by column
 */
public record CqlSchema(Map<String, Map<String, String>> declared) {
  public CqlSchema {
    declared = Map.copyOf(declared);
  }

  /** The current entities of a plugin. */
  public static CqlSchema of(PluginModel plugin) {
    Map<String, Map<String, String>> declared = new LinkedHashMap<>();
    for (EntityModel e : plugin.entities()) {
      Map<String, String> columns = new LinkedHashMap<>();
      for (FieldModel f : e.fields()) {
        columns.put(f.column(), CqlTypes.of(f.type()));
      }
      declared.put(e.name(), columns);
    }
    return new CqlSchema(declared);
  }

  /** The snapshot with the CQL type of every column recorded. */
  public Snapshot annotate(Snapshot snapshot) {
    return new Snapshot(snapshot.plugin(), snapshot.version(), snapshot.tables().stream()
        .map(t -> new Snapshot.Table(t.name(), t.columns().stream().map(c -> c.withCqlType(type(t, c))).toList(),
            t.primaryKey(), t.uniques(), t.foreignKeys(), t.indexes(), t.checks()))
        .toList());
  }

  /** The CQL type of a snapshot's column. */
  public String type(Snapshot.Table table, Snapshot.Column column) {
    if (column.cqlType() != null) {
      return column.cqlType();
    }
    boolean tags = table.indexes().stream().anyMatch(i -> i.column().equals(column.name()) && i.method().equals("gin"));
    String recorded = CqlTypes.ofSql(column.type(), tags);
    String own = declared.getOrDefault(table.name(), Map.of()).get(column.name());
    // the entity's own type, unless the column had another type in that snapshot
    return own != null && asList(own).equals(asList(recorded)) ? own : recorded;
  }

  private static String asList(String cqlType) {
    return cqlType.startsWith("set<") ? "list<" + cqlType.substring(4) : cqlType;
  }
}
