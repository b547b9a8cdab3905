/**
 * The engine: Kong's DAO semantics written once — lookups, validation through the generated mapping, defaults and
 * auto values, ttl, paging rules, cascades, events and the cache — over the store SPI ({@code dev.daogen.store}).
 * Generated DAOs extend {@link dev.daogen.engine.EntityDao}; generated mappings implement {@link
 * dev.daogen.engine.EntityMapping}.
 */
package dev.daogen.engine;
