package dev.daogen.sample;

/** How an upstream balances its targets. */
public enum Algorithm {
  ROUND_ROBIN,
  CONSISTENT_HASHING,
  LEAST_CONNECTIONS
}
