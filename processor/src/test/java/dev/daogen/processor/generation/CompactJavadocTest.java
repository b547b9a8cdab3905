package dev.daogen.processor.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JavaPoet writes every javadoc on three lines at least; one of one line is written on one line. */
class CompactJavadocTest {
  @Test
  void aJavadocOfOneLineBecomesOneLine() {
    assertEquals("""
        class A {
          /** Reads it. */
          void read() {}
        }
        """, SourceGenerator.compactJavadoc("""
        class A {
          /**
           * Reads it.
           */
          void read() {}
        }
        """));
    assertEquals("/** Top. */\nclass A {}", SourceGenerator.compactJavadoc("/**\n * Top.\n */\nclass A {}"));
    assertEquals("/** Last. */", SourceGenerator.compactJavadoc("/**\n * Last.\n */"));
  }

  @Test
  void longerOrOddJavadocsStayAsTheyAre() {
    String twoLines = "  /**\n   * One.\n   * Two.\n   */\n";
    assertEquals(twoLines, SourceGenerator.compactJavadoc(twoLines));
    String closes = "  /**\n   * {@code a*/b}\n   */\n";
    assertEquals(closes, SourceGenerator.compactJavadoc(closes));
    String otherIndent = "  /**\n * Text.\n   */\n";
    assertEquals(otherIndent, SourceGenerator.compactJavadoc(otherIndent));
    String empty = "  /**\n   * \n   */\n";
    assertEquals(empty, SourceGenerator.compactJavadoc(empty));
    String unclosed = "  /**\n   * Text.\n";
    assertEquals(unclosed, SourceGenerator.compactJavadoc(unclosed));
    String twoInARow = "/**\n * A.\n */\n/**\n * B.\n */\n";
    assertEquals("/** A. */\n/** B. */\n", SourceGenerator.compactJavadoc(twoInARow));
  }
}
