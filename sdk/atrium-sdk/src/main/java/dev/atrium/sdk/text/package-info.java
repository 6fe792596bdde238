/**
 * Text tools every skill can use offline: sentence splitting (English and Chinese), language detection,
 * keyword extraction, extractive summaries and retrieval over a small set of passages.
 *
 * @since 0.1
 */
package dev.atrium.sdk.text;
