@Plugin(name = "key-auth", version = "1.1.0")
package good;

import dev.daogen.annotations.Plugin;
