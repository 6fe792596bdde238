package dev.atrium.documents.internal;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Zip-bomb limits for POI's OOXML reader. POI keeps them JVM-wide, so they are only ever tightened here, never
 * loosened below what the host may have set. XML entity expansion needs nothing here: POI parses OOXML with
 * DOCTYPE declarations disallowed.
 */
public final class OoxmlGuards {

    // A part that inflates more than 100 times is a bomb, not a document (POI's default too).
    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    private static final long MAX_ENTRIES = 1000;

    private OoxmlGuards() {
    }

    /** Applies the limits; cheap and idempotent. */
    public static synchronized void apply() {
        if (ZipSecureFile.getMinInflateRatio() < MIN_INFLATE_RATIO) {
            ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        }
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
        if (ZipSecureFile.getMaxFileCount() > MAX_ENTRIES) {
            ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
        }
    }
}
