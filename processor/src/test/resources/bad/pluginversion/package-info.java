@Plugin(
    name = "key-auth",
    version = "1.0")
package bad.pluginversion;

import dev.daogen.annotations.Plugin;
