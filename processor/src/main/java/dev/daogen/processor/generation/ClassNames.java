package dev.daogen.processor.generation;

import com.palantir.javapoet.ClassName;

/** The runtime and library types generated code refers to, in one place. */
public final class ClassNames {
  private ClassNames() {}

  public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  public static final ClassName DATABASE = ClassName.get("dev.daogen.db", "Database");
  public static final ClassName PLUGIN_MODULE = ClassName.get("dev.daogen.db", "PluginModule");
  public static final ClassName ADMIN_MODULE = ClassName.get("dev.daogen.admin", "AdminModule");
  public static final ClassName ENTITY_DAO = ClassName.get("dev.daogen.engine", "EntityDao");
  public static final ClassName ENTITY_MAPPING = ClassName.get("dev.daogen.engine", "EntityMapping");
  public static final ClassName FIELD_VALUES = ClassName.get("dev.daogen.dao", "FieldValues");
  public static final ClassName LOOKUP = ClassName.get("dev.daogen.store", "Lookup");
  public static final ClassName FILTER = ClassName.get("dev.daogen.store", "Filter");
  public static final ClassName FOREIGN_KEY = ClassName.get("dev.daogen.store", "ForeignKey");
  public static final ClassName POSTGRES_MAPPING = ClassName.get("dev.daogen.store.postgres", "PostgresMapping");
  public static final ClassName POSTGRES_STATEMENTS = ClassName.get("dev.daogen.store.postgres", "PostgresStatements");
  public static final ClassName SQL = ClassName.get("dev.daogen.store.postgres", "Sql");
  public static final ClassName CASSANDRA_MAPPING = ClassName.get("dev.daogen.store.cassandra", "CassandraMapping");
  public static final ClassName CASSANDRA_STATEMENTS =
      ClassName.get("dev.daogen.store.cassandra", "CassandraStatements");
  public static final ClassName CQL_ROW = ClassName.get("com.datastax.oss.driver.api.core.cql", "Row");
  public static final ClassName PAGE = ClassName.get("dev.daogen.dao", "Page");
  public static final ClassName TAGS = ClassName.get("dev.daogen.dao", "Tags");
  public static final ClassName DAO_EXCEPTION = ClassName.get("dev.daogen.dao", "DaoException");
  public static final ClassName ERROR_CODE = ClassName.get("dev.daogen.dao", "ErrorCode");
  public static final ClassName ENTITY_SCHEMA = ClassName.get("dev.daogen.schema", "EntitySchema");
  public static final ClassName FIELD_SCHEMA = ClassName.get("dev.daogen.schema", "FieldSchema");
  public static final ClassName FIELD_TYPE = ClassName.get("dev.daogen.schema", "FieldType");
  public static final ClassName ON_DELETE = ClassName.get("dev.daogen.annotations", "OnDelete");
  public static final ClassName JDBC = ClassName.get("dev.daogen.internal", "Jdbc");
  public static final ClassName JSON = ClassName.get("dev.daogen.internal", "Json");
  public static final ClassName CHECKS = ClassName.get("dev.daogen.internal", "Checks");
  public static final ClassName AUTOS = ClassName.get("dev.daogen.internal", "Autos");
  public static final ClassName VALUES = ClassName.get("dev.daogen.internal", "Values");
  public static final ClassName FIELD_ERRORS = ClassName.get("dev.daogen.internal", "FieldErrors");
  public static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  public static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  public static final ClassName JOOQ_DSL = ClassName.get("org.jooq.impl", "DSL");
  public static final ClassName JOOQ_FIELD = ClassName.get("org.jooq", "Field");
  public static final ClassName JOOQ_TABLE = ClassName.get("org.jooq", "Table");
  public static final ClassName JOOQ_RECORD = ClassName.get("org.jooq", "Record");
  public static final ClassName JOOQ_SQL_DATA_TYPE = ClassName.get("org.jooq.impl", "SQLDataType");
}
