package dev.daogen.processor.cql;

import static dev.daogen.processor.cql.CqlNames.quote;

import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.sql.SqlNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders an entity's statements for the Cassandra store: one table per entity (named as in PostgreSQL), the claims of
 * its unique values in {@code <table>_unique}. Every identifier is quoted; every value is a {@code ?} parameter.
 *
 * <p>Statements that read rows select the components in order, then the hidden {@code version}, then (ttl entities)
 * the hidden {@code ttl}. Writes are lightweight transactions: an insert applies only if the key is free, an update
 * or delete only if the row still has the version the store read. Every write sets the row's time to live ({@code
 * USING TTL ?}; 0 for none). Lookups by a unique field, pages by a field and by tag are served by the table's
 * storage-attached indexes ({@link CqlDdl}).
 */
public final class CqlRenderer {
  /** The {@code CassandraStatements} constants of the entity-wide statements. */
  static final String INSERT = "INSERT";
  static final String UPDATE = "UPDATE";
  static final String DELETE = "DELETE";
  static final String COUNT = "COUNT";
  static final String TRUNCATE = "TRUNCATE";
  static final String TRUNCATE_CLAIMS = "TRUNCATE_CLAIMS";
  static final String CLAIM = "CLAIM";
  static final String TAKE_OVER_CLAIM = "TAKE_OVER_CLAIM";
  static final String RELEASE_CLAIM = "RELEASE_CLAIM";
  static final String PAGE_TAG = "PAGE_TAG";

  private final EntityModel entity;
  private final String table;
  private final List<EntityCql.Statement> out = new ArrayList<>();

  private CqlRenderer(EntityModel entity) {
    this.entity = entity;
    this.table = quote(entity.name());
  }

  /** Renders every statement the Cassandra store runs for the entity. */
  public static EntityCql render(EntityModel entity) {
    return new CqlRenderer(entity).renderAll();
  }

  private EntityCql renderAll() {
    List<String> selected = new ArrayList<>(columns(entity.fields()));
    selected.add(CqlNames.VERSION_COLUMN);
    if (entity.ttl()) {
      selected.add(CqlNames.TTL_COLUMN);
    }
    String select = "SELECT " + list(selected) + " FROM " + table;
    List<String> key = columns(entity.primaryKeyFields());
    String byKey = " WHERE " + equalities(key);

    add(EntityCql.Kind.FIND, SqlNames.PRIMARY_KEY, select + byKey, key);
    for (FieldModel f : entity.fields()) {
      if (f.unique() && !f.primaryKey()) {
        add(EntityCql.Kind.FIND, SqlNames.lookupBy(f), select + " WHERE " + quote(f) + " = ?", List.of(f.column()));
      }
    }
    if (entity.hasCacheKeyColumn()) {
      add(EntityCql.Kind.FIND, SqlNames.CACHE_KEY, select + " WHERE " + quote(CqlNames.CACHE_KEY_COLUMN) + " = ?",
          List.of(CqlNames.CACHE_KEY_COLUMN));
    }

    add(EntityCql.Kind.PAGE, SqlNames.ALL, select, List.of());
    entity.tagsField().ifPresent(tags -> add(EntityCql.Kind.STATEMENT, PAGE_TAG,
        select + " WHERE " + quote(tags) + " CONTAINS ?", List.of(tags.column())));
    for (FieldModel f : entity.foreignKeys()) {
      add(EntityCql.Kind.PAGE, SqlNames.filterFor(f), select + " WHERE " + quote(f) + " = ?", List.of(f.column()));
    }
    for (FieldModel f : entity.fields()) {
      if (f.indexed()) {
        add(EntityCql.Kind.PAGE, SqlNames.filterBy(f), select + " WHERE " + quote(f) + " = ?", List.of(f.column()));
      }
    }

    List<String> hidden = new ArrayList<>();
    if (entity.hasCacheKeyColumn()) {
      hidden.add(CqlNames.CACHE_KEY_COLUMN);
    }
    if (entity.ttl()) {
      hidden.add(CqlNames.TTL_COLUMN);
    }
    List<String> inserted = new ArrayList<>(columns(entity.fields()));
    inserted.addAll(hidden);
    List<String> insertParams = new ArrayList<>(inserted);
    inserted.add(CqlNames.VERSION_COLUMN);
    insertParams.add(CqlNames.VERSION);
    insertParams.add(CqlNames.TTL);
    add(EntityCql.Kind.STATEMENT, INSERT, "INSERT INTO " + table + " (" + list(inserted) + ") VALUES ("
        + placeholders(inserted.size()) + ") IF NOT EXISTS USING TTL ?", insertParams);

    List<String> set = new ArrayList<>(columns(entity.valueFields()));
    set.addAll(hidden);
    List<String> updateParams = new ArrayList<>();
    updateParams.add(CqlNames.TTL);
    updateParams.addAll(set);
    updateParams.add(CqlNames.VERSION);
    updateParams.addAll(key);
    updateParams.add(CqlNames.OLD_VERSION);
    set.add(CqlNames.VERSION_COLUMN);
    add(EntityCql.Kind.STATEMENT, UPDATE, "UPDATE " + table + " USING TTL ? SET "
        + set.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(", ")) + byKey + " IF "
        + quote(CqlNames.VERSION_COLUMN) + " = ?", updateParams);

    List<String> deleteParams = new ArrayList<>(key);
    deleteParams.add(CqlNames.OLD_VERSION);
    add(EntityCql.Kind.STATEMENT, DELETE, "DELETE FROM " + table + byKey + " IF " + quote(CqlNames.VERSION_COLUMN)
        + " = ?", deleteParams);
    add(EntityCql.Kind.STATEMENT, COUNT, "SELECT COUNT(*) FROM " + table, List.of());
    add(EntityCql.Kind.STATEMENT, TRUNCATE, "TRUNCATE " + table, List.of());
    if (CqlNames.hasClaims(entity)) {
      claims(quote(CqlNames.claimsTable(entity.name())));
    }
    return new EntityCql(out);
  }

  /** The statements of the claims table: who holds which unique value. */
  private void claims(String claims) {
    String byValue = " WHERE " + quote(CqlNames.CLAIM_NAME) + " = ? AND " + quote(CqlNames.CLAIM_VALUE) + " = ?";
    String owner = quote(CqlNames.CLAIM_OWNER);
    add(EntityCql.Kind.STATEMENT, TRUNCATE_CLAIMS, "TRUNCATE " + claims, List.of());
    add(EntityCql.Kind.STATEMENT, CLAIM, "INSERT INTO " + claims + " (" + list(List.of(CqlNames.CLAIM_NAME,
            CqlNames.CLAIM_VALUE, CqlNames.CLAIM_OWNER)) + ") VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?",
        List.of(CqlNames.UNIQUE_NAME, CqlNames.UNIQUE_VALUE, CqlNames.OWNER, CqlNames.TTL));
    add(EntityCql.Kind.STATEMENT, TAKE_OVER_CLAIM, "UPDATE " + claims + " USING TTL ? SET " + owner + " = ?" + byValue
            + " IF " + owner + " = ?",
        List.of(CqlNames.TTL, CqlNames.OWNER, CqlNames.UNIQUE_NAME, CqlNames.UNIQUE_VALUE, CqlNames.OLD_OWNER));
    add(EntityCql.Kind.STATEMENT, RELEASE_CLAIM, "DELETE FROM " + claims + byValue + " IF " + owner + " = ?",
        List.of(CqlNames.UNIQUE_NAME, CqlNames.UNIQUE_VALUE, CqlNames.OWNER));
  }

  private static List<String> columns(List<FieldModel> fields) {
    return fields.stream().map(FieldModel::column).toList();
  }

  private static String list(List<String> columns) {
    return columns.stream().map(CqlNames::quote).collect(Collectors.joining(", "));
  }

  private static String equalities(List<String> columns) {
    return columns.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
  }

  private static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private void add(EntityCql.Kind kind, String subject, String cql, List<String> params) {
    out.add(new EntityCql.Statement(kind, subject, cql, params));
  }
}
