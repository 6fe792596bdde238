/**
 * The document kit behind {@link dev.atrium.sdk.document.DocumentKit}: {@link dev.atrium.documents.OfficeDocumentKit}
 * reads PDF, DOCX, XLSX/XLS, CSV, VTT/SRT, Markdown and text, and writes DOCX, XLSX and PDF, within
 * {@link dev.atrium.documents.DocumentLimits}. A plain library: no Spring, no platform types.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.documents;
