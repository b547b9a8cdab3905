package dev.daogen.processor.sql;


import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.sql.EntitySql.Kind;
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
  /** The runtime's special parameters (see {@code dev.daogen.store.postgres.Sql}). */
  public static final String LIMIT = "$limit";
  public static final String EXPIRES_AT = "$expires_at";
  public static final String TAGS = "$tags";
  public static final String KEYS = "$keys";

  private static final DSLContext DSL_CONTEXT = DSL.using(SQLDialect.POSTGRES, new Settings()
      .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
      .withRenderFormatted(false)
      .withStatementType(StatementType.PREPARED_STATEMENT));

  private final EntityModel entity;
  private final Table<?> table;
  private final List<EntitySql.Statement> out = new ArrayList<>();

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
    List<String> key = entity.primaryKeyFields().stream().map(FieldModel::column).toList();
    Condition byKey = keyCondition(entity.primaryKeyFields());
    String pk = SqlNames.PRIMARY_KEY;
    put(Kind.FIND, pk, dsl().select(columns).from(table).where(byKey.and(visible())), key);
    put(Kind.FIND_FOR_UPDATE, pk, dsl().select(columns).from(table).where(byKey.and(visible())).forUpdate(), key);
    put(Kind.DELETE, pk, dsl().deleteFrom(table).where(byKey.and(visible())).returning(columns), key);
    for (FieldModel f : entity.fields()) {
      if (f.unique() && !f.primaryKey()) {
        String lookup = SqlNames.lookupBy(f);
        List<String> value = List.of(f.column());
        Condition byUnique = column(f.column()).eq(param());
        put(Kind.FIND, lookup, dsl().select(columns).from(table).where(byUnique.and(visible())), value);
        put(Kind.FIND_FOR_UPDATE, lookup,
            dsl().select(columns).from(table).where(byUnique.and(visible())).forUpdate(), value);
        put(Kind.DELETE, lookup, dsl().deleteFrom(table).where(byUnique.and(visible())).returning(columns), value);
      }
    }
    if (entity.hasCacheKeyColumn()) {
      put(Kind.FIND, SqlNames.CACHE_KEY,
          dsl().select(columns).from(table).where(column(CACHE_KEY_COLUMN).eq(param()).and(visible())),
          List.of(CACHE_KEY_COLUMN));
    }
    page(SqlNames.ALL, columns, DSL.noCondition(), List.of());
    entity.tagsField().ifPresent(tags -> {
      page(SqlNames.TAGS_ALL, columns, DSL.condition("{0} @> {1}", column(tags.column()), textArray()),
          List.of(TAGS));
      page(SqlNames.TAGS_ANY, columns, DSL.condition("{0} && {1}", column(tags.column()), textArray()),
          List.of(TAGS));
    });
    for (FieldModel f : entity.foreignKeys()) {
      page(SqlNames.filterFor(f), columns, column(f.column()).eq(param()), List.of(f.column()));
    }
    for (FieldModel f : entity.fields()) {
      if (f.indexed()) {
        page(SqlNames.filterBy(f), columns, column(f.column()).eq(param()), List.of(f.column()));
      }
    }
    put(Kind.STATEMENT, "count", dsl().selectCount().from(table).where(visible()), List.of());
    List<String> insertParams = names(insertColumns());
    put(Kind.STATEMENT, "insert",
        dsl().insertInto(table).columns(insertColumns()).values(params(insertParams.size())), insertParams);
    List<String> updateParams = new ArrayList<>(names(writeColumns(false)));
    updateParams.addAll(key);
    put(Kind.STATEMENT, "update", dsl().update(table).set(assignments()).where(byKey), updateParams);
    // upserts: an insert that never fails on a unique value, and the read of the rows that hold them
    put(Kind.STATEMENT, "insert if absent", dsl().insertInto(table).columns(insertColumns())
        .values(params(insertParams.size())).onConflictDoNothing(), insertParams);
    Condition conflicts = conflictCondition(byKey);
    List<String> conflictParams = conflictParams();
    put(Kind.STATEMENT, "conflicts", dsl().select(columns).from(table).where(conflicts.and(visible())),
        conflictParams);
    for (FieldModel f : entity.foreignKeys()) {
      put(Kind.LOCK_CHILDREN, SqlNames.foreignKey(f),
          dsl().select(columns).from(table).where(column(f.column()).eq(param())).forUpdate(), List.of(f.column()));
    }
    if (entity.ttl()) {
      Field<Object> ttl = column(TTL_COLUMN);
      Condition expired = DSL.condition("{0} <= now()", ttl);
      put(Kind.STATEMENT, "purge expired",
          dsl().deleteFrom(table).where(expired.and(conflicts)).returning(columns), conflictParams);
      put(Kind.STATEMENT, "delete expired", DSL.query("delete from {0} where ctid in (select ctid from {0} where "
          + "{1} <= now() limit {2} for update skip locked) returning {3}", table, ttl,
          DSL.param("limit", SQLDataType.INTEGER), DSL.list(columns.stream().map(c -> (Field<?>) c).toList())),
          List.of(LIMIT));
      Map<Field<?>, Object> withTtl = assignments();
      withTtl.put(ttl, param());
      List<String> updateTtlParams = new ArrayList<>(names(writeColumns(false)));
      updateTtlParams.add(EXPIRES_AT);
      updateTtlParams.addAll(key);
      put(Kind.STATEMENT, "update with expiry", dsl().update(table).set(withTtl).where(byKey), updateTtlParams);
      put(Kind.STATEMENT, "expires at", dsl().select(ttl).from(table).where(byKey.and(visible())), key);
      if (entity.primaryKey().size() == 1) {
        FieldModel k = entity.primaryKeyFields().get(0);
        String keyType = k.type() instanceof dev.daogen.processor.model.TypeModel.Scalar sc
            ? sc.kind().sqlType() : "text";
        // the keys travel as one text[] parameter, cast to the key's type
        put(Kind.STATEMENT, "expiries", dsl().select(column(k.column()), ttl).from(table)
            .where(DSL.condition("{0} = any(cast({1} as " + keyType + "[]))", column(k.column()), param())
                .and(DSL.condition("{0} > now()", ttl))), List.of(KEYS));
      }
      put(Kind.STATEMENT, "find including expired", dsl().select(columns).from(table).where(byKey), key);
    }
    put(Kind.STATEMENT, "truncate", dsl().truncate(table).cascade(), List.of());
    return new EntitySql(out);
  }

  private static List<String> names(List<Field<?>> fields) {
    return fields.stream().map(f -> f.getName().equals(TTL_COLUMN) ? EXPIRES_AT : f.getName()).toList();
  }

  /** The parameters of {@link #conflictCondition}: the key, the unique values, the hidden cache key. */
  private List<String> conflictParams() {
    List<String> out = new ArrayList<>();
    entity.primaryKeyFields().forEach(f -> out.add(f.column()));
    entity.valueFields().stream().filter(FieldModel::unique).forEach(f -> out.add(f.column()));
    if (entity.hasCacheKeyColumn()) {
      out.add(CACHE_KEY_COLUMN);
    }
    return out;
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

  private void page(String filter, List<SelectFieldOrAsterisk> columns, Condition condition, List<String> params) {
    List<SortField<?>> order = new ArrayList<>();
    for (Field<?> k : keyColumns()) {
      order.add(k.asc());
    }
    Condition base = condition.and(visible());
    List<String> first = new ArrayList<>(params);
    first.add(LIMIT);
    put(Kind.PAGE, filter, dsl().select(columns).from(table).where(base).orderBy(order)
        .limit(DSL.param("limit", SQLDataType.INTEGER)), first);
    List<String> after = new ArrayList<>(params);
    entity.primaryKeyFields().forEach(f -> after.add(f.column()));
    after.add(LIMIT);
    put(Kind.PAGE_AFTER, filter, dsl().select(columns).from(table).where(base.and(afterKey())).orderBy(order)
        .limit(DSL.param("limit", SQLDataType.INTEGER)), after);
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

  private void put(Kind kind, String subject, Query query, List<String> params) {
    out.add(new EntitySql.Statement(kind, subject, query.getSQL(ParamType.INDEXED), params));
  }
}
