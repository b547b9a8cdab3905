/**
 * Helpers for generated code and the runtime only, not API: anything here may change in any release, and user code
 * must not call it.
 *
 * <p>Generated mappings, drafts and admin bindings use {@code Checks}, {@code FieldErrors}, {@code Values},
 * {@code Autos}, {@code Json} and {@code Jdbc}. In the runtime, only the packages that do the generated code's kind of
 * work use it: the stores ({@code dev.daogen.store.postgres}: {@code Jdbc}, {@code Offsets}, {@code Values}), the
 * admin API, the migration runner and the CLI (both {@code Json}), and the engine may. The user-facing packages
 * ({@code dao}, {@code db}, {@code events}, {@code cache}) and the store SPI ({@code dev.daogen.store}) do not. This
 * package sits at the bottom: of daogen it uses only {@code dao} (its errors) and the shared schema model.
 * {@code dev.daogen.ArchitectureTest} enforces all of this.
 */
package dev.daogen.internal;
