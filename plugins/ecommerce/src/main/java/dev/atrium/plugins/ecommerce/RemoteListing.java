package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.StructuredResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A listing written by a remote model with structured output. The model sees the facts and the marketplace's
 * rules; its draft is checked against the rules and the facts, and the violations go back to it once, listed;
 * whatever its second draft still breaks is repaired by {@link ListingEngine} deterministically.
 */
final class RemoteListing {

    private RemoteListing() {
    }

    /**
     * The model's drafts.
     *
     * @param first the first draft
     * @param second the second draft, or null when the first had no violations
     * @param firstViolations what the first draft broke
     * @param engine who wrote them
     */
    record Drafts(Listing first, Listing second, List<String> firstViolations, Engine engine) {
    }

    /** Text printed on the photos, read by the vision model; one transcription for all photos. */
    static String readPhotos(ModelGateway models, List<Media> photos) {
        ChatRequest request = new ChatRequest(List.of(
                ChatMessage.system("You transcribe the text printed on product photos and packaging: brand, product "
                        + "name, quantities, sizes, materials, ingredients. Write only text you can read, one item per "
                        + "line as 'Name: value' where the packaging names it. No guesses, no descriptions of the image."),
                ChatMessage.user("Transcribe the text on these product photos.", photos.toArray(Media[]::new))),
                0.0, null);
        return models.chat(request).text();
    }

    static Drafts write(ModelGateway models, ProductFacts facts, RulePack pack, ListingRules rules, String language,
                        String tone, java.util.function.Function<Listing, List<String>> problems) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(system(pack, rules, language, tone)));
        messages.add(ChatMessage.user(facts(facts)));
        StructuredResult<ListingDraft> first = models.structured(new ChatRequest(messages, 0.2, null), ListingDraft.class);
        Listing firstListing = first.value() == null ? new Listing("", List.of(), "", "") : first.value().toListing();
        List<String> violations = problems.apply(firstListing);
        if (violations.isEmpty()) {
            return new Drafts(firstListing, null, List.of(), first.engine());
        }
        messages.add(ChatMessage.assistant(first.json()));
        messages.add(ChatMessage.user("Your listing breaks these rules:\n- " + String.join("\n- ", violations)
                + "\nWrite the whole listing again so that it keeps every rule and states only the given facts."));
        StructuredResult<ListingDraft> second = models.structured(new ChatRequest(messages, 0.0, null), ListingDraft.class);
        Listing secondListing = second.value() == null ? firstListing : second.value().toListing();
        return new Drafts(firstListing, secondListing, violations, second.engine());
    }

    private static String system(RulePack pack, ListingRules rules, String language, String tone) {
        StringBuilder s = new StringBuilder();
        s.append("You write product listings for the ").append(pack.marketplace()).append(" marketplace in ")
                .append(languageName(language)).append(", tone: ").append(tone).append(".\n")
                .append("State only facts given by the seller: never add a number, size, unit, material, count, model, ")
                .append("certification or claim that is not in the facts, and never convert units.\n")
                .append("Title: keyword-ordered — brand, product type, key attributes, size/colour, quantity.\n")
                .append("Bullets: one product aspect each. Description: prose from the bullets, line breaks as \\n. ")
                .append("searchTerms: space-separated words shoppers search for that the title lacks.\n")
                .append("Rules, all mandatory:\n");
        for (Map.Entry<String, String> r : rules.rules().entrySet()) {
            s.append("- ").append(r.getValue()).append('\n');
        }
        if (!pack.bannedPhrases().isEmpty()) {
            s.append("Banned phrases: ").append(String.join(", ", pack.bannedPhrases())).append('\n');
        }
        return s.toString();
    }

    private static String facts(ProductFacts facts) {
        StringBuilder s = new StringBuilder("Facts:\n");
        if (!facts.brand().isEmpty()) {
            s.append("Brand: ").append(facts.brand()).append('\n');
        }
        if (!facts.category().isEmpty()) {
            s.append("Category: ").append(facts.category()).append('\n');
        }
        for (ProductFacts.Attribute a : facts.attributes()) {
            s.append(a.name()).append(": ").append(a.value()).append('\n');
        }
        if (!facts.keywords().isEmpty()) {
            s.append("Must-include keywords: ").append(String.join(", ", facts.keywords())).append('\n');
        }
        for (ProductFacts.PhotoText p : facts.photoTexts()) {
            s.append("Text on photo ").append(p.photo()).append(":\n").append(p.text().strip()).append('\n');
        }
        return s.toString();
    }

    static String languageName(String language) {
        return switch (language) {
            case "en" -> "English";
            case "zh" -> "Simplified Chinese";
            case "de" -> "German";
            case "fr" -> "French";
            case "es" -> "Spanish";
            case "it" -> "Italian";
            case "ja" -> "Japanese";
            default -> "the language with code '" + language + "'";
        };
    }

    static String name(Engine engine) {
        if (engine == null) {
            return "remote";
        }
        return engine.model().isEmpty() ? engine.provider() : engine.provider() + "/" + engine.model();
    }
}
