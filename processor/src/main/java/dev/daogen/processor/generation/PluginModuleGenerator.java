package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.ADMIN_MODULE;
import static dev.daogen.processor.generation.ClassNames.DATABASE;
import static dev.daogen.processor.generation.ClassNames.ENTITY_SCHEMA;
import static dev.daogen.processor.generation.ClassNames.PLUGIN_MODULE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.MigrationPlan;
import dev.daogen.processor.model.PluginModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates the plugin's {@code PluginModule}, which the runtime discovers through {@code ServiceLoader}; when some of
 * its entities have an admin API, the module is the plugin's {@code AdminModule} too.
 */
public final class PluginModuleGenerator extends SourceGenerator<PluginModuleGenerator.Input> {
  /** The plugin, with its decided migrations. */
  public record Input(PluginModel plugin, MigrationPlan migrations) {}

  public PluginModuleGenerator(Filer filer) {
    super(filer);
  }

  /** The generated module class. */
  public static ClassName moduleType(PluginModel plugin) {
    return ClassName.get(plugin.packageName(), plugin.moduleSimpleName());
  }

  @Override
  protected String packageName(Input input) {
    return input.plugin().packageName();
  }

  @Override
  protected Element originatingElement(Input input) {
    return input.plugin().element();
  }

  @Override
  protected TypeSpec.Builder write(Input input) {
    PluginModel plugin = input.plugin();
    TypeName anyType = WildcardTypeName.subtypeOf(Object.class);
    List<CodeBlock> schemas = new ArrayList<>();
    List<CodeBlock> daos = new ArrayList<>();
    for (EntityModel e : plugin.entities()) {
      schemas.add(CodeBlock.of("$T.SCHEMA", MappingGenerator.mappingType(e)));
      daos.add(CodeBlock.of("daos.put($T.class, $T::new)", e.daoType(), e.daoType()));
    }
    List<CodeBlock> resources = input.migrations().resources().stream().map(r -> CodeBlock.of("$S", r)).toList();
    List<CodeBlock> admins = plugin.entities().stream()
        .filter(EntityModel::generateAdminApi)
        .map(e -> CodeBlock.of("new $T(db)", AdminGenerator.adminType(e)))
        .toList();
    TypeSpec.Builder module = TypeSpec.classBuilder(moduleType(plugin))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(PLUGIN_MODULE)
        .addJavadoc("The {@code $L} plugin, version $L: its entities, DAOs and migrations.\n", plugin.name(),
            plugin.version())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Called by {@link java.util.ServiceLoader}.\n")
            .addModifiers(Modifier.PUBLIC)
            .build())
        .addMethod(override("name", ClassName.get(String.class)).addStatement("return $S", plugin.name()).build())
        .addMethod(override("version", ClassName.get(String.class))
            .addStatement("return $S", plugin.version()).build())
        .addMethod(override("entities", ParameterizedTypeName.get(ClassName.get(List.class),
                ParameterizedTypeName.get(ENTITY_SCHEMA, anyType)))
            .addStatement("return $T.of($L)", List.class, CodeBlock.join(schemas, ", "))
            .build())
        .addMethod(override("daos", ParameterizedTypeName.get(ClassName.get(Map.class),
                ParameterizedTypeName.get(ClassName.get(Class.class), anyType),
                ParameterizedTypeName.get(ClassName.get(Function.class), DATABASE, anyType)))
            .addStatement("$T<$T<?>, $T<$T, ?>> daos = new $T<>()", Map.class, Class.class, Function.class, DATABASE,
                java.util.LinkedHashMap.class)
            .addCode(daos.stream().map(d -> CodeBlock.of("$L;\n", d)).collect(CodeBlock.joining("")))
            .addStatement("return $T.copyOf(daos)", Map.class)
            .build())
        .addMethod(override("migrations", ParameterizedTypeName.get(List.class, String.class))
            .addStatement("return $T.of($L)", List.class, CodeBlock.join(resources, ",\n"))
            .build())
        .addMethod(override("schemaHash", ClassName.get(String.class))
            .addStatement("return $S", input.migrations().current().hash())
            .build());
    if (!admins.isEmpty()) {
      // the admin API sits on top of dev.daogen.db: its part of the module is a separate interface
      module.addSuperinterface(ADMIN_MODULE)
          .addMethod(override("admins", ParameterizedTypeName.get(ClassName.get(List.class),
                  ParameterizedTypeName.get(AdminGenerator.ENTITY_ADMIN, anyType, anyType, anyType)))
              .addParameter(DATABASE, "db")
              .addStatement("return $T.of($L)", List.class, CodeBlock.join(admins, ", "))
              .build());
    }
    return module;
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }
}
