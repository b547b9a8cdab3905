/**
 * A key-auth style plugin built with daogen: consumers and their API keys, plus upstreams, targets, routes and
 * consumer groups that exercise every kind of key, foreign key and field the processor supports.
 */
@Plugin(name = "key-auth", version = "1.0.0")
package dev.daogen.sample;

import dev.daogen.annotations.Plugin;
