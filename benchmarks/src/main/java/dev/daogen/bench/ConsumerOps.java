package dev.daogen.bench;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The work every contender does on the sample plugin's {@code consumers} table, with the same SQL semantics as the
 * generated {@code ConsumerDao}: the same statements, the same transactions, a row mapped to a record with the same
 * six components (the sample's {@code Consumer}, or the peer's own annotated copy of it).
 */
interface ConsumerOps extends AutoCloseable {
  Set<String> SEED_TAGS = Set.of("bench", "seed");
  /** Below every key: where {@link #each} starts. */
  UUID FIRST = new UUID(0, 0);

  /** By primary key. */
  Optional<?> selectById(UUID id);

  /** By the unique {@code username}. */
  Optional<?> selectByUsername(String username);

  /** A new consumer (random id, created/updated now, the given username, {@link #SEED_TAGS}). */
  Object insert(String username);

  /** Kong's update: read the row for update, change {@code custom_id} (and {@code updated_at}), write it back. */
  Object updateCustomId(UUID id, String customId);

  /**
   * Kong's upsert by primary key, as the DAO does it: read the row for update; if it exists, {@code UPDATE} it;
   * if not, {@code INSERT … ON CONFLICT DO NOTHING} (and, when that inserted nothing, read the rows holding the
   * entity's unique values, then retry or fail with the violation). One transaction.
   */
  Object upsert(UUID id, String username, String customId);

  /** What a caller holds to ask for the page after {@code key} (the DAO's offset token, or the key itself). */
  Object cursorAfter(UUID key);

  /** {@code size} rows after a cursor, in primary key order, and the cursor of the next page (null: last). */
  Object pageAfter(Object cursor, int size);

  /** 100 rows after a cursor. */
  default Object pageAfter(Object cursor) {
    return pageAfter(cursor, 100);
  }

  /** The cursor of the page after a page (null on the last page). */
  Object nextCursor(Object page);

  /** Every row in primary key order, {@code batch} rows per query (keyset pages); returns how many rows. */
  default long each(int batch) {
    long n = 0;
    Object cursor = cursorAfter(FIRST);
    while (cursor != null) {
      Object page = pageAfter(cursor, batch);
      n += size(page);
      cursor = nextCursor(page);
    }
    return n;
  }

  /** Rows in a page. */
  int size(Object page);

  @Override
  void close();
}
