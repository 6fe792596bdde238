/**
 * The readers, writers and format detection behind {@link dev.atrium.documents.OfficeDocumentKit}. Not an API:
 * types here may change without notice.
 */
package dev.atrium.documents.internal;
