@Plugin(name = "bad", version = "1.0.0")
package bad;

import dev.daogen.annotations.Plugin;
