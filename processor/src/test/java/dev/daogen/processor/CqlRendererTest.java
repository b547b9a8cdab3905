package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.daogen.processor.cql.CqlNames;
import dev.daogen.processor.cql.CqlRenderer;
import dev.daogen.processor.cql.CqlTypes;
import dev.daogen.processor.cql.EntityCql;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.store.cassandra.CassandraStatements;
import dev.daogen.store.cassandra.Cql;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link CqlRenderer} against the store's contract, without generating code: every statement it renders is a valid
 * {@link Cql} (the store's own class counts the placeholders), binds only what the store knows, and is named by a
 * constant of {@link CassandraStatements}; the processor's copies of the store's names are the store's.
 */
class CqlRendererTest {
  private static List<EntityModel> entities() {
    List<EntityModel> out = new ArrayList<>();
    for (String[] fixture : List.of(
        new String[] {"good/package-info", "good/annotations/Nullable", "good/KeyAuthCredential", "good/Group",
            "good/Consumer"},
        new String[] {"cassandra/package-info", "cassandra/Club", "cassandra/Membership", "cassandra/Sample"})) {
      ModelTest.CapturingProcessor processor = new ModelTest.CapturingProcessor();
      Compilation c = javac().withProcessors(processor).compile(
          List.of(fixture).stream().map(f -> JavaFileObjects.forResource(f + ".java")).toList());
      assertThat(c).succeeded();
      assertThat(processor.errors).isEqualTo(0);
      processor.plugins.stream().map(PluginModel::entities).forEach(out::addAll);
    }
    assertThat(out).hasSize(6);
    return out;
  }

  @Test
  void everyStatementIsAValidCqlOfTheStore() throws Exception {
    Set<String> special = Set.of(Cql.TTL, Cql.VERSION, Cql.OLD_VERSION, Cql.UNIQUE_NAME, Cql.UNIQUE_VALUE, Cql.OWNER,
        Cql.OLD_OWNER);
    int statements = 0;
    for (EntityModel e : entities()) {
      Set<String> columns = new HashSet<>(List.of(CqlNames.CACHE_KEY_COLUMN, CqlNames.TTL_COLUMN));
      e.fields().forEach(f -> columns.add(f.column()));
      for (EntityCql.Statement s : CqlRenderer.render(e).statements()) {
        String where = e.name() + " / " + s.subject() + ": " + s.cql();
        Cql cql = new Cql(s.cql(), s.params()); // throws when the placeholders and parameters differ
        assertWithMessage(where).that(cql.params()).isEqualTo(s.params());
        for (String p : s.params()) {
          assertWithMessage(where + ": " + p).that(columns.contains(p) || special.contains(p)).isTrue();
        }
        if (s.kind() == EntityCql.Kind.STATEMENT) {
          assertWithMessage(where).that(CassandraStatements.class.getField(s.subject()).get(null)).isNotNull();
        }
        statements++;
      }
    }
    assertThat(statements).isAtLeast(60);
  }

  @Test
  void theProcessorSpellsTheStoresNamesAsTheStoreDoes() {
    assertThat(List.of(CqlNames.TTL, CqlNames.VERSION, CqlNames.OLD_VERSION, CqlNames.UNIQUE_NAME,
            CqlNames.UNIQUE_VALUE, CqlNames.OWNER, CqlNames.OLD_OWNER))
        .containsExactly(Cql.TTL, Cql.VERSION, Cql.OLD_VERSION, Cql.UNIQUE_NAME, Cql.UNIQUE_VALUE, Cql.OWNER,
            Cql.OLD_OWNER).inOrder();
  }

  @Test
  void everySupportedTypeHasACqlType() {
    for (ScalarKind kind : ScalarKind.values()) {
      String type = CqlTypes.of(kind);
      assertThat(CqlTypes.of(new TypeModel.Scalar(kind, false))).isEqualTo(type);
      assertThat(CqlTypes.of(new TypeModel.CollectionType(false, kind))).isEqualTo("list<" + type + ">");
      assertThat(CqlTypes.of(new TypeModel.CollectionType(true, kind))).isEqualTo("set<" + type + ">");
      // a snapshot's PostgreSQL type maps to the same
      assertThat(CqlTypes.ofSql(kind.sqlType(), false)).isEqualTo(type);
      assertThat(CqlTypes.ofSql(kind.sqlType() + "[]", true)).isEqualTo("set<" + type + ">");
    }
    assertThat(List.of(ScalarKind.values()).stream().map(CqlTypes::of).toList()).containsExactly("text", "uuid", "int",
        "bigint", "double", "decimal", "boolean", "timestamp", "date").inOrder();
    assertThat(CqlTypes.of(new TypeModel.EnumType(com.palantir.javapoet.ClassName.get("p", "E"), List.of("A"))))
        .isEqualTo("text");
    assertThat(CqlTypes.of(new TypeModel.MapType(new TypeModel.Scalar(ScalarKind.INT, false)))).isEqualTo("text");
    assertThat(CqlTypes.of(new TypeModel.NestedRecord(com.palantir.javapoet.ClassName.get("p", "R"), List.of())))
        .isEqualTo("text");
    assertThat(CqlTypes.ofSql("jsonb", false)).isEqualTo("text");
  }

  @Test
  void readingStatementsSelectTheComponentsThenVersionThenTtl() {
    for (EntityModel e : entities()) {
      List<String> columns = new ArrayList<>(e.fields().stream().map(FieldModel::column).map(CqlNames::quote).toList());
      columns.add(CqlNames.quote(CqlNames.VERSION_COLUMN));
      if (e.ttl()) {
        columns.add(CqlNames.quote(CqlNames.TTL_COLUMN));
      }
      String select = "SELECT " + String.join(", ", columns) + " FROM " + CqlNames.quote(e.name());
      for (EntityCql.Statement s : CqlRenderer.render(e).statements()) {
        if (s.kind() != EntityCql.Kind.STATEMENT || s.subject().equals("PAGE_TAG")) {
          assertWithMessage(e.name() + " / " + s.subject()).that(s.cql()).startsWith(select);
        }
      }
    }
  }
}
