package dev.atrium.plugins.medical;

import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Table;
import java.util.ArrayList;
import java.util.List;

/** A report version as a DOCX/PDF document: alerts first, sections, labs table, and the signature block once signed. */
final class ReportRendering {

    static final String DRAFT_WATERMARK = "DRAFT — requires clinician review";
    static final String DRAFT_STATUS = "draft — requires clinician sign-off";

    private ReportRendering() {
    }

    static DocumentContent content(ReportDocument document, ReportDocument.Version v, String patientLine) {
        ReportTemplate template = ReportTemplate.of(document.reportType());
        boolean chinese = "zh".equals(document.language());
        List<Block> blocks = new ArrayList<>();
        if (!v.alerts().isEmpty()) {
            blocks.add(new Block.Heading(2, chinese ? "危急值警示" : "ALERTS"));
            blocks.add(new Block.BulletList(v.alerts()));
        }
        if (patientLine != null && !patientLine.isBlank()) {
            blocks.add(new Block.Paragraph(patientLine));
        }
        for (ReportDocument.SectionText s : v.sections()) {
            blocks.add(new Block.Heading(2, template.sectionTitle(s.name(), chinese)));
            blocks.add(new Block.Paragraph(s.text() == null || s.text().isBlank() ? (chinese ? "（无）" : "(none)") : s.text()));
        }
        if (!v.labs().isEmpty()) {
            List<List<Object>> rows = new ArrayList<>();
            for (ReportDocument.LabRow l : v.labs()) {
                rows.add(List.of(l.test(), LabResults.format(l.value()), l.unit(), l.range(), l.flag()));
            }
            blocks.add(new Block.Heading(2, chinese ? "检验结果" : "LAB RESULTS"));
            blocks.add(new Block.TableBlock(new Table("labs", List.of("Test", "Value", "Unit", "Range", "Flag"), rows)));
        }
        String footer;
        if (v.signature() != null) {
            blocks.add(new Block.Heading(2, chinese ? "签名" : "SIGNATURE"));
            blocks.add(new Block.Paragraph((chinese ? "电子签名：" : "Electronically signed by ") + v.signature().signer()
                    + (chinese ? "，时间 " : " at ") + v.signature().time()));
            blocks.add(new Block.Paragraph("SHA-256: " + v.signature().hash()));
            if (v.amends() != null) {
                blocks.add(new Block.Paragraph((chinese ? "本版本修订第 " + v.amends() + " 版：" : "Amends version " + v.amends()
                        + ": ") + (v.note() == null ? "" : v.note())));
            }
            footer = document.id() + " · version " + v.number() + " · signed";
        } else {
            footer = document.id() + " · version " + v.number() + " · " + DRAFT_STATUS;
        }
        return new DocumentContent(template.title(chinese), blocks, template.title(chinese), footer);
    }

    static PdfOptions pdfOptions(ReportDocument.Version v) {
        return v.signature() != null ? PdfOptions.DEFAULT : new PdfOptions(DRAFT_WATERMARK, true);
    }
}
