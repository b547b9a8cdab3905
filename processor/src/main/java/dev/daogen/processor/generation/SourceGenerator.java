package dev.daogen.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.JavaFileObject;

/**
 * The boilerplate every generated source shares: {@code @Generated}, the
 * originating element (for incremental builds), no {@code java.lang} imports, two-space indent.
 */
public abstract class SourceGenerator<T> {
  /** The value of {@code @Generated}. */
  public static final String GENERATOR = "dev.daogen.processor.DaogenProcessor";

  private final Filer filer;

  protected SourceGenerator(Filer filer) {
    this.filer = filer;
  }

  /** The package of the generated type. */
  protected abstract String packageName(T input);

  /** The element the output is derived from. */
  protected abstract Element originatingElement(T input);

  /** The type, without the common annotations. */
  protected abstract TypeSpec.Builder write(T input);

  /** Generates and writes the source file. */
  public final void generate(T input) {
    TypeSpec.Builder builder = write(input)
        .addAnnotation(AnnotationSpec.builder(ClassNames.GENERATED).addMember("value", "$S", GENERATOR).build());
    Element origin = originatingElement(input);
    if (origin != null) {
      builder.addOriginatingElement(origin);
    }
    TypeSpec type = builder.build();
    JavaFile file = JavaFile.builder(packageName(input), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    String name = file.packageName().isEmpty() ? type.name() : file.packageName() + "." + type.name();
    try {
      JavaFileObject out = origin == null ? filer.createSourceFile(name) : filer.createSourceFile(name, origin);
      try (Writer writer = out.openWriter()) {
        writer.write(compactJavadoc(file.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern ONE_LINE_JAVADOC = Pattern.compile("(?m)^( *)/\\*\\*\\n\\1 \\* ([^\\n]+)\\n\\1 \\*/$");

  /** A javadoc of one line is written on one line ({@code /** Reads … *}{@code /}), as people write them. */
  static String compactJavadoc(String source) {
    return ONE_LINE_JAVADOC.matcher(source).replaceAll(m -> m.group(2).contains("*/")
        ? Matcher.quoteReplacement(m.group())
        : Matcher.quoteReplacement(m.group(1) + "/** " + m.group(2) + " */"));
  }
}
