package dev.daogen.processor.migration;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.daogen.processor.DaogenProcessor;
import dev.daogen.processor.diagnostics.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One negative test per migration diagnostic: the shop plugin's 1.0.0 snapshot is released, then the entity changes
 * in a way the generator cannot migrate safely.
 */
class UnsafeChangeDiagnosticsTest {
  private static final List<String> V1_COMPONENTS =
      List.of("id", "email", "name", "nickname", "legacyCode", "status", "tags");

  @TempDir Path schemaDir;

  @BeforeEach
  void releaseVersion1() {
    Compilation v1 = compile("1.0.0", Shop.CUSTOMER_1);
    assertThat(v1).succeededWithoutWarnings();
    assertTrue(Files.exists(schemaDir.resolve("shop/1.0.0.json")));
  }

  @Test
  void changedType() {
    JavaFileObject customer = customer(Shop.CUSTOMER_1.replace("String legacyCode", "int legacyCode"));
    Compilation c = compile("1.1.0", customer);
    assertThat(c).hadErrorContaining(Messages.migrationTypeChanged("Customer.legacyCode", "legacy_code", "text",
        "integer", "1.0.0")).inFile(customer).onLineContaining("int legacyCode");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void newRequiredColumnWithoutDefault() {
    JavaFileObject customer = customer(Shop.CUSTOMER_1.replace("@Nullable Set<String> tags)",
        "@Nullable Set<String> tags,\n    String phone)"));
    Compilation c = compile("1.1.0", customer);
    assertThat(c).hadErrorContaining(Messages.migrationRequiredColumn("Customer.phone", "1.0.0"))
        .inFile(customer).onLineContaining("String phone");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void renameWithoutHint() {
    JavaFileObject customer = customer(Shop.CUSTOMER_1.replace("String name,", "String fullName,"));
    Compilation c = compile("1.1.0", customer);
    assertThat(c).hadErrorContaining(Messages.migrationRenameHint("Customer.fullName", "name", "1.0.0"))
        .inFile(customer).onLineContaining("String fullName");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void renamedFromAnUnknownComponent() {
    JavaFileObject customer = customer(Shop.CUSTOMER_1.replace("String name,", "@RenamedFrom(\"nmae\") String fullName,"));
    Compilation c = compile("1.1.0", customer);
    assertThat(c).hadErrorContaining(Messages.renamedFromUnknown("Customer.fullName", "nmae", "1.0.0",
        V1_COMPONENTS)).inFile(customer).onLineContaining("@RenamedFrom(\"nmae\")");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void changedPrimaryKey() {
    JavaFileObject customer = customer(Shop.CUSTOMER_1
        .replace("@PrimaryKey @Auto UUID id", "@Auto UUID id")
        .replace("@Unique String email", "@PrimaryKey @Unique String email"));
    Compilation c = compile("1.1.0", customer);
    assertThat(c).hadErrorContaining(Messages.migrationPrimaryKeyChanged("Customer", "id", "email", "1.0.0"))
        .inFile(customer).onLineContaining("public record Customer(");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void schemaChangeWithoutVersionBump() {
    JavaFileObject pkg = packageInfo("1.0.0");
    Compilation c = compile(pkg, customer(Shop.CUSTOMER_1.replace("@Nullable Set<String> tags)",
        "@Nullable Set<String> tags,\n    @Nullable String phone)")));
    assertThat(c).hadErrorContaining(Messages.schemaChangedWithoutVersionBump("shop", "1.0.0",
        schemaDir.resolve("shop/1.0.0.json").toString())).inFile(pkg).onLineContaining("version = \"1.0.0\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void versionOlderThanTheLatestSnapshot() {
    JavaFileObject pkg = packageInfo("0.9.0");
    Compilation c = compile(pkg, customer(Shop.CUSTOMER_1));
    assertThat(c).hadErrorContaining(Messages.pluginVersionBehindSnapshot("shop", "0.9.0", "1.0.0"))
        .inFile(pkg).onLineContaining("version = \"0.9.0\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void snapshotEditedByHand() throws Exception {
    Path snapshot = schemaDir.resolve("shop/1.0.0.json");
    Files.writeString(snapshot, Files.readString(snapshot).replace("\"legacy_code\"", "\"legacy\""));
    JavaFileObject pkg = packageInfo("1.1.0");
    Compilation c = compile(pkg, customer(Shop.CUSTOMER_1));
    assertThat(c).hadErrorContaining("[DaogenSnapshotUnreadable] cannot read the schema snapshot " + snapshot
        + ": schema snapshot of shop 1.0.0 records hash").inFile(pkg).onLineContaining("@Plugin");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aVersionBumpWithoutSchemaChangeNeedsNoMigration() throws Exception {
    Compilation c = compile("1.0.1", Shop.CUSTOMER_1);
    assertThat(c).succeededWithoutWarnings();
    assertTrue(Files.exists(schemaDir.resolve("shop/1.0.1.json")));
    assertEquals(List.of("/CLASS_OUTPUT/META-INF/daogen/shop/migrations/000_base_shop.sql"),
        c.generatedFiles().stream().map(JavaFileObject::getName).filter(n -> n.endsWith(".sql")).toList());
  }

  private Compilation compile(String version, String customer) {
    return compile(packageInfo(version), customer(customer));
  }

  private Compilation compile(String version, JavaFileObject customer) {
    return compile(packageInfo(version), customer);
  }

  private Compilation compile(JavaFileObject pkg, JavaFileObject customer) {
    return javac()
        .withProcessors(new DaogenProcessor())
        .withOptions("-Adaogen.schemaDir=" + schemaDir)
        .compile(pkg, customer, JavaFileObjects.forSourceString("test.shop.Status", Shop.STATUS));
  }

  private static JavaFileObject packageInfo(String version) {
    return JavaFileObjects.forSourceString("test.shop.package-info", Shop.PACKAGE_INFO.formatted(version));
  }

  private static JavaFileObject customer(String source) {
    return JavaFileObjects.forSourceString("test.shop.Customer", source);
  }
}
