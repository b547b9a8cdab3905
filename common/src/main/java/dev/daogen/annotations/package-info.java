/**
 * The annotations a plugin author puts on records. The annotation processor reads them at compile time (and from
 * class files of other modules), so they are retained in class files only.
 */
package dev.daogen.annotations;
