/**
 * Architecture rules a plugin's own tests run on its compiled classes:
 * {@link dev.atrium.sdk.testkit.architecture.AtriumArchitectureRules#checkPlugin(String, String...)}.
 *
 * <p>Values are never {@code null} unless a method says so.
 *
 * @since 0.1
 */
package dev.atrium.sdk.testkit.architecture;
