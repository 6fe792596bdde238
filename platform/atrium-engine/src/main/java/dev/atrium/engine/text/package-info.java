/**
 * The offline text tools behind {@link dev.atrium.sdk.text.TextKit}: {@link dev.atrium.engine.text.EmbeddedTextKit}
 * splits sentences (English and Chinese), detects the language, extracts keywords, summarises by sentence
 * centrality and searches passages, with sentence embeddings when it has them and TF-IDF otherwise.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.engine.text;
