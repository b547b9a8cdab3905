package dev.daogen.store;

/**
 * Which rows a page reads: every row, rows with all/any of some tags, or the rows whose field (a foreign key or an
 * {@code @Indexed} field) has a value. Pages are always in primary key order.
 *
 * @param name a stable name, unique within the entity: {@code "all"}, {@code "tags all"}, {@code "tags any"}, or the
 *     field's JSON name
 * @param index the record component index of the filtered field; -1 for the others
 */
public record Filter(String name, int index) {
  /** Every row. */
  public static final Filter ALL = new Filter("all", -1);
  /** Rows whose tags contain every given tag. */
  public static final Filter TAGS_ALL = new Filter("tags all", -1);
  /** Rows whose tags contain any given tag. */
  public static final Filter TAGS_ANY = new Filter("tags any", -1);

  /** Rows whose field {@code field} (component {@code index}) equals a value. */
  public static Filter by(String field, int index) {
    return new Filter(field, index);
  }
}
