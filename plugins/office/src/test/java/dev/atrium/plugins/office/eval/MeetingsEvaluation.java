package dev.atrium.plugins.office.eval;

import dev.atrium.engine.embed.MiniLmEmbeddings;
import dev.atrium.engine.text.EmbeddedTextKit;
import dev.atrium.plugins.office.MeetingQaSkill;
import dev.atrium.plugins.office.MinutesSkill;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Usage;
import dev.atrium.sdk.testkit.Rouge;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code minutes} and {@code meeting-qa} skills over QMSum meetings ({@code *.json} with
 * {@code meeting_transcripts[{speaker, content}]}, {@code general_query_list} and {@code specific_query_list}):
 * ROUGE-1/2/L F1 of the summary against the whole-meeting reference and of each answer against its specific
 * query's reference, seconds per meeting for {@code minutes} (median and max), and the engine.
 */
final class MeetingsEvaluation implements Evaluation {

    /** QMSum's annotation marks such as {disfmarker} and {vocalsound}: not words anybody said. */
    private static final Pattern MARKS = Pattern.compile("\\{\\w+}");

    /** The general query that asks for the whole meeting; the others ask about parts or people. */
    private static final Pattern WHOLE_MEETING = Pattern.compile(
            "summari[sz]e|general discussion|meeting about|main discussion|discussion of the meeting",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "meetings";
    }

    @Override
    public String dataset() {
        return "meetings-qmsum";
    }

    @Override
    public void run(Path data, int limit, PrintStream out) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(data)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        if (limit > 0 && files.size() > limit) {
            files = files.subList(0, limit);
        }
        boolean verbose = Boolean.getBoolean("atrium.eval.verbose");
        // -Datrium.eval.qa=false leaves meeting-qa out, for quick turns on the summary.
        boolean qaToo = !"false".equals(System.getProperty("atrium.eval.qa"));
        JsonMapper json = JsonMapper.builder().build();
        // Loads the embedded model before timing, as a running platform has it loaded.
        minutes("Anna: We decided to keep the battery.\nBob: I will send the estimate by Friday.");

        double[] summary = new double[3];
        double[] qa = new double[3];
        int summaries = 0;
        int answers = 0;
        List<Double> seconds = new ArrayList<>();
        Set<String> engines = new LinkedHashSet<>();
        Set<String> qaEngines = new LinkedHashSet<>();
        int failed = 0;
        for (Path file : files) {
            String id = file.getFileName().toString().replace(".json", "");
            @SuppressWarnings("unchecked")
            Map<String, Object> meeting = json.readValue(Files.readString(file), Map.class);
            String transcript = transcript(meeting);
            String reference = wholeMeetingSummary(meeting);

            long start = System.nanoTime();
            SkillRun run = minutes(transcript);
            double took = (System.nanoTime() - start) / 1e9;
            if (!run.succeeded()) {
                out.println("  " + id + " minutes: " + run);
                failed++;
                continue;
            }
            seconds.add(took);
            engines.add(String.valueOf(run.resultMap().get("engine")));
            String got = String.valueOf(run.resultMap().get("summary"));
            Rouge.Scores s = Rouge.score(got, reference);
            add(summary, s);
            summaries++;

            // Questions on one meeting embed the same turns again and again: cache them per meeting.
            CachedEmbeddings cache = new CachedEmbeddings(embeddings());
            EmbeddedTextKit kit = new EmbeddedTextKit(cache, MiniLmEmbeddings.LANGUAGES);
            double[] meetingQa = new double[3];
            int meetingAnswers = 0;
            List<Map<String, Object>> questions = qaToo ? queries(meeting, "specific_query_list") : List.of();
            for (Map<String, Object> query : questions) {
                SkillRun asked = SkillHarness.of(new MeetingQaSkill()).text(kit).timeout(Duration.ofMinutes(5))
                        .value("transcript", transcript).value("question", String.valueOf(query.get("query"))).run();
                if (!asked.succeeded()) {
                    out.println("  " + id + " meeting-qa: " + asked);
                    failed++;
                    continue;
                }
                qaEngines.add(String.valueOf(asked.resultMap().get("engine")));
                Rouge.Scores a = Rouge.score(String.valueOf(asked.resultMap().get("answer")),
                        String.valueOf(query.get("answer")));
                add(qa, a);
                add(meetingQa, a);
                answers++;
                meetingAnswers++;
            }
            out.printf(Locale.ROOT, "  %-8s %5d words %5.1f s  summary %3d words R1 %4.1f R2 %4.1f RL %4.1f%s%n", id,
                    Rouge.tokens(transcript).size(), took, Rouge.tokens(got).size(), 100 * s.rouge1(),
                    100 * s.rouge2(), 100 * s.rougeL(), meetingAnswers == 0 ? ""
                            : String.format(Locale.ROOT, "  qa(%d) R1 %4.1f", meetingAnswers,
                                    100 * meetingQa[0] / meetingAnswers));
            if (verbose) {
                out.println("    summary:   " + got.replaceAll("\\s+", " "));
                out.println("    reference: " + reference);
            }
        }
        out.printf(Locale.ROOT, "minutes summary    ROUGE-1 %.1f  ROUGE-2 %.1f  ROUGE-L %.1f  (F1 x100, %d meetings, "
                + "target ROUGE-1 >= 25)%n", mean(summary[0], summaries), mean(summary[1], summaries),
                mean(summary[2], summaries), summaries);
        if (qaToo) {
            out.printf(Locale.ROOT, "meeting-qa answers ROUGE-1 %.1f  ROUGE-2 %.1f  ROUGE-L %.1f  (F1 x100, %d questions)%n",
                    mean(qa[0], answers), mean(qa[1], answers), mean(qa[2], answers), answers);
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
                    : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            // Seconds depend on what else the machine runs: the load average says how busy it was.
            out.printf(Locale.ROOT, "minutes seconds per meeting: median %.1f  max %.1f  (target <= 10 s offline; "
                            + "%d cores, load average %.1f)%s%n", median, sorted.get(sorted.size() - 1),
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    failed > 0 ? ", " + failed + " runs failed" : "");
        }
        out.println("engine   minutes " + String.join(", ", engines)
                + (qaToo ? "; meeting-qa " + String.join(", ", qaEngines) : ""));
    }

    private static SkillRun minutes(String transcript) {
        return SkillHarness.of(new MinutesSkill()).timeout(Duration.ofMinutes(5))
                .value("transcript", transcript).value("date", "2026-01-05").run();
    }

    /** {@code Speaker: words} lines, without QMSum's annotation marks; turns left empty are dropped. */
    static String transcript(Map<String, Object> meeting) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> turn : queries(meeting, "meeting_transcripts")) {
            String said = MARKS.matcher(String.valueOf(turn.get("content"))).replaceAll(" ")
                    .replaceAll("\\s+", " ").strip();
            if (said.isEmpty() || said.matches("[\\p{Punct}\\s]*")) {
                continue;
            }
            text.append(String.valueOf(turn.get("speaker")).strip()).append(": ").append(said).append('\n');
        }
        return text.toString();
    }

    static String wholeMeetingSummary(Map<String, Object> meeting) {
        List<Map<String, Object>> general = queries(meeting, "general_query_list");
        return general.stream().filter(q -> WHOLE_MEETING.matcher(String.valueOf(q.get("query"))).find())
                .findFirst().or(() -> general.stream().findFirst())
                .map(q -> String.valueOf(q.get("answer"))).orElse("");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> queries(Map<String, Object> meeting, String key) {
        Object list = meeting.get(key);
        return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static void add(double[] sums, Rouge.Scores s) {
        sums[0] += s.rouge1();
        sums[1] += s.rouge2();
        sums[2] += s.rougeL();
    }

    private static double mean(double sum, int count) {
        return count == 0 ? 0 : 100 * sum / count;
    }

    private static MiniLmEmbeddings shared;

    private static synchronized MiniLmEmbeddings embeddings() {
        if (shared == null) {
            shared = new MiniLmEmbeddings();
        }
        return shared;
    }

    /** Embeds each distinct text once; the vectors are the model's own. */
    private static final class CachedEmbeddings implements Function<List<String>, Embeddings> {

        private final MiniLmEmbeddings model;
        private final Map<String, float[]> vectors = new HashMap<>();

        CachedEmbeddings(MiniLmEmbeddings model) {
            this.model = model;
        }

        @Override
        public synchronized Embeddings apply(List<String> texts) {
            List<String> missing = texts.stream().filter(t -> !vectors.containsKey(t)).distinct().toList();
            if (!missing.isEmpty()) {
                List<float[]> embedded = model.embed(missing).vectors();
                for (int i = 0; i < missing.size(); i++) {
                    vectors.put(missing.get(i), embedded.get(i));
                }
            }
            return new Embeddings(texts.stream().map(vectors::get).toList(), Usage.NONE, MiniLmEmbeddings.ENGINE);
        }
    }
}
