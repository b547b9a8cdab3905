package dev.daogen.processor.sql;

import static dev.daogen.processor.sql.SqlNames.after;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.conf.ParamType;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Renders an entity's DAO statements with jOOQ's DSL for the PostgreSQL dialect. Runs inside the processor: the
 * generated DAO only stores the strings. Every identifier is quoted; every value is a {@code ?} parameter.
 */
public final class SqlRenderer {
  /** The hidden column holding a composite cache key. */
  public static final String CACHE_KEY_COLUMN = "cache_key";
  /** The hidden column of ttl entities: when the row expires (null: never). */
  public static final String TTL_COLUMN = "ttl";

  private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES, new Settings()
      .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
      .withRenderFormatted(false)
      .withStatementType(StatementType.PREPARED_STATEMENT));

  private final EntityModel entity;
  private final Table<?> table;
  private final Map<String, String> out = new LinkedHashMap<>();

  private SqlRenderer(EntityModel entity) {
    this.entity = entity;
    this.table = DSL.table(DSL.name(entity.name()));
  }

  /** Renders every statement the entity's DAO runs. */
  public static EntitySql render(EntityModel entity) {
    return new SqlRenderer(entity).renderAll();
  }

  static DSLContext dsl() {
    return DSL_CONTEXT;
  }

  static Field<Object> column(String name) {
    return DSL.field(DSL.name(name));
  }

  private static Param<Object> param() {
    return DSL.param("p", SQLDataType.OTHER);
  }

  private EntitySql renderAll() {
    List<SelectFieldOrAsterisk> columns = new ArrayList<>();
    for (FieldModel f : entity.fields()) {
      columns.add(column(f.column()));
    }
    Condition byKey = keyCondition(entity.primaryKeyFields());
    put(SqlNames.SELECT, dsl().select(columns).from(table).where(byKey.and(visible())));
    put(SqlNames.SELECT_FOR_UPDATE, dsl().select(columns).from(table).where(byKey.and(visible())).forUpdate());
    for (FieldModel f : entity.fields()) {
      if (f.unique() && !f.primaryKey()) {
        Condition byUnique = column(f.column()).eq(param());
        put(SqlNames.selectBy(f), dsl().select(columns).from(table).where(byUnique.and(visible())));
        put(SqlNames.selectByForUpdate(f),
            dsl().select(columns).from(table).where(byUnique.and(visible())).forUpdate());
        put(SqlNames.deleteBy(f), dsl().deleteFrom(table).where(byUnique.and(visible())).returning(columns));
      }
    }
    if (entity.hasCacheKeyColumn()) {
      put(SqlNames.SELECT_BY_CACHE_KEY,
          dsl().select(columns).from(table).where(column(CACHE_KEY_COLUMN).eq(param()).and(visible())));
    }
    page(SqlNames.PAGE, columns, DSL.noCondition());
    entity.tagsField().ifPresent(tags -> {
      page(SqlNames.PAGE_TAGS_ALL, columns, DSL.condition("{0} @> {1}", column(tags.column()), textArray()));
      page(SqlNames.PAGE_TAGS_ANY, columns, DSL.condition("{0} && {1}", column(tags.column()), textArray()));
    });
    for (FieldModel f : entity.foreignKeys()) {
      page(SqlNames.pageFor(f), columns, column(f.column()).eq(param()));
    }
    for (FieldModel f : entity.fields()) {
      if (f.indexed()) {
        page(SqlNames.pageBy(f), columns, column(f.column()).eq(param()));
      }
    }
    put(SqlNames.COUNT, dsl().selectCount().from(table).where(visible()));
    List<Field<?>> insertColumns = insertColumns();
    put(SqlNames.INSERT, dsl().insertInto(table).columns(insertColumns).values(params(insertColumns.size())));
    put(SqlNames.UPDATE, dsl().update(table).set(assignments()).where(byKey));
    // upserts: an insert that never fails on a unique value, and the read of the rows that hold them
    put(SqlNames.INSERT_IF_ABSENT,
        dsl().insertInto(table).columns(insertColumns).values(params(insertColumns.size())).onConflictDoNothing());
    Condition conflicts = conflictCondition(byKey);
    put(SqlNames.CONFLICTS, dsl().select(columns).from(table).where(conflicts.and(visible())));
    put(SqlNames.DELETE, dsl().deleteFrom(table).where(byKey.and(visible())).returning(columns));
    for (FieldModel f : entity.foreignKeys()) {
      put(SqlNames.lockFor(f), dsl().select(columns).from(table).where(column(f.column()).eq(param())).forUpdate());
    }
    if (entity.ttl()) {
      Field<Object> ttl = column(TTL_COLUMN);
      Condition expired = DSL.condition("{0} <= now()", ttl);
      put(SqlNames.PURGE_EXPIRED, dsl().deleteFrom(table).where(expired.and(conflicts)).returning(columns));
      put(SqlNames.DELETE_EXPIRED, DSL.query("delete from {0} where ctid in (select ctid from {0} where {1} <= now() "
          + "limit {2} for update skip locked) returning {3}", table, ttl, DSL.param("limit", SQLDataType.INTEGER),
          DSL.list(columns.stream().map(c -> (Field<?>) c).toList())));
      Map<Field<?>, Object> withTtl = assignments();
      withTtl.put(ttl, param());
      put(SqlNames.UPDATE_TTL, dsl().update(table).set(withTtl).where(byKey));
      put(SqlNames.SELECT_TTL, dsl().select(ttl).from(table).where(byKey.and(visible())));
      if (entity.primaryKey().size() == 1) {
        FieldModel key = entity.primaryKeyFields().get(0);
        String keyType = key.type() instanceof dev.daogen.processor.model.TypeModel.Scalar s
            ? s.kind().sqlType() : "text";
        // the keys travel as one text[] parameter, cast to the key's type
        put(SqlNames.SELECT_TTLS, dsl().select(column(key.column()), ttl).from(table)
            .where(DSL.condition("{0} = any(cast({1} as " + keyType + "[]))", column(key.column()), param())
                .and(DSL.condition("{0} > now()", ttl))));
      }
      put(SqlNames.SELECT_INCLUDING_EXPIRED, dsl().select(columns).from(table).where(byKey));
    }
    put(SqlNames.TRUNCATE, dsl().truncate(table).cascade());
    return new EntitySql(out);
  }

  /** Key, value, hidden cache key, then (ttl entities) the expiry: the order of bindKey + bindValues + ttl. */
  private List<Field<?>> insertColumns() {
    List<Field<?>> cols = writeColumns(true);
    if (entity.ttl()) {
      cols.add(column(TTL_COLUMN));
    }
    return cols;
  }

  /** Key columns first, then value columns, then the hidden cache key: the order of bindKey + bindValues. */
  private List<Field<?>> writeColumns(boolean withKey) {
    List<Field<?>> cols = new ArrayList<>();
    if (withKey) {
      cols.addAll(keyColumns());
    }
    for (FieldModel f : entity.valueFields()) {
      cols.add(column(f.column()));
    }
    if (entity.hasCacheKeyColumn()) {
      cols.add(column(CACHE_KEY_COLUMN));
    }
    return cols;
  }

  private List<Field<?>> keyColumns() {
    List<Field<?>> cols = new ArrayList<>();
    for (FieldModel f : entity.primaryKeyFields()) {
      cols.add(column(f.column()));
    }
    return cols;
  }

  private Map<Field<?>, Object> assignments() {
    Map<Field<?>, Object> set = new LinkedHashMap<>();
    for (Field<?> f : writeColumns(false)) {
      set.put(f, param());
    }
    return set;
  }

  /**
   * The rows an entity could collide with: its primary key, any of its unique values, its cache key (bound in that
   * order by the generated {@code bindConflictKeys}).
   */
  private Condition conflictCondition(Condition byKey) {
    Condition conflicts = byKey;
    for (FieldModel f : entity.valueFields()) {
      if (f.unique()) {
        conflicts = conflicts.or(column(f.column()).eq(param()));
      }
    }
    if (entity.hasCacheKeyColumn()) {
      conflicts = conflicts.or(column(CACHE_KEY_COLUMN).eq(param()));
    }
    return conflicts;
  }

  private void page(String name, List<SelectFieldOrAsterisk> columns, Condition filter) {
    List<SortField<?>> order = new ArrayList<>();
    for (Field<?> k : keyColumns()) {
      order.add(k.asc());
    }
    Condition base = filter.and(visible());
    put(name, dsl().select(columns).from(table).where(base).orderBy(order).limit(DSL.param("limit", SQLDataType.INTEGER)));
    put(after(name), dsl().select(columns).from(table).where(base.and(afterKey())).orderBy(order).limit(DSL.param("limit", SQLDataType.INTEGER)));
  }

  private Condition afterKey() {
    List<Field<?>> keys = keyColumns();
    if (keys.size() == 1) {
      return column(keys.get(0).getName()).gt(param());
    }
    Field<?>[] params = new Field<?>[keys.size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = param();
    }
    return DSL.row(keys).gt(DSL.row(params));
  }

  private Condition keyCondition(List<FieldModel> fields) {
    Condition c = DSL.noCondition();
    for (FieldModel f : fields) {
      c = c.and(column(f.column()).eq(param()));
    }
    return c;
  }

  /** ttl entities hide expired rows from every read. */
  private Condition visible() {
    if (!entity.ttl()) {
      return DSL.noCondition();
    }
    Field<Object> ttl = column(TTL_COLUMN);
    return ttl.isNull().or(DSL.condition("{0} > now()", ttl));
  }

  private static Field<?> textArray() {
    return DSL.field("{0}::text[]", Object.class, param());
  }

  private static List<Param<Object>> params(int n) {
    List<Param<Object>> ps = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ps.add(param());
    }
    return ps;
  }

  private void put(String name, Query query) {
    out.put(name, query.getSQL(ParamType.INDEXED));
  }
}
