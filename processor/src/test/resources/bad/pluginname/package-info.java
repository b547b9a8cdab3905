@Plugin(
    name = "Key Auth",
    version = "1.0.0")
package bad.pluginname;

import dev.daogen.annotations.Plugin;
