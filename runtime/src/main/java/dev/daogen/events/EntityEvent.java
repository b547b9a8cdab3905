package dev.daogen.events;

/**
 * A committed write of one entity, as Kong's CRUD events.
 *
 * @param entity the entity (table) name
 * @param operation what happened
 * @param value the entity after the write; for a delete, the deleted entity; null for a truncate
 * @param old the entity before an update; null otherwise
 * @param cacheKey the cache key of {@code value}; null for a truncate
 * @param oldCacheKey the cache key of {@code old}; null unless updated
 * @param cascaded whether the database did this write because of another one (ON DELETE CASCADE / SET NULL)
 */
public record EntityEvent<E>(
    String entity, Operation operation, E value, E old, String cacheKey, String oldCacheKey, boolean cascaded) {

  /** What a write did. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE,
    /** Every row of the entity went ({@code truncate()}). */
    TRUNCATE
  }
}
