/**
 * The PostgreSQL store: runs the SQL the processor rendered with jOOQ at build time ({@link
 * dev.daogen.store.postgres.PostgresStatements}) on plain JDBC, through the generated {@link
 * dev.daogen.store.postgres.PostgresMapping} (row reader and binder), and translates PostgreSQL's errors to Kong's.
 */
package dev.daogen.store.postgres;
