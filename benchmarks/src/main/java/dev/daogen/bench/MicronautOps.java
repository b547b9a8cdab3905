package dev.daogen.bench;

import dev.daogen.bench.micronaut.MnConsumer;
import dev.daogen.bench.micronaut.MnConsumerRepository;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.model.Pageable;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * (e) Micronaut Data JDBC: a {@code @JdbcRepository} whose SQL its annotation processor wrote at compile time,
 * started in a plain {@code ApplicationContext} with the benchmark's pool as the {@code default} data source;
 * update and upsert run in one {@code TransactionOperations.executeWrite} transaction, reading the row with a
 * {@code …ForUpdate} query first; {@code save} inserts, {@code update} updates.
 */
final class MicronautOps implements ConsumerOps {
  private final ApplicationContext context;
  private final MnConsumerRepository repository;
  private final TransactionOperations<Connection> tx;

  @SuppressWarnings("unchecked")
  MicronautOps(DataSource ds) {
    context = ApplicationContext.builder()
        .properties(Map.of("micronaut.banner.enabled", false, "datasources.default.dialect", "POSTGRES"))
        .deduceEnvironment(false)
        .build();
    context.registerSingleton(DataSource.class, new SharedDataSource(ds), Qualifiers.byName("default"));
    context.start();
    repository = context.getBean(MnConsumerRepository.class);
    tx = context.getBean(TransactionOperations.class);
  }

  @Override
  public Optional<MnConsumer> selectById(UUID id) {
    return repository.findById(id);
  }

  @Override
  public Optional<MnConsumer> selectByUsername(String username) {
    return repository.findByUsername(username);
  }

  @Override
  public MnConsumer insert(String username) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return repository.save(new MnConsumer(UUID.randomUUID(), now, now, username, null, SEED_TAGS));
  }

  @Override
  public MnConsumer updateCustomId(UUID id, String customId) {
    return tx.executeWrite(status -> {
      MnConsumer old = repository.findByIdForUpdate(id).orElseThrow(() -> new IllegalStateException("not found"));
      return repository.update(new MnConsumer(old.id(), old.createdAt(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS), old.username(), customId, old.tags()));
    });
  }

  @Override
  public MnConsumer upsert(UUID id, String username, String customId) {
    return tx.executeWrite(status -> {
      MnConsumer old = repository.findByIdForUpdate(id).orElse(null);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      MnConsumer e = new MnConsumer(id, old != null ? old.createdAt() : now, now, username, customId, SEED_TAGS);
      // the new-row path inserts plainly (a conflict fails instead of being re-read: fewer statements than the DAO)
      return old != null ? repository.update(e) : repository.save(e);
    });
  }

  @Override
  public Object cursorAfter(UUID key) {
    return key;
  }

  @Override
  public Object pageAfter(Object cursor, int size) {
    return PeerPage.of(repository.findByIdGreaterThanOrderByIdAsc((UUID) cursor, Pageable.from(0, size + 1)), size,
        MnConsumer::id);
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
