package dev.daogen.processor.cql;

import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;

/**
 * The CQL type of every component type the processor supports, and of the PostgreSQL types that schema snapshots
 * record. Enums are their constant names ({@code text}); nested records and maps are JSON text, as they are jsonb in
 * PostgreSQL.
 */
public final class CqlTypes {
  private CqlTypes() {}

  /** The CQL type of a component of this type. */
  public static String of(TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return of(s.kind());
    }
    if (type instanceof TypeModel.EnumType) {
      return "text";
    }
    if (type instanceof TypeModel.CollectionType c) {
      return (c.set() ? "set<" : "list<") + of(c.element()) + ">";
    }
    if (type.isJson()) {
      return "text";
    }
    throw new IllegalArgumentException("no CQL type for " + type);
  }

  /** The CQL type of a scalar. */
  public static String of(ScalarKind kind) {
    return switch (kind) {
      case STRING -> "text";
      case UUID -> "uuid";
      case INT -> "int";
      case LONG -> "bigint";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal";
      case BOOLEAN -> "boolean";
      case INSTANT -> "timestamp";
      case LOCAL_DATE -> "date";
    };
  }

  /**
   * The CQL type of a snapshot's PostgreSQL column type ({@code Snapshot.Column#type()}). An array is a {@code set} when
   * {@code set}, else a {@code list}: the snapshot does not tell them apart.
   */
  public static String ofSql(String sqlType, boolean set) {
    if (sqlType.endsWith("[]")) {
      return (set ? "set<" : "list<") + ofSql(sqlType.substring(0, sqlType.length() - 2), false) + ">";
    }
    if (sqlType.equals("jsonb")) {
      return "text";
    }
    for (ScalarKind kind : ScalarKind.values()) {
      if (kind.sqlType().equals(sqlType)) {
        return of(kind);
      }
    }
    throw new IllegalArgumentException("no CQL type for the PostgreSQL type " + sqlType);
  }
}
