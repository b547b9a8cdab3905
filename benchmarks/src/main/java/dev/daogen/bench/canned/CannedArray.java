package dev.daogen.bench.canned;

import java.sql.Types;
import java.util.Map;

/** A PostgreSQL array value: what {@code createArrayOf} binds and {@code getArray} reads (a copy each time). */
final class CannedArray extends UnsupportedArray {
  private final String baseTypeName;
  private final Object[] elements;

  CannedArray(String baseTypeName, Object[] elements) {
    this.baseTypeName = baseTypeName;
    this.elements = elements;
  }

  @Override
  public Object getArray() {
    return elements.clone();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) {
    return getArray();
  }

  @Override
  public String getBaseTypeName() {
    return baseTypeName;
  }

  @Override
  public int getBaseType() {
    return Types.VARCHAR;
  }

  @Override
  public void free() {
    // nothing held
  }

  @Override
  public String toString() {
    return "{" + String.join(",", java.util.Arrays.stream(elements).map(String::valueOf).toList()) + "}";
  }
}
