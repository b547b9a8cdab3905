@Plugin(name = "clubs", version = "1.0.0")
package cassandra;

import dev.daogen.annotations.Plugin;
