/** The good fixture, for the OpenAPI document (nested records without enum maps, timestamps in collections). */
@Plugin(name = "key-auth", version = "1.1.0")
package openapi;

import dev.daogen.annotations.Plugin;
