package dev.daogen.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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

  /** A javadoc of one line is written on one line ({@code /** Reads … *}{@code /}), as people write them. */
  static String compactJavadoc(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int at = 0;
    while (at < source.length()) {
      int end = lineEnd(source, at);
      int indent = 0;
      while (at + indent < end && source.charAt(at + indent) == ' ') {
        indent++;
      }
      // "<indent>/**", "<indent> * <text>", "<indent> */": three lines become "<indent>/** <text> */"
      if (end - at == indent + 3 && source.startsWith("/**", at + indent) && end < source.length()) {
        int second = end + 1;
        int secondEnd = lineEnd(source, second);
        int third = secondEnd + 1;
        if (secondEnd < source.length() && secondEnd - second > indent + 3
            && source.startsWith(source.substring(at, at + indent) + " * ", second)) {
          int thirdEnd = lineEnd(source, third);
          String text = source.substring(second + indent + 3, secondEnd);
          if (thirdEnd - third == indent + 3 && source.startsWith(" */", third + indent)
              && source.regionMatches(third, source, at, indent) && !text.contains("*/")) {
            out.append(source, at, at + indent).append("/** ").append(text).append(" */");
            at = thirdEnd;
            if (at < source.length()) {
              out.append('\n');
              at++;
            }
            continue;
          }
        }
      }
      out.append(source, at, Math.min(end + 1, source.length()));
      at = end + 1;
    }
    return out.toString();
  }

  private static int lineEnd(String source, int from) {
    int end = source.indexOf('\n', from);
    return end < 0 ? source.length() : end;
  }
}
