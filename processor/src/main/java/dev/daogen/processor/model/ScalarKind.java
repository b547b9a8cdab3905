package dev.daogen.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The scalar types daogen stores, with their PostgreSQL column type. */
public enum ScalarKind {
  STRING(ClassName.get(String.class), "text"),
  UUID(ClassName.get(java.util.UUID.class), "uuid"),
  INT(TypeName.INT.box(), "integer"),
  LONG(TypeName.LONG.box(), "bigint"),
  DOUBLE(TypeName.DOUBLE.box(), "double precision"),
  DECIMAL(ClassName.get(BigDecimal.class), "numeric"),
  BOOLEAN(TypeName.BOOLEAN.box(), "boolean"),
  INSTANT(ClassName.get(Instant.class), "timestamp with time zone"),
  LOCAL_DATE(ClassName.get(LocalDate.class), "date");

  private final TypeName boxed;
  private final String sqlType;

  ScalarKind(TypeName boxed, String sqlType) {
    this.boxed = boxed;
    this.sqlType = sqlType;
  }

  /** The boxed Java type. */
  public TypeName boxed() {
    return boxed;
  }

  /** The PostgreSQL type name, also the element type name of arrays ({@code text[]}). */
  public String sqlType() {
    return sqlType;
  }

  /** Whether {@code @Min}, {@code @Max} and {@code @Positive} apply. */
  public boolean numeric() {
    return this == INT || this == LONG || this == DOUBLE || this == DECIMAL;
  }

  /** Whether a Java primitive exists for it. */
  public boolean hasPrimitive() {
    return this == INT || this == LONG || this == DOUBLE || this == BOOLEAN;
  }
}
