package dev.daogen.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Null-safe binding and reading of the types daogen stores, on plain JDBC (pgjdbc). Generated code calls these
 * static methods with fixed column indexes: no reflection, no metadata lookups.
 */
public final class Jdbc {
  private Jdbc() {}

  public static void setString(PreparedStatement ps, int i, String v) throws SQLException {
    ps.setString(i, v);
  }

  public static void setUuid(PreparedStatement ps, int i, UUID v) throws SQLException {
    ps.setObject(i, v, Types.OTHER);
  }

  public static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  public static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  public static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  public static void setBoolean(PreparedStatement ps, int i, Boolean v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BOOLEAN);
    } else {
      ps.setBoolean(i, v);
    }
  }

  public static void setDecimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
    ps.setBigDecimal(i, v);
  }

  public static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
    }
  }

  public static void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setObject(i, v);
    }
  }

  public static void setEnum(PreparedStatement ps, int i, Enum<?> v) throws SQLException {
    ps.setString(i, v == null ? null : v.name());
  }

  /** Binds a jsonb value from its JSON text. */
  public static void setJson(PreparedStatement ps, int i, String json) throws SQLException {
    ps.setObject(i, json, Types.OTHER);
  }

  /** Binds a collection as a PostgreSQL array of {@code sqlType} elements ({@code text}, {@code uuid}, …). */
  public static void setArray(PreparedStatement ps, int i, String sqlType, Collection<?> v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.ARRAY);
    } else {
      ps.setArray(i, ps.getConnection().createArrayOf(sqlType, v.toArray()));
    }
  }

  /** Binds tags or other strings as a {@code text[]}. */
  public static void setTextArray(PreparedStatement ps, int i, String[] v) throws SQLException {
    ps.setArray(i, ps.getConnection().createArrayOf("text", v));
  }

  public static String getString(ResultSet rs, int i) throws SQLException {
    return rs.getString(i);
  }

  public static UUID getUuid(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, UUID.class);
  }

  public static Integer getInt(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  public static Long getLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  public static Double getDouble(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }

  public static Boolean getBoolean(ResultSet rs, int i) throws SQLException {
    boolean v = rs.getBoolean(i);
    return rs.wasNull() ? null : v;
  }

  public static BigDecimal getDecimal(ResultSet rs, int i) throws SQLException {
    return rs.getBigDecimal(i);
  }

  public static Instant getInstant(ResultSet rs, int i) throws SQLException {
    OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
    return v == null ? null : v.toInstant();
  }

  public static LocalDate getDate(ResultSet rs, int i) throws SQLException {
    return rs.getObject(i, LocalDate.class);
  }

  public static <T extends Enum<T>> T getEnum(ResultSet rs, int i, Class<T> type) throws SQLException {
    String v = rs.getString(i);
    return v == null ? null : Enum.valueOf(type, v);
  }

  /** Reads an array column as an unmodifiable list. */
  public static <T> List<T> getList(ResultSet rs, int i, Class<T> element) throws SQLException {
    Object[] values = arrayValues(rs, i);
    if (values == null) {
      return null;
    }
    List<T> out = new ArrayList<>(values.length);
    for (Object v : values) {
      out.add(element.cast(convert(v, element)));
    }
    return Collections.unmodifiableList(out);
  }

  /** Reads an array column as an unmodifiable set that keeps the stored order. */
  public static <T> Set<T> getSet(ResultSet rs, int i, Class<T> element) throws SQLException {
    Object[] values = arrayValues(rs, i);
    if (values == null) {
      return null;
    }
    // straight into the set (no list in between): this runs for every row of every page
    Set<T> out = new LinkedHashSet<>(Math.max(4, values.length * 4 / 3 + 1));
    for (Object v : values) {
      out.add(element.cast(convert(v, element)));
    }
    return Collections.unmodifiableSet(out);
  }

  private static Object[] arrayValues(ResultSet rs, int i) throws SQLException {
    Array array = rs.getArray(i);
    if (array == null) {
      return null;
    }
    try {
      return (Object[]) array.getArray();
    } finally {
      array.free();
    }
  }

  private static Object convert(Object v, Class<?> element) {
    if (v == null || element.isInstance(v)) {
      return v;
    }
    if (element == Instant.class && v instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (element == LocalDate.class && v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (element == UUID.class) {
      return UUID.fromString(v.toString());
    }
    throw new IllegalStateException(
        "cannot read an array element of type " + v.getClass().getName() + " as " + element.getName());
  }
}
