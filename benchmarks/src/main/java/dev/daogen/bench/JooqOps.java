package dev.daogen.bench;

import static dev.daogen.sample.ConsumerTable.CREATED_AT;
import static dev.daogen.sample.ConsumerTable.CUSTOM_ID;
import static dev.daogen.sample.ConsumerTable.ID;
import static dev.daogen.sample.ConsumerTable.TABLE;
import static dev.daogen.sample.ConsumerTable.TAGS;
import static dev.daogen.sample.ConsumerTable.UPDATED_AT;
import static dev.daogen.sample.ConsumerTable.USERNAME;

import dev.daogen.sample.Consumer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * (c) jOOQ's runtime DSL doing the same work: the query is built and rendered on every call (as jOOQ users write
 * it), on the typed table the processor generates ({@code ConsumerTable}), over the same pool, default settings.
 */
final class JooqOps implements ConsumerOps {
  private static final SelectField<?>[] FIELDS = {ID, CREATED_AT, UPDATED_AT, USERNAME, CUSTOM_ID, TAGS};

  private final DSLContext ctx;

  JooqOps(DataSource ds) {
    this.ctx = DSL.using(ds, SQLDialect.POSTGRES);
  }

  /** A page of rows and the key to continue after (null on the last page). */
  record Page(List<Consumer> data, UUID next) {}

  @Override
  public Optional<Consumer> selectById(UUID id) {
    return ctx.select(FIELDS).from(TABLE).where(ID.eq(id)).fetchOptional(JooqOps::map);
  }

  @Override
  public Optional<Consumer> selectByUsername(String username) {
    return ctx.select(FIELDS).from(TABLE).where(USERNAME.eq(username)).fetchOptional(JooqOps::map);
  }

  @Override
  public Consumer insert(String username) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Consumer c = new Consumer(UUID.randomUUID(), now, now, username, null, SEED_TAGS);
    ctx.insertInto(TABLE, ID, CREATED_AT, UPDATED_AT, USERNAME, CUSTOM_ID, TAGS)
        .values(c.id(), odt(c.createdAt()), odt(c.updatedAt()), c.username(), c.customId(), array(c.tags()))
        .execute();
    return c;
  }

  @Override
  public Consumer updateCustomId(UUID id, String customId) {
    return ctx.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      Consumer old = tx.select(FIELDS).from(TABLE).where(ID.eq(id)).forUpdate().fetchOne(JooqOps::map);
      if (old == null) {
        throw new IllegalStateException("not found: " + id);
      }
      Consumer updated = new Consumer(old.id(), old.createdAt(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
          old.username(), customId, old.tags());
      tx.update(TABLE)
          .set(CREATED_AT, odt(updated.createdAt()))
          .set(UPDATED_AT, odt(updated.updatedAt()))
          .set(USERNAME, updated.username())
          .set(CUSTOM_ID, updated.customId())
          .set(TAGS, array(updated.tags()))
          .where(ID.eq(id))
          .execute();
      return updated;
    });
  }

  @Override
  public Consumer upsert(UUID id, String username, String customId) {
    return ctx.transactionResult(cfg -> {
      DSLContext tx = cfg.dsl();
      for (int round = 1; ; round++) {
        Consumer old = tx.select(FIELDS).from(TABLE).where(ID.eq(id)).forUpdate().fetchOne(JooqOps::map);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Consumer e = new Consumer(id, old != null ? old.createdAt() : now, now, username, customId, SEED_TAGS);
        if (old != null) {
          tx.update(TABLE)
              .set(CREATED_AT, odt(e.createdAt()))
              .set(UPDATED_AT, odt(e.updatedAt()))
              .set(USERNAME, e.username())
              .set(CUSTOM_ID, e.customId())
              .set(TAGS, array(e.tags()))
              .where(ID.eq(id))
              .execute();
          return e;
        }
        int inserted = tx.insertInto(TABLE, ID, CREATED_AT, UPDATED_AT, USERNAME, CUSTOM_ID, TAGS)
            .values(e.id(), odt(e.createdAt()), odt(e.updatedAt()), e.username(), e.customId(), array(e.tags()))
            .onConflictDoNothing()
            .execute();
        if (inserted > 0) {
          return e;
        }
        List<UUID> holders = tx.select(ID).from(TABLE)
            .where(ID.eq(id).or(USERNAME.eq(username)).or(CUSTOM_ID.eq(customId))).fetch(ID);
        if ((!holders.isEmpty() && !holders.contains(id)) || round == 50) {
          throw new IllegalStateException("unique violation: " + username + " / " + customId);
        }
      }
    });
  }

  @Override
  public Object cursorAfter(UUID key) {
    return key;
  }

  @Override
  public Object pageAfter(Object cursor, int size) {
    List<Consumer> rows = ctx.select(FIELDS).from(TABLE).where(ID.gt((UUID) cursor)).orderBy(ID.asc())
        .limit(size + 1).fetch(JooqOps::map);
    boolean more = rows.size() > size;
    if (more) {
      rows = rows.subList(0, size);
    }
    return new Page(rows, more ? rows.get(size - 1).id() : null);
  }

  @Override
  public Object nextCursor(Object page) {
    return ((Page) page).next();
  }

  @Override
  public int size(Object page) {
    return ((Page) page).data().size();
  }

  private static Consumer map(Record r) {
    OffsetDateTime created = r.get(CREATED_AT);
    OffsetDateTime updated = r.get(UPDATED_AT);
    String[] tags = r.get(TAGS);
    Set<String> tagSet = null;
    if (tags != null) {
      tagSet = new LinkedHashSet<>();
      Collections.addAll(tagSet, tags);
      tagSet = Collections.unmodifiableSet(tagSet);
    }
    return new Consumer(r.get(ID), created == null ? null : created.toInstant(),
        updated == null ? null : updated.toInstant(), r.get(USERNAME), r.get(CUSTOM_ID), tagSet);
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static String[] array(Set<String> tags) {
    return tags == null ? null : tags.toArray(new String[0]);
  }

  @Override
  public void close() {
    // the pool belongs to the caller
  }
}
