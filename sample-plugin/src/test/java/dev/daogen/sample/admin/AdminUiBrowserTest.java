package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin UI in a real browser: headless Chromium (npm {@code @sparticuz/chromium}, which unpacks itself on first
 * use) driven by {@code puppeteer-core} from Node, running {@code src/test/ui/ui-tests.mjs} against two admin servers
 * on the test database: one on loopback without a token, one on every address (0.0.0.0) that requires one.
 *
 * <p>Needs Node.js (20 or later) and npm on the PATH; {@code npm ci} installs the locked packages into
 * {@code src/test/ui/node_modules} once (again only when {@code package-lock.json} changes). Without Node, or when
 * the browser cannot start, the test fails and says why: it is never skipped.
 *
 * <p>The scenarios write {@code ui-list.png} and {@code ui-form-error.png} to {@code target/ui-screenshots}; with
 * {@code -Ddaogen.ui.updateScreenshots=true} they also replace the README's copies in {@code docs/}.
 */
class AdminUiBrowserTest {
  private static final Path UI = Path.of("src/test/ui").toAbsolutePath();
  private static final Path SHOTS = Path.of("target/ui-screenshots").toAbsolutePath();
  private static final String TOKEN = "ui-test-token";

  @Test
  void scenariosPassInHeadlessChromium() throws Exception {
    npmCi();
    AdminTestSupport.reset();
    AdminOptions open = AdminOptions.defaults().withPort(0);
    // any non-loopback address requires the token (127.0.0.2 would not: the JDK counts 127/8 as loopback)
    AdminOptions guarded = AdminOptions.defaults().withPort(0).withHost("0.0.0.0").withToken(TOKEN);
    JettyAdminServer plain = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), open), open);
    JettyAdminServer tokened = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), guarded), guarded);
    plain.start();
    tokened.start();
    try {
      Result r = run(List.of(node(), "ui-tests.mjs"), Map.of(
          "DAOGEN_UI_BASE", "http://127.0.0.1:" + plain.address().getPort(),
          "DAOGEN_UI_TOKEN_BASE", "http://127.0.0.1:" + tokened.address().getPort(),
          "DAOGEN_UI_TOKEN", TOKEN,
          "DAOGEN_UI_SHOTS", SHOTS.toString()), 240);
      System.out.println(r.output);
      if (r.exit == 3) {
        fail("the browser did not start, so the admin UI was not tested:\n" + r.output);
      }
      assertEquals(0, r.exit, () -> "browser scenarios failed:\n" + r.output);
    } finally {
      plain.close();
      tokened.close();
      AdminTestSupport.reset();
    }
    if (Boolean.getBoolean("daogen.ui.updateScreenshots")) {
      Path docs = Path.of("..", "docs").toAbsolutePath().normalize();
      for (String png : List.of("ui-list.png", "ui-form-error.png")) {
        Files.copy(SHOTS.resolve(png), docs.resolve(png), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** {@code npm ci}, unless node_modules was installed from this very lock file. */
  private static void npmCi() throws Exception {
    Path stamp = UI.resolve("node_modules/.daogen-lock-sha256");
    String lock = sha256(Files.readAllBytes(UI.resolve("package-lock.json")));
    if (Files.exists(stamp) && Files.readString(stamp).equals(lock)) {
      return;
    }
    Result r = run(List.of(npm(), "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
    if (r.exit != 0) {
      fail("npm ci failed in " + UI + " (the admin UI tests need the npm registry once):\n" + r.output);
    }
    Files.writeString(stamp, lock);
  }

  private static String node() {
    return onPath("node");
  }

  private static String npm() {
    return onPath("npm");
  }

  private static String onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return fail("'" + command + "' is not on the PATH: the admin UI browser tests need Node.js 20 or later and npm");
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(UI.toFile()).redirectErrorStream(true);
    Path log = Files.createTempFile("daogen-ui", ".log");
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process process = pb.start();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
        fail(String.join(" ", command) + " took more than " + timeoutSeconds + " s:\n" + read(log));
      }
      return new Result(process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
