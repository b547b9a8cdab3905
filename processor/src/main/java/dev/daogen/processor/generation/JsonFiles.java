package dev.daogen.processor.generation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.daogen.schema.JsonTree;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The JSON files the processor writes ({@code admin-routes.json}, {@code openapi.json}): one readable layout. */
final class JsonFiles {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonFiles() {}

  /** A tree of maps, lists and scalars as indented JSON text, ending with a newline. */
  static String pretty(Object tree) {
    StringWriter out = new StringWriter();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.setPrettyPrinter(pretty);
      JsonTree.write(g, tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }
}
