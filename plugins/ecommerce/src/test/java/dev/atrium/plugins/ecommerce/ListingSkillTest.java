package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listing skill end to end through the testkit: offline composition, the remote path and bad input. */
class ListingSkillTest {

    static SkillHarness kettle(ModelGateway models) {
        return SkillHarness.of(new ListingSkill()).models(models).pluginId("ecommerce")
                .value("attributes", Products.KETTLE_ATTRIBUTES).value("brand", "Hearthwell")
                .value("category", "Kitchen > Small Appliances").value("keywords", "tea kettle");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(SkillRun run, String field) {
        return (List<Map<String, Object>>) run.resultMap().get(field);
    }

    @SuppressWarnings("unchecked")
    static String allText(SkillRun run) {
        Map<String, Object> r = run.resultMap();
        return r.get("title") + "\n" + String.join("\n", (List<String>) r.get("bullets")) + "\n" + r.get("description")
                + "\n" + r.get("searchTerms");
    }

    @Test
    @SuppressWarnings("unchecked")
    void offlineAmazonListingIsComposedFromTheAttributesAndComplies() {
        SkillRun run = kettle(new FakeModelGateway()).value("marketplace", "amazon").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = run.resultMap();
        assertThat(r).containsEntry("engine", "embedded/listing-templates").containsEntry("complies", true);
        assertThat((String) r.get("title")).startsWith("Hearthwell Electric Kettle, ")
                .contains("1.7 liters", "1500 watts", ", Copper,", "Brushed Copper")
                .hasSizeLessThanOrEqualTo(200);
        assertThat((List<String>) r.get("bullets")).hasSize(5)
                .anySatisfy(b -> assertThat(b).contains("1.7 liters"))
                .anySatisfy(b -> assertThat(b).contains("1500 watts"));
        assertThat((String) r.get("description")).contains("Hearthwell Electric Kettle").contains("\n");
        assertThat(list(run, "compliance")).isNotEmpty().allSatisfy(c -> assertThat(c.get("passed")).isEqualTo(true));
        assertThat(list(run, "grounding")).isNotEmpty().allSatisfy(g -> {
            assertThat(g.get("kept")).isEqualTo(true);
            assertThat(g.get("source")).isNotNull();
        });
        assertThat(allText(run)).doesNotContainIgnoringCase("steel");
    }

    @Test
    void taobaoTitleIsChineseAndWithinSixtyUnitsWhereAChineseCharacterCountsTwo() {
        SkillRun run = kettle(new FakeModelGateway()).value("marketplace", "taobao").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        String title = (String) run.resultMap().get("title");
        assertThat(run.resultMap()).containsEntry("language", "zh").containsEntry("complies", true);
        assertThat(title).contains("Hearthwell").contains("铜");
        assertThat(TextMeasure.CJK_DOUBLE.length(title)).isLessThanOrEqualTo(60);
        assertThat(title.codePoints().anyMatch(TextMeasure::wide)).isTrue();
    }

    @Test
    void jdTitleFromChineseAttributesKeepsWithinNinetyUnits() {
        SkillRun run = SkillHarness.of(new ListingSkill()).models(new FakeModelGateway())
                .value("attributes", "产品类型：电热水壶\n材质：纯铜\n容量：1.7升\n功率：1500瓦\n颜色：古铜色\n"
                        + "特点：自动断电，防干烧，大容量，家用办公两用，304食品级内胆\n数量：2")
                .value("brand", "炉暖").value("marketplace", "jd").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        String title = (String) run.resultMap().get("title");
        assertThat(title).startsWith("炉暖 电热水壶 ").contains("纯铜", "1.7升", "古铜色", "2件装");
        assertThat(TextMeasure.CJK_DOUBLE.length(title)).isLessThanOrEqualTo(90);
        assertThat(run.resultMap()).containsEntry("complies", true);
    }

    @Test
    void aRemoteModelThatInventsASpecHasItRemovedAndReported() {
        ListingDraft invented = new ListingDraft("Hearthwell Electric Kettle, Copper, 1.7 Liters, 2000W",
                List.of("Copper body.", "Capacity — 1.7 liters.", "Power — 1500 watts; lid of stainless steel.",
                        "Boils in 3 minutes.", "In the package — kettle and power base."),
                "A copper kettle with a stainless steel lid.", "tea kettle boiler");
        FakeModelGateway models = new FakeModelGateway().onStructuredSequence(invented);

        SkillRun run = kettle(models).value("marketplace", "amazon").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("engine", "fake/fake-model").containsEntry("complies", true);
        assertThat(allText(run)).doesNotContain("2000", "3 minutes").doesNotContainIgnoringCase("steel");
        assertThat(list(run, "grounding")).filteredOn(g -> g.get("kept").equals(false))
                .extracting(g -> g.get("value")).contains("2000W", "3 minutes", "stainless steel");
        assertThat(run.warnings()).anyMatch(w -> w.contains("not found in the input were removed"));
        // The model was told once, with the list, and its second answer (the same) was repaired.
        assertThat(structuredRequests(models)).hasSize(2);
        ChatMessage feedback = structuredRequests(models).get(1).messages().get(3);
        assertThat(feedback.text()).contains("\"2000W\" in the title is not among the facts");
    }

    @Test
    void aRemoteModelThatBreaksRulesTwiceStillYieldsACompliantListing() {
        ListingDraft bad = new ListingDraft("HEARTHWELL Kettle Best Seller! Kettle Kettle Kettle, Free Shipping "
                + "copper kettle for tea and coffee, brushed copper finish, cordless 360 degree power base, 1.7 liters, "
                + "1500 watts, auto shut-off, boil-dry protection, cool-touch handle and more features",
                List.of("Copper.", "1.7 liters.", "1500 watts.", "Auto shut-off.", "Base.", "Rated 4.8 out of 5.",
                        "Call 555-123-4567."),
                "<h1>Great kettle</h1> Visit www.hearthwell.com for $39.99!", "tea kettle");
        FakeModelGateway models = new FakeModelGateway().onStructuredSequence(bad, bad);

        SkillRun run = kettle(models).value("marketplace", "amazon").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("complies", true);
        assertThat(structuredRequests(models)).hasSize(2);
        List<Map<String, Object>> compliance = list(run, "compliance");
        assertThat(compliance).allSatisfy(c -> assertThat(c.get("passed")).isEqualTo(true));
        for (String rule : List.of("title-length", "banned-phrases", "banned-chars", "word-repeats", "all-caps",
                "bullet-count", "description-html", "no-urls", "no-prices", "no-phones", "no-reviews")) {
            assertThat(compliance).filteredOn(c -> c.get("rule").equals(rule)).singleElement()
                    .satisfies(c -> assertThat((String) c.get("fix")).as(rule).isNotBlank()
                            .doesNotContain("rewritten by the model"));
        }
        String title = (String) run.resultMap().get("title");
        assertThat(title).hasSizeLessThanOrEqualTo(200).doesNotContain("!", "Best Seller", "HEARTHWELL");
        assertThat(allText(run)).doesNotContain("555", "39.99", "www.", "<h1>", "4.8");
        assertThat(title.split("(?i)\\bkettle\\b", -1).length - 1).isLessThanOrEqualTo(2);
    }

    @Test
    void aModelThatMendsItsDraftAfterFeedbackIsCreditedInTheReport() {
        ListingDraft first = new ListingDraft("Hearthwell Electric Kettle Best Seller", Products.fiveBullets(),
                "A copper kettle.", "tea kettle");
        ListingDraft second = new ListingDraft("Hearthwell Electric Kettle, Copper", Products.fiveBullets(),
                "A copper kettle.", "tea kettle");
        FakeModelGateway models = new FakeModelGateway().onStructuredSequence(first, second);

        SkillRun run = kettle(models).run();

        assertThat(run.resultMap()).containsEntry("title", "Hearthwell Electric Kettle, Copper");
        assertThat(list(run, "compliance")).filteredOn(c -> c.get("rule").equals("banned-phrases")).singleElement()
                .satisfies(c -> assertThat(c.get("fix")).isEqualTo("rewritten by the model after the violations were sent back"));
        assertThat(structuredRequests(models).get(1).messages().get(3).text()).contains("promotional phrase \"best seller\"");
    }

    @Test
    void theTenantsRulePackOverrideApplies() {
        SkillRun run = kettle(new FakeModelGateway())
                .setting("rulePacks", "{\"amazon\": {\"title\": {\"maxLength\": 40}, \"bannedPhrases\": [\"tea kettle\"]}}")
                .run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat((String) run.resultMap().get("title")).hasSizeLessThanOrEqualTo(40);
        assertThat(allText(run)).doesNotContainIgnoringCase("tea kettle");
        assertThat(list(run, "compliance")).filteredOn(c -> c.get("rule").equals("title-length")).singleElement()
                .satisfies(c -> assertThat(c.get("description")).isEqualTo("title at most 40 characters"));
    }

    @Test
    void packagingTextReadByOcrBecomesAFactWithThePhotoAsSource() {
        FakeModelGateway models = new FakeModelGateway().onOcr("HEARTHWELL\nMaterial: Copper\nNET CAPACITY 1.7 L")
                .engine(Capability.OCR, Engine.embedded("tesseract-5"));

        SkillRun run = SkillHarness.of(new ListingSkill()).models(models).value("brand", "Hearthwell")
                .value("attributes", "Product Type: Kettle")
                .file("photos", Media.of("box.png", "image/png", new byte[] {1, 2, 3})).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat((String) run.resultMap().get("engine"))
                .isEqualTo("embedded/listing-templates; photos read by embedded/tesseract-5");
        assertThat(allText(run)).contains("Copper").contains("1.7 L");
        assertThat(list(run, "grounding")).anySatisfy(g -> assertThat((String) g.get("source")).contains("photo box.png"));
    }

    @Test
    void aRemoteVisionModelReadsThePhotosAndTheirFactsAreTracedToThem() {
        ListingDraft draft = new ListingDraft("Hearthwell Kettle, Copper, 1.7 L, 1500 W", Products.fiveBullets(),
                "A copper kettle.", "tea kettle");
        FakeModelGateway fake = new FakeModelGateway().onChat("Material: Copper\nCapacity: 1.7 L\nPower: 1500 W");
        FakeModelGateway models = fake.onStructuredSequence(draft);

        SkillRun run = SkillHarness.of(new ListingSkill()).models(models).value("brand", "Hearthwell")
                .file("photos", Media.of("box.jpg", "image/jpeg", new byte[] {1, 2, 3})).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(fake.chatRequests().get(0).hasImages()).isTrue();
        assertThat((String) run.resultMap().get("engine")).isEqualTo("fake/fake-model; photos read by fake/fake-model");
        assertThat((String) run.resultMap().get("title")).isEqualTo("Hearthwell Kettle, Copper, 1.7 L, 1500 W");
        assertThat(list(run, "grounding")).filteredOn(g -> g.get("value").equals("1.7 L")).singleElement()
                .satisfies(g -> assertThat((String) g.get("source")).contains("photo box.jpg"));
        assertThat(structuredRequests(models).get(0).messages().get(1).text()).contains("Capacity: 1.7 L");
    }

    @Test
    void nothingToWriteFromIsABadInputNamingAttributes() {
        SkillRun run = SkillHarness.of(new ListingSkill()).models(new FakeModelGateway()).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class);
        assertThat(((BadInputException) run.error().get()).input()).contains("attributes");
    }

    @Test
    void brokenJsonAttributesAndABrokenOverrideAreBadInput() {
        SkillRun json = SkillHarness.of(new ListingSkill()).models(new FakeModelGateway())
                .value("attributes", "{\"Material\": \"Copper\"").run();
        assertThat(json.error()).get().isInstanceOf(BadInputException.class);

        SkillRun override = kettle(new FakeModelGateway())
                .setting("rulePacks", "{\"amazon\": {\"title\": {\"maxLenght\": 40}}}").run();
        assertThat(override.error()).get().isInstanceOf(BadInputException.class)
                .extracting(Throwable::getMessage).asString().contains("rulePacks");
    }

    @Test
    void aLanguageTheOfflineComposerCannotWriteNeedsARemoteModel() {
        SkillRun run = kettle(new FakeModelGateway()).value("language", "de").run();
        assertThat(run.error()).get().isInstanceOf(CapabilityUnavailableException.class)
                .extracting(Throwable::getMessage).asString().contains("remote model");
    }

    @Test
    void everyMarketplaceGivesACompliantListingOffline() {
        List<String> failures = new ArrayList<>();
        for (String marketplace : RulePacks.MARKETPLACES) {
            SkillRun run = kettle(new FakeModelGateway()).value("marketplace", marketplace).run();
            if (!run.succeeded() || !Boolean.TRUE.equals(run.resultMap().get("complies"))) {
                failures.add(marketplace + ": " + (run.succeeded() ? list(run, "compliance") : run.toString()));
            }
        }
        assertThat(failures).isEqualTo(Collections.emptyList());
    }

    /** The structured calls the skill made, in order (each is one draft request or one feedback round). */
    private static List<ChatRequest> structuredRequests(FakeModelGateway models) {
        return models.requests(FakeModelGateway.Operation.STRUCTURED).stream()
                .map(request -> (ChatRequest) request.payload()).toList();
    }
}
