@Plugin(name = "accounts", version = "2.0.0")
package goodparent;

import dev.daogen.annotations.Plugin;
