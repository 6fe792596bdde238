package dev.atrium.plugins.office.eval;

import dev.atrium.plugins.office.EmbeddedOcrModels;
import dev.atrium.plugins.office.ExpensesSkill;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code expenses} skill over SROIE receipts ({@code img/NNN.jpg}, {@code key/NNN.json} with company,
 * date, address, total): per-field exact match after normalising case, spaces and the date format,
 * receipts per second, and the engine. Receipts are run one per skill run, two at a time (two cores).
 */
final class ReceiptsEvaluation implements Evaluation {

    private static final List<String> FIELDS = List.of("company", "date", "address", "total");
    private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Override
    public String name() {
        return "receipts";
    }

    @Override
    public String dataset() {
        return "receipts-sroie";
    }

    @Override
    public void run(Path data, int limit, PrintStream out) throws Exception {
        List<Path> images;
        try (Stream<Path> files = Files.list(data.resolve("img"))) {
            images = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        if (limit > 0 && images.size() > limit) {
            images = images.subList(0, limit);
        }
        if (!EmbeddedOcrModels.available()) {
            out.println("skipped: Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim)");
            return;
        }
        boolean verbose = Boolean.getBoolean("atrium.eval.verbose");
        String cache = System.getProperty("atrium.eval.ocrCache");
        ModelGateway models = cache == null || cache.isBlank() ? new EmbeddedOcrModels()
                : new CachedOcrModels(new EmbeddedOcrModels(), Path.of(cache));
        // Figures for the whole selection and for its two halves by file name (rules are tuned on the first).
        int half = (images.size() + 1) / 2;
        List<Map<String, int[]>> scores = List.of(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        scores.forEach(score -> FIELDS.forEach(f -> score.put(f, new int[2])));
        double[][] addressF1 = new double[3][2];
        Set<String> engines = new LinkedHashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // The first receipts of a fresh JVM also pay for class loading and JIT compilation, which a running
        // platform has long paid: a few are read untimed first, so receipts/s is the skill's steady speed.
        int warmup = Math.min(images.size(), Integer.getInteger("atrium.eval.warmup", 4));
        long warmStart = System.nanoTime();
        List<Future<Map<String, Object>>> warming = new ArrayList<>();
        for (Path image : images.subList(0, warmup)) {
            warming.add(pool.submit(() -> read(image, models)));
        }
        for (Future<Map<String, Object>> run : warming) {
            run.get();
        }
        double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
        long start = System.nanoTime();
        List<Future<Map<String, Object>>> runs = new ArrayList<>();
        for (Path image : images) {
            runs.add(pool.submit(() -> read(image, models)));
        }
        int failed = 0;
        for (int i = 0; i < images.size(); i++) {
            Path image = images.get(i);
            String id = image.getFileName().toString().replace(".jpg", "");
            Map<String, String> key = key(data.resolve("key").resolve(id + ".json"));
            Map<String, Object> result = runs.get(i).get();
            if (result == null) {
                failed++;
                continue;
            }
            engines.add(String.valueOf(result.get("engine")));
            @SuppressWarnings("unchecked")
            Map<String, Object> receipt = ((List<Map<String, Object>>) result.get("receipts")).get(0);
            Map<String, String> got = Map.of("company", value(receipt, "vendor"), "date", value(receipt, "date"),
                    "address", value(receipt, "address"), "total", value(receipt, "total"));
            StringBuilder misses = new StringBuilder();
            for (String field : FIELDS) {
                String expected = key.getOrDefault(field, "");
                if (expected.isBlank()) {
                    continue;
                }
                boolean hit = normalise(field, expected).equals(normalise(field, got.get(field)));
                for (Map<String, int[]> score : List.of(scores.get(0), scores.get(i < half ? 1 : 2))) {
                    int[] s = score.get(field);
                    s[1]++;
                    s[0] += hit ? 1 : 0;
                }
                if (field.equals("address")) {
                    double f1 = tokenF1(expected, got.get(field));
                    for (double[] a : List.of(addressF1[0], addressF1[i < half ? 1 : 2])) {
                        a[0] += f1;
                        a[1]++;
                    }
                }
                if (!hit) {
                    misses.append(String.format(Locale.ROOT, "%n    %-8s want %s%n             got  %s", field,
                            expected, got.get(field)));
                }
            }
            if (verbose && !misses.isEmpty()) {
                out.println("  " + id + misses);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (String field : FIELDS) {
            int[] s = scores.get(0).get(field);
            out.printf(Locale.ROOT, "%-8s %.3f  (%d/%d exact after normalising case, spaces, date format)%n",
                    field, s[1] == 0 ? 0.0 : (double) s[0] / s[1], s[0], s[1]);
        }
        out.printf(Locale.ROOT, "address  token F1 %.3f (mean over receipts; words split at spaces and punctuation)%n",
                addressF1[0][1] == 0 ? 0.0 : addressF1[0][0] / addressF1[0][1]);
        if (images.size() >= 2) {
            for (int h = 1; h <= 2; h++) {
                List<Path> part = h == 1 ? images.subList(0, half) : images.subList(half, images.size());
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s half (%s-%s):", h == 1 ? "first" : "second",
                        stem(part.get(0)), stem(part.get(part.size() - 1))));
                for (String field : FIELDS) {
                    int[] s = scores.get(h).get(field);
                    line.append(String.format(Locale.ROOT, " %s %.3f", field, s[1] == 0 ? 0.0 : (double) s[0] / s[1]));
                }
                double[] a = addressF1[h];
                line.append(String.format(Locale.ROOT, ", address F1 %.3f", a[1] == 0 ? 0.0 : a[0] / a[1]));
                out.println(line);
            }
        }
        out.printf(Locale.ROOT, "receipts %d in %.1f s: %.2f receipts/s (2 at a time)%s%n", images.size(), seconds,
                images.size() / seconds, failed > 0 ? ", " + failed + " failed" : "");
        if (warmup > 0) {
            out.printf(Locale.ROOT, "         after %d read untimed to warm up the JVM (%.1f s: %.2f receipts/s cold)%n",
                    warmup, warmSeconds, warmup / warmSeconds);
        }
        if (cache == null || cache.isBlank()) {
            batch(images, models, out);
        }
        out.println("engine   " + String.join(", ", engines));
    }

    /**
     * The same receipts as one expense report, as an employee would hand them in: one run reads its pages a
     * few at a time and writes one workbook. Skipped with an OCR cache, whose timings say nothing.
     */
    private static void batch(List<Path> images, ModelGateway models, PrintStream out) throws Exception {
        SkillHarness harness = SkillHarness.of(new ExpensesSkill()).models(models).timeout(Duration.ofMinutes(10))
                .value("employee", "eval");
        for (Path image : images) {
            harness.file("files", Media.of(image.getFileName().toString(), "image/jpeg", Files.readAllBytes(image)));
        }
        long start = System.nanoTime();
        SkillRun run = harness.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "batch    %d receipts in one run: %.1f s, %.2f receipts/s%s%n", images.size(), seconds,
                images.size() / seconds, run.succeeded() ? "" : " (failed: " + run + ")");
    }

    private static String stem(Path image) {
        return image.getFileName().toString().replace(".jpg", "");
    }

    /**
     * Token F1 of an address: the words (runs of letters and digits, upper case) both hold, counted with
     * repeats, against each side's number of words. Exact match fails a whole address over one comma; this
     * figure says how much of it was read.
     */
    static double tokenF1(String expected, String got) {
        List<String> want = tokens(expected);
        List<String> have = tokens(got);
        if (want.isEmpty() || have.isEmpty()) {
            return want.isEmpty() && have.isEmpty() ? 1 : 0;
        }
        List<String> left = new ArrayList<>(want);
        int common = 0;
        for (String t : have) {
            if (left.remove(t)) {
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / have.size();
        double recall = (double) common / want.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> tokens(String text) {
        if (text == null) {
            return List.of();
        }
        return Stream.of(text.toUpperCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
    }

    private static final String SETTING = "atrium.eval.setting.";

    private static Map<String, Object> read(Path image, ModelGateway models) {
        try {
            SkillHarness harness = SkillHarness.of(new ExpensesSkill()).models(models);
            // -Datrium.eval.setting.expenses.ocrLanguages=msa reads with the plugin setting expenses.ocrLanguages=msa.
            for (String name : System.getProperties().stringPropertyNames()) {
                if (name.startsWith(SETTING)) {
                    harness.setting(name.substring(SETTING.length()), System.getProperty(name));
                }
            }
            SkillRun run = harness.timeout(Duration.ofMinutes(2))
                    .file("files", Media.of(image.getFileName().toString(), "image/jpeg", Files.readAllBytes(image)))
                    .value("employee", "eval").run();
            if (!run.succeeded()) {
                System.out.println("  " + image.getFileName() + ": " + run);
                return null;
            }
            return run.resultMap();
        } catch (Exception e) {
            System.out.println("  " + image.getFileName() + ": " + e);
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static String value(Map<String, Object> receipt, String field) {
        Object value = ((Map<String, Object>) receipt.get(field)).get("value");
        return value == null ? "" : value instanceof BigDecimal b ? b.toPlainString() : value.toString();
    }

    /** Case and spaces for text; ISO for dates (key dates are day-first unless the numbers say otherwise); amounts as numbers. */
    static String normalise(String field, String value) {
        if (value == null) {
            return "";
        }
        String v = value.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        switch (field) {
            case "date" -> {
                if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return v;
                }
                return SroieDates.iso(value);
            }
            case "total" -> {
                String digits = v.replaceAll("[^0-9.]", "");
                try {
                    return new BigDecimal(digits).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            default -> {
                return v;
            }
        }
    }

    private static Map<String, String> key(Path file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = JSON_FIELD.matcher(Files.readString(file));
        while (m.find()) {
            out.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }
}
