/**
 * The model gateway: chat (with images), streaming, structured output, transcription, OCR, embeddings and
 * images, each backed by a remote OpenAI-compatible provider or by the embedded offline engine. Every
 * result names the {@link dev.atrium.sdk.model.Engine} that produced it.
 *
 * @since 0.1
 */
package dev.atrium.sdk.model;
