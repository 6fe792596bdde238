package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ModelGateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one listing: offline by {@link ListingComposer}, or remotely by {@link RemoteListing} with one round of
 * feedback; then, on both paths, {@link Grounding} removes what the input does not support and
 * {@link ListingRules} repairs what still breaks the marketplace's rules, so the listing always complies
 * (unless the input itself is too thin, which the report says).
 */
final class ListingEngine {

    /** The engine name of the offline composition. */
    static final String OFFLINE = "embedded/listing-templates";

    /** The engine name when the user's own draft is checked: the rules and grounding alone. */
    static final String CHECKER = "embedded/listing-rules";

    /**
     * A finished listing.
     *
     * @param listing the listing
     * @param compliance every rule, passed or how it was fixed
     * @param grounding every fact, with its source or removed
     * @param engine which engine wrote the text
     * @param warnings what the user should know
     */
    record Outcome(Listing listing, List<ListingRules.Outcome> compliance, List<Grounding.Entry> grounding,
                   String engine, List<String> warnings) {

        boolean complies() {
            return compliance.stream().allMatch(ListingRules.Outcome::passed);
        }

        /** The result as the skill reports it. */
        Map<String, Object> toResult(String marketplace, String language) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("title", listing.title());
            r.put("bullets", listing.bullets());
            r.put("description", listing.description());
            r.put("searchTerms", listing.searchTerms());
            List<Map<String, Object>> c = new ArrayList<>();
            for (ListingRules.Outcome o : compliance) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rule", o.rule());
                m.put("description", o.description());
                m.put("passed", o.passed());
                m.put("fix", o.fix());
                c.add(m);
            }
            r.put("compliance", c);
            List<Map<String, Object>> g = new ArrayList<>();
            for (Grounding.Entry e : grounding) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", e.value());
                m.put("source", e.source());
                m.put("kept", e.kept());
                m.put("field", e.field());
                g.add(m);
            }
            r.put("grounding", g);
            r.put("complies", complies());
            r.put("engine", engine);
            r.put("marketplace", marketplace);
            r.put("language", language);
            return r;
        }
    }

    private ListingEngine() {
    }

    /** Whether listings in this language can be written by the remote model. */
    static boolean remoteAvailable(ModelGateway models) {
        return models.isRemote(Capability.STRUCTURED_OUTPUT);
    }

    static Outcome write(ProductFacts facts, RulePack pack, String language, String tone, ModelGateway models,
                         boolean useRemote) {
        List<String> warnings = new ArrayList<>();
        boolean offlineLanguage = "en".equals(language) || "zh".equals(language);
        if (!useRemote && !offlineLanguage) {
            throw new CapabilityUnavailableException("offline listings are written in English (en) or Chinese (zh); "
                    + "language '" + language + "' needs a remote model with structured output: "
                    + models.status(Capability.STRUCTURED_OUTPUT).reason());
        }
        ListingComposer composer = new ListingComposer(pack, offlineLanguage ? language : "en", tone);
        ListingRules rules = new ListingRules(pack, facts.brand());
        Grounding grounding = new Grounding(facts);
        Listing fallback = rules.fix(grounding.apply(composer.compose(facts)).listing(), new Listing("", List.of(), "", "")).listing();

        Listing draft = fallback;
        String engine = OFFLINE;
        Map<String, String> byModel = new LinkedHashMap<>();
        if (useRemote) {
            try {
                RemoteListing.Drafts drafts = RemoteListing.write(models, facts, pack, rules, language, tone,
                        l -> problems(l, rules, grounding));
                draft = drafts.second() != null ? drafts.second() : drafts.first();
                engine = RemoteListing.name(drafts.engine());
                if (drafts.second() != null) {
                    Set<String> stillBroken = new LinkedHashSet<>();
                    rules.check(drafts.second()).forEach(v -> stillBroken.add(v.rule()));
                    for (ListingRules.Violation v : rules.check(drafts.first())) {
                        if (!stillBroken.contains(v.rule())) {
                            byModel.put(v.rule(), "rewritten by the model after the violations were sent back");
                        }
                    }
                }
            } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                if (!offlineLanguage) {
                    throw e;
                }
                warnings.add("the remote model could not write the listing (" + e.getMessage()
                        + "); it was composed offline from the attributes instead");
            }
        } else if ("zh".equals(language)) {
            Set<String> english = new LinkedHashSet<>(Chinese.untranslated(fallback.title() + " " + String.join(" ", fallback.bullets())));
            english.removeAll(Chinese.untranslated(facts.brand()));
            if (!english.isEmpty()) {
                warnings.add("the offline glossary has no Chinese for: " + String.join(", ", english)
                        + "; these words stay as given (a remote model translates everything)");
            }
        }

        return finish(draft, fallback, rules, grounding, byModel, engine, warnings);
    }

    /**
     * Checks and repairs a listing the user wrote or edited, with the same grounding and rules as a written one;
     * nothing is composed in its place (the offline composition only tops up bullet points the rules require).
     */
    static Outcome check(Listing draft, ProductFacts facts, RulePack pack, String language) {
        List<String> warnings = new ArrayList<>();
        ListingRules rules = new ListingRules(pack, facts.brand());
        Grounding grounding = new Grounding(facts);
        // Without an offline language there is nothing to top up from: a rule the draft cannot meet is reported.
        Listing fallback = "en".equals(language) || "zh".equals(language)
                ? rules.fix(grounding.apply(new ListingComposer(pack, language, "neutral").compose(facts)).listing(),
                        new Listing("", List.of(), "", "")).listing()
                : new Listing("", List.of(), "", "");
        return finish(draft, fallback, rules, grounding, Map.of(), CHECKER, warnings);
    }

    /** Grounding, then the rules' repairs, and the reports of both; shared by written and checked listings. */
    private static Outcome finish(Listing draft, Listing fallback, ListingRules rules, Grounding grounding,
                                  Map<String, String> byModel, String engine, List<String> warnings) {
        Grounding.Result grounded = grounding.apply(draft);
        ListingRules.Fixed fixed = rules.fix(grounded.listing(), fallback);
        Map<String, String> how = new LinkedHashMap<>(byModel);
        fixed.fixes().forEach((rule, fix) -> how.merge(rule, fix, (a, b) -> a + "; then " + b));
        for (ListingRules.Violation v : rules.check(draft)) {
            how.putIfAbsent(v.rule(), "met once the facts not found in the input were removed (see grounding)");
        }
        List<ListingRules.Outcome> report = rules.report(fixed.listing(), how);

        // The final listing's facts (all traced), plus what grounding removed from the draft.
        List<Grounding.Entry> entries = new ArrayList<>(grounding.apply(fixed.listing()).entries());
        grounded.entries().stream().filter(e -> !e.kept()).forEach(entries::add);
        if (grounded.removed() > 0) {
            warnings.add(grounded.removed() + " fact(s) not found in the input were removed: "
                    + String.join(", ", grounded.entries().stream().filter(e -> !e.kept()).map(Grounding.Entry::value).toList()));
        }
        return new Outcome(fixed.listing(), report, entries, engine, warnings);
    }

    private static List<String> problems(Listing listing, ListingRules rules, Grounding grounding) {
        List<String> out = new ArrayList<>();
        rules.check(listing).forEach(v -> out.add(v.detail()));
        for (Grounding.Entry e : grounding.apply(listing).entries()) {
            if (!e.kept()) {
                out.add("\"" + e.value() + "\" in the " + e.field() + " is not among the facts: remove it");
            }
        }
        return out;
    }
}
