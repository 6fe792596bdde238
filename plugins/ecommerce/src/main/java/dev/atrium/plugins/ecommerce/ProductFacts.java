package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What the seller told us about one product: the only facts a listing may state. Every attribute keeps where it
 * came from (the attributes input, the packaging text of a photo), so the grounding report can cite it.
 *
 * @param brand brand, may be empty
 * @param category category, may be empty
 * @param attributes name/value pairs in the order given
 * @param keywords must-include keywords
 * @param photoTexts text read from the product photos, one entry per photo
 */
record ProductFacts(String brand, String category, List<Attribute> attributes, List<String> keywords,
                    List<PhotoText> photoTexts) {

    ProductFacts {
        brand = brand == null ? "" : brand.strip();
        category = category == null ? "" : category.strip();
        attributes = List.copyOf(attributes);
        keywords = List.copyOf(keywords);
        photoTexts = photoTexts == null ? List.of() : List.copyOf(photoTexts);
    }

    /**
     * One attribute.
     *
     * @param name attribute name, such as {@code Material}
     * @param value its value, such as {@code Copper}
     * @param source where it came from, such as {@code attributes} or {@code photo box.jpg}
     */
    record Attribute(String name, String value, String source) {
    }

    /**
     * Text read from one photo.
     *
     * @param photo the photo's file name
     * @param text what was read
     * @param engine what read it
     */
    record PhotoText(String photo, String text, String engine) {
    }

    /** These facts plus the photos' text. */
    ProductFacts withPhotos(List<PhotoText> photos) {
        List<Attribute> all = new ArrayList<>(attributes);
        for (PhotoText photo : photos) {
            all.addAll(attributesFromPackaging(photo));
        }
        return new ProductFacts(brand, category, all, keywords, photos);
    }

    /** The value of the first attribute whose name matches one of the names (case-insensitive, contains). */
    String value(String... names) {
        for (String wanted : names) {
            for (Attribute a : attributes) {
                if (a.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                    return a.value();
                }
            }
        }
        return null;
    }

    /** Whether the seller gave anything to write a listing from. */
    boolean isEmpty() {
        return brand.isEmpty() && category.isEmpty() && attributes.isEmpty() && keywords.isEmpty();
    }

    /**
     * Parses the {@code attributes} input: a JSON object of name to value (arrays joined with commas, nested
     * objects flattened as {@code outer inner}), or free text with one {@code name: value} per line or per
     * {@code ;}-separated part; text that is not a pair becomes a {@code Details} attribute.
     */
    static List<Attribute> parseAttributes(String raw) {
        List<Attribute> out = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        String text = raw.strip();
        if (text.startsWith("{")) {
            JsonNode node;
            try {
                node = RulePacks.JSON.readTree(text);
            } catch (JacksonException e) {
                throw new BadInputException("attributes", "attributes look like JSON but cannot be read: "
                        + e.getOriginalMessage(), e);
            }
            flatten("", node, out);
            return out;
        }
        for (String part : text.split("\\R|;|；")) {
            String p = part.strip().replaceFirst("^[-*•·]\\s*", "");
            if (p.isEmpty()) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([^:：=]{1,60})[:：=]\\s*(.+)$").matcher(p);
            if (m.matches() && !m.group(2).isBlank()) {
                out.add(new Attribute(m.group(1).strip(), m.group(2).strip(), "attributes"));
            } else {
                out.add(new Attribute("Details", p, "attributes"));
            }
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<Attribute> out) {
        if (!node.isObject()) {
            throw new BadInputException("attributes", "attributes must be a JSON object of name to value");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(name, v, out);
            } else if (v.isArray()) {
                List<String> parts = new ArrayList<>();
                v.forEach(x -> parts.add(x.isValueNode() ? x.asString() : x.toString()));
                if (!parts.isEmpty()) {
                    out.add(new Attribute(name, String.join(", ", parts), "attributes"));
                }
            } else if (!v.isNull() && !v.asString().isBlank()) {
                out.add(new Attribute(name, v.asString().strip(), "attributes"));
            }
        }
    }

    /** Parses comma-separated keywords, without repeats. */
    static List<String> parseKeywords(String raw) {
        Set<String> out = new LinkedHashSet<>();
        if (raw != null) {
            for (String k : raw.split("[,，;；\\n]")) {
                if (!k.isBlank()) {
                    out.add(k.strip());
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * Attributes a packaging photo states plainly: {@code Name: value} lines and lines with a quantity such as
     * {@code NET WT 12 OZ (340 g)}; the rest stays available to grounding only.
     */
    static List<Attribute> attributesFromPackaging(PhotoText photo) {
        List<Attribute> out = new ArrayList<>();
        String source = "photo " + photo.photo();
        for (String line : photo.text().split("\\R")) {
            String l = line.strip();
            if (l.length() < 3 || l.length() > 120) {
                continue;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([\\p{L} ]{2,30})[:：]\\s*(.+)$").matcher(l);
            if (m.matches()) {
                out.add(new Attribute(m.group(1).strip(), m.group(2).strip(), source));
            } else if (!Facts.extract(l).stream().filter(f -> f.kind() == Facts.Kind.QUANTITY && f.unit() != null)
                    .toList().isEmpty()) {
                out.add(new Attribute("Packaging", l, source));
            }
        }
        return out;
    }
}
