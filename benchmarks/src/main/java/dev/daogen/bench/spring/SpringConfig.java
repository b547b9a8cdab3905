package dev.daogen.bench.spring;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.dialect.JdbcDialect;
import org.springframework.data.jdbc.core.dialect.JdbcPostgresDialect;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Plain Spring (no Boot), as the Spring Data JDBC reference documentation sets it up: the repositories of this
 * package, a {@code NamedParameterJdbcTemplate} and a {@code JdbcTransactionManager} on the data source (a bean
 * the caller registers), the PostgreSQL dialect named rather than detected.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = SpringConsumerRepository.class)
public class SpringConfig extends AbstractJdbcConfiguration {
  @Bean
  NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource) {
    return new NamedParameterJdbcTemplate(dataSource);
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Override
  public JdbcDialect jdbcDialect(NamedParameterJdbcOperations operations) {
    return JdbcPostgresDialect.INSTANCE;
  }
}
