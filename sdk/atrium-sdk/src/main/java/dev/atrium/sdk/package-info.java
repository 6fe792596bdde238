/**
 * The Atrium plugin contract: a plugin contributes {@link dev.atrium.sdk.Skill} extensions that describe
 * themselves with a {@link dev.atrium.sdk.SkillSpec} and run as a stream of {@link dev.atrium.sdk.SkillEvent}s.
 *
 * <p>Nothing in this package exposes Spring, Spring AI or platform types. Values are never {@code null}
 * unless a method says so; optional values are {@link java.util.Optional}.
 *
 * @since 0.1
 */
package dev.atrium.sdk;
