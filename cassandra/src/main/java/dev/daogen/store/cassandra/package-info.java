/**
 * The Cassandra store: runs the generated DAOs on Apache Cassandra through the DataStax/Apache Java driver.
 */
package dev.daogen.store.cassandra;
