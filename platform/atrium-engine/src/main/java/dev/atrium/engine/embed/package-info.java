/**
 * Sentence embeddings computed in-process from a model shipped in a Maven jar:
 * {@link dev.atrium.engine.embed.MiniLmEmbeddings}.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.engine.embed;
