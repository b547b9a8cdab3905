/**
 * The store SPI: what the engine ({@code dev.daogen.engine}) asks of a database, in rows and keys, with no database
 * types in it. Kong's "strategies" (seeds 002/003): a store owns its statements, error translation, paging tokens,
 * expiry, and transactions (or their refusal). The PostgreSQL store is {@code dev.daogen.store.postgres}.
 */
package dev.daogen.store;
