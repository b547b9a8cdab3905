/**
 * What store implementations share beyond the SPI: Kong's error wording for what a store refuses. For stores (the
 * PostgreSQL one here, Cassandra's in {@code daogen-cassandra}) and the engine; not API.
 */
package dev.daogen.store.support;
