package dev.daogen.processor.model;

import com.palantir.javapoet.ClassName;
import dev.daogen.annotations.OnDelete;

/**
 * A foreign key to a parent entity's (single-column) primary key. The parent may come from source or from a class
 * file of another module.
 *
 * @param parentType the parent record
 * @param parentName the parent entity (table) name
 * @param parentKeyField the parent's primary key component name ({@code id})
 * @param parentKeyColumn the parent's primary key column ({@code id})
 * @param parentKeyJsonName the parent's key name in JSON ({@code id}), as in {@code {"consumer": {"id": "…"}}}
 * @param onDelete what deleting the parent does
 * @param constraintName the foreign key constraint's name
 */
public record ForeignKeyModel(
    ClassName parentType,
    String parentName,
    String parentKeyField,
    String parentKeyColumn,
    String parentKeyJsonName,
    OnDelete onDelete,
    String constraintName) {}
