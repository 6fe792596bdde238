package dev.atrium.plugins.ecommerce.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second, deliberately simple check of a listing's facts, independent of the plugin's own grounding code:
 * every number in the output must be a number of the input, every material word of a fixed list must be in
 * the input. It is stricter than the plugin about units it does not know and looser about units it ignores.
 */
final class ListingText {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final List<String> MATERIALS = List.of("copper", "steel", "stainless", "aluminum", "aluminium",
            "iron", "brass", "titanium", "plastic", "wood", "wooden", "bamboo", "glass", "ceramic", "cotton",
            "polyester", "nylon", "leather", "silk", "wool", "linen", "rubber", "silicone", "metal", "velvet", "paper");

    /**
     * The outcome.
     *
     * @param facts numbers and material words seen in the output
     * @param unsupported those not found in the input
     */
    record Check(int facts, List<String> unsupported) {
    }

    private ListingText() {
    }

    @SuppressWarnings("unchecked")
    static String all(Map<String, Object> result) {
        return result.get("title") + "\n" + String.join("\n", (List<String>) result.get("bullets")) + "\n"
                + result.get("description") + "\n" + result.get("searchTerms");
    }

    static Check check(String output, String brand, String category, Map<String, String> attributes) {
        StringBuilder input = new StringBuilder(brand).append('\n').append(category).append('\n');
        attributes.forEach((k, v) -> input.append(k).append(": ").append(v).append('\n'));
        String in = input.toString().toLowerCase(Locale.ROOT);
        Set<String> inputNumbers = numbers(in);
        int facts = 0;
        List<String> unsupported = new ArrayList<>();
        for (String n : numbers(output)) {
            facts++;
            if (!inputNumbers.contains(n)) {
                unsupported.add(n);
            }
        }
        String out = output.toLowerCase(Locale.ROOT);
        for (String m : MATERIALS) {
            if (Pattern.compile("\\b" + m + "\\b").matcher(out).find()) {
                facts++;
                if (!Pattern.compile("\\b" + m + "\\b").matcher(in).find()) {
                    unsupported.add(m);
                }
            }
        }
        return new Check(facts, unsupported);
    }

    private static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group();
            String plain = n.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?") ? n.replace(",", "") : n.replace(',', '.');
            try {
                out.add(new BigDecimal(plain).stripTrailingZeros().toPlainString());
            } catch (NumberFormatException e) {
                out.add(n);
            }
        }
        return out;
    }
}
