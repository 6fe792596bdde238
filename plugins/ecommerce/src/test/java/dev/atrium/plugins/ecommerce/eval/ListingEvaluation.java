package dev.atrium.plugins.ecommerce.eval;

import dev.atrium.plugins.ecommerce.ListingSkill;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code listing} skill, offline, over {@code products-amazon/*.jsonl}: attributes from {@code tech_data},
 * the category, the brand from {@code tech_data}'s Brand or else the title's first word. Prints the compliance
 * rate, the facts of the output the input does not support (re-traced independently of the skill's own report),
 * the facts the skill removed, recall of the real title's terms, and title lengths.
 */
final class ListingEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> STOP = Set.of("and", "the", "for", "with", "from", "inch", "pack", "set", "of",
            "to", "in", "on", "by", "or", "a", "an", "not", "only", "one");

    private ListingEvaluation() {
    }

    static void run(Path folder, int limit, PrintStream out) throws IOException {
        List<JsonNode> products = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        products.add(JSON.readTree(line));
                    }
                }
            }
        }
        if (limit > 0 && products.size() > limit) {
            products = products.subList(0, limit);
        }
        int complied = 0;
        int failedRuns = 0;
        int unsupported = 0;
        int removed = 0;
        int facts = 0;
        double titleRecall = 0;
        double listingRecall = 0;
        List<Integer> lengths = new ArrayList<>();
        long started = System.nanoTime();
        for (JsonNode p : products) {
            Map<String, String> attributes = new LinkedHashMap<>();
            for (JsonNode pair : p.get("tech_data")) {
                attributes.putIfAbsent(pair.get(0).asString(), pair.get(1).asString());
            }
            String title = p.get("title").asString();
            String brand = attributes.getOrDefault("Brand", title.split("\\s+")[0]);
            SkillRun run = SkillHarness.of(new ListingSkill()).models(new FakeModelGateway()).pluginId("ecommerce")
                    .value("attributes", JSON.writeValueAsString(attributes)).value("brand", brand)
                    .value("category", p.get("category").asString()).value("marketplace", "amazon").run();
            if (!run.succeeded()) {
                failedRuns++;
                out.printf("  %s: run failed: %s%n", p.get("asin").asString(), run.error().map(Throwable::getMessage).orElse("?"));
                continue;
            }
            Map<String, Object> r = run.resultMap();
            if (Boolean.TRUE.equals(r.get("complies"))) {
                complied++;
            }
            String text = ListingText.all(r);
            ListingText.Check check = ListingText.check(text, brand, p.get("category").asString(), attributes);
            facts += check.facts();
            unsupported += check.unsupported().size();
            check.unsupported().forEach(u -> out.printf("  %s: unsupported fact in output: %s%n", p.get("asin").asString(), u));
            for (Object g : (List<?>) r.get("grounding")) {
                if (Boolean.FALSE.equals(((Map<?, ?>) g).get("kept"))) {
                    removed++;
                }
            }
            Set<String> reference = terms(title);
            String ourTitle = (String) r.get("title");
            titleRecall += recall(reference, ourTitle);
            listingRecall += recall(reference, text);
            lengths.add(ourTitle.length());
            out.printf("  %s  %3d chars  %s%n", p.get("asin").asString(), ourTitle.length(), ourTitle);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int n = products.size() - failedRuns;
        out.printf("products: %d (failed runs: %d), engine: embedded/listing-templates, marketplace: amazon%n",
                products.size(), failedRuns);
        out.printf("compliance rate: %.1f%% (%d/%d listings pass every Amazon rule)%n", 100.0 * complied / Math.max(1, n),
                complied, n);
        out.printf("output facts not found in the input: %d of %d (re-traced independently)%n", unsupported, facts);
        out.printf("facts the skill removed as untraceable: %d%n", removed);
        out.printf("reference-title term recall: title %.3f, whole listing %.3f%n", titleRecall / Math.max(1, n),
                listingRecall / Math.max(1, n));
        if (!lengths.isEmpty()) {
            out.printf("title length (chars): min %d, mean %.0f, max %d (limit 200)%n",
                    lengths.stream().mapToInt(Integer::intValue).min().getAsInt(),
                    lengths.stream().mapToInt(Integer::intValue).average().orElse(0),
                    lengths.stream().mapToInt(Integer::intValue).max().getAsInt());
        }
        out.printf("time: %.2f s (%.1f listings/s, one harness run each)%n", seconds, products.size() / seconds);
    }

    /** The reference title's content words: 3+ characters, no stop words, lower case. */
    static Set<String> terms(String title) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : title.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}.]+")) {
            String t = w.replaceAll("^\\.+|\\.+$", "");
            if (t.length() >= 3 && !STOP.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    static double recall(Set<String> reference, String text) {
        if (reference.isEmpty()) {
            return 1;
        }
        Set<String> ours = terms(text);
        return reference.stream().filter(ours::contains).count() / (double) reference.size();
    }
}
