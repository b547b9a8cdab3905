package dev.daogen.bench.micronaut;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a Micronaut Data JDBC user writes for the DAO's operations: derived queries, SQL made at compile time. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MnConsumerRepository extends CrudRepository<MnConsumer, UUID> {
  Optional<MnConsumer> findByUsername(String username);

  /** {@code select … where id = ? for update}. */
  Optional<MnConsumer> findByIdForUpdate(UUID id);

  /** A keyset page: {@code where id > ? order by id limit n}. */
  List<MnConsumer> findByIdGreaterThanOrderByIdAsc(UUID id, Pageable pageable);
}
