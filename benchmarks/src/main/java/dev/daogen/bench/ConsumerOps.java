package dev.daogen.bench;

import dev.daogen.sample.Consumer;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The work every contender does on the sample plugin's {@code consumers} table, with the same SQL semantics as the
 * generated {@code ConsumerDao}: the same statements, the same transactions, the same row mapping to the
 * {@link Consumer} record.
 */
interface ConsumerOps extends AutoCloseable {
  Set<String> SEED_TAGS = Set.of("bench", "seed");

  /** By primary key. */
  Optional<Consumer> selectById(UUID id);

  /** By the unique {@code username}. */
  Optional<Consumer> selectByUsername(String username);

  /** A new consumer (random id, created/updated now, the given username, {@link #SEED_TAGS}). */
  Consumer insert(String username);

  /** Kong's update: read the row for update, change {@code custom_id} (and {@code updated_at}), write it back. */
  Consumer updateCustomId(UUID id, String customId);

  /** Kong's upsert by primary key: read the row for update, then insert … on conflict do update … returning. */
  Consumer upsert(UUID id, String username, String customId);

  /** What a caller holds to ask for the page after {@code key} (the DAO's offset token, or the key itself). */
  Object cursorAfter(UUID key);

  /** 100 rows after a cursor, in primary key order, and the cursor of the next page. */
  Object pageAfter(Object cursor);

  @Override
  void close();
}
