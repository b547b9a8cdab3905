package dev.daogen.processor.sql;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.Names;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.schema.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The plugin's entities as a {@link Snapshot}: the single description of the schema that the base migration, the
 * version migrations and {@code schema.json} are all rendered from. Constraint and index names follow PostgreSQL's
 * own conventions ({@code <table>_pkey}, {@code <table>_<col>_key}, {@code _fkey}, {@code _check}, {@code _idx}).
 */
public final class SnapshotBuilder {
  private SnapshotBuilder() {}

  public static Snapshot build(PluginModel plugin) {
    return new Snapshot(plugin.name(), plugin.version(),
        plugin.entities().stream().map(SnapshotBuilder::table).toList());
  }

  static Snapshot.Table table(EntityModel entity) {
    String t = entity.name();
    List<Snapshot.Column> columns = new ArrayList<>();
    for (FieldModel f : entity.fields()) {
      columns.add(new Snapshot.Column(f.column(), f.name(), sqlType(f.type()), f.nullable(),
          f.defaultValue().map(d -> backfill(d, f.type())).orElse(null), f.renamedFrom().orElse(null)));
    }
    if (entity.hasCacheKeyColumn()) {
      columns.add(new Snapshot.Column(SqlRenderer.CACHE_KEY_COLUMN, null, "text", false, null, null));
    }
    if (entity.ttl()) {
      columns.add(new Snapshot.Column(SqlRenderer.TTL_COLUMN, null, "timestamp with time zone", true, null, null));
    }
    Snapshot.Unique pk = new Snapshot.Unique(DdlRenderer.primaryKeyConstraint(entity),
        entity.primaryKeyFields().stream().map(FieldModel::column).toList());
    List<Snapshot.Unique> uniques = new ArrayList<>();
    List<Snapshot.ForeignKey> fks = new ArrayList<>();
    List<Snapshot.Check> checks = new ArrayList<>();
    List<Snapshot.Index> indexes = new ArrayList<>();
    for (FieldModel f : entity.fields()) {
      if (f.unique() && !f.primaryKey()) {
        uniques.add(new Snapshot.Unique(DdlRenderer.uniqueConstraint(entity, f.column()), List.of(f.column())));
      }
    }
    if (entity.hasCacheKeyColumn()) {
      uniques.add(new Snapshot.Unique(DdlRenderer.uniqueConstraint(entity, SqlRenderer.CACHE_KEY_COLUMN),
          List.of(SqlRenderer.CACHE_KEY_COLUMN)));
    }
    for (FieldModel f : entity.fields()) {
      f.foreign().ifPresent(fk -> fks.add(new Snapshot.ForeignKey(fk.constraintName(), f.column(), fk.parentName(),
          fk.parentKeyColumn(), switch (fk.onDelete()) {
            case CASCADE -> "CASCADE";
            case NULL -> "SET NULL";
            case RESTRICT -> "RESTRICT";
          })));
      if (f.type() instanceof TypeModel.EnumType en) {
        checks.add(new Snapshot.Check(Names.identifier(t + "_" + f.column() + "_check"), f.column(),
            en.constants()));
      }
    }
    for (FieldModel f : entity.fields()) {
      boolean leadsAnIndex = f.unique() || entity.primaryKey().get(0).equals(f.name());
      if ((f.foreign().isPresent() || f.indexed()) && !leadsAnIndex) {
        indexes.add(new Snapshot.Index(DdlRenderer.indexName(entity, f.column()), f.column(), "btree"));
      }
      if (f.tags()) {
        indexes.add(new Snapshot.Index(DdlRenderer.indexName(entity, f.column()), f.column(), "gin"));
      }
    }
    if (entity.ttl()) {
      indexes.add(new Snapshot.Index(DdlRenderer.indexName(entity, SqlRenderer.TTL_COLUMN), SqlRenderer.TTL_COLUMN,
          "btree"));
    }
    return new Snapshot.Table(t, columns, pk, uniques, fks, indexes, checks);
  }

  /** The PostgreSQL type as {@code format_type} prints it. */
  static String sqlType(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return s.kind().sqlType();
    }
    if (type instanceof TypeModel.EnumType) {
      return "text";
    }
    if (type instanceof TypeModel.CollectionType c) {
      return c.element().sqlType() + "[]";
    }
    return "jsonb";
  }

  /**
   * The SQL literal for a {@code @Default} literal, which {@code DefaultLiteralChecker} has already validated: what
   * existing rows get when a later version adds the column.
   */
  static String backfill(String literal, TypeModel type) {
    if (type instanceof TypeModel.CollectionType c) {
      String element = c.element().sqlType();
      if (literal.isEmpty()) {
        return "'{}'::" + element + "[]";
      }
      return List.of(literal.split(",", -1)).stream()
          .map(item -> quote(item) + "::" + element)
          .collect(Collectors.joining(", ", "array[", "]::" + element + "[]"));
    }
    String sqlType = type instanceof TypeModel.Scalar s ? s.kind().sqlType() : ScalarKind.STRING.sqlType();
    return quote(literal) + "::" + sqlType;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
