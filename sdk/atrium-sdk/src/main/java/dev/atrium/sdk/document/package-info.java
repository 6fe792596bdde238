/**
 * The document kit: text, tables and timed cues out of PDF, DOCX, XLSX, CSV, VTT/SRT and text files;
 * DOCX, XLSX and PDF written from simple structures.
 *
 * @since 0.1
 */
package dev.atrium.sdk.document;
