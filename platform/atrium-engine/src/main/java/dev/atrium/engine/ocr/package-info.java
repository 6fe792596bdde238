/**
 * OCR through the Tesseract 5 command line: {@link dev.atrium.engine.ocr.TesseractOcr} checks and decodes
 * the image, straightens it (half turns, small skews), runs one single-threaded Tesseract process per image
 * on a bounded pool and returns the SDK's {@link dev.atrium.sdk.model.OcrResult}.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.engine.ocr;
