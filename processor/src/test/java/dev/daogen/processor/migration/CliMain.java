package dev.daogen.processor.migration;

import dev.daogen.cli.Cli;
import dev.daogen.db.Database;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.postgresql.ds.PGSimpleDataSource;

/** A migration runner in a JVM of its own: {@code CliMain <jdbc url> <plugin classes dir> migrations …}. */
public final class CliMain {
  private CliMain() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(args[0]);
    ds.setUser("postgres");
    int code;
    try (URLClassLoader loader = PluginCompiler.load(Path.of(args[1]))) {
      Database db = Shop.connect(ds, loader);
      code = Cli.run(Arrays.copyOfRange(args, 2, args.length), db, System.out, System.err);
    }
    System.out.flush();
    System.exit(code);
  }
}
