/**
 * Real Apache Cassandra nodes for tests and the sample's main job, each in its own JVM, started from Java: no Docker,
 * no installation. {@link dev.daogen.store.cassandra.embedded.CassandraNode} starts one node,
 * {@link dev.daogen.store.cassandra.embedded.CassandraCluster} several on 127.0.0.1, 127.0.0.2, …
 *
 * <p>A node's class path is the directory {@code cassandra-server/target/lib} that the build of daogen's
 * {@code cassandra-server} module fills with {@code cassandra-all} and its dependencies
 * ({@code mvn -B -ntp -pl cassandra-server generate-resources}); the system property {@code daogen.cassandra.lib} or
 * the environment variable {@code DAOGEN_CASSANDRA_LIB} point elsewhere.
 *
 * <p>No node outlives the JVM that started it: a shutdown hook kills the nodes still running, and each node watches
 * its parent process and stops when it is gone (a {@code kill -9} of a Maven Surefire fork, say).
 */
package dev.daogen.store.cassandra.embedded;
