package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillRun;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listing skill given the user's own (edited) listing as {@code draft}: checked and repaired, not rewritten. */
class ListingDraftCheckTest {

    /** 246 characters but 256 bytes in UTF-8: within a 249-character limit, over Amazon's 249 bytes. */
    static final String LONG_TERMS = "tea kettle boiler teapot gooseneck pourover cordless stovetop matcha oolong tisane thé "
            + "café crème brûlée décor soirée rosé frappé glacé herbal infusion gift wedding registry vintage farmhouse "
            + "rustic countertop bistro ritual hygge heirloom barista";

    static String draft(String title, List<String> bullets, String description, String searchTerms) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("title", title);
        d.put("bullets", bullets);
        d.put("description", description);
        d.put("searchTerms", searchTerms);
        return RulePacks.JSON.writeValueAsString(d);
    }

    static SkillRun check(String draft) {
        return ListingSkillTest.kettle(new FakeModelGateway()).value("marketplace", "amazon").value("draft", draft).run();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditedDraftWithAPromotionAndTooManySearchTermBytesComesBackCompliantWithTheFixesListed() {
        assertThat(LONG_TERMS.length()).isLessThan(250);
        assertThat(LONG_TERMS.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(249);

        SkillRun run = check(draft("Hearthwell Copper Tea Kettle for Loose Leaf Tea, Free shipping!",
                Products.fiveBullets(), "A copper kettle for the morning pot of tea.", LONG_TERMS));

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = run.resultMap();
        assertThat(r).containsEntry("mode", "checked").containsEntry("engine", "embedded/listing-rules")
                .containsEntry("complies", true);
        // The user's listing, repaired — not a newly composed one.
        assertThat((String) r.get("title")).startsWith("Hearthwell Copper Tea Kettle for Loose Leaf Tea")
                .doesNotContainIgnoringCase("free shipping").doesNotContain("!");
        assertThat((List<String>) r.get("bullets")).isEqualTo(Products.fiveBullets());
        assertThat((String) r.get("description")).isEqualTo("A copper kettle for the morning pot of tea.");
        String terms = (String) r.get("searchTerms");
        assertThat(terms.getBytes(StandardCharsets.UTF_8).length).isLessThan(250);
        assertThat(terms).startsWith("tea kettle boiler");
        assertThat(LONG_TERMS).startsWith(terms);

        List<Map<String, Object>> compliance = ListingSkillTest.list(run, "compliance");
        assertThat(compliance).allSatisfy(c -> assertThat(c.get("passed")).isEqualTo(true));
        assertThat(compliance).filteredOn(c -> c.get("fix") != null).extracting(c -> c.get("rule"))
                .contains("banned-phrases", "banned-chars", "search-terms-length");
        assertThat(compliance).filteredOn(c -> "title-length".equals(c.get("rule")))
                .singleElement().satisfies(c -> assertThat(c.get("fix")).isNull());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftSayingSteelWhenTheAttributesSayCopperHasTheSteelRemovedAndReported() {
        List<String> bullets = List.of("Body — stainless steel.", "Capacity — 1.7 liters.", "Power — 1500 watts.",
                "Safety — auto shut-off.", "In the package — kettle and power base.");
        SkillRun run = check(draft("Hearthwell Steel Electric Kettle, 1.7 liters", bullets,
                "A kettle with a stainless steel body. It boils quickly.", "tea kettle"));

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = run.resultMap();
        assertThat(r).containsEntry("mode", "checked");
        String all = ListingSkillTest.allText(run);
        assertThat(all).doesNotContainIgnoringCase("steel").contains("1.7 liters", "1500 watts");
        assertThat(ListingSkillTest.list(run, "grounding")).filteredOn(g -> Boolean.FALSE.equals(g.get("kept")))
                .extracting(g -> ((String) g.get("value")).toLowerCase()).anySatisfy(v -> assertThat(v).contains("steel"));
        assertThat(run.warnings()).anySatisfy(w -> assertThat(w).containsIgnoringCase("steel"));
        assertThat((String) r.get("description")).contains("It boils quickly.");
    }

    @Test
    void withoutADraftTheListingIsWrittenAndSaysSo() {
        SkillRun run = ListingSkillTest.kettle(new FakeModelGateway()).run();
        assertThat(run.resultMap()).containsEntry("mode", "written").containsEntry("engine", "embedded/listing-templates");
    }

    @Test
    void aDraftThatIsNotAListingIsABadInputNamingTheDraft() {
        for (String bad : List.of("{\"title\": \"Kettle\"", "[\"Kettle\"]", "{\"headline\": \"Kettle\"}",
                "{\"bullets\": \"one bullet\"}", "{\"title\": \"\", \"bullets\": []}")) {
            SkillRun run = check(bad);
            assertThat(run.error()).as(bad).get().isInstanceOf(BadInputException.class);
            assertThat(((BadInputException) run.error().orElseThrow()).input()).as(bad).contains("draft");
        }
    }
}
