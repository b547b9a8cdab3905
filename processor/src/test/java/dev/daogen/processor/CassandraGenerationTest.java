package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.cassandra.CassandraMapping;
import dev.daogen.store.cassandra.CassandraStatements;
import dev.daogen.store.cassandra.Cql;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The Cassandra part of generated mappings ({@code -Adaogen.stores=postgres,cassandra}): it compiles without a warning,
 * a canary stays what a reviewer approved (regenerate with {@code -Ddaogen.updateGoldens=true}), the PostgreSQL-only
 * output does not change, and every statement is well-formed for the store.
 */
class CassandraGenerationTest {
  static final String BOTH = "-Adaogen.stores=postgres,cassandra";
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Set<String> SPECIAL = Set.of(Cql.TTL, Cql.VERSION, Cql.OLD_VERSION, Cql.UNIQUE_NAME,
      Cql.UNIQUE_VALUE, Cql.OWNER, Cql.OLD_OWNER);

  private static JavaFileObject src(String path) {
    return JavaFileObjects.forResource(path + ".java");
  }

  static Compilation compileGood(String... options) {
    List<Object> all = new ArrayList<>(List.of("-Xlint:all,-processing", "-Werror"));
    all.addAll(List.of(options));
    return javac()
        .withProcessors(new DaogenProcessor())
        .withOptions(all)
        .compile(src("good/package-info"), src("good/annotations/Nullable"), src("good/KeyAuthCredential"),
            src("good/Group"), src("good/Consumer"));
  }

  static Compilation compileClubs(String... options) {
    List<Object> all = new ArrayList<>(List.of("-Xlint:all,-processing", "-Werror"));
    all.addAll(List.of(options));
    return javac()
        .withProcessors(new DaogenProcessor())
        .withOptions(all)
        .compile(src("cassandra/package-info"), src("cassandra/Club"), src("cassandra/Membership"),
            src("cassandra/Sample"));
  }

  @Test
  void cassandraPartCompilesWithoutAnyWarning() throws IOException {
    for (Compilation c : List.of(compileGood(BOTH), compileClubs(BOTH))) {
      assertThat(c).succeededWithoutWarnings();
      for (JavaFileObject file : c.generatedSourceFiles()) {
        if (file.getName().endsWith("Mapping.java")) {
          String source = file.getCharContent(true).toString();
          assertThat(source).contains("CassandraMapping<");
          // the converter is written only where a column is not the driver's type itself (Sample: enums, JSON)
          if (file.getName().endsWith("SampleMapping.java")) {
            assertThat(source).contains("public Object cql(int column, Object value)");
          } else if (file.getName().endsWith("KeyAuthCredentialMapping.java")) {
            assertThat(source).doesNotContain("cql(int column");
          }
        }
      }
    }
  }

  @Test
  void canaryMatchesItsGoldenFile() throws IOException {
    String actual = compileGood(BOTH).generatedSourceFile("good.ConsumerMapping").orElseThrow()
        .getCharContent(true).toString();
    Path golden = GOLDEN.resolve("good.ConsumerMapping.cassandra.java.txt");
    if (Boolean.getBoolean("daogen.updateGoldens")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void postgresOnlyIsTheDefaultAndCassandraAddsNothingElse() throws IOException {
    Map<String, String> byDefault = sources(compileGood());
    assertThat(sources(compileGood("-Adaogen.stores=postgres"))).isEqualTo(byDefault);
    Map<String, String> both = sources(compileGood(BOTH));
    // the order of the stores does not matter, nor do blanks
    assertThat(sources(compileGood("-Adaogen.stores= cassandra ,postgres"))).isEqualTo(both);
    assertThat(both.keySet()).isEqualTo(byDefault.keySet());
    for (String name : byDefault.keySet()) {
      if (!name.endsWith("Mapping.java")) {
        assertThat(both.get(name)).isEqualTo(byDefault.get(name));
      }
    }
  }

  @Test
  void cqlMigrationsOnlyForCassandra() {
    String base = "META-INF/daogen/key-auth/migrations/000_base_key-auth.";
    assertThat(resource(compileGood(), base + "cql")).isNull();
    assertThat(resource(compileGood(BOTH), base + "cql")).isNotNull();
    assertThat(resource(compileGood(BOTH), base + "sql")).isEqualTo(resource(compileGood(), base + "sql"));
  }

  @Test
  void baseMigrationOfTablesWithTtlTagsUniqueIndexedForeignAndCompositeKeys() {
    assertThat(resource(compileClubs(BOTH), "META-INF/daogen/clubs/migrations/000_base_clubs.cql")).isEqualTo("""
        -- Base migration of plugin 'clubs' 1.0.0 for Cassandra. Generated by daogen; do not edit.
        -- One statement per line, run in the plugin's keyspace.
        -- daogen:up
        CREATE TABLE IF NOT EXISTS "clubs" ("id" uuid, "name" text, "tags" set<text>, "version" uuid, \
        PRIMARY KEY (("id")));
        CREATE TABLE IF NOT EXISTS "clubs_unique" ("name" text, "value" text, "owner" text, \
        PRIMARY KEY (("name", "value")));
        CREATE INDEX IF NOT EXISTS "clubs_name_idx" ON "clubs" ("name") USING 'sai';
        CREATE INDEX IF NOT EXISTS "clubs_tags_idx" ON "clubs" ("tags") USING 'sai';
        CREATE TABLE IF NOT EXISTS "memberships" ("club_id" uuid, "member" text, "email" text, "role" text, \
        "created_at" timestamp, "tags" set<text>, "ttl" timestamp, "version" uuid, PRIMARY KEY (("club_id", "member")));
        CREATE TABLE IF NOT EXISTS "memberships_unique" ("name" text, "value" text, "owner" text, \
        PRIMARY KEY (("name", "value")));
        CREATE INDEX IF NOT EXISTS "memberships_email_idx" ON "memberships" ("email") USING 'sai';
        CREATE INDEX IF NOT EXISTS "memberships_club_id_idx" ON "memberships" ("club_id") USING 'sai';
        CREATE INDEX IF NOT EXISTS "memberships_role_idx" ON "memberships" ("role") USING 'sai';
        CREATE INDEX IF NOT EXISTS "memberships_tags_idx" ON "memberships" ("tags") USING 'sai';
        CREATE TABLE IF NOT EXISTS "samples" ("id" bigint, "region" text, "shard" int, "text" text, "uuid" uuid, \
        "maybe_count" int, "big" bigint, "maybe_big" bigint, "ratio" double, "maybe_ratio" double, "amount" decimal, \
        "flag" boolean, "maybe_flag" boolean, "at" timestamp, "day" date, "level" text, "retries" int, \
        "priority" text, "label" text, "names" list<text>, "ids" set<uuid>, "numbers" list<bigint>, \
        "times" set<timestamp>, "days" list<date>, "amounts" list<decimal>, "flags" set<boolean>, \
        "ratios" list<double>, "small" set<int>, "detail" text, "levels" text, "cache_key" text, "version" uuid, \
        PRIMARY KEY (("id")));
        CREATE TABLE IF NOT EXISTS "samples_unique" ("name" text, "value" text, "owner" text, \
        PRIMARY KEY (("name", "value")));
        CREATE INDEX IF NOT EXISTS "samples_cache_key_idx" ON "samples" ("cache_key") USING 'sai';
        -- daogen:teardown
        """);
  }

  @Test
  void everyStatementBindsAKnownValueToEachPlaceholder() throws Exception {
    int statements = 0;
    for (CassandraMapping<?> m : mappings()) {
      Set<String> columns = new HashSet<>();
      for (FieldSchema<?> f : m.schema().fields()) {
        columns.add(f.column());
      }
      columns.addAll(List.of("cache_key", "ttl"));
      for (Map.Entry<String, Cql> s : m.cassandra().all().entrySet()) {
        String where = m.schema().name() + " / " + s.getKey();
        // Cql's constructor has checked the count; the names must be what the store binds
        for (String p : s.getValue().params()) {
          assertWithMessage(where + ": " + p).that(columns.contains(p) || SPECIAL.contains(p)).isTrue();
        }
        statements++;
      }
    }
    assertThat(statements).isAtLeast(60);
  }

  @Test
  void statementsOfACompositeKeyTtlEntity() throws Exception {
    Map<String, Cql> s = new TreeMap<>(mapping("cassandra.MembershipMapping").cassandra().all());
    assertThat(s.keySet()).containsExactly("find primary key", "find email", "page all", "page club", "page role",
        CassandraStatements.PAGE_TAG, CassandraStatements.INSERT, CassandraStatements.UPDATE,
        CassandraStatements.DELETE, CassandraStatements.COUNT, CassandraStatements.TRUNCATE,
        CassandraStatements.TRUNCATE_CLAIMS, CassandraStatements.CLAIM, CassandraStatements.TAKE_OVER_CLAIM,
        CassandraStatements.RELEASE_CLAIM);
    String columns = "\"club_id\", \"member\", \"email\", \"role\", \"created_at\", \"tags\", \"version\", \"ttl\"";
    assertThat(s.get("find primary key")).isEqualTo(Cql.of(
        "SELECT " + columns + " FROM \"memberships\" WHERE \"club_id\" = ? AND \"member\" = ?", "club_id", "member"));
    assertThat(s.get("find email")).isEqualTo(Cql.of(
        "SELECT " + columns + " FROM \"memberships\" WHERE \"email\" = ?", "email"));
    assertThat(s.get("page all")).isEqualTo(Cql.of("SELECT " + columns + " FROM \"memberships\""));
    assertThat(s.get("page club")).isEqualTo(Cql.of(
        "SELECT " + columns + " FROM \"memberships\" WHERE \"club_id\" = ?", "club_id"));
    assertThat(s.get(CassandraStatements.PAGE_TAG)).isEqualTo(Cql.of(
        "SELECT " + columns + " FROM \"memberships\" WHERE \"tags\" CONTAINS ?", "tags"));
    assertThat(s.get(CassandraStatements.INSERT)).isEqualTo(Cql.of("INSERT INTO \"memberships\" (\"club_id\","
            + " \"member\", \"email\", \"role\", \"created_at\", \"tags\", \"ttl\", \"version\") VALUES (?, ?, ?, ?, ?,"
            + " ?, ?, ?) IF NOT EXISTS USING TTL ?",
        "club_id", "member", "email", "role", "created_at", "tags", "ttl", Cql.VERSION, Cql.TTL));
    assertThat(s.get(CassandraStatements.UPDATE)).isEqualTo(Cql.of("UPDATE \"memberships\" USING TTL ? SET"
            + " \"email\" = ?, \"role\" = ?, \"created_at\" = ?, \"tags\" = ?, \"ttl\" = ?, \"version\" = ? WHERE"
            + " \"club_id\" = ? AND \"member\" = ? IF \"version\" = ?",
        Cql.TTL, "email", "role", "created_at", "tags", "ttl", Cql.VERSION, "club_id", "member", Cql.OLD_VERSION));
    assertThat(s.get(CassandraStatements.DELETE)).isEqualTo(Cql.of(
        "DELETE FROM \"memberships\" WHERE \"club_id\" = ? AND \"member\" = ? IF \"version\" = ?",
        "club_id", "member", Cql.OLD_VERSION));
    assertThat(s.get(CassandraStatements.COUNT)).isEqualTo(Cql.of("SELECT COUNT(*) FROM \"memberships\""));
    assertThat(s.get(CassandraStatements.TRUNCATE)).isEqualTo(Cql.of("TRUNCATE \"memberships\""));
    assertThat(s.get(CassandraStatements.TRUNCATE_CLAIMS)).isEqualTo(Cql.of("TRUNCATE \"memberships_unique\""));
    assertThat(s.get(CassandraStatements.CLAIM)).isEqualTo(Cql.of("INSERT INTO \"memberships_unique\" (\"name\","
            + " \"value\", \"owner\") VALUES (?, ?, ?) IF NOT EXISTS USING TTL ?",
        Cql.UNIQUE_NAME, Cql.UNIQUE_VALUE, Cql.OWNER, Cql.TTL));
    assertThat(s.get(CassandraStatements.TAKE_OVER_CLAIM)).isEqualTo(Cql.of("UPDATE \"memberships_unique\" USING"
            + " TTL ? SET \"owner\" = ? WHERE \"name\" = ? AND \"value\" = ? IF \"owner\" = ?",
        Cql.TTL, Cql.OWNER, Cql.UNIQUE_NAME, Cql.UNIQUE_VALUE, Cql.OLD_OWNER));
    assertThat(s.get(CassandraStatements.RELEASE_CLAIM)).isEqualTo(Cql.of("DELETE FROM \"memberships_unique\" WHERE"
        + " \"name\" = ? AND \"value\" = ? IF \"owner\" = ?", Cql.UNIQUE_NAME, Cql.UNIQUE_VALUE, Cql.OWNER));
  }

  @Test
  void aStoredCacheKeyIsLookedUpAndClaimed() throws Exception {
    Map<String, Cql> s = mapping("good.GroupMapping").cassandra().all();
    assertThat(s.get("find cache key").text()).endsWith(" FROM \"group\" WHERE \"cache_key\" = ?");
    assertThat(s.get(CassandraStatements.INSERT).params()).containsExactly("id", "parent_group_id", "owner_id",
        "region", "name", "cache_key", Cql.VERSION, Cql.TTL).inOrder();
    assertThat(s).containsKey(CassandraStatements.CLAIM);
    // no tags, no claims without unique constraints
    Map<String, Cql> consumer = mapping("good.ConsumerMapping").cassandra().all();
    assertThat(consumer).containsKey(CassandraStatements.PAGE_TAG);
    assertThat(mapping("good.KeyAuthCredentialMapping").cassandra().all()).containsKey("find key");
    assertThat(s).doesNotContainKey(CassandraStatements.PAGE_TAG);
  }

  // ---- loading the generated mappings ------------------------------------------------------------------------------

  private static List<CassandraMapping<?>> mappings() throws Exception {
    List<CassandraMapping<?>> out = new ArrayList<>();
    for (String type : List.of("good.ConsumerMapping", "good.KeyAuthCredentialMapping", "good.GroupMapping",
        "cassandra.ClubMapping", "cassandra.MembershipMapping", "cassandra.SampleMapping")) {
      out.add(mapping(type));
    }
    return out;
  }

  private static ClassLoader good;
  private static ClassLoader clubs;

  /** A generated mapping, compiled with both stores and loaded. */
  static CassandraMapping<?> mapping(String type) throws Exception {
    if (good == null) {
      good = new CompiledClasses(compileGood(BOTH));
      clubs = new CompiledClasses(compileClubs(BOTH));
    }
    ClassLoader loader = type.startsWith("good.") ? good : clubs;
    return (CassandraMapping<?>) loader.loadClass(type).getConstructor().newInstance();
  }

  /** The classes of a compilation, loaded from memory. */
  static final class CompiledClasses extends ClassLoader {
    private final Compilation compilation;

    CompiledClasses(Compilation compilation) {
      super(CassandraGenerationTest.class.getClassLoader());
      assertThat(compilation).succeeded();
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().equals(path)) {
          try (InputStream in = file.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }

  private static Map<String, String> sources(Compilation c) throws IOException {
    assertThat(c).succeededWithoutWarnings();
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject file : c.generatedSourceFiles()) {
      out.put(file.toUri().getPath(), file.getCharContent(true).toString());
    }
    return out;
  }

  /** A generated resource's text, or null. */
  static String resource(Compilation c, String path) {
    for (JavaFileObject file : c.generatedFiles()) {
      if (file.toUri().getPath().equals("/CLASS_OUTPUT/" + path)) {
        try {
          return file.getCharContent(true).toString();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }
}
