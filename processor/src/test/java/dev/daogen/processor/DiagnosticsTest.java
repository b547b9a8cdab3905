package dev.daogen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.daogen.processor.diagnostics.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One negative test per diagnostic: the message, the file, the line, and no other error. */
class DiagnosticsTest {
  private static final JavaFileObject PACKAGE_INFO = src("package-info");
  private static final JavaFileObject PARENT = src("Parent");

  static JavaFileObject src(String name) {
    return JavaFileObjects.forResource("bad/" + name + ".java");
  }

  /** Compiles fixtures of package {@code bad} together with its {@code package-info.java}. */
  static Compilation compile(JavaFileObject... files) {
    List<JavaFileObject> all = new java.util.ArrayList<>(Arrays.asList(files));
    all.add(PACKAGE_INFO);
    return compileExactly(all.toArray(JavaFileObject[]::new));
  }

  static Compilation compileExactly(JavaFileObject... files) {
    return javac().withProcessors(new DaogenProcessor()).compile(files);
  }

  @Test
  void entityNotRecord() {
    JavaFileObject f = src("NotRecord");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.entityNotRecord("NotRecord")).inFile(f).onLineContaining("@Entity");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void noPrimaryKey() {
    JavaFileObject f = src("NoKey");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.noPrimaryKey("NoKey")).inFile(f).onLineContaining("record NoKey(");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void primaryKeyNullable() {
    JavaFileObject f = src("NullableKey");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.primaryKeyNullable("NullableKey.id"))
        .inFile(f).onLineContaining("@PrimaryKey @Nullable String id");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void unsupportedTypes() {
    JavaFileObject f = src("UnsupportedTypes");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.unsupportedType("UnsupportedTypes.payload", "java.lang.Object"))
        .inFile(f).onLineContaining("Object payload");
    assertThat(c).hadErrorContaining(Messages.unsupportedType("UnsupportedTypes.ratio", "float"))
        .inFile(f).onLineContaining("float ratio");
    assertThat(c).hadErrorContaining(
            Messages.unsupportedType("UnsupportedTypes.items", "java.util.List<java.lang.Object>"))
        .inFile(f).onLineContaining("List<Object> items");
    assertThat(c).hadErrorContaining(
            Messages.unsupportedType("UnsupportedTypes.byNumber", "java.util.Map<java.lang.Integer,java.lang.String>"))
        .inFile(f).onLineContaining("byNumber");
    assertThat(c).hadErrorContaining(Messages.unsupportedType("UnsupportedTypes.array", "java.lang.String[]"))
        .inFile(f).onLineContaining("String[] array");
    assertThat(c).hadErrorContaining("supported types: String, UUID");
    assertThat(c).hadErrorCount(5);
  }

  @Test
  void entityAsComponent() {
    JavaFileObject f = src("EntityAsComponent");
    Compilation c = compile(f, PARENT);
    assertThat(c).hadErrorContaining(Messages.entityAsComponent("EntityAsComponent.parent", "Parent"))
        .inFile(f).onLineContaining("Parent parent");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void keyAnnotationsNeedScalars() {
    JavaFileObject f = src("KeyNotScalar");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.keyNotScalar("Unique", "KeyNotScalar.names", "List<String>"))
        .inFile(f).onLineContaining("@Unique");
    assertThat(c).hadErrorContaining(Messages.keyNotScalar("Indexed", "KeyNotScalar.attributes", "Map<String, String>"))
        .inFile(f).onLineContaining("@Indexed");
    assertThat(c).hadErrorContaining(Messages.keyNotScalar("CacheKey", "KeyNotScalar.keys", "Set<UUID>"))
        .inFile(f).onLineContaining("@CacheKey");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void nullablePrimitive() {
    JavaFileObject f = src("NullablePrimitive");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.nullablePrimitive("NullablePrimitive.count", "int"))
        .inFile(f).onLineContaining("@Nullable int count");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void foreignNotEntity() {
    JavaFileObject f = src("ForeignNotEntity");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.foreignNotEntity("String")).inFile(f).onLineContaining("@Foreign");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void foreignTypeMismatch() {
    JavaFileObject f = src("ForeignTypeMismatch");
    Compilation c = compile(f, PARENT);
    assertThat(c).hadErrorContaining(
            Messages.foreignTypeMismatch("ForeignTypeMismatch.parent", "String", "Parent", "UUID"))
        .inFile(f).onLineContaining("@Foreign");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void foreignCompositeKey() {
    JavaFileObject f = src("ForeignCompositeKey");
    Compilation c = compile(f, src("CompositeParent"));
    assertThat(c).hadErrorContaining(Messages.foreignCompositeKey("CompositeParent", List.of("a", "b")))
        .inFile(f).onLineContaining("@Foreign");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void onDeleteNullNeedsNullable() {
    JavaFileObject f = src("OnDeleteNull");
    Compilation c = compile(f, PARENT);
    assertThat(c).hadErrorContaining(Messages.onDeleteNullNotNullable("OnDeleteNull.parent"))
        .inFile(f).onLineContaining("@Foreign");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void singleCacheKeyMustBeUnique() {
    JavaFileObject f = src("CacheKeyNotUnique");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.cacheKeyNotUnique("CacheKeyNotUnique.key"))
        .inFile(f).onLineContaining("@CacheKey");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void endpointKeyMissing() {
    JavaFileObject f = src("EndpointKeyMissing");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.endpointKeyMissing("username", "EndpointKeyMissing", List.of("name")))
        .inFile(f).onLineContaining("endpointKey = \"username\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void endpointKeyNotUnique() {
    JavaFileObject f = src("EndpointKeyNotUnique");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.endpointKeyNotUnique("name"))
        .inFile(f).onLineContaining("endpointKey = \"name\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void defaultLiteralsAreCheckedForTheirType() {
    JavaFileObject f = src("DefaultInvalid");
    Compilation c = compile(f, src("Color"));
    // the reason follows the fixed part: assert both
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("abc", "int", "")).inFile(f).onLineContaining("int count");
    assertThat(c).hadErrorContaining("is not an int");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("yes", "boolean", "")).inFile(f).onLineContaining("enabled");
    assertThat(c).hadErrorContaining("write \"true\" or \"false\"");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("not-a-uuid", "UUID", "")).inFile(f).onLineContaining("ref");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("2024-01-01", "Instant", "")).inFile(f).onLineContaining("at,");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("2024-13-01", "LocalDate", "")).inFile(f).onLineContaining("day");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("PURPLE", "Color", "")).inFile(f).onLineContaining("color");
    assertThat(c).hadErrorContaining("use one of [RED, GREEN]");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("1,x", "List<Integer>", "element 2 (\"x\")"))
        .inFile(f).onLineContaining("numbers");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("1.2.3", "BigDecimal", "")).inFile(f).onLineContaining("amount");
    assertThat(c).hadErrorCount(8);
  }

  @Test
  void defaultOnJsonComponent() {
    JavaFileObject f = src("DefaultOnJson");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.defaultOnJson("DefaultOnJson.attributes"))
        .inFile(f).onLineContaining("@Default");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void autoOnUnsupportedType() {
    JavaFileObject f = src("AutoUnsupported");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.autoUnsupported("AutoUnsupported.count", "int"))
        .inFile(f).onLineContaining("@Auto int count");
    assertThat(c).hadErrorContaining(Messages.autoUnsupported("AutoUnsupported.expiresAt", "Instant"))
        .inFile(f).onLineContaining("@Auto Instant expiresAt");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void indexedForeignKey() {
    JavaFileObject f = src("IndexedForeignKey");
    Compilation c = compile(f, PARENT);
    assertThat(c).hadErrorContaining(Messages.INDEXED_FOREIGN_KEY).inFile(f).onLineContaining("@Indexed @Foreign");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void autoWithDefault() {
    JavaFileObject f = src("AutoWithDefault");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.AUTO_WITH_DEFAULT).inFile(f).onLineContaining("@Auto @Default");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void ttlColumnIsReserved() {
    JavaFileObject f = src("TtlReserved");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.ttlReserved("TtlReserved.ttl")).inFile(f).onLineContaining("Long ttl");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void cacheKeyColumnIsReservedForCompositeCacheKeys() {
    JavaFileObject f = src("CacheKeyColumnReserved");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.cacheKeyColumnReserved("CacheKeyColumnReserved.cacheKey"))
        .inFile(f).onLineContaining("String cacheKey");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void duplicateColumn() {
    JavaFileObject f = src("DuplicateColumn");
    Compilation c = compile(f, PARENT);
    assertThat(c).hadErrorContaining(Messages.duplicateColumn("parent_id", "parent", "parentId"))
        .inFile(f).onLineContaining("UUID parentId");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void duplicateEntityName() {
    JavaFileObject a = src("DuplicateNameA");
    JavaFileObject b = src("DuplicateNameB");
    Compilation c = compile(a, b);
    assertThat(c).hadErrorContaining(Messages.duplicateEntityName("things", "bad", "DuplicateNameA"))
        .inFile(b).onLineContaining("name = \"things\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void entityWithoutPlugin() {
    JavaFileObject f = JavaFileObjects.forResource("bad/noplugin/NoPlugin.java");
    Compilation c = compileExactly(f);
    assertThat(c).hadErrorContaining(Messages.missingPlugin("bad.noplugin", "NoPlugin"))
        .inFile(f).onLineContaining("record NoPlugin");
    assertThat(c).hadErrorContaining("add package-info.java with @Plugin(name = ");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void pluginNameInvalid() {
    JavaFileObject info = JavaFileObjects.forResource("bad/pluginname/package-info.java");
    Compilation c = compileExactly(info, JavaFileObjects.forResource("bad/pluginname/Thing.java"));
    assertThat(c).hadErrorContaining(Messages.pluginNameInvalid("Key Auth"))
        .inFile(info).onLineContaining("name = \"Key Auth\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void pluginVersionInvalid() {
    JavaFileObject info = JavaFileObjects.forResource("bad/pluginversion/package-info.java");
    Compilation c = compileExactly(info, JavaFileObjects.forResource("bad/pluginversion/Thing.java"));
    assertThat(c).hadErrorContaining(Messages.pluginVersionInvalid("1.0"))
        .inFile(info).onLineContaining("version = \"1.0\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void entityNameInvalid() {
    JavaFileObject f = src("BadEntityName");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.entityNameInvalid("Drop Table", "BadEntityName", false))
        .inFile(f).onLineContaining("name = \"Drop Table\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void adminApiNamesInvalid() {
    JavaFileObject f = src("BadAdminApiNames");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.adminApiNameInvalid("adminApiName", "Key Auths"))
        .inFile(f).onLineContaining("adminApiName = \"Key Auths\"");
    assertThat(c).hadErrorContaining(Messages.adminApiNameInvalid("adminApiNestedName", "key auth"))
        .inFile(f).onLineContaining("adminApiNestedName = \"key auth\"");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void foreignKeyCycleIsReportedOnceWhereItCloses() {
    JavaFileObject a = src("CycleA");
    JavaFileObject b = src("CycleB");
    Compilation c = compile(a, b);
    assertThat(c).hadErrorContaining(Messages.foreignKeyCycle("cycle_a → cycle_b → cycle_a"))
        .inFile(b).onLineContaining("@Foreign(CycleA.class)");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void selfReferenceMustBeNullable() {
    JavaFileObject f = src("SelfReference");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.selfReferenceNotNullable("SelfReference.parent"))
        .inFile(f).onLineContaining("@Foreign");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void entityCheckNamingMissingComponent() {
    JavaFileObject f = src("CheckUnknownComponent");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.checkUnknownComponent("AtLeastOneOf", "email", "CheckUnknownComponent",
            List.of("id", "username")))
        .inFile(f).onLineContaining("\"email\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void entityCheckWithFewerThanTwoNames() {
    JavaFileObject f = src("CheckTooFew");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.checkTooFewComponents("MutuallyRequired"))
        .inFile(f).onLineContaining("@MutuallyRequired(\"a\")");
    assertThat(c).hadErrorContaining(Messages.checkTooFewComponents("OnlyOneOf"))
        .inFile(f).onLineContaining("@OnlyOneOf");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void constraintsOnTypesTheyDoNotApplyTo() {
    JavaFileObject f = src("ConstraintNotApplicable");
    Compilation c = compile(f, src("Color"));
    String numbers = "int, long, double and BigDecimal (and their boxes)";
    assertThat(c).hadErrorContaining(Messages.constraintNotApplicable("Size", "ConstraintNotApplicable.count", "int",
        "String, List, Set and Map")).inFile(f).onLineContaining("@Size");
    assertThat(c).hadErrorContaining(Messages.constraintNotApplicable("Min", "ConstraintNotApplicable.name", "String",
        numbers)).inFile(f).onLineContaining("@Min");
    assertThat(c).hadErrorContaining(Messages.constraintNotApplicable("Pattern", "ConstraintNotApplicable.ref", "UUID",
        "String")).inFile(f).onLineContaining("@Pattern");
    assertThat(c).hadErrorContaining(Messages.constraintNotApplicable("Email", "ConstraintNotApplicable.number",
        "Integer", "String")).inFile(f).onLineContaining("@Email");
    assertThat(c).hadErrorContaining(Messages.constraintNotApplicable("NotBlank", "ConstraintNotApplicable.lines",
        "List<String>", "String")).inFile(f).onLineContaining("@NotBlank");
    assertThat(c).hadErrorContaining(Messages.constraintNotApplicable("Positive", "ConstraintNotApplicable.color",
        "Color", numbers)).inFile(f).onLineContaining("@Positive");
    assertThat(c).hadErrorCount(6);
  }

  @Test
  void patternThatDoesNotCompile() {
    JavaFileObject f = src("PatternInvalid");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.patternInvalid("[a-", "")).inFile(f).onLineContaining("@Pattern");
    assertThat(c).hadErrorContaining("near index");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void impossibleSize() {
    JavaFileObject f = src("SizeInvalid");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.sizeInvalid(5, 2)).inFile(f).onLineContaining("String a");
    assertThat(c).hadErrorContaining(Messages.sizeInvalid(-1, Integer.MAX_VALUE)).inFile(f).onLineContaining("String b");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void entityWithTypeParameters() {
    JavaFileObject f = src("GenericEntity");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.genericRecord("GenericEntity")).inFile(f).onLineContaining("record GenericEntity<T>");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void nestedRecordWithTypeParameters() {
    JavaFileObject f = src("NestedGeneric");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.genericRecord("Box")).inFile(f).onLineContaining("Box<String> box");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void nestedRecordRecursion() {
    JavaFileObject f = src("NestedCycle");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.nestedRecordCycle("Outer → Inner → Outer"))
        .inFile(f).onLineContaining("Outer parent) {}");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void oneCompileReportsEveryMistake() {
    JavaFileObject f = src("ManyMistakes");
    Compilation c = compile(f);
    assertThat(c).hadErrorContaining(Messages.endpointKeyMissing("nope", "ManyMistakes", List.of()))
        .inFile(f).onLineContaining("endpointKey = \"nope\"");
    assertThat(c).hadErrorContaining(Messages.primaryKeyNullable("ManyMistakes.id"))
        .inFile(f).onLineContaining("@PrimaryKey @Nullable UUID id");
    assertThat(c).hadErrorContaining(Messages.autoUnsupported("ManyMistakes.count", "int"))
        .inFile(f).onLineContaining("@Auto int count");
    assertThat(c).hadErrorContaining(Messages.defaultInvalid("maybe", "Boolean", ""))
        .inFile(f).onLineContaining("Boolean flag");
    assertThat(c).hadErrorContaining(Messages.unsupportedType("ManyMistakes.worker", "java.lang.Thread"))
        .inFile(f).onLineContaining("Thread worker");
    assertThat(c).hadErrorCount(5);
  }

  // ---- stores (-Adaogen.stores) -----------------------------------------------------------------------------------

  /** Compiles fixtures of package {@code bad}, with its {@code package-info.java}, for these stores. */
  static Compilation compileForStores(String stores, JavaFileObject... files) {
    List<JavaFileObject> all = new java.util.ArrayList<>(Arrays.asList(files));
    all.add(PACKAGE_INFO);
    return javac().withProcessors(new DaogenProcessor()).withOptions("-Adaogen.stores=" + stores).compile(all);
  }

  @Test
  void storesUnknown() {
    Compilation c = compileForStores("postgres,mongo", PARENT);
    assertThat(c).hadErrorContaining(Messages.storesUnknown("postgres,mongo", List.of("mongo"),
            List.of("postgres", "cassandra")))
        .inFile(PACKAGE_INFO).onLineContaining("@Plugin");
    assertThat(c).hadErrorContaining("the known stores are postgres, cassandra");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void storesWithoutPostgres() {
    Compilation c = compileForStores("cassandra", PARENT);
    assertThat(c).hadErrorContaining(Messages.storesWithoutPostgres("cassandra"))
        .inFile(PACKAGE_INFO).onLineContaining("@Plugin");
    assertThat(c).hadErrorContaining("-Adaogen.stores=postgres,cassandra");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void storesUnknownAndWithoutPostgres() {
    Compilation c = compileForStores("Postgres", PARENT);
    assertThat(c).hadErrorContaining(Messages.storesUnknown("Postgres", List.of("Postgres"),
            List.of("postgres", "cassandra")))
        .inFile(PACKAGE_INFO).onLineContaining("@Plugin");
    assertThat(c).hadErrorContaining(Messages.storesWithoutPostgres("Postgres"))
        .inFile(PACKAGE_INFO).onLineContaining("@Plugin");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void cassandraVersionReserved() {
    JavaFileObject f = src("VersionColumn");
    Compilation c = compileForStores("postgres,cassandra", f);
    assertThat(c).hadErrorContaining(Messages.cassandraVersionReserved("VersionColumn.version"))
        .inFile(f).onLineContaining("String version");
    assertThat(c).hadErrorCount(1);
    // PostgreSQL has no hidden version column
    assertThat(compileForStores("postgres", f)).succeeded();
  }

  @Test
  void cassandraClaimsTableClash() {
    JavaFileObject owner = src("ClaimsOwner");
    JavaFileObject clash = src("ClaimsClash");
    Compilation c = compileForStores("postgres,cassandra", owner, clash);
    assertThat(c).hadErrorContaining(Messages.cassandraClaimsTableClash("owners_unique", "ClaimsOwner"))
        .inFile(clash).onLineContaining("@Entity(name = \"owners_unique\")");
    assertThat(c).hadErrorCount(1);
    assertThat(compileForStores("postgres", owner, clash)).succeeded();
  }

  @Test
  void nothingIsGeneratedAfterAnError(@TempDir Path classes, @TempDir Path sources) throws Exception {
    // compile-testing hides generated files of a failed compilation, so run javac with real output directories
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
    files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(sources));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
        List.of("-classpath", System.getProperty("java.class.path")), null,
        List.of(src("ManyMistakes"), PARENT, PACKAGE_INFO));
    task.setProcessors(List.of(new DaogenProcessor()));
    assertThat(task.call()).isFalse();
    assertThat(diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(null))
            .anyMatch(m -> m.startsWith("[DaogenPrimaryKeyNullable]")))
        .isTrue();
    try (Stream<Path> generated = Stream.concat(Files.walk(classes), Files.walk(sources))) {
      assertThat(generated.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }
}
