package dev.daogen.bench;

import dev.daogen.cache.CacheSettings;
import dev.daogen.dao.Page;
import dev.daogen.db.DaoSettings;
import dev.daogen.db.Database;
import dev.daogen.internal.Offsets;
import dev.daogen.sample.Consumer;
import dev.daogen.sample.ConsumerDao;
import dev.daogen.sample.ConsumerDraft;
import dev.daogen.sample.ConsumerPatch;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * (a) The generated DAO, with the runtime's default settings (every write queues a cache invalidation that a
 * background thread sends to the other nodes with NOTIFY), or as a single node ({@code Cluster.OFF}).
 */
final class DaoOps implements ConsumerOps {
  private final Database db;
  private final ConsumerDao dao;

  DaoOps(DataSource ds) {
    this(ds, true);
  }

  /** With {@code cluster} false, a single node: no cache invalidations are sent to other nodes. */
  DaoOps(DataSource ds, boolean cluster) {
    this(ds, cluster, false);
  }

  /**
   * With {@code canned}, the DAO is made with its constructor rather than {@code db.dao}, which first checks the
   * migrations (a query the canned driver does not answer); everything it does per call is the same.
   */
  DaoOps(DataSource ds, boolean cluster, boolean canned) {
    this.db = cluster ? Database.connect(ds) : Database.connect(ds, DaoSettings.DEFAULTS,
        CacheSettings.DEFAULTS.withCluster(CacheSettings.Cluster.OFF, Duration.ofSeconds(1)));
    this.dao = canned ? new ConsumerDao(db) : db.dao(ConsumerDao.class);
  }

  /** On a Database made elsewhere (the Cassandra store); closing this closes it. */
  DaoOps(Database db) {
    this.db = db;
    this.dao = db.dao(ConsumerDao.class);
  }

  ConsumerDao dao() {
    return dao;
  }

  Database db() {
    return db;
  }

  @Override
  public Optional<Consumer> selectById(UUID id) {
    return dao.select(id);
  }

  @Override
  public Optional<Consumer> selectByUsername(String username) {
    return dao.selectByUsername(username);
  }

  @Override
  public Consumer insert(String username) {
    return dao.insert(new ConsumerDraft().username(username).tags(SEED_TAGS));
  }

  @Override
  public Consumer updateCustomId(UUID id, String customId) {
    return dao.update(id, new ConsumerPatch().customId(customId));
  }

  @Override
  public Consumer upsert(UUID id, String username, String customId) {
    return dao.upsert(id, new ConsumerDraft().username(username).customId(customId).tags(SEED_TAGS));
  }

  @Override
  public Object cursorAfter(UUID key) {
    return Offsets.encode(new Object[] {key});
  }

  @Override
  public Object pageAfter(Object cursor, int size) {
    return dao.page(size, (String) cursor);
  }

  @Override
  public Object nextCursor(Object page) {
    return ((Page<?>) page).offset();
  }

  @Override
  public int size(Object page) {
    return ((Page<?>) page).data().size();
  }

  /** The DAO's own {@code each}: keyset pages of {@code batch} rows, streamed. */
  @Override
  public long each(int batch) {
    try (Stream<Consumer> all = dao.each(batch)) {
      return all.count();
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
