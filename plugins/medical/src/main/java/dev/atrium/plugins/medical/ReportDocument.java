package dev.atrium.plugins.medical;

import java.util.List;

/**
 * A report under review, as stored: every save is a new version; a signature seals one version's content with
 * its hash; changes after signing are amendments that reference the signed version. Nothing is ever removed.
 *
 * @param id the document id returned by draft-report
 * @param reportType visit-note, radiology or discharge
 * @param language en or zh
 * @param versions every version, oldest first
 * @param audit who viewed, edited, signed or amended it, and when
 */
public record ReportDocument(String id, String reportType, String language, List<Version> versions, List<AuditEntry> audit) {

    /**
     * One version of the content.
     *
     * @param number 1, 2, …
     * @param kind draft (made by the skill), edit, amendment or signed
     * @param author the user who made it ({@code atrium} for the generated draft)
     * @param time ISO instant
     * @param engine what drafted the first version; empty for human versions
     * @param alerts critical-value alerts
     * @param sections the content
     * @param labs flagged lab results
     * @param amends for an amendment: the signed version it changes
     * @param note the editor's reason or comment
     * @param signature set on a signed version
     */
    public record Version(int number, String kind, String author, String time, String engine, List<String> alerts,
                          List<SectionText> sections, List<LabRow> labs, Integer amends, String note,
                          Signature signature) {
    }

    /**
     * A section's text and its source links.
     *
     * @param name the section name
     * @param text the text
     * @param sources ids of the source sentences it rests on
     */
    public record SectionText(String name, String text, List<String> sources) {
    }

    /**
     * A flagged lab row.
     *
     * @param test test
     * @param value value in unit
     * @param unit unit
     * @param range range judged against
     * @param flag normal, high, low, critical or unflagged
     */
    public record LabRow(String test, double value, String unit, String range, String flag) {
    }

    /**
     * A clinician's signature.
     *
     * @param signer the user id
     * @param time ISO instant
     * @param hash SHA-256 of the signed content, hex
     */
    public record Signature(String signer, String time, String hash) {
    }

    /**
     * An audit line kept with the document (the host audits every run of the plugin as well).
     *
     * @param time ISO instant
     * @param user who
     * @param action viewed, drafted, edited, signed, amended
     * @param version the version concerned
     */
    public record AuditEntry(String time, String user, String action, int version) {
    }

    Version current() {
        return versions.get(versions.size() - 1);
    }

    /** draft, signed, or amendment-draft (an amendment not yet signed). */
    String status() {
        Version v = current();
        if (v.signature() != null) {
            return "signed";
        }
        boolean everSigned = versions.stream().anyMatch(x -> x.signature() != null);
        return everSigned ? "amendment-draft" : "draft";
    }
}
