/**
 * Tests a plugin without the platform. {@link dev.atrium.sdk.testkit.SkillHarness} validates inputs like the
 * host, runs one skill and collects its events into a {@link dev.atrium.sdk.testkit.SkillRun};
 * {@link dev.atrium.sdk.testkit.FakeModelGateway} answers model calls from a script and records what was sent;
 * {@link dev.atrium.sdk.testkit.AtriumPluginTest} loads the whole plugin through PF4J from its build folder, as
 * the platform does; {@link dev.atrium.sdk.testkit.SkillContract} holds the contract tests every skill should
 * pass.
 *
 * <p>Values are never {@code null} unless a method says so; optional values are {@link java.util.Optional}.
 *
 * @since 0.1
 */
package dev.atrium.sdk.testkit;
