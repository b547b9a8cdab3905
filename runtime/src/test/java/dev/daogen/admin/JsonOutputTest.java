package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One generator per thread, reused from body to body without a trace of the previous one. */
class JsonOutputTest {
  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String write(String field, Object value) throws IOException {
    try (JsonOutput out = JsonOutput.open()) {
      JsonGenerator g = out.generator();
      g.writeStartObject();
      g.writeObjectField(field, value);
      g.writeEndObject();
      return text(out.finish());
    }
  }

  @Test
  void successiveBodiesAreEachExactlyTheirValue() throws IOException {
    assertEquals("{\"a\":1}", write("a", 1));
    assertEquals("{\"b\":\"x\"}", write("b", "x"));
    try (JsonOutput out = JsonOutput.open()) {
      out.generator().writeStartArray();
      out.generator().writeEndArray();
      assertEquals("[]", text(out.finish()));
    }
    assertEquals("{\"c\":null}", write("c", null));
  }

  @Test
  void theGeneratorIsKeptFromBodyToBody() throws IOException {
    JsonGenerator first;
    try (JsonOutput out = JsonOutput.open()) {
      first = out.generator();
      first.writeNumber(1);
      out.finish();
    }
    try (JsonOutput out = JsonOutput.open()) {
      assertSame(first, out.generator());
      out.generator().writeNumber(2);
      assertEquals("2", text(out.finish()));
    }
  }

  @Test
  void aBodyLeftOpenIsClosedAsAGeneratorOfItsOwnWouldBe() throws IOException {
    try (JsonOutput out = JsonOutput.open()) {
      JsonGenerator g = out.generator();
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      g.writeNumber(1);
      assertEquals("{\"data\":[1]}", text(out.finish()));
    }
    assertEquals("{\"a\":2}", write("a", 2));
  }

  @Test
  void aFailedBodyLeavesNothingBehind() throws IOException {
    JsonGenerator failed;
    try (JsonOutput out = JsonOutput.open()) {
      failed = out.generator();
      failed.writeStartObject();
      failed.writeFieldName("half");
      // no finish(): the body failed here
    }
    try (JsonOutput out = JsonOutput.open()) {
      assertNotSame(failed, out.generator());
      out.generator().writeString("next");
      assertEquals("\"next\"", text(out.finish()));
    }
  }

  @Test
  void aBodyWrittenWhileWritingOneGetsItsOwnOutput() throws IOException {
    try (JsonOutput outer = JsonOutput.open()) {
      outer.generator().writeStartObject();
      outer.generator().writeFieldName("inner");
      String inner = write("x", 1);
      outer.generator().writeString(inner);
      outer.generator().writeEndObject();
      assertEquals("{\"inner\":\"{\\\"x\\\":1}\"}", text(outer.finish()));
    }
  }

  @Test
  void largeBodiesAreWholeAndSizeCountsWhatIsWritten() throws IOException {
    String big = "x".repeat(3 * JsonOutput.KEEP_BYTES);
    try (JsonOutput out = JsonOutput.open()) {
      JsonGenerator g = out.generator();
      g.writeStartArray();
      assertEquals(1, out.size());
      g.writeString(big);
      assertEquals(big.length() + 3, out.size());
      g.writeEndArray();
      assertEquals("[\"" + big + "\"]", text(out.finish()));
    }
    assertEquals("{\"a\":3}", write("a", 3));
  }

  @Test
  void aBodyThatThrowsLeavesACleanOutputForTheNext() throws IOException {
    assertThrows(IllegalStateException.class, () -> {
      try (JsonOutput out = JsonOutput.open()) {
        out.generator().writeStartObject();
        out.generator().writeFieldName("half");
        throw new IllegalStateException("failed half-way");
      }
    });
    assertEquals("{\"a\":4}", write("a", 4));
  }
}
