package dev.daogen.bench.spring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** What a Spring Data JDBC user writes for the DAO's operations: derived queries, no SQL. */
public interface SpringConsumerRepository extends ListCrudRepository<SpringConsumer, UUID> {
  Optional<SpringConsumer> findByUsername(String username);

  /** {@code select … where id = ? for update}. */
  @Lock(LockMode.PESSIMISTIC_WRITE)
  Optional<SpringConsumer> findLockedById(UUID id);

  /** A keyset page: {@code where id > ? order by id limit n}. */
  List<SpringConsumer> findByIdGreaterThanOrderByIdAsc(UUID id, Limit limit);
}
