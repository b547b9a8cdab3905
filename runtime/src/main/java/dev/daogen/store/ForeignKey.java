package dev.daogen.store;

import dev.daogen.annotations.OnDelete;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One foreign key of an entity as a typed value (generated): the parent it references, what deleting the parent does,
 * and how to read and clear it on a row. Single-column references to a parent's single-column primary key.
 *
 * @param field the record component's name
 * @param parent the parent entity's name
 * @param onDelete what deleting the parent does to this row
 * @param value the field's value on a row (the parent's key), or null
 * @param cleared the row with the field set to null (what {@code ON DELETE SET NULL} makes of it); null for other
 *     actions
 * @param filter the page filter of the rows of one parent
 * @param <E> the entity
 */
public record ForeignKey<E>(String field, String parent, OnDelete onDelete, Function<E, Object> value,
    UnaryOperator<E> cleared, Filter filter) {}
