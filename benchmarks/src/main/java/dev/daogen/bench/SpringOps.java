package dev.daogen.bench;

import dev.daogen.bench.spring.SpringConfig;
import dev.daogen.bench.spring.SpringConsumer;
import dev.daogen.bench.spring.SpringConsumerRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * (d) Spring Data JDBC: a {@code ListCrudRepository} with derived queries on the same table; inserts and updates of
 * an aggregate whose key is assigned by the caller go through {@code JdbcAggregateTemplate.insert/update} (a
 * repository's {@code save} would take a set key for "not new" and update); update and upsert run in one
 * {@code TransactionTemplate} transaction, reading the row with a {@code @Lock(PESSIMISTIC_WRITE)} query first.
 */
final class SpringOps implements ConsumerOps {
  private final AnnotationConfigApplicationContext context;
  private final SpringConsumerRepository repository;
  private final JdbcAggregateTemplate template;
  private final TransactionTemplate tx;

  SpringOps(DataSource ds) {
    context = new AnnotationConfigApplicationContext();
    DataSource shared = new SharedDataSource(ds);
    context.registerBean("dataSource", DataSource.class, () -> shared);
    context.register(SpringConfig.class);
    context.refresh();
    repository = context.getBean(SpringConsumerRepository.class);
    template = context.getBean(JdbcAggregateTemplate.class);
    tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
  }

  @Override
  public Optional<SpringConsumer> selectById(UUID id) {
    return repository.findById(id);
  }

  @Override
  public Optional<SpringConsumer> selectByUsername(String username) {
    return repository.findByUsername(username);
  }

  @Override
  public SpringConsumer insert(String username) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return template.insert(new SpringConsumer(UUID.randomUUID(), now, now, username, null, SEED_TAGS));
  }

  @Override
  public SpringConsumer updateCustomId(UUID id, String customId) {
    return tx.execute(status -> {
      SpringConsumer old = repository.findLockedById(id).orElseThrow(() -> new IllegalStateException("not found"));
      return template.update(new SpringConsumer(old.id(), old.createdAt(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS), old.username(), customId, old.tags()));
    });
  }

  @Override
  public SpringConsumer upsert(UUID id, String username, String customId) {
    return tx.execute(status -> {
      SpringConsumer old = repository.findLockedById(id).orElse(null);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      SpringConsumer e = new SpringConsumer(id, old != null ? old.createdAt() : now, now, username, customId,
          SEED_TAGS);
      // the new-row path inserts plainly (a conflict fails instead of being re-read: fewer statements than the DAO)
      return old != null ? template.update(e) : template.insert(e);
    });
  }

  @Override
  public Object cursorAfter(UUID key) {
    return key;
  }

  @Override
  public Object pageAfter(Object cursor, int size) {
    return PeerPage.of(repository.findByIdGreaterThanOrderByIdAsc((UUID) cursor, Limit.of(size + 1)), size,
        SpringConsumer::id);
  }

  @Override
  public Object nextCursor(Object page) {
    return ((PeerPage) page).next();
  }

  @Override
  public int size(Object page) {
    return ((PeerPage) page).data().size();
  }

  @Override
  public void close() {
    context.close();
  }
}
