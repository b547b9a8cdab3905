package dev.daogen.processor.generation;

import static dev.daogen.processor.generation.ClassNames.JOOQ_DSL;
import static dev.daogen.processor.generation.ClassNames.JOOQ_FIELD;
import static dev.daogen.processor.generation.ClassNames.JOOQ_RECORD;
import static dev.daogen.processor.generation.ClassNames.JOOQ_TABLE;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import java.util.Locale;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/** Generates {@code ETable}: the table and its typed jOOQ fields, for users' own queries. */
public final class TableGenerator extends EntitySourceGenerator {
  public TableGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder write(EntityModel e) {
    TypeSpec.Builder type = TypeSpec.classBuilder(e.tableType())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The {@code $L} table as typed jOOQ objects, for queries of your own:\n\n", e.name())
        .addJavadoc("<pre>{@code\nDSL.using(connection, SQLDialect.POSTGRES).selectFrom($T.TABLE).where(...)\n}"
            + "</pre>\n", e.tableType())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(JOOQ_TABLE, JOOQ_RECORD), "TABLE",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The table.\n")
            .initializer("$T.table($T.name($S))", JOOQ_DSL, JOOQ_DSL, e.name())
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (FieldModel f : e.fields()) {
      type.addField(FieldSpec.builder(ParameterizedTypeName.get(JOOQ_FIELD, TypeCode.jooqJavaType(f.type()).box()),
              f.column().toUpperCase(Locale.ROOT), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Column {@code $L} ({@code $L}).\n", f.column(), f.name())
          .initializer("$T.field($T.name($S, $S), $L)", JOOQ_DSL, JOOQ_DSL, e.name(), f.column(),
              TypeCode.jooqType(f.type()))
          .build());
    }
    return type;
  }
}
