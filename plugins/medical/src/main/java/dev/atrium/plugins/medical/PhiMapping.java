package dev.atrium.plugins.medical;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of one run and the values they stand for. It never leaves the run: what goes to a model
 * carries the placeholders, and {@link #reidentify} puts the values back only into what the clinician sees.
 * The same value (ignoring case and spacing) always gets the same placeholder, so the model can still tell that
 * two mentions are the same person or the same day.
 */
final class PhiMapping {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Z]+)_(\\d+)]");

    private final Map<String, String> placeholderByValue = new LinkedHashMap<>();
    private final Map<String, String> valueByPlaceholder = new LinkedHashMap<>();
    private final Map<PhiType, Integer> counters = new EnumMap<>(PhiType.class);
    private final Map<PhiType, Integer> replaced = new EnumMap<>(PhiType.class);

    /** The placeholder of the value, created on first sight. */
    synchronized String placeholder(PhiType type, String value) {
        String key = type + "|" + normalise(value);
        String existing = placeholderByValue.get(key);
        replaced.merge(type, 1, Integer::sum);
        if (existing != null) {
            return existing;
        }
        int n = counters.merge(type, 1, Integer::sum);
        String placeholder = type.placeholder(n);
        placeholderByValue.put(key, placeholder);
        valueByPlaceholder.put(placeholder, value);
        return placeholder;
    }

    /** Records a replacement that is not a placeholder (a shifted date, an age group) for the counts. */
    synchronized void count(PhiType type) {
        replaced.merge(type, 1, Integer::sum);
    }

    /** The text with every known placeholder replaced by the value it stands for. */
    synchronized String reidentify(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = valueByPlaceholder.get(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** How many identifiers of each type were replaced, by type name. */
    synchronized Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        replaced.forEach((type, n) -> out.put(type.name(), n));
        return out;
    }

    /** Every original value, for leak checks. */
    synchronized java.util.Collection<String> values() {
        return java.util.List.copyOf(valueByPlaceholder.values());
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
