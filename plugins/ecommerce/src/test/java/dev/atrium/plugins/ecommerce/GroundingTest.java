package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts in a listing are traced to the input; what cannot be traced is removed and reported. */
class GroundingTest {

    final Grounding grounding = new Grounding(Products.kettle());

    @Test
    void anInventedNumberIsRemovedWithItsClauseAndReported() {
        Listing l = Products.listing("Hearthwell Electric Kettle, 1.7 Liters, 2000W",
                List.of("Power — 1500 watts; boils in 3 minutes.", "Capacity — 1.7 liters."),
                "A copper kettle. Holds 12 cups. Weighs 2.4 pounds.", "kettle");
        Grounding.Result r = grounding.apply(l);

        assertThat(r.listing().title()).isEqualTo("Hearthwell Electric Kettle, 1.7 Liters");
        assertThat(r.listing().bullets()).containsExactly("Power — 1500 watts", "Capacity — 1.7 liters.");
        assertThat(r.listing().description()).isEqualTo("A copper kettle. Weighs 2.4 pounds.");
        assertThat(r.entries()).filteredOn(e -> !e.kept()).extracting(Grounding.Entry::value)
                .containsExactlyInAnyOrder("2000W", "3 minutes", "12");
        assertThat(r.entries()).filteredOn(Grounding.Entry::kept)
                .anySatisfy(e -> assertThat(e.value()).isEqualTo("1500 watts"))
                .anySatisfy(e -> assertThat(e.source()).isEqualTo("attribute Capacity"));
    }

    @Test
    void copperNeverBecomesSteel() {
        Listing l = Products.listing("Hearthwell Stainless Steel Kettle", List.of("Body — copper. Lid — steel."),
                "Made of copper.", "");
        Grounding.Result r = grounding.apply(l);

        String all = r.listing().title() + r.listing().bullets() + r.listing().description();
        assertThat(all).doesNotContainIgnoringCase("steel").contains("copper");
        assertThat(r.entries()).filteredOn(e -> e.value().equalsIgnoreCase("copper")).allMatch(Grounding.Entry::kept)
                .first().extracting(Grounding.Entry::source).isEqualTo("attribute Material");
        assertThat(r.entries()).filteredOn(e -> !e.kept()).extracting(Grounding.Entry::value)
                .contains("Stainless Steel", "steel");
    }

    @Test
    void aConvertedUnitIsNotTraced() {
        // 2.4 pounds is about 1.09 kg, but the seller did not say so: a conversion could be wrong, so it goes.
        Grounding.Result r = grounding.apply(Products.listing("Hearthwell Kettle 1.09 kg, 2.4 kg", List.of(), "", ""));
        assertThat(r.listing().title()).isEqualTo("Hearthwell Kettle");
        assertThat(r.removed()).isEqualTo(2);
    }

    @Test
    void dimensionsAndChineseUnitsAreTracedLikeTheirEnglishForms() {
        ProductFacts box = new ProductFacts("Boxly", "", ProductFacts.parseAttributes(
                "Product Dimensions: 6.18 x 1.46 x 2.17 inches\nItem Weight: 5.2 ounces\nSize: XL"), List.of(), List.of());
        Grounding g = new Grounding(box);
        Grounding.Result r = g.apply(Products.listing("Boxly 6.18 x 1.46 x 2.17 in, XL, 重量5.2盎司", List.of(), "", ""));
        assertThat(r.removed()).isZero();
        assertThat(r.listing().title()).isEqualTo("Boxly 6.18 x 1.46 x 2.17 in, XL, 重量5.2盎司");
        assertThat(g.apply(Products.listing("Boxly 6.18 x 1.5 x 2.17 in, XXL", List.of(), "", "")).removed()).isEqualTo(2);
    }
}
