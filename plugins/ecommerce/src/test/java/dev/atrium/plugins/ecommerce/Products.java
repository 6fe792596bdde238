package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.PluginSettings;
import java.util.List;
import java.util.Map;

/** Products made up for the tests. */
final class Products {

    static final String KETTLE_ATTRIBUTES = """
            {"Product Type": "Electric Kettle", "Material": "Copper", "Capacity": "1.7 liters", "Power": "1500 watts",
             "Color": "Brushed Copper", "Item Weight": "2.4 pounds", "Number of Items": "1",
             "Special Feature": "Auto shut-off, boil-dry protection", "Included Components": "Kettle, power base",
             "Care Instructions": "Wipe clean with a damp cloth"}""";

    private Products() {
    }

    static ProductFacts kettle() {
        return new ProductFacts("Hearthwell", "Kitchen > Small Appliances", ProductFacts.parseAttributes(KETTLE_ATTRIBUTES),
                List.of("tea kettle"), List.of());
    }

    static RulePack amazon() {
        return RulePacks.forMarketplace("amazon", PluginSettings.of(Map.of()));
    }

    static RulePack pack(String marketplace) {
        return RulePacks.forMarketplace(marketplace, PluginSettings.of(Map.of()));
    }

    static Listing listing(String title, List<String> bullets, String description, String searchTerms) {
        return new Listing(title, bullets, description, searchTerms);
    }

    static List<String> fiveBullets() {
        return List.of("Material — Copper body.", "Capacity — 1.7 liters.", "Power — 1500 watts.",
                "Safety — auto shut-off.", "In the package — kettle and power base.");
    }
}
