package dev.daogen.processor.sql;

import dev.daogen.processor.model.FieldModel;
import java.util.Locale;

/** Names of the SQL constants in generated DAOs; shared by the renderer and the DAO generator. */
public final class SqlNames {
  private SqlNames() {}

  public static final String SELECT = "SELECT_BY_PRIMARY_KEY";
  public static final String SELECT_FOR_UPDATE = "SELECT_BY_PRIMARY_KEY_FOR_UPDATE";
  public static final String SELECT_BY_CACHE_KEY = "SELECT_BY_CACHE_KEY";
  public static final String PAGE = "PAGE";
  public static final String PAGE_TAGS_ALL = "PAGE_TAGS_ALL";
  public static final String PAGE_TAGS_ANY = "PAGE_TAGS_ANY";
  public static final String COUNT = "COUNT";
  public static final String INSERT = "INSERT";
  public static final String UPDATE = "UPDATE";
  public static final String INSERT_IF_ABSENT = "INSERT_IF_ABSENT";
  public static final String CONFLICTS = "SELECT_CONFLICTS";
  public static final String DELETE = "DELETE_BY_PRIMARY_KEY";
  public static final String TRUNCATE = "TRUNCATE";
  public static final String UPDATE_TTL = "UPDATE_WITH_TTL";
  public static final String PURGE_EXPIRED = "PURGE_EXPIRED_CONFLICTS";
  public static final String DELETE_EXPIRED = "DELETE_EXPIRED";
  public static final String SELECT_TTL = "SELECT_TTL";
  public static final String SELECT_TTLS = "SELECT_TTLS";
  public static final String SELECT_INCLUDING_EXPIRED = "SELECT_BY_PRIMARY_KEY_INCLUDING_EXPIRED";

  /** Locks the rows that reference one parent (for cascaded events). */
  public static String lockFor(FieldModel f) {
    return "LOCK_FOR_" + upper(f);
  }

  /** The variant of a page query that continues after a key. */
  public static String after(String page) {
    return page + "_AFTER";
  }

  public static String selectBy(FieldModel f) {
    return "SELECT_BY_" + upper(f);
  }

  public static String selectByForUpdate(FieldModel f) {
    return "SELECT_BY_" + upper(f) + "_FOR_UPDATE";
  }

  public static String deleteBy(FieldModel f) {
    return "DELETE_BY_" + upper(f);
  }

  /** Pages of the children of one parent ({@code pageForConsumer}). */
  public static String pageFor(FieldModel f) {
    return "PAGE_FOR_" + upper(f);
  }

  /** Pages by an indexed value ({@code pageByName}). */
  public static String pageBy(FieldModel f) {
    return "PAGE_BY_" + upper(f);
  }

  private static String upper(FieldModel f) {
    return f.column().toUpperCase(Locale.ROOT);
  }
}
