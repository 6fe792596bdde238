package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One product listing for a marketplace: title, bullet points, description and search terms, with a compliance
 * report (every rule of the marketplace's rule pack) and a grounding report (every fact traced to the input).
 * Offline it is composed from the attributes, and photos are read by OCR; with a remote model it is written by
 * the model, checked, sent back once with the violations, then repaired.
 */
@Extension
public class ListingSkill implements Skill {

    static final List<String> TONES = List.of("neutral", "friendly", "premium", "technical");

    private static final SkillSpec SPEC = SkillSpec.builder("listing")
            .title("Product listing")
            .description("Writes a marketplace-ready listing (title, bullet points, description, search terms) from "
                    + "attributes and photos, checked against the marketplace's rules and traced to the facts given.")
            .input(InputSpec.longText("attributes").label("Attributes")
                    .description("A JSON object of name → value ({\"Material\": \"Copper\"}), or free text with one "
                            + "'name: value' per line."))
            .input(InputSpec.text("brand").label("Brand"))
            .input(InputSpec.text("category").label("Category"))
            .input(InputSpec.files("photos").label("Product photos")
                    .description("Read by a vision model when one is configured, else by OCR (text on the packaging).")
                    .accept("image/jpeg", "image/png", "image/webp").maxFiles(6).maxBytes(15L * 1024 * 1024))
            .input(InputSpec.choice("marketplace", RulePacks.MARKETPLACES.toArray(String[]::new))
                    .label("Marketplace").defaultValue("amazon"))
            .input(InputSpec.text("language").label("Language")
                    .description("en or zh offline; any language the remote model writes. Empty: the marketplace's "
                            + "language (zh for taobao and jd, en otherwise)."))
            .input(InputSpec.choice("tone", TONES.toArray(String[]::new)).label("Tone").defaultValue("neutral"))
            .input(InputSpec.text("keywords").label("Must-include keywords").description("Comma-separated."))
            .input(InputSpec.longText("draft").label("Listing to check")
                    .description("Optional: your own or edited listing as JSON {\"title\", \"bullets\": [], "
                            + "\"description\", \"searchTerms\"}. It is checked against the marketplace's rules and "
                            + "traced to the attributes, and repaired, instead of a new listing being written."))
            .output(OutputSpec.result("title", "the title"))
            .output(OutputSpec.result("bullets", "the bullet points"))
            .output(OutputSpec.result("description", "the description (line breaks as \\n)"))
            .output(OutputSpec.result("searchTerms", "backend search terms"))
            .output(OutputSpec.result("compliance", "every rule: {rule, description, passed, fix}"))
            .output(OutputSpec.result("grounding", "every number, unit, material, size, count and code: "
                    + "{value, source, kept, field}"))
            .output(OutputSpec.result("engine", "what wrote the listing"))
            .output(OutputSpec.result("mode", "written (a new listing) or checked (the draft given, repaired)"))
            .uses(Capability.STRUCTURED_OUTPUT, Capability.VISION, Capability.OCR)
            .timeout(Duration.ofMinutes(3))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public ListingSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            String marketplace = input.text("marketplace").orElse("amazon");
            RulePack pack = RulePacks.forMarketplace(marketplace, context.settings());
            String language = language(input, pack);
            String tone = input.text("tone").orElse("neutral");
            ProductFacts facts = new ProductFacts(input.text("brand").orElse(""), input.text("category").orElse(""),
                    ProductFacts.parseAttributes(input.text("attributes").orElse("")),
                    ProductFacts.parseKeywords(input.text("keywords").orElse("")), List.of());
            List<Media> photos = input.files("photos");
            if (facts.isEmpty() && photos.isEmpty()) {
                throw new BadInputException("attributes", "give the product's attributes (or a brand, category, "
                        + "keywords or photos) to write a listing from");
            }
            Listing draft = draft(input.text("draft").orElse(""));
            ModelGateway models = context.models();
            boolean remote = draft == null && ListingEngine.remoteAvailable(models);
            List<String> photoEngines = new ArrayList<>();
            if (!photos.isEmpty()) {
                sink.next(SkillEvent.progress(10, "reading " + photos.size() + " photo(s)"));
                List<ProductFacts.PhotoText> texts = readPhotos(models, photos, photoEngines, sink::next);
                facts = facts.withPhotos(texts);
                if (facts.isEmpty()) {
                    throw new BadInputException("photos", "no text could be read from the photos; give attributes");
                }
            }
            context.cancellation().throwIfCancelled();
            sink.next(SkillEvent.progress(40, draft != null ? "checking your listing against the rules and the facts"
                    : remote ? "writing the listing with the remote model" : "composing the listing from the attributes"));
            ListingEngine.Outcome outcome = draft != null ? ListingEngine.check(draft, facts, pack, language)
                    : ListingEngine.write(facts, pack, language, tone, models, remote);
            outcome.warnings().forEach(w -> sink.next(SkillEvent.warning(w)));
            Map<String, Object> result = outcome.toResult(marketplace, language);
            result.put("mode", draft != null ? "checked" : "written");
            if (!photoEngines.isEmpty()) {
                result.put("engine", outcome.engine() + "; photos read by " + String.join(", ", photoEngines));
            }
            sink.next(SkillEvent.progress(100, outcome.complies() ? "listing complies with every " + marketplace + " rule"
                    : "listing written; some rules could not be met from this input"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /**
     * The {@code draft} input: a JSON object with {@code title}, {@code bullets} (a list of texts),
     * {@code description} and {@code searchTerms}, each optional but not all empty; null when not given.
     */
    static Listing draft(String text) {
        if (text.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = RulePacks.JSON.readTree(text);
        } catch (JacksonException e) {
            throw new BadInputException("draft", "draft must be a JSON object {title, bullets, description, "
                    + "searchTerms}; it cannot be read: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException("draft", "draft must be a JSON object {title, bullets, description, searchTerms}");
        }
        for (String name : node.propertyNames()) {
            if (!Listing.FIELDS.contains(name)) {
                throw new BadInputException("draft", "draft has an unknown field '" + name + "'; the fields are "
                        + String.join(", ", Listing.FIELDS));
            }
        }
        List<String> bullets = new ArrayList<>();
        JsonNode b = node.path("bullets");
        if (b.isArray()) {
            for (JsonNode x : b) {
                if (!x.isString()) {
                    throw new BadInputException("draft", "draft bullets must be a list of texts");
                }
                bullets.add(x.asString());
            }
        } else if (!b.isMissingNode() && !b.isNull()) {
            throw new BadInputException("draft", "draft bullets must be a list of texts");
        }
        Listing listing = new Listing(draftText(node, "title"), bullets, draftText(node, "description"),
                draftText(node, "searchTerms"));
        if (listing.title().isBlank() && listing.bullets().isEmpty() && listing.description().isBlank()
                && listing.searchTerms().isBlank()) {
            throw new BadInputException("draft", "draft is empty: give at least a title, a bullet, a description or search terms");
        }
        return listing;
    }

    private static String draftText(JsonNode node, String name) {
        JsonNode v = node.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (!v.isString()) {
            throw new BadInputException("draft", "draft " + name + " must be a text");
        }
        return v.asString();
    }

    static String language(SkillInput input, RulePack pack) {
        String l = input.text("language").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse("");
        if (l.isEmpty()) {
            return pack.language();
        }
        if (!l.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            throw new BadInputException("language", "language must be a code such as en or zh, got '" + l + "'");
        }
        return l.startsWith("zh") ? "zh" : l.startsWith("en") ? "en" : l;
    }

    /**
     * The text on each photo: by the vision model when it is remote, else by OCR (English and Chinese). A photo
     * nothing can read is skipped with a warning.
     */
    static List<ProductFacts.PhotoText> readPhotos(ModelGateway models, List<Media> photos, List<String> engines,
                                                   java.util.function.Consumer<SkillEvent> events) {
        List<ProductFacts.PhotoText> out = new ArrayList<>();
        if (models.isRemote(Capability.VISION)) {
            try {
                var answer = RemoteListing.readPhotos(models, photos);
                engines.add(RemoteListing.name(models.status(Capability.VISION).engine()));
                out.add(new ProductFacts.PhotoText(String.join(", ", photos.stream().map(Media::name).toList()),
                        answer, engines.get(engines.size() - 1)));
                return out;
            } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                events.accept(SkillEvent.warning("the vision model could not read the photos (" + e.getMessage()
                        + "); reading their text with OCR instead"));
            }
        }
        if (!models.isAvailable(Capability.OCR)) {
            events.accept(SkillEvent.warning("photos were not read: no vision model or OCR is available ("
                    + models.status(Capability.OCR).reason() + ")"));
            return out;
        }
        for (Media photo : photos) {
            OcrResult ocr = models.ocr(photo, List.of("eng", "chi_sim"));
            String engine = RemoteListing.name(ocr.engine());
            if (!engines.contains(engine)) {
                engines.add(engine);
            }
            // Words read with low confidence are noise on packaging photos; they would become false facts.
            StringBuilder text = new StringBuilder();
            for (OcrResult.Line line : ocr.lines()) {
                if (line.confidence() >= 60 && !line.text().isBlank()) {
                    text.append(line.text().strip()).append('\n');
                }
            }
            if (text.isEmpty()) {
                events.accept(SkillEvent.warning("no text could be read on " + photo.name()));
            } else {
                out.add(new ProductFacts.PhotoText(photo.name(), text.toString().strip(), engine));
            }
        }
        return out;
    }
}
