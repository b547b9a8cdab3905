package dev.daogen.sample.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.admin.AdminApi;
import dev.daogen.admin.AdminOptions;
import dev.daogen.admin.JettyAdminServer;
import dev.daogen.sample.AdminTestSupport;
import dev.daogen.store.postgres.PostgresMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The admin token, its constant-time check, and the generated SQL: identifiers quoted, values bound. */
class SecurityTest {
  private static final List<String> DAOS = List.of("Consumer", "KeyAuthCredential", "CredentialScope", "Upstream",
      "Target", "Route", "GroupMembership");

  @Test
  void aNonLoopbackListenerNeedsATokenAndRejectsRequestsWithoutIt() {
    for (String host : List.of("0.0.0.0", "::", "192.0.2.1")) {
      AdminOptions options = AdminOptions.defaults().withPort(0).withHost(host);
      assertThrows(IllegalArgumentException.class,
          () -> new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options));
    }
    AdminTestSupport.reset();
    AdminOptions options = AdminOptions.defaults().withPort(0).withHost("0.0.0.0").withToken("t0ken-ABC");
    JettyAdminServer server = new JettyAdminServer(new AdminApi(AdminTestSupport.database(), options), options);
    server.start();
    try {
      Wire wire = new Wire(server.address().getPort(), Duration.ofSeconds(10));
      Map<String, String> before = AdminTestSupport.snapshot();
      int refused = 0;
      for (Map<String, String> h : List.<Map<String, String>>of(Map.of(), Map.of("Kong-Admin-Token", "t0ken-ABD"),
          Map.of("Kong-Admin-Token", "t0ken-AB"), Map.of("Kong-Admin-Token", "T0KEN-ABC"),
          Map.of("Authorization", "Bearer t0ken-ABC "), Map.of("Authorization", "Basic t0ken-ABC"),
          Map.of("Kong-Admin-Token", "t0ken-ABC-"), Map.of("Kong-Admin-Token", "' or 1=1 --"))) {
        for (String[] call : new String[][] {{"GET", "/consumers"}, {"POST", "/consumers"}, {"DELETE", "/cache"},
            {"GET", "/openapi.json"}, {"PUT", "/consumers/x"}, {"GET", "/nope"}, {"TRACE", "/"}}) {
          if (h.equals(Map.of("Authorization", "Bearer t0ken-ABC "))) {
            // a trailing space is trimmed from a Bearer token: that one is the right token
            continue;
          }
          Wire.Resp r = wire.send(call[0], call[1], "application/json",
              "{\"username\": \"intruder\"}".getBytes(StandardCharsets.UTF_8), h);
          assertEquals(401, r.status(), () -> h + " " + call[0] + " " + call[1] + " → " + r);
          assertEquals("{\"message\":\"Unauthorized\"}", r.body());
          refused++;
        }
      }
      assertEquals(before, AdminTestSupport.snapshot(), "a refused request changed data");
      assertEquals(201, wire.send("POST", "/consumers", "application/json",
          "{\"username\": \"admin\"}".getBytes(StandardCharsets.UTF_8), Map.of("Kong-Admin-Token", "t0ken-ABC"))
          .status());
      System.out.printf("admin token: %d requests without the right token → 401, 0 rows changed%n", refused);
    } finally {
      server.close();
    }
  }

  @Test
  void theTokenIsComparedInConstantTime() throws Exception {
    String source = Files.readString(Path.of("..", "runtime", "src", "main", "java", "dev", "daogen", "admin",
        "AdminApi.java"));
    Matcher m = Pattern.compile("private boolean authorized\\(String sent\\) \\{(.*?)\\n  }", Pattern.DOTALL)
        .matcher(source);
    assertTrue(m.find(), "AdminApi.authorized not found");
    assertTrue(m.group(1).contains("MessageDigest.isEqual(token,"), m.group(1));
    assertTrue(!m.group(1).contains(".equals("), "a short-circuiting equals: " + m.group(1));
  }

  /**
   * Every SQL and CQL constant of every generated DAO: identifiers quoted, no literals, only keywords left bare; and
   * no statement text anywhere else in generated code.
   */
  @Test
  void generatedSqlQuotesEveryIdentifierAndBindsEveryValue() throws Exception {
    Set<String> keywords = Set.of("select", "from", "where", "and", "or", "not", "order", "by", "asc", "desc",
        "fetch", "next", "rows", "only", "insert", "into", "values", "on", "conflict", "do", "update", "set",
        "excluded", "returning", "delete", "truncate", "table", "cascade", "count", "for", "is", "null", "text",
        "uuid", "jsonb", "limit", "in", "any", "now", "coalesce", "skip", "locked", "as", "distinct", "exists",
        "true", "false", "interval", "timestamptz", "bigint", "integer", "nothing", "current_timestamp", "row",
        "case", "when", "then", "else", "end", "least", "greatest", "array", "with", "using", "lock", "nowait",
        "first", "nulls", "offset", "all", "extract", "epoch", "int", "numeric", "boolean", "date",
        "cast", "ctid" /* PostgreSQL's system column */,
        // CQL (the Cassandra statements): conditions, ttl, the claims' write time
        "if", "ttl", "contains", "writetime");
    Set<String> bare = new TreeSet<>();
    int constants = 0;
    List<String> problems = new ArrayList<>();
    for (String entity : DAOS) {
      // the statements live in the generated mapping, named, rendered at build time
      Class<?> mapping = Class.forName("dev.daogen.sample." + entity + "Mapping");
      PostgresMapping<?> m = (PostgresMapping<?>) mapping.getConstructor().newInstance();
      Map<String, String> texts = new java.util.LinkedHashMap<>();
      m.postgres().all().forEach((name, sql) -> texts.put(name, sql.text()));
      ((dev.daogen.store.cassandra.CassandraMapping<?>) m).cassandra().all()
          .forEach((name, cql) -> texts.put("cql " + name, cql.text()));
      for (Map.Entry<String, String> statement : texts.entrySet()) {
        String sql = statement.getValue();
        String name = "'" + statement.getKey() + "'";
        constants++;
        if (sql.contains("'")) {
          problems.add(entity + "Mapping " + name + " has a literal: " + sql);
        }
        String unquoted = sql.replaceAll("\"[^\"]*\"", " ").replaceAll("::[a-z]+(\\[\\])?", " ");
        for (String word : unquoted.split("[^A-Za-z_$][^A-Za-z0-9_$]*|^")) {
          if (!word.isEmpty() && !word.matches("[0-9]+")) {
            bare.add(word.toLowerCase());
            if (!keywords.contains(word.toLowerCase())) {
              problems.add(entity + "Mapping " + name + ": bare identifier '" + word + "' in " + sql);
            }
          }
        }
      }
    }
    // the generated sources: SQL is only in those constants; statements are prepared from them and values bound
    int files = 0;
    try (Stream<Path> sources = Files.walk(Path.of("target", "generated-sources", "annotations"))) {
      for (Path p : sources.filter(p -> p.toString().endsWith("Dao.java") || p.toString().endsWith("Mapping.java"))
          .toList()) {
        files++;
        String code = Files.readString(p)
            .replaceAll("(?s)private static final PostgresStatements POSTGRES = .*?\\.build\\(\\);\\n", "")
            .replaceAll("(?s)private static final CassandraStatements CASSANDRA = .*?\\.build\\(\\);\\n", "");
        Matcher literal = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"")
            .matcher(code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//[^\\n]*", ""));
        while (literal.find()) {
          if (literal.group().matches("(?is)\"\\s*(select|insert|update|delete|truncate|with)\\s.*")) {
            problems.add(p.getFileName() + ": SQL text outside the constants: " + literal.group());
          }
        }
      }
    }
    System.out.printf("generated SQL: %d constants in %d DAOs (%d sources), bare words %s, problems %d%n",
        constants, DAOS.size(), files, bare, problems.size());
    assertTrue(constants > 100, "constants found: " + constants);
    assertTrue(problems.isEmpty(), () -> problems.size() + " problems, first: " + problems.get(0));
  }
}
