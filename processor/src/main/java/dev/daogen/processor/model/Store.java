package dev.daogen.processor.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A database the processor generates an entity's statements and migrations for (option {@code daogen.stores}). */
public enum Store {
  /** PostgreSQL: the runtime's store; every plugin is generated for it. */
  POSTGRES("postgres"),
  /** Apache Cassandra: the store of the {@code daogen-cassandra} module. */
  CASSANDRA("cassandra");

  private final String optionName;

  Store(String optionName) {
    this.optionName = optionName;
  }

  /** How {@code -Adaogen.stores} names the store. */
  public String optionName() {
    return optionName;
  }

  /** The store with this option name. */
  public static Optional<Store> named(String optionName) {
    return Arrays.stream(values()).filter(s -> s.optionName.equals(optionName)).findFirst();
  }

  /** Every store's option name, in declaration order. */
  public static List<String> optionNames() {
    return Arrays.stream(values()).map(Store::optionName).toList();
  }
}
