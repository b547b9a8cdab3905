package dev.daogen.db;

/** Work done inside {@link Database#transaction(TransactionWork)}; return {@code null} when there is no result. */
@FunctionalInterface
public interface TransactionWork<T> {
  T run(Database tx) throws Exception;
}
