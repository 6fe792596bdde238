package dev.atrium.plugins.office.eval;

import dev.atrium.plugins.office.EmbeddedOcrModels;
import dev.atrium.plugins.office.ExpensesSkill;
import dev.atrium.sdk.Media;
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
        Map<String, int[]> score = new LinkedHashMap<>();
        FIELDS.forEach(f -> score.put(f, new int[2]));
        Set<String> engines = new LinkedHashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<Map<String, Object>>> runs = new ArrayList<>();
        for (Path image : images) {
            runs.add(pool.submit(() -> read(image)));
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
                int[] s = score.get(field);
                s[1]++;
                if (normalise(field, expected).equals(normalise(field, got.get(field)))) {
                    s[0]++;
                } else {
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
            int[] s = score.get(field);
            out.printf(Locale.ROOT, "%-8s %.3f  (%d/%d exact after normalising case, spaces, date format)%n",
                    field, s[1] == 0 ? 0.0 : (double) s[0] / s[1], s[0], s[1]);
        }
        out.printf(Locale.ROOT, "receipts %d in %.1f s: %.2f receipts/s (2 at a time)%s%n", images.size(), seconds,
                images.size() / seconds, failed > 0 ? ", " + failed + " failed" : "");
        out.println("engine   " + String.join(", ", engines));
    }

    private static Map<String, Object> read(Path image) {
        try {
            SkillRun run = SkillHarness.of(new ExpensesSkill()).models(new EmbeddedOcrModels())
                    .timeout(Duration.ofMinutes(2))
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
