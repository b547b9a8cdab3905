package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.ClassName;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.OnDelete;
import dev.daogen.processor.analysis.PluginAnalyzer;
import dev.daogen.processor.diagnostics.Messages;
import dev.daogen.processor.diagnostics.Reporter;
import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.EntityCheckModel;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.ForeignKeyModel;
import dev.daogen.processor.model.PluginModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link PluginAnalyzer} on good fixtures and checks the model the generators rely on. */
class ModelTest {

  /** Runs the analyzer like DaogenProcessor does and keeps what it returns. */
  static final class CapturingProcessor extends AbstractProcessor {
    final List<PluginModel> plugins = new ArrayList<>();
    int errors;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of(Entity.class.getCanonicalName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
      Reporter reporter = new Reporter(processingEnv);
      plugins.addAll(new PluginAnalyzer(processingEnv, reporter).analyze(roundEnv.getElementsAnnotatedWith(Entity.class)));
      errors += reporter.errorCount();
      return false;
    }
  }

  private static JavaFileObject src(String path) {
    return JavaFileObjects.forResource(path + ".java");
  }

  private static CapturingProcessor analyzeGood() {
    CapturingProcessor processor = new CapturingProcessor();
    Compilation c = javac().withProcessors(processor).compile(
        src("good/package-info"), src("good/annotations/Nullable"),
        src("good/KeyAuthCredential"), src("good/Group"), src("good/Consumer"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(processor.errors).isEqualTo(0);
    return processor;
  }

  @Test
  void pluginAndForeignKeyOrder() {
    List<PluginModel> plugins = analyzeGood().plugins;
    assertThat(plugins).hasSize(1);
    PluginModel plugin = plugins.get(0);
    assertThat(plugin.name()).isEqualTo("key-auth");
    assertThat(plugin.version()).isEqualTo("1.1.0");
    assertThat(plugin.packageName()).isEqualTo("good");
    assertThat(plugin.moduleSimpleName()).isEqualTo("KeyAuthPluginModule");
    // sources were given children first; parents come first in the model
    assertThat(plugin.entities().stream().map(EntityModel::name).toList())
        .containsExactly("consumers", "keyauth_credentials", "group")
        .inOrder();
  }

  @Test
  void consumerFields() {
    EntityModel consumer = entity(analyzeGood().plugins, "consumers");
    assertThat(consumer.type()).isEqualTo(ClassName.get("good", "Consumer"));
    assertThat(consumer.primaryKey()).containsExactly("id");
    assertThat(consumer.endpointKey()).hasValue("username");
    assertThat(consumer.adminApiName()).isEqualTo("consumers");
    assertThat(consumer.adminApiNestedName()).isEqualTo("consumers");
    assertThat(consumer.generateAdminApi()).isTrue();
    assertThat(consumer.ttl()).isFalse();
    assertThat(consumer.cacheKey()).isEmpty();
    assertThat(consumer.fields().stream().map(FieldModel::column).toList()).containsExactly(
        "id", "created_at", "updated_at", "username", "custom_id", "nickname", "tier", "quota", "ratio", "enabled",
        "since", "scopes", "email", "address", "limits", "tags").inOrder();

    assertThat(consumer.field("id").auto()).isEqualTo(AutoKind.UUID);
    assertThat(consumer.field("id").primaryKey()).isTrue();
    assertThat(consumer.field("createdAt").auto()).isEqualTo(AutoKind.CREATED_AT);
    assertThat(consumer.field("updatedAt").auto()).isEqualTo(AutoKind.UPDATED_AT);
    assertThat(consumer.field("createdAt").jsonName()).isEqualTo("created_at");

    // @Nullable: JSpecify's type-use annotation, also in qualified position, and a declaration annotation
    assertThat(consumer.field("username").nullable()).isTrue();
    assertThat(consumer.field("nickname").nullable()).isTrue();
    assertThat(consumer.field("customId").nullable()).isTrue();
    assertThat(consumer.field("email").nullable()).isFalse();
    assertThat(consumer.field("email").required()).isTrue();
    assertThat(consumer.field("email").immutable()).isTrue();
    assertThat(consumer.field("username").unique()).isTrue();
    assertThat(consumer.field("tier").indexed()).isTrue();

    assertThat(consumer.field("username").type()).isEqualTo(new TypeModel.Scalar(ScalarKind.STRING, false));
    assertThat(consumer.field("quota").type()).isEqualTo(new TypeModel.Scalar(ScalarKind.INT, true));
    assertThat(consumer.field("ratio").type()).isEqualTo(new TypeModel.Scalar(ScalarKind.DECIMAL, false));
    assertThat(consumer.field("since").type()).isEqualTo(new TypeModel.Scalar(ScalarKind.LOCAL_DATE, false));
    assertThat(consumer.field("tier").type())
        .isEqualTo(new TypeModel.EnumType(ClassName.get("good", "Consumer", "Tier"), List.of("SILVER", "GOLD")));
    assertThat(consumer.field("scopes").type()).isEqualTo(new TypeModel.CollectionType(false, ScalarKind.STRING));
    assertThat(consumer.field("limits").type())
        .isEqualTo(new TypeModel.MapType(new TypeModel.Scalar(ScalarKind.INT, false)));
    TypeModel.NestedRecord address = (TypeModel.NestedRecord) consumer.field("address").type();
    assertThat(address.type()).isEqualTo(ClassName.get("good", "Consumer", "Address"));
    assertThat(address.fields()).containsExactly(
        new TypeModel.NestedField("street", "street", new TypeModel.Scalar(ScalarKind.STRING, false), false),
        new TypeModel.NestedField("city", "city", new TypeModel.Scalar(ScalarKind.STRING, false), true),
        new TypeModel.NestedField("tiers", "tiers",
            new TypeModel.MapType(consumer.field("tier").type()), false)).inOrder();

    // defaults are kept as written
    assertThat(consumer.field("tier").defaultValue()).hasValue("GOLD");
    assertThat(consumer.field("quota").defaultValue()).hasValue("10");
    assertThat(consumer.field("scopes").defaultValue()).hasValue("a,b");
    assertThat(consumer.field("enabled").defaultValue()).hasValue("true");

    assertThat(consumer.field("username").constraints()).containsExactly(
        new ConstraintModel(ConstraintModel.Kind.SIZE, Optional.of(1L), Optional.of(64L), Optional.empty()),
        new ConstraintModel(ConstraintModel.Kind.PATTERN, Optional.empty(), Optional.empty(),
            Optional.of("[a-z0-9_.-]+")));
    assertThat(consumer.field("quota").constraints()).containsExactly(
        new ConstraintModel(ConstraintModel.Kind.MIN, Optional.of(1L), Optional.empty(), Optional.empty()),
        new ConstraintModel(ConstraintModel.Kind.MAX, Optional.empty(), Optional.of(100L), Optional.empty()));
    assertThat(consumer.field("email").constraints().stream().map(ConstraintModel::kind).toList())
        .containsExactly(ConstraintModel.Kind.NOT_BLANK, ConstraintModel.Kind.EMAIL);
    assertThat(consumer.field("ratio").constraints().stream().map(ConstraintModel::kind).toList())
        .containsExactly(ConstraintModel.Kind.POSITIVE);

    assertThat(consumer.field("tags").tags()).isTrue();
    assertThat(consumer.tagsField().map(FieldModel::name)).hasValue("tags");
    assertThat(consumer.checks()).containsExactly(
        new EntityCheckModel(EntityCheckModel.Kind.AT_LEAST_ONE_OF, List.of("username", "customId")),
        new EntityCheckModel(EntityCheckModel.Kind.MUTUALLY_EXCLUSIVE, List.of("username", "nickname")),
        new EntityCheckModel(EntityCheckModel.Kind.MUTUALLY_EXCLUSIVE, List.of("customId", "nickname")));
  }

  @Test
  void credentialForeignKey() {
    EntityModel credential = entity(analyzeGood().plugins, "keyauth_credentials");
    assertThat(credential.adminApiName()).isEqualTo("key-auths");
    assertThat(credential.adminApiNestedName()).isEqualTo("key-auth");
    assertThat(credential.ttl()).isTrue();
    assertThat(credential.endpointKey()).hasValue("key");
    assertThat(credential.cacheKey()).containsExactly("key");
    assertThat(credential.hasCacheKeyColumn()).isFalse();
    assertThat(credential.field("key").auto()).isEqualTo(AutoKind.RANDOM_STRING);

    FieldModel consumer = credential.field("consumer");
    assertThat(consumer.column()).isEqualTo("consumer_id");
    assertThat(consumer.jsonName()).isEqualTo("consumer");
    assertThat(consumer.nullable()).isFalse();
    assertThat(consumer.foreign()).hasValue(new ForeignKeyModel(
        ClassName.get("good", "Consumer"), "consumers", "id", "id", "id", OnDelete.CASCADE,
        "keyauth_credentials_consumer_id_fkey"));
    assertThat(credential.foreignKeys()).containsExactly(consumer);
    assertThat(credential.field("tags").nullable()).isTrue();
    assertThat(credential.field("tags").tags()).isTrue();
  }

  @Test
  void selfReferenceAndCompositeCacheKey() {
    EntityModel group = entity(analyzeGood().plugins, "group");
    FieldModel parent = group.field("parentGroup");
    assertThat(parent.column()).isEqualTo("parent_group_id");
    assertThat(parent.jsonName()).isEqualTo("parent_group");
    assertThat(parent.nullable()).isTrue();
    assertThat(parent.foreign().orElseThrow().onDelete()).isEqualTo(OnDelete.NULL);
    assertThat(parent.foreign().orElseThrow().parentName()).isEqualTo("group");
    assertThat(group.field("owner").foreign().orElseThrow().onDelete()).isEqualTo(OnDelete.RESTRICT);
    assertThat(group.cacheKey()).containsExactly("region", "name").inOrder();
    assertThat(group.hasCacheKeyColumn()).isTrue();
  }

  /** The parent is compiled first into a class directory; the child sees it only as a class file. */
  @Test
  void parentFromAClassFileOfAnotherModule(@TempDir Path parentClasses) throws IOException {
    Compilation parent = javac().compile(
        src("goodparent/package-info"), src("goodparent/Account"), src("goodparent/Team"),
        src("goodparent/Keyless"));
    assertThat(parent).succeeded();
    for (JavaFileObject file : parent.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // e.g. /CLASS_OUTPUT/goodparent/Account.class
      String name = file.toUri().getPath().replaceFirst("^/?CLASS_OUTPUT/", "");
      Path target = parentClasses.resolve(name);
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
    assertThat(Files.exists(parentClasses.resolve("goodparent/Account.class"))).isTrue();

    CapturingProcessor processor = new CapturingProcessor();
    Compilation child = javac()
        .withClasspath(classpathWith(parentClasses))
        .withProcessors(processor)
        .compile(src("goodchild/package-info"), src("goodchild/Session"));
    assertThat(child).succeededWithoutWarnings();
    EntityModel session = entity(processor.plugins, "session");
    FieldModel account = session.field("account");
    assertThat(account.column()).isEqualTo("account_account_number");
    assertThat(account.jsonName()).isEqualTo("account");
    assertThat(account.type()).isEqualTo(new TypeModel.Scalar(ScalarKind.LONG, true));
    assertThat(account.foreign()).hasValue(new ForeignKeyModel(
        ClassName.get("goodparent", "Account"), "accounts", "accountNumber", "account_number", "account_number",
        OnDelete.CASCADE, "session_account_account_number_fkey"));

    // a class-file parent with a composite key is reported like one from source
    JavaFileObject membership = src("goodchild/Membership");
    Compilation composite = javac()
        .withClasspath(classpathWith(parentClasses))
        .withProcessors(new DaogenProcessor())
        .compile(src("goodchild/package-info"), membership);
    assertThat(composite).hadErrorContaining(Messages.foreignCompositeKey("Team", List.of("org", "slug")))
        .inFile(membership).onLineContaining("@Foreign");
    assertThat(composite).hadErrorCount(1);

    // a class-file parent without a primary key cannot report itself: the @Foreign does
    JavaFileObject orphan = src("goodchild/Orphan");
    Compilation keyless = javac()
        .withClasspath(classpathWith(parentClasses))
        .withProcessors(new DaogenProcessor())
        .compile(src("goodchild/package-info"), orphan);
    assertThat(keyless).hadErrorContaining(Messages.foreignParentWithoutKey("Keyless"))
        .inFile(orphan).onLineContaining("@Foreign");
    assertThat(keyless).hadErrorCount(1);
  }

  private static List<File> classpathWith(Path extra) {
    List<File> classpath = new ArrayList<>();
    classpath.add(extra.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return classpath;
  }

  private static EntityModel entity(List<PluginModel> plugins, String name) {
    return plugins.stream()
        .flatMap(p -> p.entities().stream())
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + plugins));
  }
}
