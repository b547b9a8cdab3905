package dev.daogen.processor.sql;

import static dev.daogen.processor.sql.SqlRenderer.column;
import static dev.daogen.processor.sql.SqlRenderer.dsl;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.Names;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
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
 * Renders a plugin's DDL with jOOQ: tables with their keys, unique and check constraints, foreign keys and indexes.
 * Every statement is reentrant ({@code IF NOT EXISTS}).
 */
public final class DdlRenderer {
  private DdlRenderer() {}

  /** The statements that create every entity of the plugin, parents first. */
  public static List<String> createPlugin(PluginModel plugin) {
    List<String> out = new ArrayList<>();
    for (EntityModel e : plugin.entities()) {
      out.addAll(createEntity(e));
    }
    return out;
  }

  /** The statements that create one entity's table and indexes. */
  public static List<String> createEntity(EntityModel entity) {
    Table<?> table = DSL.table(DSL.name(entity.name()));
    List<Field<?>> columns = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>();
    for (FieldModel f : entity.fields()) {
      DataType<?> type = dataType(f.type()).nullable(f.nullable());
      columns.add(DSL.field(DSL.name(f.column()), type));
    }
    if (entity.hasCacheKeyColumn()) {
      columns.add(DSL.field(DSL.name(SqlRenderer.CACHE_KEY_COLUMN), SQLDataType.CLOB.nullable(false)));
    }
    if (entity.ttl()) {
      columns.add(DSL.field(DSL.name(SqlRenderer.TTL_COLUMN), SQLDataType.TIMESTAMPWITHTIMEZONE.nullable(true)));
    }
    constraints.add(DSL.constraint(DSL.name(primaryKeyConstraint(entity)))
        .primaryKey(entity.primaryKeyFields().stream().map(f -> column(f.column())).toArray(Field<?>[]::new)));
    for (FieldModel f : entity.fields()) {
      if (f.unique() && !f.primaryKey()) {
        constraints.add(DSL.constraint(DSL.name(uniqueConstraint(entity, f.column()))).unique(column(f.column())));
      }
    }
    if (entity.hasCacheKeyColumn()) {
      constraints.add(DSL.constraint(DSL.name(uniqueConstraint(entity, SqlRenderer.CACHE_KEY_COLUMN)))
          .unique(column(SqlRenderer.CACHE_KEY_COLUMN)));
    }
    for (FieldModel f : entity.fields()) {
      f.foreign().ifPresent(fk -> {
        var references = DSL.constraint(DSL.name(fk.constraintName()))
            .foreignKey(column(f.column()))
            .references(DSL.table(DSL.name(fk.parentName())), column(fk.parentKeyColumn()));
        constraints.add(switch (fk.onDelete()) {
          case CASCADE -> references.onDeleteCascade();
          case NULL -> references.onDeleteSetNull();
          case RESTRICT -> references.onDeleteRestrict();
        });
      });
      if (f.type() instanceof TypeModel.EnumType en) {
        constraints.add(DSL.constraint(DSL.name(Names.identifier(entity.name() + "_" + f.column() + "_check")))
            .check(DSL.field(DSL.name(f.column()), String.class).in(en.constants())));
      }
    }
    List<String> out = new ArrayList<>();
    out.add(render(dsl().createTableIfNotExists(table).columns(columns).constraints(constraints)));
    for (FieldModel f : entity.fields()) {
      if ((f.foreign().isPresent() || f.indexed()) && !leadsAnIndex(entity, f)) {
        out.add(render(dsl().createIndexIfNotExists(DSL.name(indexName(entity, f.column())))
            .on(table, column(f.column()))));
      }
      if (f.tags()) {
        out.add(render(DSL.query("create index if not exists {0} on {1} using gin ({2})",
            DSL.name(indexName(entity, f.column())), table, column(f.column()))));
      }
    }
    if (entity.ttl()) {
      out.add(render(dsl().createIndexIfNotExists(DSL.name(indexName(entity, SqlRenderer.TTL_COLUMN)))
          .on(table, column(SqlRenderer.TTL_COLUMN))));
    }
    return out;
  }

  /** A unique constraint or the primary key whose first column is this one already indexes it. */
  private static boolean leadsAnIndex(EntityModel entity, FieldModel f) {
    return f.unique() || entity.primaryKey().get(0).equals(f.name());
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

  private static DataType<?> dataType(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return scalar(s.kind());
    }
    if (type instanceof TypeModel.EnumType) {
      return SQLDataType.CLOB;
    }
    if (type instanceof TypeModel.CollectionType c) {
      return scalar(c.element()).getArrayDataType();
    }
    return SQLDataType.JSONB;
  }

  private static DataType<?> scalar(ScalarKind kind) {
    return switch (kind) {
      case STRING -> SQLDataType.CLOB;
      case UUID -> SQLDataType.UUID;
      case INT -> SQLDataType.INTEGER;
      case LONG -> SQLDataType.BIGINT;
      case DOUBLE -> SQLDataType.DOUBLE;
      case DECIMAL -> SQLDataType.NUMERIC;
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case INSTANT -> SQLDataType.TIMESTAMPWITHTIMEZONE;
      case LOCAL_DATE -> SQLDataType.LOCALDATE;
    };
  }

  private static String render(Query query) {
    return dsl().renderInlined(query);
  }

}
