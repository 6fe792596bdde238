package dev.atrium.plugins.medical;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A lab test the plugin knows: its names (English, abbreviations, Chinese), its reporting unit, factors from the
 * other units it is commonly reported in, an adult reference range (by sex where it differs) and critical limits.
 * Ranges are typical adult values for a draft's flags; a laboratory's own range, when given, always wins.
 */
enum LabTest {
    SODIUM("Sodium", "mmol/L", 135, 145, 135, 145, 120.0, 160.0, Map.of("meq/l", 1.0),
            "na", "na+", "sodium", "serum sodium", "钠", "血钠", "钠离子"),
    POTASSIUM("Potassium", "mmol/L", 3.5, 5.1, 3.5, 5.1, 2.5, 6.5, Map.of("meq/l", 1.0),
            "k", "k+", "potassium", "serum potassium", "钾", "血钾", "钾离子"),
    CHLORIDE("Chloride", "mmol/L", 98, 107, 98, 107, 80.0, 120.0, Map.of("meq/l", 1.0),
            "cl", "cl-", "chloride", "氯", "血氯", "氯离子"),
    GLUCOSE("Glucose", "mmol/L", 3.9, 6.1, 3.9, 6.1, 2.5, 25.0, Map.of("mg/dl", 1 / 18.016),
            "glucose", "glu", "blood glucose", "fasting glucose", "bg", "血糖", "葡萄糖", "空腹血糖"),
    CREATININE("Creatinine", "µmol/L", 62, 106, 44, 80, null, 530.0, Map.of("mg/dl", 88.4, "umol/l", 1.0),
            "creatinine", "cr", "crea", "creat", "scr", "肌酐", "血肌酐"),
    UREA("Urea", "mmol/L", 2.5, 7.1, 2.5, 7.1, null, 35.0, Map.of("mg/dl", 0.357),
            "urea", "bun", "blood urea nitrogen", "尿素", "尿素氮", "血尿素氮"),
    HEMOGLOBIN("Hemoglobin", "g/L", 130, 175, 115, 150, 70.0, 200.0, Map.of("g/dl", 10.0),
            "hb", "hgb", "hemoglobin", "haemoglobin", "血红蛋白"),
    WBC("WBC", "10^9/L", 4.0, 10.0, 4.0, 10.0, 1.0, 30.0,
            Map.of("10^3/ul", 1.0, "10*9/l", 1.0, "x10^9/l", 1.0, "k/ul", 1.0, "/ul", 0.001, "/mm3", 0.001, "10^3/mm3", 1.0),
            "wbc", "white blood cells", "white blood cell count", "white cell count", "leukocytes", "白细胞", "白细胞计数"),
    PLATELETS("Platelets", "10^9/L", 150, 400, 150, 400, 20.0, 1000.0,
            Map.of("10^3/ul", 1.0, "10*9/l", 1.0, "x10^9/l", 1.0, "k/ul", 1.0, "/ul", 0.001, "/mm3", 0.001, "10^3/mm3", 1.0),
            "plt", "platelets", "platelet count", "platelet", "血小板", "血小板计数"),
    ALT("ALT", "U/L", 0, 40, 0, 40, null, null, Map.of("iu/l", 1.0),
            "alt", "sgpt", "alanine aminotransferase", "谷丙转氨酶", "丙氨酸氨基转移酶"),
    AST("AST", "U/L", 0, 40, 0, 40, null, null, Map.of("iu/l", 1.0),
            "ast", "sgot", "aspartate aminotransferase", "谷草转氨酶", "天冬氨酸氨基转移酶"),
    BILIRUBIN("Total bilirubin", "µmol/L", 3.4, 20.5, 3.4, 20.5, null, 340.0, Map.of("mg/dl", 17.1, "umol/l", 1.0),
            "bilirubin", "total bilirubin", "tbil", "t bili", "tbili", "总胆红素", "胆红素"),
    TSH("TSH", "mIU/L", 0.4, 4.0, 0.4, 4.0, null, null, Map.of("uiu/ml", 1.0, "µiu/ml", 1.0, "miu/ml", 1000.0),
            "tsh", "thyrotropin", "thyroid stimulating hormone", "促甲状腺激素", "促甲状腺素"),
    // High-sensitivity troponin: 14 ng/L is the 99th percentile, 52 ng/L the rule-in threshold of the 0/1 h algorithm.
    TROPONIN("Troponin", "ng/L", 0, 14, 0, 14, null, 52.0, Map.of("ng/ml", 1000.0, "ug/l", 1000.0, "µg/l", 1000.0, "pg/ml", 1.0),
            "troponin", "troponin t", "troponin i", "tnt", "tni", "ctnt", "ctni", "hs-ctnt", "hs-ctni", "hs troponin", "肌钙蛋白",
            "肌钙蛋白t", "肌钙蛋白i", "高敏肌钙蛋白"),
    INR("INR", "", 0.8, 1.2, 0.8, 1.2, null, 5.0, Map.of("ratio", 1.0),
            "inr", "pt inr", "pt/inr", "国际标准化比值"),
    CRP("CRP", "mg/L", 0, 5, 0, 5, null, null, Map.of("mg/dl", 10.0),
            "crp", "c-reactive protein", "c reactive protein", "hs-crp", "hscrp", "c反应蛋白", "超敏c反应蛋白");

    final String label;
    final String unit;
    final double maleLow;
    final double maleHigh;
    final double femaleLow;
    final double femaleHigh;
    final Double criticalLow;
    final Double criticalHigh;
    final Map<String, Double> factors;
    final List<String> names;

    LabTest(String label, String unit, double maleLow, double maleHigh, double femaleLow, double femaleHigh,
            Double criticalLow, Double criticalHigh, Map<String, Double> factors, String... names) {
        this.label = label;
        this.unit = unit;
        this.maleLow = maleLow;
        this.maleHigh = maleHigh;
        this.femaleLow = femaleLow;
        this.femaleHigh = femaleHigh;
        this.criticalLow = criticalLow;
        this.criticalHigh = criticalHigh;
        this.factors = factors;
        this.names = List.of(names);
    }

    /** The test a row names, ignoring case, spaces and a trailing "level"/"count". */
    static Optional<LabTest> byName(String name) {
        String key = key(name);
        for (LabTest test : values()) {
            for (String n : test.names) {
                if (key(n).equals(key)) {
                    return Optional.of(test);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The factor that converts a value in the given unit to this test's unit; empty when the unit is unknown.
     * An empty unit is taken as the reporting unit.
     */
    Optional<Double> factor(String givenUnit) {
        String u = normaliseUnit(givenUnit);
        if (u.isEmpty() || u.equals(normaliseUnit(unit))) {
            return Optional.of(1.0);
        }
        return Optional.ofNullable(factors.get(u));
    }

    double low(String sex) {
        return "female".equals(sex) ? femaleLow : "male".equals(sex) ? maleLow : Math.min(maleLow, femaleLow);
    }

    double high(String sex) {
        return "female".equals(sex) ? femaleHigh : "male".equals(sex) ? maleHigh : Math.max(maleHigh, femaleHigh);
    }

    static String normaliseUnit(String unit) {
        if (unit == null) {
            return "";
        }
        return unit.strip().toLowerCase(Locale.ROOT).replace("μ", "u").replace("µ", "u").replace("×", "x")
                .replace(" ", "").replace("e9/l", "^9/l").replace("e3/ul", "^3/ul").replace("10⁹/l", "10^9/l");
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ")
                .replaceAll("\\s*(level|count|serum|plasma|blood)$", "").replaceAll("[()]", "").strip();
    }
}
