package dev.atrium.plugins.medical;

import java.util.List;
import java.util.Locale;

/**
 * What a sentence of a visit talks about, recognised by cue words and phrases (English and Chinese). The
 * topics are the section headers clinical notes use (those of MTS-Dialog); each report template files them
 * into its own sections.
 */
enum Topic {
    CC(3, "chief complaint", "brings you", "brought you", "what's going on", "here for", "here today for", "presents for",
            "presents with", "presents today", "presenting with", "came in for", "come in for", "complains of", "complaining of",
            "referred for", "reason for", "主诉", "哪里不舒服", "来看", "怎么了", "因"),
    GENHX(1, "pain", "ache", "aching", "hurt", "hurts", "started", "began", "begin", "since", "ago", "worse", "better",
            "symptom", "feel", "feeling", "felt", "swelling", "swollen", "tired", "fatigue", "onset", "episode", "happened",
            "injury", "injured", "fell", "fall", "twisted", "noticed", "sore", "bleeding", "lightheaded", "bloated",
            "stiff", "weak", "weakness", "numb", "trouble", "problem", "doing", "struggle", "sleep", "sleeping",
            "疼", "痛", "开始", "加重", "缓解", "不舒服", "难受", "出现", "持续"),
    PASTMEDICALHX(2, "history of", "diagnosed with", "diabetes", "hypertension", "high blood pressure", "asthma", "copd",
            "heart failure", "cancer", "medical history", "medical problems", "chronic", "depression", "anxiety",
            "thyroid", "cholesterol", "kidney disease", "stroke", "heart attack", "既往", "病史", "高血压", "糖尿病", "冠心病"),
    PASTSURGICAL(3, "surgery", "surgeries", "operation", "operated", "appendectomy", "cholecystectomy", "hysterectomy",
            "c-section", "removed", "replacement", "repair", "手术", "切除"),
    FAM_SOCHX(3, "mother", "father", "mom", "dad", "sister", "brother", "family", "parents", "smoke", "smoking",
            "smoker", "cigarettes", "tobacco", "alcohol", "drink", "drinks", "drinking", "beer", "wine", "drugs",
            "marijuana", "married", "lives with", "living with", "work", "works", "job", "occupation", "retired",
            "exercise", "kids", "children", "wife", "husband", "吸烟", "抽烟", "饮酒", "喝酒", "家族", "父亲", "母亲", "工作"),
    MEDICATIONS(3, "medication", "medications", "medicine", "medicines", "taking", "mg", "milligrams", "prescription",
            "pills", "tablet", "tablets", "dose", "ibuprofen", "tylenol", "advil", "aspirin", "lisinopril", "metformin",
            "insulin", "lasix", "inhaler", "药", "服用", "口服"),
    ALLERGY(4, "allergy", "allergies", "allergic", "allergy to", "过敏"),
    ROS(2, "fever", "fevers", "chills", "nausea", "vomiting", "diarrhea", "constipation", "shortness of breath", "cough",
            "headache", "headaches", "dizziness", "dizzy", "chest pain", "weight loss", "weight gain", "night sweats",
            "palpitations", "blurry vision", "urinary", "burning", "numbness", "tingling", "rash", "wheezing",
            "abdominal pain", "blood in", "appetite", "发热", "发烧", "恶心", "呕吐", "腹泻", "咳嗽", "头痛", "头晕", "胸痛", "气短", "胸闷"),
    EXAM(3, "exam", "examination", "examine", "let me", "listen", "look at", "press", "palpat", "tender", "tenderness",
            "lungs", "clear to auscultation", "murmur", "heart sounds", "range of motion", "edema", "reflexes",
            "deep breath", "i hear", "on physical", "vital signs", "pulse", "temperature", "jugular", "crackles", "rales",
            "abdomen is", "soft", "查体", "听诊", "压痛", "体温", "心率", "血压"),
    LABS(3, "lab", "labs", "blood work", "bloodwork", "blood test", "a1c", "hemoglobin", "potassium", "sodium",
            "kidney function", "urine", "urinalysis", "culture", "results", "level", "levels", "化验", "检验", "血常规", "生化"),
    IMAGING(4, "x-ray", "xray", "ct", "cat scan", "mri", "ultrasound", "echocardiogram", "echo", "ekg", "ecg", "scan",
            "mammogram", "imaging", "shows", "showed", "demonstrates", "demonstrated", "revealed", "片子", "彩超", "影像", "超声", "心电图"),
    ASSESSMENT(3, "i think", "diagnosis", "consistent with", "it sounds like", "it looks like", "impression",
            "assessment", "likely", "suspect", "probably", "诊断", "考虑"),
    PLAN(3, "we'll", "we will", "i'm going to", "i am going to", "i want you", "i want to", "i'd like", "let's",
            "prescribe", "start you", "order", "refer", "referral", "follow up", "follow-up", "come back", "continue",
            "increase", "decrease", "repeat", "recheck", "schedule", "recommend", "physical therapy", "see you back", "see you in", "go ahead", "plan",
            "建议", "复查", "开药", "随访", "治疗"),
    DISPOSITION(4, "discharge", "discharged", "go home", "sent home", "admit", "admitted", "admission", "出院", "住院"),
    EDCOURSE(4, "emergency", "emergency room", "the er", "we gave", "was given", "received", "iv", "fluids", "急诊"),
    PROCEDURES(4, "procedure", "injection", "biopsy", "incision", "sutures", "stitches", "we did", "操作", "穿刺"),
    IMMUNIZATIONS(5, "vaccine", "vaccines", "vaccination", "vaccinated", "shot", "shots", "flu shot", "tetanus",
            "immunization", "immunizations", "booster", "疫苗"),
    GYNHX(5, "period", "periods", "menstrual", "pregnant", "pregnancy", "menopause", "pap", "gyn", "月经", "怀孕");

    /** How much one matching cue counts: specific topics beat the broad history cues. */
    final int weight;
    final List<String> cues;

    Topic(int weight, String... cues) {
        this.weight = weight;
        this.cues = List.of(cues);
    }

    /** The topic's MTS-Dialog section header. */
    String header() {
        return this == FAM_SOCHX ? "FAM/SOCHX" : name();
    }

    /** Cue score of a sentence for this topic: weight times the number of distinct cues it holds. */
    int score(String sentence) {
        String s = " " + sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'/-]+", " ") + " ";
        int hits = 0;
        for (String cue : cues) {
            boolean han = cue.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (han ? s.contains(cue) : s.contains(" " + cue + " ") || cue.length() >= 6 && s.contains(" " + cue)) {
                hits++;
            }
        }
        return hits * weight;
    }

    /** The best-scoring topic of a sentence, or null when no cue matches. */
    static Topic of(String sentence) {
        Topic best = null;
        int bestScore = 0;
        for (Topic topic : values()) {
            int score = topic.score(sentence);
            if (score > bestScore) {
                best = topic;
                bestScore = score;
            }
        }
        return best;
    }
}
