package dev.atrium.plugins.ecommerce;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkable facts in a piece of listing text: numbers with their units (dimensions as one fact),
 * materials, garment sizes, model codes and number words. The same extractor reads the seller's input and the
 * generated listing, so a fact in the listing is traced by finding it again in the input.
 */
final class Facts {

    /** Kinds of fact. */
    enum Kind {
        /** One number or an {@code A x B x C} chain, with an optional unit. */
        QUANTITY,
        /** A material such as copper or cotton. */
        MATERIAL,
        /** A garment size such as XL. */
        SIZE,
        /** A model number or code with letters and digits, such as DLSP-01. */
        CODE
    }

    /**
     * A fact found in text.
     *
     * @param kind what it is
     * @param text the text as written
     * @param start where it starts in the text
     * @param end where it ends
     * @param numbers canonical numbers of a quantity ({@code 1,000} is {@code 1000}, {@code 5.20} is {@code 5.2})
     * @param unit canonical unit of a quantity ({@code inch}, {@code oz}, {@code count}...), or null
     * @param term lower-case term of a material, size or code
     */
    record Fact(Kind kind, String text, int start, int end, List<String> numbers, String unit, String term) {
    }

    static final Map<String, String> UNITS = units();

    /** Materials a listing commonly states; a listing's material must be one the input names. */
    static final List<String> MATERIALS = List.of(
            "stainless steel", "carbon steel", "steel", "copper", "brass", "bronze", "iron", "cast iron", "aluminum",
            "aluminium", "titanium", "zinc", "nickel", "chrome", "tin", "lead", "gold", "silver", "platinum",
            "sterling silver", "tungsten", "metal", "alloy", "cotton", "organic cotton", "polyester", "nylon", "spandex",
            "elastane", "lycra", "rayon", "viscose", "modal", "acrylic", "wool", "merino", "cashmere", "silk", "linen",
            "hemp", "denim", "leather", "faux leather", "suede", "fleece", "velvet", "satin", "chiffon", "plastic",
            "abs", "pvc", "polypropylene", "polyethylene", "polycarbonate", "acrylic", "silicone", "rubber", "latex",
            "foam", "memory foam", "wood", "bamboo", "oak", "walnut", "pine", "teak", "mdf", "plywood", "glass",
            "tempered glass", "crystal", "ceramic", "porcelain", "stoneware", "stone", "marble", "granite", "concrete",
            "paper", "cardboard", "carbon fiber", "carbon fibre", "fiberglass", "down", "feather", "jute", "cork",
            "铜", "黄铜", "不锈钢", "钢", "铁", "铝", "铝合金", "钛", "锌合金", "合金", "金属", "纯棉", "棉", "涤纶",
            "聚酯纤维", "尼龙", "氨纶", "羊毛", "羊绒", "真丝", "丝", "亚麻", "麻", "真皮", "皮革", "牛皮", "塑料", "硅胶",
            "橡胶", "木", "实木", "竹", "玻璃", "陶瓷", "大理石", "纸");

    private static final Map<String, List<String>> SAME_MATERIAL = Map.ofEntries(
            Map.entry("aluminum", List.of("aluminium", "铝")), Map.entry("aluminium", List.of("aluminum", "铝")),
            Map.entry("carbon fiber", List.of("carbon fibre")), Map.entry("carbon fibre", List.of("carbon fiber")),
            Map.entry("copper", List.of("铜")), Map.entry("steel", List.of("钢")),
            Map.entry("stainless steel", List.of("不锈钢")), Map.entry("cotton", List.of("棉")),
            Map.entry("leather", List.of("皮革", "皮")), Map.entry("wood", List.of("木")),
            Map.entry("glass", List.of("玻璃")), Map.entry("silicone", List.of("硅胶")),
            Map.entry("铜", List.of("copper")), Map.entry("钢", List.of("steel")), Map.entry("不锈钢", List.of("stainless steel")),
            Map.entry("棉", List.of("cotton")), Map.entry("铝", List.of("aluminum", "aluminium")),
            Map.entry("金属", List.of("metal")), Map.entry("橡胶", List.of("rubber")), Map.entry("塑料", List.of("plastic")),
            Map.entry("皮革", List.of("leather")), Map.entry("木", List.of("wood")), Map.entry("玻璃", List.of("glass")),
            Map.entry("硅胶", List.of("silicone")), Map.entry("涤纶", List.of("polyester")), Map.entry("尼龙", List.of("nylon")),
            Map.entry("羊毛", List.of("wool")), Map.entry("真丝", List.of("silk")), Map.entry("亚麻", List.of("linen")),
            Map.entry("黄铜", List.of("brass")), Map.entry("铁", List.of("iron")), Map.entry("竹", List.of("bamboo")),
            Map.entry("陶瓷", List.of("ceramic")), Map.entry("纸", List.of("paper")), Map.entry("钛", List.of("titanium")),
            Map.entry("合金", List.of("alloy")));

    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("dozen", 12), Map.entry("twenty", 20), Map.entry("fifty", 50), Map.entry("hundred", 100));

    private static final String NUM = "\\d+(?:[.,]\\d+)*(?:/\\d+)?";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![A-Za-z0-9_.,/])(?<![A-Za-z]-)(" + NUM + ")((?:\\s*(?:x|×|\\*|by)\\s*" + NUM + ")*)\\s*("
                    + unitAlternation() + ")?(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile(NUM);
    private static final Pattern MATERIAL = Pattern.compile(materialAlternation(), Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("\\b(XXS|XS|XXL|XXXL|XL|[2-6]XL)\\b|(?i:\\bsize\\s+)([SML])\\b");
    private static final Pattern CODE = Pattern.compile(
            "(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]*[A-Za-z])(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![A-Za-z0-9-])");
    private static final Pattern NUMBER_WORD = Pattern.compile("\\b(" + String.join("|", NUMBER_WORDS.keySet()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private Facts() {
    }

    /** Every fact in the text, in text order, without overlaps. */
    static List<Fact> extract(String text) {
        List<Fact> facts = new ArrayList<>();
        Matcher q = QUANTITY.matcher(text);
        while (q.find()) {
            String unitText = q.group(3);
            String glued = text.substring(q.start(), q.end());
            List<String> numbers = new ArrayList<>();
            Matcher n = NUMBER.matcher(q.group(1) + (q.group(2) == null ? "" : q.group(2)));
            while (n.find()) {
                numbers.add(canonical(n.group()));
            }
            String unit = unitText == null ? null : UNITS.get(unitText.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            facts.add(new Fact(Kind.QUANTITY, glued.strip(), q.start(), q.start() + glued.stripTrailing().length(),
                    numbers, unit, null));
        }
        addTerms(facts, MATERIAL.matcher(text), Kind.MATERIAL, 0);
        Matcher s = SIZE.matcher(text);
        while (s.find()) {
            int g = s.group(1) != null ? 1 : 2;
            add(facts, new Fact(Kind.SIZE, s.group(), s.start(), s.end(), List.of(), null,
                    s.group(g).toLowerCase(Locale.ROOT)));
        }
        addTerms(facts, CODE.matcher(text), Kind.CODE, 0);
        Matcher w = NUMBER_WORD.matcher(text);
        while (w.find()) {
            add(facts, new Fact(Kind.QUANTITY, w.group(), w.start(), w.end(),
                    List.of(String.valueOf(NUMBER_WORDS.get(w.group().toLowerCase(Locale.ROOT)))), null, null));
        }
        facts.sort(Comparator.comparingInt(Fact::start));
        return facts;
    }

    private static void addTerms(List<Fact> facts, Matcher m, Kind kind, int group) {
        while (m.find()) {
            add(facts, new Fact(kind, m.group(group), m.start(group), m.end(group), List.of(), null,
                    m.group(group).toLowerCase(Locale.ROOT)));
        }
    }

    private static void add(List<Fact> facts, Fact fact) {
        for (Fact f : facts) {
            if (fact.start() < f.end() && f.start() < fact.end()) {
                return;
            }
        }
        facts.add(fact);
    }

    /** Other spellings of a material (aluminum/aluminium, copper/铜) that trace it too. */
    static List<String> sameMaterial(String term) {
        return SAME_MATERIAL.getOrDefault(term, List.of());
    }

    /** {@code 1,000} → {@code 1000}; {@code 5.20} → {@code 5.2}; {@code 5,2} → {@code 5.2}; fractions kept. */
    static String canonical(String number) {
        if (number.contains("/")) {
            return number;
        }
        String n = number;
        if (n.matches("\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            n = n.replace(",", "");
        } else {
            n = n.replace(',', '.');
        }
        try {
            return new BigDecimal(n).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number;
        }
    }

    private static String unitAlternation() {
        List<String> keys = new ArrayList<>(UNITS.keySet());
        keys.sort(Comparator.comparingInt(String::length).reversed());
        List<String> quoted = keys.stream().map(k -> Pattern.quote(k).replace(" ", "\\E\\s*\\Q")).toList();
        return String.join("|", quoted);
    }

    private static String materialAlternation() {
        List<String> terms = new ArrayList<>(MATERIALS);
        terms.sort(Comparator.comparingInt(String::length).reversed());
        List<String> parts = new ArrayList<>();
        for (String t : terms) {
            boolean latin = t.chars().allMatch(c -> c < 128);
            parts.add(latin ? "\\b" + Pattern.quote(t) + "\\b" : Pattern.quote(t));
        }
        return "(" + String.join("|", parts) + ")";
    }

    private static Map<String, String> units() {
        Map<String, String> u = new LinkedHashMap<>();
        put(u, "inch", "in", "inch", "inches", "\"", "”", "″", "英寸", "寸");
        put(u, "foot", "ft", "foot", "feet");
        put(u, "cm", "cm", "centimeter", "centimeters", "centimetre", "centimetres", "厘米");
        put(u, "mm", "mm", "millimeter", "millimeters", "millimetre", "millimetres", "毫米");
        put(u, "m", "m", "meter", "meters", "metre", "metres", "米");
        put(u, "oz", "oz", "ounce", "ounces", "fl oz", "fl. oz", "盎司");
        put(u, "lb", "lb", "lbs", "pound", "pounds", "磅");
        put(u, "g", "g", "gram", "grams", "克");
        put(u, "kg", "kg", "kilogram", "kilograms", "千克", "公斤");
        put(u, "ml", "ml", "milliliter", "milliliters", "millilitre", "millilitres", "毫升");
        put(u, "l", "l", "liter", "liters", "litre", "litres", "升");
        put(u, "w", "w", "watt", "watts", "瓦");
        put(u, "v", "v", "volt", "volts", "伏");
        put(u, "mah", "mah");
        put(u, "gb", "gb");
        put(u, "tb", "tb");
        put(u, "hz", "hz");
        put(u, "ghz", "ghz");
        put(u, "mp", "mp", "megapixel", "megapixels");
        put(u, "percent", "%", "percent");
        put(u, "degree", "°", "degrees", "度");
        put(u, "hour", "h", "hr", "hrs", "hour", "hours", "小时");
        put(u, "minute", "min", "mins", "minute", "minutes", "分钟");
        put(u, "count", "pcs", "pc", "piece", "pieces", "pack", "packs", "count", "ct", "sheet", "sheets", "set",
                "sets", "pair", "pairs", "件", "个", "只", "片", "支", "包", "套", "双", "张", "件装", "只装", "个装");
        return Map.copyOf(u);
    }

    private static void put(Map<String, String> map, String canonical, String... spellings) {
        for (String s : spellings) {
            map.put(s, canonical);
        }
    }
}
