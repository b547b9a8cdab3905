package dev.daogen.db;

import dev.daogen.schema.EntitySchema;

/**
 * What {@link Database#startTtlCleanup} needs of a DAO: its entity, and deleting a batch of its expired rows. The
 * engine's {@code EntityDao} implements it; the engine sits on top of this package, which must not depend on it. For
 * the runtime; not API.
 */
public interface ExpiringDao {
  /** The entity's metadata (whether its rows expire, its name). */
  EntitySchema<?> schema();

  /**
   * Deletes up to {@code batchSize} expired rows, publishing a delete event for each.
   *
   * @return the number of rows deleted; 0 for entities without ttl
   */
  int deleteExpired(int batchSize);
}
