package dev.daogen.schema;

/** The kind of value a field holds, as the runtime and the admin API see it. */
public enum FieldType {
  STRING,
  UUID,
  INTEGER,
  BIGINT,
  DOUBLE,
  DECIMAL,
  BOOLEAN,
  /** An {@code Instant}: timestamptz; epoch seconds in JSON. */
  TIMESTAMP,
  DATE,
  /** One of {@link FieldSchema#enumValues()}. */
  ENUM,
  /** A {@code List} of scalars: a PostgreSQL array. */
  ARRAY,
  /** A {@code Set} of scalars: a PostgreSQL array without duplicates. */
  SET,
  /** A nested record: jsonb. */
  RECORD,
  /** A {@code Map<String, …>}: jsonb. */
  MAP
}
