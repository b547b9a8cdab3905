package dev.daogen.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.RecordComponentElement;

/**
 * One record component of an entity, validated.
 *
 * @param element the component, for diagnostics only
 * @param name the Java component name ({@code customId})
 * @param column the column name ({@code custom_id}; for a foreign key {@code consumer_id})
 * @param jsonName the name in JSON and in field errors ({@code custom_id}; for a foreign key {@code consumer})
 * @param type the component's type
 * @param nullable whether the component is {@code @Nullable} (a nullable column)
 * @param primaryKey part of the primary key
 * @param unique {@code @Unique}
 * @param indexed {@code @Indexed}
 * @param auto what {@code @Auto} fills in, or {@link AutoKind#NONE}
 * @param defaultValue the {@code @Default} literal, already checked against the type
 * @param immutable {@code @Immutable}
 * @param foreign the foreign key, when {@code @Foreign}
 * @param constraints Jakarta constraints, already checked against the type
 * @param tags Kong tag semantics (a {@code Set<String>} component named {@code tags})
 * @param renamedFrom the previous component name from {@code @RenamedFrom}, a hint for the migration generator
 */
public record FieldModel(
    RecordComponentElement element,
    String name,
    String column,
    String jsonName,
    TypeModel type,
    boolean nullable,
    boolean primaryKey,
    boolean unique,
    boolean indexed,
    AutoKind auto,
    Optional<String> defaultValue,
    boolean immutable,
    Optional<ForeignKeyModel> foreign,
    List<ConstraintModel> constraints,
    boolean tags,
    Optional<String> renamedFrom) {

  /** Whether a write must provide a value: not nullable, not auto, no default. */
  public boolean required() {
    return !nullable && auto == AutoKind.NONE && defaultValue.isEmpty();
  }

  /** {@code customId} → {@code CustomId}, for method names such as {@code selectByCustomId}. */
  public String capitalized() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
