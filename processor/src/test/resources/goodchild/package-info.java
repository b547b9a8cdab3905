@Plugin(name = "sessions", version = "0.1.0")
package goodchild;

import dev.daogen.annotations.Plugin;
