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
 * query's reference, seconds per meeting for {@code minutes} (median and max), and the engine. The topics of
 * {@code minutes} are scored against QMSum's {@code topic_list} (whose {@code relevant_text_span}s are inclusive
 * turn ranges, with gaps and overlaps: a reference topic starts where its span starts and runs to the next
 * one's start) by Pk and WindowDiff over turns, k = half the mean reference topic length, beside the same
 * figures for the equal windows {@code minutes} cut before it segmented by topic.
 */
final class MeetingsEvaluation implements Evaluation {

    /** QMSum's annotation marks such as {disfmarker} and {vocalsound}: not words anybody said. */
    private static final Pattern MARKS = Pattern.compile("\\{\\w+}");

    /** A topic's source in {@code minutes}' result: {@code turns 4–9} or {@code turn 4}. */
    private static final Pattern TURNS = Pattern.compile("turns? (\\d+)(?:–(\\d+))?");

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
        // Pk and WindowDiff of the topics found, then of the equal windows, summed over meetings.
        double[] segmentation = new double[4];
        double[] topicCounts = new double[3];
        int segmented = 0;
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

            List<Integer> kept = keptTurns(meeting);
            int[] expected = referenceTopics(meeting, kept);
            int[] found = foundTopics(run.resultMap(), kept.size());
            String topicsLine;
            if (found == null || segments(expected) < 2) {
                topicsLine = "  topics: " + (found == null ? "sources do not match the turns" : "no expected");
            } else {
                int[] equal = equalWindows(kept.size());
                int k = pkWindow(expected);
                double[] scores = {pk(expected, found, k), windowDiff(expected, found, k), pk(expected, equal, k),
                        windowDiff(expected, equal, k)};
                for (int i = 0; i < 4; i++) {
                    segmentation[i] += scores[i];
                }
                int[] counts = {segments(found), segments(expected), segments(equal)};
                for (int i = 0; i < 3; i++) {
                    topicCounts[i] += counts[i];
                }
                segmented++;
                topicsLine = String.format(Locale.ROOT, "  topics %2d (ref %d) Pk %.2f WD %.2f, equal %d: Pk %.2f WD %.2f (k %d)",
                        counts[0], counts[1], scores[0], scores[1], counts[2], scores[2], scores[3], k);
            }

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
                if (verbose) {
                    out.printf(Locale.ROOT, "    Q %s%n      answer (R1 %.1f): %s%n      reference: %s%n", query.get("query"),
                            100 * a.rouge1(), String.valueOf(asked.resultMap().get("answer")).replaceAll("\\s+", " "),
                            query.get("answer"));
                }
                answers++;
                meetingAnswers++;
            }
            out.printf(Locale.ROOT, "  %-8s %5d words %5.1f s  summary %3d words R1 %4.1f R2 %4.1f RL %4.1f%s%s%n", id,
                    Rouge.tokens(transcript).size(), took, Rouge.tokens(got).size(), 100 * s.rouge1(),
                    100 * s.rouge2(), 100 * s.rougeL(), topicsLine, meetingAnswers == 0 ? ""
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
        if (segmented > 0) {
            out.printf(Locale.ROOT, "minutes topics     Pk %.3f  WindowDiff %.3f  %.1f topics per meeting; equal windows "
                    + "Pk %.3f  WindowDiff %.3f  %.1f; reference %.1f  (%d meetings, lower is better)%n",
                    segmentation[0] / segmented, segmentation[1] / segmented, topicCounts[0] / segmented,
                    segmentation[2] / segmented, segmentation[3] / segmented, topicCounts[2] / segmented,
                    topicCounts[1] / segmented, segmented);
        }
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
        List<Map<String, Object>> turns = queries(meeting, "meeting_transcripts");
        for (int i : keptTurns(meeting)) {
            text.append(String.valueOf(turns.get(i).get("speaker")).strip()).append(": ").append(said(turns.get(i)))
                    .append('\n');
        }
        return text.toString();
    }

    /** The indexes in {@code meeting_transcripts} of the turns {@link #transcript} keeps, in order. */
    static List<Integer> keptTurns(Map<String, Object> meeting) {
        List<Map<String, Object>> turns = queries(meeting, "meeting_transcripts");
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            String said = said(turns.get(i));
            if (!said.isEmpty() && !said.matches("[\\p{Punct}\\s]*")) {
                kept.add(i);
            }
        }
        return kept;
    }

    private static String said(Map<String, Object> turn) {
        return MARKS.matcher(String.valueOf(turn.get("content"))).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    /**
     * The reference topic of every kept turn, numbered from 0: a topic starts at the first turn of one of its
     * spans ({@code ["0", "90"]}, inclusive) and runs to the next span's start; turns before the first span are
     * the first topic's.
     */
    static int[] referenceTopics(Map<String, Object> meeting, List<Integer> kept) {
        List<Integer> starts = new ArrayList<>();
        for (Map<String, Object> topic : queries(meeting, "topic_list")) {
            if (topic.get("relevant_text_span") instanceof List<?> spans) {
                for (Object span : spans) {
                    if (span instanceof List<?> range && !range.isEmpty()) {
                        starts.add(Integer.parseInt(String.valueOf(range.get(0)).strip()));
                    }
                }
            }
        }
        List<Integer> sorted = starts.stream().distinct().sorted().toList();
        int[] labels = new int[kept.size()];
        for (int t = 0; t < kept.size(); t++) {
            int original = kept.get(t);
            labels[t] = (int) Math.max(0, sorted.stream().filter(start -> start <= original).count() - 1);
        }
        return labels;
    }

    /** The topic of every turn from the result's {@code topics[].source} ({@code turns i–j}); null if they do not tile. */
    @SuppressWarnings("unchecked")
    static int[] foundTopics(Map<String, Object> result, int turns) {
        int[] labels = new int[turns];
        int next = 1;
        List<Map<String, Object>> topics = (List<Map<String, Object>>) result.get("topics");
        for (int t = 0; t < topics.size(); t++) {
            var m = TURNS.matcher(String.valueOf(topics.get(t).get("source")));
            if (!m.matches()) {
                return null;
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (from != next || to > turns) {
                return null;
            }
            for (int i = from - 1; i < to; i++) {
                labels[i] = t;
            }
            next = to + 1;
        }
        return next == turns + 1 ? labels : null;
    }

    /** The topics {@code minutes} gave before it segmented by topic: 1 under 6 turns, else 3 to 6 equal windows. */
    static int[] equalWindows(int n) {
        int parts = n < 6 ? 1 : Math.max(3, Math.min(6, (int) Math.ceil(n / 8.0)));
        int[] labels = new int[n];
        for (int p = 0; p < parts; p++) {
            for (int i = p * n / parts; i < (p + 1) * n / parts; i++) {
                labels[i] = p;
            }
        }
        return labels;
    }

    /** Half the mean length of the reference topics, in turns (at least 1). */
    static int pkWindow(int[] reference) {
        return Math.max(1, (int) Math.round(reference.length / (2.0 * segments(reference))));
    }

    /** Pk (Beeferman et al., 1999): how often two turns k apart are wrongly said to be in the same topic or not. */
    static double pk(int[] reference, int[] found, int k) {
        int errors = 0;
        int probes = reference.length - k;
        for (int i = 0; i < probes; i++) {
            if ((reference[i] == reference[i + k]) != (found[i] == found[i + k])) {
                errors++;
            }
        }
        return probes <= 0 ? 0 : (double) errors / probes;
    }

    /** WindowDiff (Pevzner and Hearst, 2002): how often a window of k turns holds a different number of boundaries. */
    static double windowDiff(int[] reference, int[] found, int k) {
        int errors = 0;
        int probes = reference.length - k;
        for (int i = 0; i < probes; i++) {
            if (boundaries(reference, i, i + k) != boundaries(found, i, i + k)) {
                errors++;
            }
        }
        return probes <= 0 ? 0 : (double) errors / probes;
    }

    private static int boundaries(int[] labels, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (labels[i] != labels[i + 1]) {
                count++;
            }
        }
        return count;
    }

    /** Number of topics: one more than the changes of label. */
    static int segments(int[] labels) {
        return labels.length == 0 ? 0 : boundaries(labels, 0, labels.length - 1) + 1;
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
