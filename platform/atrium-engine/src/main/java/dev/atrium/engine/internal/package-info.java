/**
 * Engine internals shared by its parts (running external commands, temporary folders); not an API.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.engine.internal;
