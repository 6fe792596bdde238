package dev.atrium.documents.internal;

/** The formats the kit reads, each with the name users know it by. */
public enum DocumentFormat {
    PDF("PDF", false),
    DOCX("Word document", false),
    XLSX("Excel workbook", false),
    XLS("Excel 97-2003 workbook", false),
    CSV("CSV file", true),
    TSV("tab-separated file", true),
    VTT("WebVTT subtitle file", true),
    SRT("SRT subtitle file", true),
    MARKDOWN("Markdown file", true),
    TEXT("text file", true);

    private final String label;
    private final boolean textual;

    DocumentFormat(String label, boolean textual) {
        this.label = label;
        this.textual = textual;
    }

    /** How messages name the format. */
    public String label() {
        return label;
    }

    /** Whether the format is read as decoded text rather than as a binary container. */
    public boolean textual() {
        return textual;
    }
}
