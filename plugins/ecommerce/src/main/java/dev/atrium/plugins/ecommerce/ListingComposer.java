package dev.atrium.plugins.ecommerce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline listing: composed from the seller's facts alone, so everything it states is traceable. The title
 * is keyword-ordered (brand, product type, key attributes, size and colour, quantity) and grown segment by
 * segment while it fits; bullet points are attribute groups (material, size and weight, performance, colour
 * and style, what is in the package, care, other); the description is the bullets as prose under a line set by
 * the tone; search terms are the keywords and attribute words the title lacks. Chinese listings translate
 * attribute names and common values with a small dictionary; words it lacks are kept as given.
 */
final class ListingComposer {

    /** Attributes that are not product facts a shopper needs, or that a marketplace forbids (ranks, reviews). */
    private static final Pattern SKIPPED = Pattern.compile("(?i)^(asin|upc|ean|gtin|isbn|sku|date first available|"
            + "best sellers? rank|customer reviews?|ratings?|price|list price|url|link|is discontinued.*|brand|brand name|"
            + "品牌|价格)$");

    private record Group(String key, String en, String zh, Pattern names) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("material", "Material", "材质", Pattern.compile("(?i)material|fabric|metal|finish|construction|材质|面料|材料")),
            new Group("size", "Size and weight", "尺寸重量", Pattern.compile(
                    "(?i)dimension|size|weight|length|width|height|depth|diameter|capacity|volume|尺寸|重量|容量|规格|长度")),
            new Group("performance", "Performance", "性能", Pattern.compile("(?i)power|watt|volt|battery|speed|connect|"
                    + "compatib|output|input|resolution|memory|storage|feature|function|sheet capacity|功率|电压|功能|特点|电池")),
            new Group("style", "Colour and style", "颜色款式", Pattern.compile(
                    "(?i)colou?r|style|pattern|design|shape|theme|颜色|风格|款式|图案")),
            new Group("package", "In the package", "包装清单", Pattern.compile(
                    "(?i)number of|count|quantity|pack|pieces|included|components|contents|in the box|数量|件数|包装|配件")),
            new Group("care", "Care and use", "使用保养", Pattern.compile("(?i)care|wash|clean|usage|\\buse|recommended|洗涤|使用|保养")),
            new Group("other", "Details", "其他信息", Pattern.compile(".*")));

    /** Specification attributes a title names, with the word that follows the value (empty: the value alone). */
    private static final Map<String, String> SPECS = Map.ofEntries(
            Map.entry("screen size", "Screen"), Map.entry("display size", "Screen"),
            Map.entry("standing screen display size", "Screen"), Map.entry("cpu model", ""),
            Map.entry("processor", ""), Map.entry("ram", "RAM"), Map.entry("ram memory installed size", "RAM"),
            Map.entry("hard disk size", "Storage"), Map.entry("storage capacity", "Storage"),
            Map.entry("capacity", "Capacity"), Map.entry("sheet capacity", "Sheet Capacity"),
            Map.entry("power", ""), Map.entry("wattage", ""), Map.entry("page yield", "Page Yield"),
            Map.entry("max screen resolution", ""), Map.entry("operating system", ""),
            Map.entry("容量", ""), Map.entry("功率", ""));

    private final RulePack pack;
    private final boolean chinese;
    private final String tone;

    ListingComposer(RulePack pack, String language, String tone) {
        this.pack = pack;
        this.chinese = "zh".equals(language);
        this.tone = tone == null ? "neutral" : tone;
    }

    Listing compose(ProductFacts facts) {
        Map<String, List<ProductFacts.Attribute>> groups = group(facts);
        String type = productType(facts);
        String title = title(facts, type);
        List<String> bullets = bullets(facts, groups);
        String description = description(facts, type, bullets);
        String searchTerms = searchTerms(facts, type, title);
        return new Listing(title, bullets, description, searchTerms);
    }

    private Map<String, List<ProductFacts.Attribute>> group(ProductFacts facts) {
        Map<String, List<ProductFacts.Attribute>> groups = new LinkedHashMap<>();
        GROUPS.forEach(g -> groups.put(g.key(), new ArrayList<>()));
        for (ProductFacts.Attribute a : facts.attributes()) {
            if (SKIPPED.matcher(a.name().strip()).matches() || a.value().isBlank()) {
                continue;
            }
            for (Group g : GROUPS) {
                if (g.names().matcher(a.name()).find()) {
                    groups.get(g.key()).add(a);
                    break;
                }
            }
        }
        return groups;
    }

    // ---- title -----------------------------------------------------------------------------------------

    private String productType(ProductFacts facts) {
        String type = firstValue(facts, "product type", "item type", "type", "item name", "product name", "product",
                "产品类型", "品名", "商品名称", "类型");
        if (type == null && !facts.keywords().isEmpty()) {
            type = facts.keywords().get(0);
        }
        if (type == null && !facts.category().isEmpty()) {
            String c = facts.category().replace('_', ' ').replaceAll("\\s*[>/|]\\s*", " > ");
            String[] path = c.split(" > ");
            type = titleCase(path[path.length - 1].strip());
        }
        if (type != null && !chinese && type.equals(type.toLowerCase(Locale.ROOT))) {
            type = titleCase(type);
        }
        return type == null ? "" : (chinese ? Chinese.translate(type) : type);
    }

    private String title(ProductFacts facts, String type) {
        List<String> segments = new ArrayList<>();
        String head = String.join(" ", nonEmpty(facts.brand(), type));
        if (!head.isEmpty()) {
            segments.add(head);
        }
        // Key specifications, written the way shoppers search them ("15.6 Inches Screen", "1000 Staples").
        for (ProductFacts.Attribute a : facts.attributes()) {
            String name = a.name().strip().toLowerCase(Locale.ROOT);
            String v = a.value().strip();
            String label = SPECS.get(name);
            if (label != null && v.length() <= 30) {
                addValue(segments, label.isEmpty() ? v : v + " " + (chinese ? Chinese.translate(label) : label));
            } else if (name.startsWith("number of ") && v.matches("\\d+") && !name.equals("number of items")
                    && !name.equals("number of pieces")) {
                addValue(segments, v + " " + titleCase(a.name().strip().substring("number of ".length())));
            }
        }
        String material = firstValue(facts, "material", "material type", "fabric type", "material composition", "材质", "面料");
        addValue(segments, material);
        String features = firstValue(facts, "special feature", "feature", "features", "特点", "功能");
        if (features != null) {
            int kept = 0;
            for (String f : features.split("[,，;；、]")) {
                if (!f.isBlank() && f.strip().length() <= 30 && kept < 3) {
                    addValue(segments, f.strip());
                    kept++;
                }
            }
        }
        addValue(segments, firstValue(facts, "style", "pattern", "风格", "款式"));
        String size = firstValue(facts, "size", "尺码", "尺寸");
        if (size != null && size.length() <= 30) {
            addValue(segments, size);
        }
        addValue(segments, firstValue(facts, "color", "colour", "color name", "颜色"));
        String count = firstValue(facts, "number of items", "unit count", "item package quantity", "package quantity",
                "quantity", "pack size", "count", "数量", "件数");
        if (count != null) {
            String n = count.strip();
            if (n.matches("\\d+")) {
                String pack = chinese ? n + "件装" : "Pack of " + n;
                if (Integer.parseInt(n) > 1 && !String.join(" ", segments).toLowerCase(Locale.ROOT)
                        .contains(pack.toLowerCase(Locale.ROOT))) {
                    segments.add(pack);
                }
            } else {
                addValue(segments, n);
            }
        }
        for (String k : facts.keywords()) {
            String k2 = chinese ? Chinese.translate(k) : k;
            if (!String.join(" ", segments).toLowerCase(Locale.ROOT).contains(k2.toLowerCase(Locale.ROOT))) {
                segments.add(k2);
            }
        }
        String sep = chinese ? " " : ", ";
        StringBuilder title = new StringBuilder();
        TextMeasure unit = pack.title().unit();
        for (String s : segments) {
            String candidate = title.isEmpty() ? s : title + sep + s;
            if (unit.length(candidate) <= pack.title().maxLength()) {
                title.setLength(0);
                title.append(candidate);
            } else if (title.isEmpty()) {
                title.append(unit.truncate(s, pack.title().maxLength()));
            }
        }
        return title.toString();
    }

    private void addValue(List<String> segments, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String v = chinese ? Chinese.translate(normaliseCase(value.strip())) : normaliseCase(value.strip());
        String joined = String.join(" ", segments).toLowerCase(Locale.ROOT);
        if (!joined.contains(v.toLowerCase(Locale.ROOT))) {
            segments.add(v);
        }
    }

    // ---- bullets and description -----------------------------------------------------------------------

    private List<String> bullets(ProductFacts facts, Map<String, List<ProductFacts.Attribute>> groups) {
        List<List<ProductFacts.Attribute>> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Group g : GROUPS) {
            List<ProductFacts.Attribute> attrs = groups.get(g.key());
            if (!attrs.isEmpty()) {
                parts.add(new ArrayList<>(attrs));
                labels.add(chinese ? g.zh() : g.en());
            }
        }
        // Too few: split the largest group; too many: fold the last groups into one.
        while (parts.size() < pack.bullets().min()) {
            int largest = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).size() > 1 && (largest < 0 || parts.get(i).size() > parts.get(largest).size())) {
                    largest = i;
                }
            }
            if (largest < 0) {
                break;
            }
            List<ProductFacts.Attribute> g = parts.get(largest);
            List<ProductFacts.Attribute> second = new ArrayList<>(g.subList(g.size() / 2, g.size()));
            g.subList(g.size() / 2, g.size()).clear();
            parts.add(largest + 1, second);
            labels.add(largest + 1, labels.get(largest));
        }
        while (parts.size() > pack.bullets().max()) {
            List<ProductFacts.Attribute> last = parts.remove(parts.size() - 1);
            labels.remove(labels.size() - 1);
            parts.get(parts.size() - 1).addAll(last);
            labels.set(labels.size() - 1, chinese ? "其他信息" : "Details");
        }
        List<String> bullets = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            bullets.add(bullet(labels.get(i), parts.get(i)));
        }
        if (bullets.size() < pack.bullets().min() && !facts.brand().isEmpty()) {
            bullets.add(chinese ? "品牌：" + facts.brand() + "。" : "Brand: " + facts.brand() + ".");
        }
        if (bullets.size() < pack.bullets().min() && !facts.category().isEmpty()) {
            String c = chinese ? Chinese.translate(facts.category().replace('_', ' ')) : titleCase(facts.category().replace('_', ' '));
            bullets.add(chinese ? "类目：" + c + "。" : "Category: " + c + ".");
        }
        if (bullets.size() < pack.bullets().min() && !facts.keywords().isEmpty()) {
            List<String> ks = facts.keywords().stream().map(k -> chinese ? Chinese.translate(k) : k).toList();
            bullets.add(chinese ? "关键词：" + String.join("、", ks) + "。" : "Good for: " + String.join(", ", ks) + ".");
        }
        List<String> fitted = new ArrayList<>();
        for (String b : bullets) {
            fitted.add(pack.bullets().unit().truncate(b, pack.bullets().maxLength()));
        }
        return fitted;
    }

    private String bullet(String label, List<ProductFacts.Attribute> attrs) {
        List<String> parts = new ArrayList<>();
        // One attribute names itself ("Material Type: Metal, Rubber."); a group gets its label as a header.
        boolean single = attrs.size() == 1 && !attrs.get(0).name().equals("Details")
                && !attrs.get(0).name().equals("Packaging");
        for (ProductFacts.Attribute a : attrs) {
            String value = normaliseCase(a.value().strip()).replaceAll("[.。]+$", "");
            if (a.name().equals("Details") || a.name().equals("Packaging")) {
                parts.add(chinese ? Chinese.translate(value) : value);
            } else if (chinese) {
                parts.add(Chinese.translate(a.name()) + "：" + Chinese.translate(value));
            } else {
                parts.add(a.name().strip() + ": " + value);
            }
        }
        if (single) {
            return parts.get(0) + (chinese ? "。" : ".");
        }
        return chinese ? label + " — " + String.join("；", parts) + "。" : label + " — " + String.join("; ", parts) + ".";
    }

    private String description(ProductFacts facts, String type, List<String> bullets) {
        String name = String.join(" ", nonEmpty(facts.brand(), type));
        String intro;
        if (chinese) {
            intro = name.isEmpty() ? "商品详情：" : name + "，详情如下：";
        } else if (name.isEmpty()) {
            intro = "The details at a glance:";
        } else {
            intro = switch (tone) {
                case "friendly" -> "Here is everything you get with the " + name + ":";
                case "premium" -> "Discover the " + name + ":";
                case "technical" -> name + " specifications:";
                default -> "The " + name + " at a glance:";
            };
        }
        StringBuilder d = new StringBuilder(intro).append("\n");
        for (String b : bullets) {
            d.append(b).append("\n");
        }
        String text = d.toString().strip();
        TextMeasure unit = pack.description().unit();
        return unit.length(text) <= pack.description().maxLength() ? text : unit.truncate(text, pack.description().maxLength());
    }

    private String searchTerms(ProductFacts facts, String type, String title) {
        Set<String> titleWords = new LinkedHashSet<>();
        for (String w : (title + " " + facts.brand()).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            titleWords.add(w);
        }
        Set<String> terms = new LinkedHashSet<>();
        List<String> sourcesOfTerms = new ArrayList<>(facts.keywords());
        sourcesOfTerms.add(type);
        sourcesOfTerms.add(facts.category().replace('_', ' '));
        for (ProductFacts.Attribute a : facts.attributes()) {
            if (!SKIPPED.matcher(a.name().strip()).matches() && !a.name().toLowerCase(Locale.ROOT).contains("model")
                    && !a.name().toLowerCase(Locale.ROOT).contains("part number")
                    && !a.name().toLowerCase(Locale.ROOT).contains("manufacturer")) {
                sourcesOfTerms.add(a.value());
            }
        }
        for (String s : sourcesOfTerms) {
            String text = chinese ? Chinese.translate(s) : s;
            if (text == null) {
                continue;
            }
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}'-]+")) {
                // Numbers and codes belong to the visible fields, where grounding checks them in context.
                if (w.length() > 1 && !titleWords.contains(w) && !w.matches(".*\\d.*") && !Facts.UNITS.containsKey(w)
                        && !STOP.contains(w) && !(w.length() <= 2 && !chinese)) {
                    terms.add(w);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        TextMeasure unit = pack.searchTerms().unit();
        for (String t : terms) {
            String candidate = out.isEmpty() ? t : out + " " + t;
            if (unit.length(candidate) > pack.searchTerms().maxLength()) {
                break;
            }
            out.setLength(0);
            out.append(candidate);
        }
        return out.toString();
    }

    private static final Set<String> STOP = Set.of("and", "the", "for", "with", "from", "into", "that", "this", "are",
            "not", "of", "in", "on", "to", "by", "or", "a", "an");

    // ---- helpers ---------------------------------------------------------------------------------------

    private static String firstValue(ProductFacts facts, String... names) {
        for (String n : names) {
            for (ProductFacts.Attribute a : facts.attributes()) {
                if (a.name().strip().toLowerCase(Locale.ROOT).equals(n) && !a.value().isBlank()) {
                    return a.value().strip();
                }
            }
        }
        return null;
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** A value shouted in capitals (BLACK) is written in title case; codes and acronyms are kept. */
    static String normaliseCase(String value) {
        Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}]|\\p{N}-)[A-Z]{5,}(?![\\p{L}\\p{N}]|-\\p{N})").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String w = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String w : text.split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean small = Set.of("and", "or", "of", "for", "the", "with", "in", "on").contains(w.toLowerCase(Locale.ROOT));
            out.append(small && !out.isEmpty() ? w.toLowerCase(Locale.ROOT)
                    : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return out.toString();
    }
}
