package dev.atrium.plugins.medical;

import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.Rouge;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code ./atrium eval medical [aci|mts|phi] [--data DIR] [--limit N]}: runs the medical skills through the
 * testkit (embedded engine) and prints figures. ACI-Bench ({@code clinical-aci/valid.csv}: dialogue → full visit
 * note): ROUGE-1/2/L of the offline draft, overall and per section, negation violations, seconds per note.
 * MTS-Dialog ({@code clinical-mts/validation.csv}: dialogue → one of 20 section headers and its text): routing
 * accuracy of the topic cues and ROUGE of the drafted text. PHI: generated English and Chinese documents seeded
 * with synthetic identifiers, recall of {@code deidentify} by type, and leaks into what draft-report sends to a
 * (fake) model. Data folders that are absent are skipped with a message.
 */
public final class MedicalEval {

    private static final List<String> NOTE_SECTIONS = List.of("CHIEF COMPLAINT", "HISTORY OF PRESENT ILLNESS",
            "REVIEW OF SYSTEMS", "PHYSICAL EXAM", "RESULTS", "ASSESSMENT AND PLAN");

    private MedicalEval() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("atrium.data", "../shared/data"));
        String only = null;
        int limit = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> only = args[i];
            }
        }
        PrintStream out = System.out;
        // Loads the embedded sentence model before anything is timed, as a running platform has it loaded.
        SkillHarness.of(new DraftReportSkill()).value("source", "Doctor: Any fever?\nPatient: No.").run();
        if (only == null || only.equals("aci")) {
            aci(data.resolve("clinical-aci/valid.csv"), limit, out);
        }
        if (only == null || only.equals("mts")) {
            mts(data.resolve("clinical-mts/validation.csv"), limit, out);
        }
        if (only == null || only.equals("phi")) {
            phi(limit > 0 ? limit : 60, out);
        }
        System.exit(0);
    }

    // ---- ACI-Bench -------------------------------------------------------------------------------------

    static void aci(Path file, int limit, PrintStream out) throws Exception {
        out.println("== medical/aci (" + file + ")");
        if (!Files.isRegularFile(file)) {
            out.println("skipped: " + file.toAbsolutePath().normalize() + " is absent");
            return;
        }
        List<CSVRecord> rows = read(file);
        if (limit > 0 && rows.size() > limit) {
            rows = rows.subList(0, limit);
        }
        double[] total = new double[3];
        Map<String, double[]> perSection = new LinkedHashMap<>();
        Map<String, Integer> sectionCount = new LinkedHashMap<>();
        List<Double> seconds = new ArrayList<>();
        int violations = 0;
        int corrected = 0;
        String engine = "";
        for (CSVRecord row : rows) {
            String dialogue = row.get("dialogue");
            String reference = row.get("note");
            long t0 = System.nanoTime();
            SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", dialogue)
                    .timeout(java.time.Duration.ofMinutes(2)).run();
            seconds.add((System.nanoTime() - t0) / 1e9);
            Map<String, Object> result = run.resultMap();
            engine = (String) result.get("engine");
            Map<String, String> drafted = sections(result);
            String candidate = drafted.entrySet().stream().filter(e -> !e.getValue().isBlank())
                    .map(e -> e.getKey() + "\n\n" + e.getValue()).collect(Collectors.joining("\n\n"));
            Rouge.Scores s = Rouge.score(candidate, reference);
            total[0] += s.rouge1();
            total[1] += s.rouge2();
            total[2] += s.rougeL();
            Map<String, String> ref = referenceSections(reference);
            for (String name : NOTE_SECTIONS) {
                String r = ref.getOrDefault(name, "");
                if (r.isBlank()) {
                    continue;
                }
                Rouge.Scores ss = Rouge.score(drafted.getOrDefault(name, ""), r);
                double[] acc = perSection.computeIfAbsent(name, k -> new double[3]);
                acc[0] += ss.rouge1();
                acc[1] += ss.rouge2();
                acc[2] += ss.rougeL();
                sectionCount.merge(name, 1, Integer::sum);
            }
            violations += violations(result);
            @SuppressWarnings("unchecked")
            Map<String, Object> checks = (Map<String, Object>) result.get("checks");
            corrected += ((Number) checks.get("negationCorrected")).intValue();
        }
        int n = rows.size();
        out.printf(Locale.ROOT, "notes: %d   engine: %s%n", n, engine);
        out.printf(Locale.ROOT, "ROUGE-1 %.1f   ROUGE-2 %.1f   ROUGE-L %.1f   (whole note, F1 x100)%n",
                100 * total[0] / n, 100 * total[1] / n, 100 * total[2] / n);
        for (String name : NOTE_SECTIONS) {
            double[] acc = perSection.get(name);
            if (acc != null) {
                int c = sectionCount.get(name);
                out.printf(Locale.ROOT, "  %-27s R1 %.1f  R2 %.1f  RL %.1f  (%d notes)%n", name, 100 * acc[0] / c,
                        100 * acc[1] / c, 100 * acc[2] / c, c);
            }
        }
        out.printf(Locale.ROOT, "negation violations in the drafts: %d (statements corrected by the check on the way: %d)%n",
                violations, corrected);
        out.println(timing(seconds));
    }

    /** The reference note's sections by the template's names (ACI writes PHYSICAL EXAMINATION, some split A and P). */
    static Map<String, String> referenceSections(String note) {
        Map<String, String> out = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : note.split("\\R")) {
            String h = line.strip().toUpperCase(Locale.ROOT);
            String name = switch (h) {
                case "CHIEF COMPLAINT" -> "CHIEF COMPLAINT";
                case "HISTORY OF PRESENT ILLNESS" -> "HISTORY OF PRESENT ILLNESS";
                case "REVIEW OF SYSTEMS" -> "REVIEW OF SYSTEMS";
                case "PHYSICAL EXAMINATION", "PHYSICAL EXAM", "EXAM" -> "PHYSICAL EXAM";
                case "RESULTS" -> "RESULTS";
                case "ASSESSMENT AND PLAN", "ASSESSMENT", "PLAN" -> "ASSESSMENT AND PLAN";
                default -> null;
            };
            if (name != null && line.strip().equals(line.strip().toUpperCase(Locale.ROOT))) {
                if (current != null) {
                    out.merge(current, body.toString().strip(), (a, b) -> a + "\n" + b);
                }
                current = name;
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            out.merge(current, body.toString().strip(), (a, b) -> a + "\n" + b);
        }
        return out;
    }

    // ---- MTS-Dialog ------------------------------------------------------------------------------------

    static void mts(Path file, int limit, PrintStream out) throws Exception {
        out.println("== medical/mts (" + file + ")");
        if (!Files.isRegularFile(file)) {
            out.println("skipped: " + file.toAbsolutePath().normalize() + " is absent");
            return;
        }
        List<CSVRecord> rows = read(file);
        if (limit > 0 && rows.size() > limit) {
            rows = rows.subList(0, limit);
        }
        int right = 0;
        Map<String, Integer> byHeader = new TreeMap<>();
        Map<String, Integer> rightByHeader = new TreeMap<>();
        Map<String, Integer> headers = new TreeMap<>();
        double[] rouge = new double[3];
        int negation = 0;
        List<Double> seconds = new ArrayList<>();
        for (CSVRecord row : rows) {
            String header = row.get("section_header").strip();
            String dialogue = row.get("dialogue");
            headers.merge(header, 1, Integer::sum);
            String predicted = route(dialogue);
            byHeader.merge(header, 1, Integer::sum);
            if (header.equals(predicted)) {
                right++;
                rightByHeader.merge(header, 1, Integer::sum);
            }
            long t0 = System.nanoTime();
            SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", dialogue).run();
            seconds.add((System.nanoTime() - t0) / 1e9);
            Map<String, Object> result = run.resultMap();
            String drafted = String.join(" ", sections(result).values()).strip();
            Rouge.Scores s = Rouge.score(drafted, row.get("section_text"));
            rouge[0] += s.rouge1();
            rouge[1] += s.rouge2();
            rouge[2] += s.rougeL();
            negation += violations(result);
        }
        int n = rows.size();
        int majority = headers.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        out.printf(Locale.ROOT, "dialogues: %d, section headers: %d%n", n, headers.size());
        out.printf(Locale.ROOT, "section routing accuracy (topic cues, whole dialogue): %.1f%% (majority class %.1f%%)%n",
                100.0 * right / n, 100.0 * majority / n);
        out.println("  right/total by header: " + byHeader.entrySet().stream()
                .map(e -> e.getKey() + " " + rightByHeader.getOrDefault(e.getKey(), 0) + "/" + e.getValue())
                .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "section drafting ROUGE-1 %.1f   ROUGE-2 %.1f   ROUGE-L %.1f%n", 100 * rouge[0] / n,
                100 * rouge[1] / n, 100 * rouge[2] / n);
        out.printf(Locale.ROOT, "negation violations in the drafts: %d%n", negation);
        out.println(timing(seconds));
    }

    /** The MTS header the topic cues give a whole dialogue: the topic with the highest summed sentence scores. */
    static String route(String dialogue) {
        Map<Topic, Integer> scores = new EnumMap<>(Topic.class);
        for (String line : dialogue.split("\\R")) {
            String text = line.replaceFirst("^\\s*\\w+\\s*:", "");
            for (Topic t : Topic.values()) {
                int s = t.score(text);
                if (s > 0) {
                    scores.merge(t, s, Integer::sum);
                }
            }
        }
        return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey().header()).orElse("GENHX");
    }

    // ---- PHI -------------------------------------------------------------------------------------------

    private static final String[] GIVEN = {"Harold", "Olivia", "Marisol", "Dmitri", "Ingrid", "Tobias", "Keiko", "Brian",
            "Aurelio", "Nadia", "Samuel", "Priya"};
    private static final String[] FAMILY = {"Becker", "Okafor", "Lindqvist", "Castellano", "Novak", "Haddad", "Grant",
            "Whitfield", "Moreau", "Tanaka", "Sullivan", "Petrov"};
    private static final String[] STREETS = {"Willow Creek Road", "Maple Avenue", "Harbor View Drive", "Elm Street",
            "Juniper Lane"};
    private static final String[] CITIES = {"Springfield, IL", "Portland, OR", "Austin, TX", "Salem, MA"};
    private static final String[] ZH_GIVEN = {"小明", "建国", "丽华", "志强", "秀英", "海燕", "伟", "静"};
    private static final String[] ZH_FAMILY = {"王", "李", "张", "刘", "陈", "杨", "赵", "周"};
    private static final String[] ZH_PLACES = {"浙江省杭州市西湖区文三路", "广东省广州市天河区体育西路", "江苏省南京市鼓楼区中山路",
            "四川省成都市武侯区人民南路"};

    /** A generated document and the identifier strings that must not survive. */
    record Seeded(String text, Map<String, List<String>> identifiers) {
    }

    static void phi(int documents, PrintStream out) {
        out.println("== medical/phi (" + documents + " generated documents, English and Chinese)");
        Random random = new Random(20261128L);
        Map<String, int[]> byType = new TreeMap<>();
        int leakedToModel = 0;
        int seededTotal = 0;
        for (int d = 0; d < documents; d++) {
            Seeded doc = generate(d, random);
            SkillRun deid = SkillHarness.of(new DeidentifySkill()).pluginId("medical").value("text", doc.text()).run();
            String text = (String) deid.resultMap().get("text");
            FakeModelGateway models = new FakeModelGateway().onStructured(new ReportDraftAnswer(List.of()));
            SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", doc.text()).models(models).run();
            String sent = models.chatRequests().stream().flatMap(r -> r.messages().stream()).map(ChatMessage::text)
                    .collect(Collectors.joining("\n"));
            for (Map.Entry<String, List<String>> e : doc.identifiers().entrySet()) {
                for (String value : e.getValue()) {
                    int[] counts = byType.computeIfAbsent(e.getKey(), k -> new int[2]);
                    counts[0]++;
                    seededTotal++;
                    if (text.contains(value)) {
                        counts[1]++;
                        if (Boolean.getBoolean("atrium.eval.verbose")) {
                            out.println("  missed " + e.getKey() + " '" + value + "' in document " + d);
                        }
                    }
                    if (sent.contains(value)) {
                        leakedToModel++;
                    }
                }
            }
        }
        int missed = byType.values().stream().mapToInt(c -> c[1]).sum();
        out.printf(Locale.ROOT, "deidentify recall: %.1f%% (%d of %d seeded identifiers removed)%n",
                100.0 * (seededTotal - missed) / seededTotal, seededTotal - missed, seededTotal);
        out.println("  by type (removed/seeded): " + byType.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue()[0] - e.getValue()[1]) + "/" + e.getValue()[0])
                .collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "PHI leakage into what draft-report sent to the model: %d of %d seeded identifiers%n",
                leakedToModel, seededTotal);
        out.println("engine: rules and word lists (embedded), no model");
    }

    static Seeded generate(int n, Random r) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        String first = pick(r, GIVEN);
        String last = pick(r, FAMILY);
        String date = String.format(Locale.ROOT, "%02d/%02d/%d", 1 + r.nextInt(12), 1 + r.nextInt(28), 1930 + r.nextInt(80));
        String phone = String.format(Locale.ROOT, "(%d) 555-%04d", 201 + r.nextInt(700), r.nextInt(10000));
        String mrn = String.valueOf(10_000_000 + r.nextInt(89_999_999));
        int age = 90 + r.nextInt(15);
        switch (n % 6) {
            case 0 -> {
                String street = (1 + r.nextInt(9000)) + " " + pick(r, STREETS);
                String city = pick(r, CITIES);
                String zip = String.valueOf(10000 + r.nextInt(89999));
                String fax = String.format(Locale.ROOT, "%d-555-%04d", 201 + r.nextInt(700), r.nextInt(10000));
                String email = first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + "@example.org";
                String ssn = String.format(Locale.ROOT, "%03d-%02d-%04d", 100 + r.nextInt(600), 10 + r.nextInt(89), r.nextInt(10000));
                put(ids, "NAME", first, last);
                put(ids, "DATE", date);
                put(ids, "PHONE", phone);
                put(ids, "FAX", fax);
                put(ids, "EMAIL", email);
                put(ids, "MRN", mrn);
                put(ids, "AGE", age + "-year-old");
                put(ids, "ADDRESS", street, city.substring(0, city.indexOf(',')));
                put(ids, "ZIP", zip);
                put(ids, "SSN", ssn);
                return new Seeded("Patient: " + first + " " + last + "   MRN: " + mrn + "   DOB: " + date + "\n"
                        + "Mr. " + last + " is a " + age + "-year-old seen for chest pain. Denies fever. Contact " + phone
                        + ", fax " + fax + ", e-mail " + email + ".\nAddress: " + street + ", " + city + " " + zip
                        + ". SSN " + ssn + ".", ids);
            }
            case 1 -> {
                String spouse = pick(r, GIVEN) + " " + last;
                String account = "HX-" + (10000 + r.nextInt(89999)) + "-" + r.nextInt(10);
                String device = "PM" + (10000 + r.nextInt(89999)) + "X";
                String street = (1 + r.nextInt(9000)) + " " + pick(r, STREETS);
                String visit = pick(r, new String[] {"March 3, 2024", "January 12, 2025", "October 30, 2023"});
                put(ids, "NAME", first, spouse, last);
                put(ids, "PHONE", phone);
                put(ids, "ACCOUNT", account);
                put(ids, "DEVICE", device);
                put(ids, "ADDRESS", street);
                put(ids, "DATE", visit);
                return new Seeded("Doctor: Hello " + first + ", how are you today?\nPatient: Not great. My husband "
                        + spouse + " brought me in. You can reach him at " + phone + ".\nDoctor: Any fever?\nPatient: No.\n"
                        + "Doctor: Your insurance id is " + account + " and your pacemaker serial number is " + device + ".\n"
                        + "Patient: Yes. I still live at " + street + ".\nDoctor: We will see you again on " + visit + ".", ids);
            }
            case 2 -> {
                String url = "https://portal.example-health.org/p/" + (1000 + r.nextInt(9000));
                String ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
                String license = "D" + (1_000_000 + r.nextInt(8_999_999));
                String vin = "1HGCM8263" + (char) ('A' + r.nextInt(8)) + (100000 + r.nextInt(899999));
                put(ids, "NAME", first, last);
                put(ids, "DATE", date);
                put(ids, "URL", url);
                put(ids, "IP", ip);
                put(ids, "LICENSE", license);
                put(ids, "VEHICLE", vin);
                put(ids, "AGE", "Age " + age);
                return new Seeded("Dr. " + last + " reviewed the chart of " + first + " " + last + ", admitted on " + date
                        + ". Records uploaded via " + url + " from " + ip + ". Driver's license number " + license
                        + ". Vehicle VIN " + vin + ". Age " + age + ".", ids);
            }
            case 3 -> {
                String name = pick(r, ZH_FAMILY) + pick(r, ZH_GIVEN);
                String idNumber = residentId(r);
                String mobile = "13" + (100_000_000 + r.nextInt(899_999_999));
                String zhMrn = "ZY" + (2024000000L + r.nextInt(999999));
                String place = pick(r, ZH_PLACES);
                String below = place.substring(place.indexOf('省') + 1) + (1 + r.nextInt(900)) + "号";
                String zhDate = (2020 + r.nextInt(6)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日";
                put(ids, "NAME", name);
                put(ids, "ID", idNumber);
                put(ids, "PHONE", mobile);
                put(ids, "MRN", zhMrn);
                put(ids, "ADDRESS", below);
                put(ids, "DATE", zhDate);
                put(ids, "AGE", age + "岁");
                return new Seeded("姓名：" + name + "  性别：男  年龄：" + age + "岁\n住院号：" + zhMrn + "  身份证号：" + idNumber
                        + "\n联系电话：" + mobile + "  住址：" + place.substring(0, place.indexOf('省') + 1) + below
                        + "\n患者于" + zhDate + "因胸痛入院，否认发热。", ids);
            }
            case 5 -> {
                // Names with no cue at all: found only when the given name is in the word list.
                String other = pick(r, GIVEN) + " " + pick(r, FAMILY);
                put(ids, "NAME", first + " " + last, other);
                return new Seeded(first + " " + last + " called about the refill of metformin. Blood sugars are "
                        + "stable. " + other + " from the pharmacy will fax the form.", ids);
            }
            default -> {
                String name = pick(r, ZH_FAMILY) + pick(r, ZH_GIVEN);
                String daughter = pick(r, ZH_FAMILY) + pick(r, ZH_GIVEN);
                String mobile = "15" + (100_000_000 + r.nextInt(899_999_999));
                put(ids, "NAME", name, daughter);
                put(ids, "PHONE", mobile);
                return new Seeded("医生：" + name + "，您好，今天哪里不舒服？\n患者：胸口疼了三天。我女儿" + daughter
                        + "陪我来的，她电话是" + mobile + "。\n医生：有没有发烧？\n患者：没有。", ids);
            }
        }
    }

    /** A resident ID with a valid birth date and ISO 7064 check character. */
    static String residentId(Random r) {
        String body = "330106" + (1940 + r.nextInt(60)) + String.format(Locale.ROOT, "%02d%02d", 1 + r.nextInt(12),
                1 + r.nextInt(28)) + String.format(Locale.ROOT, "%03d", r.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static void put(Map<String, List<String>> ids, String type, String... values) {
        ids.computeIfAbsent(type, k -> new ArrayList<>()).addAll(List.of(values));
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    // ---- shared ----------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, String> sections(Map<String, Object> result) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) result.get("sections")) {
            out.put((String) s.get("name"), (String) s.get("text"));
        }
        return out;
    }

    /** Statements of the final draft that assert what the source negates or doubts (must be 0). */
    @SuppressWarnings("unchecked")
    static int violations(Map<String, Object> result) {
        List<SourceSentence> sentences = new ArrayList<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) result.get("sourceSentences")) {
            sentences.add(new SourceSentence((String) s.get("id"), (String) s.get("origin"), (String) s.get("speaker"),
                    (String) s.get("text"), (Integer) s.get("start"), (Integer) s.get("end")));
        }
        String source = String.join("\n", new java.util.LinkedHashSet<>(DraftChecks.assertions(sentences).values()));
        int count = 0;
        for (Map<String, Object> section : (List<Map<String, Object>>) result.get("sections")) {
            for (Map<String, Object> st : (List<Map<String, Object>>) section.get("statements")) {
                List<Negation.Violation> found = Negation.violations((String) st.get("text"), source);
                if (!found.isEmpty()) {
                    count++;
                    if (Boolean.getBoolean("atrium.eval.verbose")) {
                        System.out.println("  negation violation: " + found.get(0) + " sources " + st.get("sources"));
                    }
                }
            }
        }
        return count;
    }

    static String timing(List<Double> seconds) {
        List<Double> sorted = seconds.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "time per note: -";
        }
        return String.format(Locale.ROOT, "time per note: median %.2f s, max %.2f s", sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() - 1));
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
