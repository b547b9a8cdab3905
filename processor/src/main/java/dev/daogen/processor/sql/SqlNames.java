package dev.daogen.processor.sql;

import dev.daogen.processor.model.FieldModel;
import java.util.Locale;

/** Names of the SQL constants in generated DAOs; shared by the renderer and the DAO generator. */
public final class SqlNames {
  private SqlNames() {}

  /** The primary key lookup's constant in the generated mapping. */
  public static final String PRIMARY_KEY = "PRIMARY_KEY";
  /** The hidden cache key column's lookup. */
  public static final String CACHE_KEY = "CACHE_KEY";
  /** The runtime's filters of every row, and of tags. */
  public static final String ALL = "Filter.ALL";
  public static final String TAGS_ALL = "Filter.TAGS_ALL";
  public static final String TAGS_ANY = "Filter.TAGS_ANY";

  /** The lookup by a unique field. */
  public static String lookupBy(FieldModel f) {
    return "BY_" + upper(f);
  }

  /** A foreign key's typed value. */
  public static String foreignKey(FieldModel f) {
    return "FK_" + upper(f);
  }

  /** The filter of the rows of one parent. */
  public static String filterFor(FieldModel f) {
    return foreignKey(f) + ".filter()";
  }

  /** The filter of the rows with one value of an indexed field. */
  public static String filterBy(FieldModel f) {
    return "INDEXED_" + upper(f);
  }

  private static String upper(FieldModel f) {
    return f.column().toUpperCase(Locale.ROOT);
  }
}
