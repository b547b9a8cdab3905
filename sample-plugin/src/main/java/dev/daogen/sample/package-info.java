/**
 * A key-auth style plugin built with daogen: consumers and their API keys, plus upstreams, targets, routes and
 * consumer groups that exercise every kind of key, foreign key and field the processor supports.
 *
 * <p>1.1.0 is the sample's first upgrade (snapshots in {@code src/main/schemas/key-auth/}): a new entity,
 * {@link dev.daogen.sample.FailedKeyAttempt}; in {@link dev.daogen.sample.CredentialScope} the component {@code scope}
 * renamed {@code name} ({@code @RenamedFrom}) and a new {@code effect} with a {@code @Default}. Its migration
 * {@code 001_100_to_110.sql} is expand/contract: {@code up} while 1.0.0 nodes still run, {@code finish} after.
 */
@Plugin(name = "key-auth", version = "1.1.0")
package dev.daogen.sample;

import dev.daogen.annotations.Plugin;
