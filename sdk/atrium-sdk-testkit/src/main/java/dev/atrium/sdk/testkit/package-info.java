/**
 * Runs a skill in a plain JUnit test without the platform: {@link dev.atrium.sdk.testkit.SkillHarness}
 * validates inputs like the host, runs the skill and collects its events into a
 * {@link dev.atrium.sdk.testkit.SkillRun}; {@link dev.atrium.sdk.testkit.FakeModelGateway} answers model
 * calls from a script.
 *
 * <p>Values are never {@code null} unless a method says so; optional values are {@link java.util.Optional}.
 *
 * @since 0.1
 */
package dev.atrium.sdk.testkit;
