package dev.atrium.documents.internal;

/** The formats the kit reads, each with the name users know it by. */
public enum DocumentFormat {
    PDF("PDF"),
    DOCX("Word document"),
    XLSX("Excel workbook"),
    XLS("Excel 97-2003 workbook"),
    CSV("CSV file"),
    TSV("tab-separated file"),
    VTT("WebVTT subtitle file"),
    SRT("SRT subtitle file"),
    MARKDOWN("Markdown file"),
    TEXT("text file");

    private final String label;

    DocumentFormat(String label) {
        this.label = label;
    }

    /** How messages name the format. */
    public String label() {
        return label;
    }

    /** Whether the format is read as decoded text rather than as a binary container. */
    public boolean textual() {
        return this.ordinal() >= CSV.ordinal();
    }
}
