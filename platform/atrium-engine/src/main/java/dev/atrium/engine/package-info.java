/**
 * The embedded offline engine: OCR through the Tesseract CLI ({@link dev.atrium.engine.ocr.TesseractOcr}),
 * sentence embeddings shipped in a jar ({@link dev.atrium.engine.embed.MiniLmEmbeddings}), text tools
 * ({@link dev.atrium.engine.text.EmbeddedTextKit}) and audio/frame extraction through ffmpeg
 * ({@link dev.atrium.engine.media.FfmpegMedia}). A plain library: no Spring, no platform types, nothing
 * downloaded at run time.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.engine;
