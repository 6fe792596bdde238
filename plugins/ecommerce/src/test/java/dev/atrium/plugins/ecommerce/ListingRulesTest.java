package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each Amazon rule with a listing that breaks it: the violation is found, then repaired. */
class ListingRulesTest {

    final ListingRules rules = new ListingRules(Products.amazon(), "Hearthwell");
    final Listing fallback = new ListingComposer(Products.amazon(), "en", "neutral").compose(Products.kettle());

    private ListingRules.Fixed fixed(Listing l) {
        ListingRules.Fixed f = rules.fix(l, fallback);
        assertThat(rules.check(f.listing())).as("violations left in %s", f.listing()).isEmpty();
        return f;
    }

    private List<String> broken(Listing l) {
        return rules.check(l).stream().map(ListingRules.Violation::rule).distinct().toList();
    }

    @Test
    void aCleanListingBreaksNoRule() {
        Listing l = Products.listing("Hearthwell Electric Kettle, Copper, 1.7 Liters", Products.fiveBullets(),
                "A copper kettle.", "tea kettle boiler");
        assertThat(rules.check(l)).isEmpty();
    }

    @Test
    void aTitleOver200CharactersIsCutAtAWordBoundary() {
        String title = "Hearthwell Electric Kettle with brushed copper finish, cordless base, boil-dry protection, "
                + "automatic shut-off, concealed heating element, removable limescale filter, illuminated water window, "
                + "cool-touch handle, wide opening for cleaning, cord storage under the base, quiet boiling";
        Listing l = Products.listing(title, Products.fiveBullets(), "", "");
        assertThat(broken(l)).contains("title-length");

        String cut = fixed(l).listing().title();
        assertThat(cut.length()).isLessThanOrEqualTo(200);
        assertThat(title).startsWith(cut);
        assertThat(Character.isLetterOrDigit(title.charAt(cut.length()))).as("cut inside a word").isFalse();
        assertThat(cut).doesNotEndWith(" and").doesNotEndWith(" with");
    }

    @Test
    void promotionalPhrasesAreDroppedEverywhere() {
        Listing l = Products.listing("Hearthwell Kettle Best Seller Free Shipping", Products.fiveBullets(),
                "100% guaranteed to boil. Copper body.", "kettle");
        assertThat(broken(l)).contains("banned-phrases");

        ListingRules.Fixed f = fixed(l);
        assertThat(f.listing().title()).isEqualTo("Hearthwell Kettle");
        assertThat(f.listing().description()).doesNotContainIgnoringCase("guaranteed").contains("Copper body.");
        assertThat(f.fixes().get("banned-phrases")).contains("best seller", "free shipping");
    }

    @Test
    void bannedCharactersAreRemoved() {
        Listing l = Products.listing("Hearthwell Kettle! {Copper} ^Fast_Boil¦ ¬ Why?", Products.fiveBullets(), "", "");
        assertThat(broken(l)).containsExactly("banned-chars");

        String title = fixed(l).listing().title();
        assertThat(title).isEqualTo("Hearthwell Kettle Copper Fast Boil Why");
        assertThat(title.chars().noneMatch(c -> "!$?_{}^¬¦".indexOf(c) >= 0)).isTrue();
    }

    @Test
    void aWordUsedThreeTimesIsCutToTwoButSmallWordsMayRepeat() {
        Listing l = Products.listing("Kettle for Tea, Kettle for Coffee, Kettle for the Office and the Home",
                Products.fiveBullets(), "", "");
        assertThat(broken(l)).containsExactly("word-repeats");

        String title = fixed(l).listing().title();
        assertThat(title.split("(?i)kettle", -1)).hasSize(3);
        assertThat(title).contains("for Tea", "for Coffee", "the Home");
    }

    @Test
    void wordsInCapitalsAreWrittenInTitleCaseButAcronymsAndCodesStay() {
        Listing l = Products.listing("Hearthwell AMAZING Kettle with USB Port, Model HK-200, NEW", Products.fiveBullets(),
                "", "");
        assertThat(rules.check(l)).extracting(ListingRules.Violation::detail)
                .anyMatch(d -> d.contains("AMAZING")).anyMatch(d -> d.contains("NEW"))
                .noneMatch(d -> d.contains("USB")).noneMatch(d -> d.contains("HK"));

        assertThat(fixed(l).listing().title()).isEqualTo("Hearthwell Amazing Kettle with USB Port, Model HK-200, New");
    }

    @Test
    void missingBulletsAreComposedFromTheAttributesAndExtraOnesDropped() {
        Listing few = Products.listing("Hearthwell Kettle", List.of("Copper body."), "", "");
        assertThat(broken(few)).containsExactly("bullet-count");
        assertThat(fixed(few).listing().bullets()).hasSize(5).startsWith("Copper body.");

        List<String> seven = List.of("a one", "b two", "c three", "d four", "e five", "f six", "g seven");
        assertThat(fixed(Products.listing("Hearthwell Kettle", seven, "", "")).listing().bullets())
                .containsExactlyElementsOf(seven.subList(0, 5));
    }

    @Test
    void contactDetailsPricesAndReviewsAreRemovedFromEveryField() {
        Listing l = Products.listing("Hearthwell Kettle $29.99 www.hearthwell.com",
                List.of("Copper body. Call 555-123-4567 for help.", "Rated 5 stars by 2,000 customers.",
                        "Write to help@hearthwell.com with questions.", "Capacity — 1.7 liters.", "Power — 1500 watts."),
                "Only $29.99 today. Visit https://hearthwell.com/kettle. Boils fast.", "kettle");
        assertThat(broken(l)).contains("no-urls", "no-emails", "no-phones", "no-prices", "no-reviews");

        Listing out = fixed(l).listing();
        String all = out.title() + "\n" + String.join("\n", out.bullets()) + "\n" + out.description();
        assertThat(all).doesNotContain("555", "29.99", "www.", "http", "@", "stars", "Rated");
        assertThat(out.title()).isEqualTo("Hearthwell Kettle");
        assertThat(out.bullets()).contains("Copper body.", "Capacity — 1.7 liters.").hasSize(5);
        assertThat(out.description()).isEqualTo("Boils fast.");
    }

    @Test
    void ratedPowerIsNotAReview() {
        Listing l = Products.listing("Hearthwell Kettle", Products.fiveBullets(), "Rated power 1500 watts.", "");
        assertThat(rules.check(l)).isEmpty();
    }

    @Test
    void descriptionKeepsLineBreaksButNoOtherHtml() {
        Listing l = Products.listing("Hearthwell Kettle", Products.fiveBullets(),
                "<p>Copper <b>body</b>.</p><br>Boils fast.<br/>Auto shut-off &amp; boil-dry protection.", "");
        assertThat(broken(l)).containsExactly("description-html");

        assertThat(fixed(l).listing().description())
                .isEqualTo("Copper body.\nBoils fast.\nAuto shut-off & boil-dry protection.");
    }

    @Test
    void searchTermsAreMeasuredInBytesNotCharacters() {
        // 194 characters but 255 bytes: accented and Chinese letters take 2 and 3 bytes in UTF-8.
        String terms = String.join(" ", java.util.Collections.nCopies(45, "thé")) + " 茶壶 水壶 电水壶 铜壶";
        assertThat(terms.length()).isLessThan(250);
        assertThat(terms.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(250);
        Listing l = Products.listing("Hearthwell Kettle", Products.fiveBullets(), "", terms);
        assertThat(broken(l)).containsExactly("search-terms-length");

        String out = fixed(l).listing().searchTerms();
        assertThat(out.getBytes(StandardCharsets.UTF_8).length).isLessThan(250);
        assertThat(terms).startsWith(out);
        assertThat(out).doesNotEndWith(" ");
    }

    @Test
    void theReportListsEveryRuleWithHowItWasFixed() {
        Listing l = Products.listing("Hearthwell Kettle Free Shipping", Products.fiveBullets(), "", "");
        ListingRules.Fixed f = rules.fix(l, fallback);
        List<ListingRules.Outcome> report = rules.report(f.listing(), f.fixes());
        assertThat(report).extracting(ListingRules.Outcome::rule).contains("title-length", "bullet-count",
                "search-terms-length", "banned-phrases", "banned-chars", "word-repeats", "all-caps", "no-urls",
                "no-emails", "no-phones", "no-prices", "no-reviews", "description-html");
        assertThat(report).allMatch(ListingRules.Outcome::passed);
        assertThat(report).filteredOn(o -> o.rule().equals("banned-phrases")).singleElement()
                .extracting(ListingRules.Outcome::fix).asString().contains("free shipping");
        assertThat(report).filteredOn(o -> o.rule().equals("title-length")).singleElement()
                .extracting(ListingRules.Outcome::fix).isNull();
    }
}
