package dev.atrium.sdk.document;

import dev.atrium.sdk.Media;

/**
 * Reads and writes office documents. Corrupt, encrypted or oversized files throw
 * {@link dev.atrium.sdk.BadInputException}; unknown formats {@link dev.atrium.sdk.UnsupportedMediaException}.
 * Calls block; skills run on worker threads.
 *
 * @since 0.1
 */
public interface DocumentKit {

    /** Extracts text, headings, tables and cues from a document. */
    ExtractedDocument read(Media document);

    /** Writes a DOCX file. */
    Media writeDocx(String fileName, DocumentContent content);

    /** Writes a PDF file (CJK text included). */
    Media writePdf(String fileName, DocumentContent content, PdfOptions options);

    /** Writes an XLSX workbook, one sheet per table. */
    Media writeXlsx(String fileName, Workbook workbook);
}
