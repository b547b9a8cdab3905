/**
 * Support for generated code only. Not API: anything here may change in any release.
 */
package dev.daogen.internal;
