package dev.atrium.plugins.medical;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The report types a draft can take: their sections in order (English names are the stable ids, Chinese titles
 * for Chinese drafts), where each topic of the source goes, and which section carries the assessment that
 * critical values must reach.
 */
enum ReportTemplate {
    VISIT_NOTE("visit-note", "Clinic visit note", "门诊病历",
            List.of("CHIEF COMPLAINT", "HISTORY OF PRESENT ILLNESS", "REVIEW OF SYSTEMS", "PHYSICAL EXAM", "RESULTS",
                    "ASSESSMENT AND PLAN"),
            List.of("主诉", "现病史", "系统回顾", "体格检查", "辅助检查", "评估与计划"), "ASSESSMENT AND PLAN", "RESULTS"),
    RADIOLOGY("radiology", "Radiology report", "影像报告",
            List.of("TECHNIQUE", "FINDINGS", "IMPRESSION"), List.of("检查技术", "影像所见", "印象"), "IMPRESSION", "FINDINGS"),
    DISCHARGE("discharge", "Discharge summary", "出院小结",
            List.of("REASON FOR ADMISSION", "HOSPITAL COURSE", "RESULTS", "DISCHARGE DIAGNOSES", "DISCHARGE MEDICATIONS",
                    "FOLLOW-UP"),
            List.of("入院原因", "住院经过", "检查结果", "出院诊断", "出院带药", "随访"), "DISCHARGE DIAGNOSES", "RESULTS");

    private static final Pattern TECHNIQUE = Pattern.compile("(?i)technique|protocol|contrast|views?\\b|acquired|sequences?|"
            + "axial|sagittal|coronal|performed|\\bmm\\b|slice|reconstruct|dose|kv|mas|扫描|平扫|增强|层厚|序列|技术");
    private static final Pattern IMPRESSION = Pattern.compile("(?i)impression|conclusion|consistent with|suggest|likely|"
            + "compatible with|recommend|no acute|diagnos|follow-?up|correlat|印象|结论|考虑|建议|诊断|提示");

    final String id;
    final String title;
    final String titleZh;
    final List<String> sections;
    final List<String> sectionsZh;
    final String assessment;
    final String results;

    ReportTemplate(String id, String title, String titleZh, List<String> sections, List<String> sectionsZh,
                   String assessment, String results) {
        this.id = id;
        this.title = title;
        this.titleZh = titleZh;
        this.sections = sections;
        this.sectionsZh = sectionsZh;
        this.assessment = assessment;
        this.results = results;
    }

    static ReportTemplate of(String id) {
        for (ReportTemplate t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException(id);
    }

    String title(boolean chinese) {
        return chinese ? titleZh : title;
    }

    String sectionTitle(String section, boolean chinese) {
        return chinese ? sectionsZh.get(sections.indexOf(section)) : section;
    }

    /** The section a sentence of this topic belongs in, or null when this report has no place for it. */
    String section(Topic topic, String sentence) {
        return switch (this) {
            case VISIT_NOTE -> switch (topic) {
                case CC -> "CHIEF COMPLAINT";
                case ROS -> "REVIEW OF SYSTEMS";
                case EXAM -> "PHYSICAL EXAM";
                case LABS, IMAGING -> "RESULTS";
                case ASSESSMENT, PLAN, DISPOSITION, EDCOURSE, PROCEDURES -> "ASSESSMENT AND PLAN";
                default -> "HISTORY OF PRESENT ILLNESS";
            };
            case RADIOLOGY -> radiology(sentence);
            case DISCHARGE -> switch (topic) {
                case CC, GENHX, PASTMEDICALHX, PASTSURGICAL, FAM_SOCHX, ALLERGY, GYNHX, ROS -> "REASON FOR ADMISSION";
                case EDCOURSE, PROCEDURES, EXAM, DISPOSITION -> "HOSPITAL COURSE";
                case LABS, IMAGING -> "RESULTS";
                case ASSESSMENT -> "DISCHARGE DIAGNOSES";
                case MEDICATIONS -> "DISCHARGE MEDICATIONS";
                default -> "FOLLOW-UP";
            };
        };
    }

    /** Radiology sentences go by their own cues: technique, impression, else findings. */
    static String radiology(String sentence) {
        String lower = sentence.toLowerCase(Locale.ROOT);
        if (lower.matches("(?s)^\\s*(?:impression|conclusion|印象|结论)\\b.*") || IMPRESSION.matcher(sentence).find()) {
            return "IMPRESSION";
        }
        if (lower.matches("(?s)^\\s*(?:technique|protocol|检查技术)\\b.*") || TECHNIQUE.matcher(sentence).find()) {
            return "TECHNIQUE";
        }
        return "FINDINGS";
    }
}
