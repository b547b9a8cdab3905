package dev.daogen.processor.analysis;

import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@code @Default} literal against the component's type at compile time, so that a bad default is a compile
 * error rather than a failure on the first insert.
 *
 * <p>Grammar (the generators parse the same way): numbers as Java writes them in decimal ({@code 42}, {@code -1.5});
 * {@code true}/{@code false}; a UUID in its canonical 8-4-4-4-12 form; an ISO-8601 instant
 * ({@code 2024-01-31T10:15:30Z}); an ISO date ({@code 2024-01-31}); an enum constant's name; for {@code List} and
 * {@code Set}, the elements separated by {@code ,} without spaces ({@code ""} is the empty collection).
 */
final class DefaultLiteralChecker {
  private static final Pattern UUID_PATTERN =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private DefaultLiteralChecker() {}

  /** Why the literal is not valid for the type, or empty when it is. JSON types are rejected by the caller. */
  static Optional<String> check(String literal, TypeModel type) {
    if (type instanceof TypeModel.Scalar scalar) {
      return checkScalar(literal, scalar.kind());
    }
    if (type instanceof TypeModel.EnumType enumType) {
      return enumType.constants().contains(literal)
          ? Optional.empty()
          : Optional.of("it is not a constant of " + enumType.type().simpleName() + "; use one of "
              + enumType.constants() + " (names are case-sensitive)");
    }
    if (type instanceof TypeModel.CollectionType collection) {
      if (literal.isEmpty()) {
        return Optional.empty();
      }
      List<String> items = List.of(literal.split(",", -1));
      for (int i = 0; i < items.size(); i++) {
        Optional<String> problem = checkScalar(items.get(i), collection.element());
        if (problem.isPresent()) {
          return Optional.of("element " + (i + 1) + " (\"" + items.get(i) + "\") " + problem.get()
              + "; write the elements separated by ',' without spaces, or \"\" for an empty collection");
        }
      }
      return Optional.empty();
    }
    return Optional.of("a default is not supported for this type");
  }

  /** A readable type name for messages. */
  static String describe(TypeModel type) {
    // drop package qualifiers: java.util.List<java.lang.String> → List<String>, com.example.Color → Color
    return type.javaType().toString().replaceAll("\\b(?:[a-z_][a-zA-Z0-9_]*\\.)+(?=[A-Z])", "");
  }

  private static Optional<String> checkScalar(String literal, ScalarKind kind) {
    try {
      switch (kind) {
        case STRING:
          return Optional.empty();
        case UUID:
          return UUID_PATTERN.matcher(literal).matches()
              ? Optional.empty()
              : Optional.of("is not a UUID; write it as 8-4-4-4-12 hex digits, e.g."
                  + " \"123e4567-e89b-12d3-a456-426614174000\"");
        case INT:
          Integer.parseInt(literal);
          return Optional.empty();
        case LONG:
          Long.parseLong(literal);
          return Optional.empty();
        case DOUBLE:
          double d = new BigDecimal(literal).doubleValue();
          return Double.isInfinite(d) ? Optional.of("is out of the range of a double") : Optional.empty();
        case DECIMAL:
          new BigDecimal(literal);
          return Optional.empty();
        case BOOLEAN:
          return literal.equals("true") || literal.equals("false")
              ? Optional.empty()
              : Optional.of("is not a boolean; write \"true\" or \"false\"");
        case INSTANT:
          Instant.parse(literal);
          return Optional.empty();
        case LOCAL_DATE:
          LocalDate.parse(literal);
          return Optional.empty();
      }
    } catch (NumberFormatException e) {
      return Optional.of(switch (kind) {
        case INT -> "is not an int (a whole number from -2147483648 to 2147483647)";
        case LONG -> "is not a long (a whole number from -9223372036854775808 to 9223372036854775807)";
        default -> "is not a decimal number such as \"1.5\"";
      });
    } catch (DateTimeParseException e) {
      return Optional.of(kind == ScalarKind.INSTANT
          ? "is not an ISO-8601 instant such as \"2024-01-31T10:15:30Z\" (" + e.getMessage() + ")"
          : "is not an ISO date such as \"2024-01-31\" (" + e.getMessage() + ")");
    }
    return Optional.of("has an unknown type");
  }
}
