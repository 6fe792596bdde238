package dev.atrium.plugins.ecommerce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A marketplace's rules applied to a listing: {@link #check} lists every violation, {@link #fix} repairs them
 * deterministically (cut at a word boundary, drop banned phrases and characters, drop repeated words, turn
 * capitals into title case, drop clauses with contact details, prices or reviews, strip HTML, fill or trim the
 * bullet points) until the listing complies.
 */
final class ListingRules {

    /**
     * A broken rule.
     *
     * @param rule rule id, such as {@code title-length}
     * @param field the field, such as {@code title}
     * @param detail what is wrong, for people and for the model's second attempt
     */
    record Violation(String rule, String field, String detail) {
    }

    /**
     * One line of the compliance report.
     *
     * @param rule rule id
     * @param description the rule in words
     * @param passed whether the final listing keeps it
     * @param fix how it was made to pass, or null when the first draft already did
     */
    record Outcome(String rule, String description, boolean passed, String fix) {
    }

    static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|shop|store|io|co|cn|uk|de|fr|jp)(?:/\\S*)?(?![a-z0-9])");
    static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    static final Pattern PHONE = Pattern.compile(
            "(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{2,4}\\)\\s?|\\b\\d{3}[-.])\\d{3,4}[-.]\\d{4}\\b"
                    + "|\\+\\d[\\d\\s-]{8,}\\d"
                    + "|(?i:\\b(?:tel|phone|call|whatsapp|wechat)\\b|电话|手机|微信)[:：.]?\\s*\\+?\\d[\\d\\s-]{5,}\\d"
                    + "|(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    static final Pattern PRICE = Pattern.compile(
            "[$€£¥￥]\\s?\\d[\\d,.]*"
                    + "|(?i)\\b\\d[\\d,.]*\\s?(?:usd|eur|gbp|dollars?|euros?|rmb|cny)\\b"
                    + "|\\d[\\d,.]*\\s?元"
                    + "|(?i)\\bpriced?\\b(?:\\s+at)?\\s*:?\\s*\\S*\\d[\\d,.]*"
                    + "|(?:价格|售价|原价|现价|仅售)[:：]?\\s*\\d[\\d,.]*");
    static final Pattern REVIEW = Pattern.compile(
            "(?i)\\b\\d(?:\\.\\d)?\\s*(?:out of 5|/\\s?5|-star|stars?)\\b|\\b(?:five|5)[- ]stars?\\b"
                    + "|\\breview(?:s|ed|ers?)?\\b|\\brated\\b(?!\\s+(?:power|voltage|current|capacity|speed|output|input|load|for))"
                    + "|\\bratings?\\b|\\btestimonials?\\b|\\bcustomers?\\s+(?:love|say|rave|agree)\\b|[★☆]"
                    + "|好评|差评|五星|买家秀|评价");

    /** Acronyms and units that are written in capitals by convention, not to shout. */
    static final Set<String> ACRONYMS = Set.copyOf(List.of("USB", "LED", "LCD", "OLED", "HDMI", "BPA", "UV", "USA", "DIY", "AAA",
            "PVC", "ABS", "TPU", "GPS", "UHD", "RGB", "NFC", "SSD", "HDD", "RAM", "CPU", "GPU", "FDA", "ISO", "PET",
            "EVA", "XXL", "XXXL", "XXS", "WIFI", "NIV", "KJV", "SPF", "MDF", "EPA", "ANSI", "NASA", "NBA", "NFL",
            "MLB", "NHL", "DVD", "CD", "MP3", "MP4", "PDF", "AC", "DC", "TV", "PC", "IP", "UL", "CE", "MAH", "AI",
            "IOS", "NATO", "OEM", "SIM", "SD", "AM", "FM", "HVAC", "LPG", "IPA", "ESD", "UPF", "RFID", "JIS", "AWG",
            "FHD", "QHD", "HDR", "IPS", "NVME", "PCIE", "LAN", "WLAN", "VGA", "DDR", "SATA", "CRI", "AMD", "AMOLED",
            "QLED", "HEPA", "UVA", "UVB", "BT", "OTG", "POE", "HDTV", "KVM"));

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");
    private static final Pattern CAPS = Pattern.compile(
            "(?<![\\p{L}\\p{N}]|\\p{N}-)[A-Z][A-Z'’]*[A-Z](?![\\p{L}\\p{N}]|-\\p{N})");

    private final RulePack pack;
    private final Set<String> brandTokens = new java.util.HashSet<>();

    ListingRules(RulePack pack, String brand) {
        this.pack = pack;
        if (brand != null) {
            Matcher m = WORD.matcher(brand);
            while (m.find()) {
                brandTokens.add(m.group());
            }
        }
    }

    /** The pack's rules in report order, with their descriptions. */
    Map<String, String> rules() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("title-length", "title at most " + pack.title().maxLength() + " " + unitName(pack.title().unit()));
        if (pack.titleLanguage() != null) {
            r.put("title-language", "title written in " + pack.titleLanguage());
        }
        r.put("bullet-count", pack.bullets().min() == pack.bullets().max()
                ? "exactly " + pack.bullets().max() + " bullet points"
                : pack.bullets().min() + " to " + pack.bullets().max() + " bullet points");
        r.put("bullet-length", "each bullet at most " + pack.bullets().maxLength() + " " + unitName(pack.bullets().unit()));
        r.put("description-length", "description at most " + pack.description().maxLength() + " "
                + unitName(pack.description().unit()));
        r.put("description-html", "description without HTML other than line breaks");
        r.put("search-terms-length", "search terms at most " + pack.searchTerms().maxLength() + " "
                + unitName(pack.searchTerms().unit()));
        r.put("banned-phrases", "no promotional phrases (" + String.join(", ", pack.bannedPhrases().stream().limit(6).toList())
                + (pack.bannedPhrases().size() > 6 ? ", …" : "") + ")");
        if (!pack.bannedChars().chars().isEmpty() && !pack.bannedChars().fields().isEmpty()) {
            r.put("banned-chars", "none of " + String.join(" ", pack.bannedChars().chars().codePoints()
                    .mapToObj(Character::toString).toList()) + " in " + String.join(", ", pack.bannedChars().fields()));
        }
        if (!pack.wordRepeats().fields().isEmpty()) {
            r.put("word-repeats", "no word more than " + pack.wordRepeats().max() + " times in "
                    + String.join(", ", pack.wordRepeats().fields()) + " (small words excepted)");
        }
        if (!pack.allCaps().fields().isEmpty()) {
            r.put("all-caps", "no words in capitals only in " + String.join(", ", pack.allCaps().fields()));
        }
        if (pack.noUrls()) {
            r.put("no-urls", "no web addresses anywhere");
        }
        if (pack.noEmails()) {
            r.put("no-emails", "no e-mail addresses anywhere");
        }
        if (pack.noPhones()) {
            r.put("no-phones", "no phone numbers anywhere");
        }
        if (pack.noPrices()) {
            r.put("no-prices", "no prices anywhere");
        }
        if (pack.noReviews()) {
            r.put("no-reviews", "no reviews, ratings or testimonials anywhere");
        }
        return r;
    }

    private static String unitName(TextMeasure unit) {
        return switch (unit) {
            case CHARS -> "characters";
            case UTF8_BYTES -> "bytes (UTF-8)";
            case CJK_DOUBLE -> "units (a Chinese character counts 2)";
        };
    }

    /** Every violation of the listing, in rule order. */
    List<Violation> check(Listing l) {
        List<Violation> v = new ArrayList<>();
        int titleLength = pack.title().unit().length(l.title());
        if (l.title().isBlank()) {
            v.add(new Violation("title-length", "title", "the title is empty"));
        } else if (titleLength > pack.title().maxLength()) {
            v.add(new Violation("title-length", "title", "the title is " + titleLength + " "
                    + unitName(pack.title().unit()) + "; at most " + pack.title().maxLength()));
        }
        if ("zh".equals(pack.titleLanguage()) && !l.title().codePoints().anyMatch(TextMeasure::wide)) {
            v.add(new Violation("title-language", "title", "the title must be written in Chinese"));
        }
        int n = l.bullets().size();
        if (n < pack.bullets().min() || n > pack.bullets().max()) {
            v.add(new Violation("bullet-count", "bullets", "there are " + n + " bullet points; "
                    + rules().get("bullet-count") + " are needed"));
        }
        for (int i = 0; i < n; i++) {
            int len = pack.bullets().unit().length(l.bullets().get(i));
            if (len > pack.bullets().maxLength()) {
                v.add(new Violation("bullet-length", "bullets", "bullet " + (i + 1) + " is " + len + " "
                        + unitName(pack.bullets().unit()) + "; at most " + pack.bullets().maxLength()));
            }
        }
        int dl = pack.description().unit().length(l.description());
        if (dl > pack.description().maxLength()) {
            v.add(new Violation("description-length", "description", "the description is " + dl + " "
                    + unitName(pack.description().unit()) + "; at most " + pack.description().maxLength()));
        }
        Matcher html = HTML.matcher(l.description());
        if (html.find()) {
            v.add(new Violation("description-html", "description", "HTML tag " + html.group() + " in the description"));
        }
        int sl = pack.searchTerms().unit().length(l.searchTerms());
        if (sl > pack.searchTerms().maxLength()) {
            v.add(new Violation("search-terms-length", "searchTerms", "the search terms are " + sl + " "
                    + unitName(pack.searchTerms().unit()) + "; at most " + pack.searchTerms().maxLength()));
        }
        for (String field : Listing.FIELDS) {
            for (String text : l.texts(field)) {
                for (String phrase : pack.bannedPhrases()) {
                    if (phrasePattern(phrase).matcher(text).find()) {
                        v.add(new Violation("banned-phrases", field, "promotional phrase \"" + phrase + "\" in the " + field));
                    }
                }
            }
        }
        if (!pack.bannedChars().chars().isEmpty()) {
            for (String field : pack.bannedChars().fields()) {
                for (String text : l.texts(field)) {
                    Set<String> found = new LinkedHashSet<>();
                    text.codePoints().filter(cp -> pack.bannedChars().chars().indexOf(cp) >= 0)
                            .forEach(cp -> found.add(Character.toString(cp)));
                    if (!found.isEmpty()) {
                        v.add(new Violation("banned-chars", field, "character(s) " + String.join(" ", found)
                                + " in the " + field));
                    }
                }
            }
        }
        for (String field : pack.wordRepeats().fields()) {
            for (String text : l.texts(field)) {
                Map<String, Integer> counts = wordCounts(text);
                counts.forEach((w, c) -> {
                    if (c > pack.wordRepeats().max()) {
                        v.add(new Violation("word-repeats", field, "\"" + w + "\" appears " + c + " times in the " + field));
                    }
                });
            }
        }
        for (String field : pack.allCaps().fields()) {
            for (String text : l.texts(field)) {
                for (String w : capsWords(text)) {
                    v.add(new Violation("all-caps", field, "\"" + w + "\" is in capitals in the " + field));
                }
            }
        }
        contentRule(v, l, pack.noUrls(), "no-urls", URL, "web address");
        contentRule(v, l, pack.noEmails(), "no-emails", EMAIL, "e-mail address");
        contentRule(v, l, pack.noPhones(), "no-phones", PHONE, "phone number");
        contentRule(v, l, pack.noPrices(), "no-prices", PRICE, "price");
        contentRule(v, l, pack.noReviews(), "no-reviews", REVIEW, "review or rating");
        return v;
    }

    private static void contentRule(List<Violation> v, Listing l, boolean on, String rule, Pattern p, String what) {
        if (!on) {
            return;
        }
        for (String field : Listing.FIELDS) {
            for (String text : l.texts(field)) {
                Matcher m = p.matcher(text);
                if (m.find()) {
                    v.add(new Violation(rule, field, what + " \"" + m.group().strip() + "\" in the " + field));
                }
            }
        }
    }

    private static final Pattern HTML = Pattern.compile("(?i)<(?!br\\s*/?>)/?[a-z][^>]*>|&(?:nbsp|amp|lt|gt|quot);");
    private static final Pattern BR = Pattern.compile("(?i)<br\\s*/?>");

    private static final Map<String, Pattern> PHRASES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern phrasePattern(String phrase) {
        return PHRASES.computeIfAbsent(phrase, p -> {
            boolean latin = p.chars().allMatch(c -> c < 128);
            String q = Pattern.quote(p);
            return latin ? Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + q + "(?![\\p{L}\\p{N}])") : Pattern.compile(q);
        });
    }

    private Map<String, Integer> wordCounts(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!pack.wordRepeats().smallWords().contains(w) && !w.chars().allMatch(Character::isDigit)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<String> capsWords(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CAPS.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() >= 3 && !ACRONYMS.contains(w.replaceAll("['’]", "")) && !brandTokens.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Repairs every violation; {@code fallback} (the offline composition from the same facts) supplies bullet
     * points when too few remain and a Chinese title when the title is not Chinese.
     *
     * @return the repaired listing and, per rule, how it was repaired
     */
    Fixed fix(Listing listing, Listing fallback) {
        Map<String, Set<String>> fixes = new LinkedHashMap<>();
        Listing l = listing;
        for (int round = 0; round < 3; round++) {
            List<Violation> violations = check(l);
            if (violations.isEmpty()) {
                break;
            }
            Set<String> broken = new LinkedHashSet<>();
            violations.forEach(x -> broken.add(x.rule()));
            l = fixOnce(l, broken, fallback, fixes);
        }
        Map<String, String> described = new HashMap<>();
        fixes.forEach((rule, how) -> described.put(rule, String.join("; ", how)));
        return new Fixed(l, described);
    }

    /**
     * A repaired listing.
     *
     * @param listing the listing
     * @param fixes rule id to how it was repaired
     */
    record Fixed(Listing listing, Map<String, String> fixes) {
    }

    private Listing fixOnce(Listing in, Set<String> broken, Listing fallback, Map<String, Set<String>> fixes) {
        Listing l = in;
        if (broken.contains("description-html")) {
            l = l.withDescription(Tidy.clean(HTML.matcher(decode(BR.matcher(l.description()).replaceAll("\n"))).replaceAll(" ")));
            note(fixes, "description-html", "removed the HTML markup");
        }
        // E-mail addresses first: their domain would otherwise be taken for a web address.
        l = removeContent(l, broken, "no-emails", EMAIL, "e-mail address", fixes);
        l = removeContent(l, broken, "no-urls", URL, "web address", fixes);
        l = removeContent(l, broken, "no-phones", PHONE, "phone number", fixes);
        l = removeContent(l, broken, "no-prices", PRICE, "price", fixes);
        l = removeContent(l, broken, "no-reviews", REVIEW, "review or rating", fixes);
        if (broken.contains("banned-phrases")) {
            List<String> removed = new ArrayList<>();
            for (String field : Listing.FIELDS) {
                l = l.mapField(field, text -> {
                    String t = text;
                    for (String phrase : longestFirst(pack.bannedPhrases())) {
                        Matcher m = phrasePattern(phrase).matcher(t);
                        if (m.find()) {
                            removed.add(phrase);
                            t = Tidy.clean(m.replaceAll(" "));
                        }
                    }
                    return t;
                });
            }
            note(fixes, "banned-phrases", "dropped " + quoteAll(removed));
        }
        if (broken.contains("banned-chars")) {
            for (String field : pack.bannedChars().fields()) {
                l = l.mapField(field, text -> {
                    StringBuilder out = new StringBuilder();
                    text.codePoints().forEach(cp -> out.append(pack.bannedChars().chars().indexOf(cp) >= 0
                            ? " " : Character.toString(cp)));
                    return Tidy.clean(out.toString());
                });
            }
            note(fixes, "banned-chars", "removed the banned characters");
        }
        if (broken.contains("all-caps")) {
            List<String> changed = new ArrayList<>();
            for (String field : pack.allCaps().fields()) {
                l = l.mapField(field, text -> {
                    String t = text;
                    for (String w : capsWords(text)) {
                        String title = w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
                        t = t.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])", title);
                        changed.add(w + " → " + title);
                    }
                    return t;
                });
            }
            note(fixes, "all-caps", "wrote " + String.join(", ", new LinkedHashSet<>(changed)));
        }
        if (broken.contains("word-repeats")) {
            List<String> dropped = new ArrayList<>();
            for (String field : pack.wordRepeats().fields()) {
                l = l.mapField(field, text -> dropRepeats(text, dropped));
            }
            note(fixes, "word-repeats", "dropped repeats of " + quoteAll(dropped));
        }
        if (broken.contains("title-language") && !fallback.title().isBlank()) {
            l = l.withTitle(fallback.title());
            note(fixes, "title-language", "used the title composed in Chinese from the attributes");
        }
        if (broken.contains("bullet-count")) {
            List<String> bullets = new ArrayList<>(l.bullets());
            String how;
            if (bullets.size() > pack.bullets().max()) {
                how = "kept the first " + pack.bullets().max() + " of " + bullets.size() + " bullet points";
                bullets = new ArrayList<>(bullets.subList(0, pack.bullets().max()));
            } else {
                int before = bullets.size();
                for (String b : fallback.bullets()) {
                    if (bullets.size() >= pack.bullets().min()) {
                        break;
                    }
                    if (!bullets.contains(b)) {
                        bullets.add(b);
                    }
                }
                how = "added " + (bullets.size() - before) + " bullet point(s) composed from the attributes";
            }
            l = l.withBullets(bullets);
            note(fixes, "bullet-count", how);
        }
        if (broken.contains("title-length")) {
            if (l.title().isBlank()) {
                l = l.withTitle(fallback.title());
                note(fixes, "title-length", "used the title composed from the attributes");
            }
            l = l.withTitle(pack.title().unit().truncate(l.title(), pack.title().maxLength()));
            note(fixes, "title-length", "cut the title at a word boundary");
        }
        if (broken.contains("bullet-length")) {
            l = l.mapField("bullets", b -> pack.bullets().unit().truncate(b, pack.bullets().maxLength()));
            note(fixes, "bullet-length", "cut long bullet points at a word boundary");
        }
        if (broken.contains("description-length")) {
            l = l.withDescription(cutDescription(l.description()));
            note(fixes, "description-length", "cut the description after the last whole sentence that fits");
        }
        if (broken.contains("search-terms-length")) {
            List<String> terms = new ArrayList<>(List.of(l.searchTerms().strip().split("\\s+")));
            TextMeasure unit = pack.searchTerms().unit();
            int dropped = 0;
            while (!terms.isEmpty() && unit.length(String.join(" ", terms)) > pack.searchTerms().maxLength()) {
                terms.remove(terms.size() - 1);
                dropped++;
            }
            l = l.withSearchTerms(String.join(" ", terms));
            note(fixes, "search-terms-length", "dropped the last " + dropped + " search term(s)");
        }
        return l;
    }

    private Listing removeContent(Listing l, Set<String> broken, String rule, Pattern p, String what,
                                  Map<String, Set<String>> fixes) {
        if (!broken.contains(rule)) {
            return l;
        }
        Listing out = l;
        for (String field : Listing.FIELDS) {
            out = out.mapField(field, text -> {
                if (!p.matcher(text).find()) {
                    return text;
                }
                if (field.equals("bullets") || field.equals("description")) {
                    return dropClauses(text, p);
                }
                return Tidy.clean(p.matcher(text).replaceAll(" "));
            });
        }
        note(fixes, rule, "removed the " + what + " (and the clause holding it from bullets and description)");
        return out;
    }

    private static String dropClauses(String text, Pattern p) {
        StringBuilder out = new StringBuilder();
        Matcher m = Grounding.CLAUSE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            if (!p.matcher(m.group()).find()) {
                out.append(m.group());
            } else if (m.group().endsWith("\n")) {
                out.append('\n');
            }
        }
        out.append(text.substring(last));
        // A match that spans clauses (a URL with dots) is removed outright.
        return Tidy.clean(p.matcher(out.toString()).replaceAll(" "));
    }

    private String dropRepeats(String text, List<String> dropped) {
        Map<String, Integer> seen = new HashMap<>();
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text);
        int last = 0;
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            out.append(text, last, m.start());
            last = m.end();
            boolean counted = !pack.wordRepeats().smallWords().contains(w) && !w.chars().allMatch(Character::isDigit);
            int count = counted ? seen.merge(w, 1, Integer::sum) : 0;
            if (counted && count > pack.wordRepeats().max()) {
                dropped.add(m.group());
            } else {
                out.append(m.group());
            }
        }
        out.append(text.substring(last));
        return Tidy.clean(out.toString());
    }

    private String cutDescription(String text) {
        TextMeasure unit = pack.description().unit();
        int max = pack.description().maxLength();
        StringBuilder out = new StringBuilder();
        Matcher m = Grounding.CLAUSE.matcher(text);
        while (m.find()) {
            if (unit.length(out + m.group()) > max) {
                break;
            }
            out.append(m.group());
        }
        String cut = out.toString().strip();
        return cut.isEmpty() ? unit.truncate(text, max) : cut;
    }

    private static String decode(String text) {
        return text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "").replace("&gt;", "")
                .replace("&quot;", "\"");
    }

    private static List<String> longestFirst(List<String> phrases) {
        List<String> sorted = new ArrayList<>(phrases);
        sorted.sort((a, b) -> b.length() - a.length());
        return sorted;
    }

    private static String quoteAll(List<String> words) {
        return String.join(", ", new LinkedHashSet<>(words.stream().map(w -> "\"" + w + "\"").toList()));
    }

    private static void note(Map<String, Set<String>> fixes, String rule, String how) {
        fixes.computeIfAbsent(rule, k -> new LinkedHashSet<>()).add(how);
    }

    /** The compliance report: every rule, passed or not, and how a broken one was repaired. */
    List<Outcome> report(Listing finalListing, Map<String, String> howFixed) {
        List<Violation> remaining = check(finalListing);
        List<Outcome> out = new ArrayList<>();
        for (Map.Entry<String, String> rule : rules().entrySet()) {
            List<Violation> left = remaining.stream().filter(v -> v.rule().equals(rule.getKey())).toList();
            String fix = howFixed.get(rule.getKey());
            if (!left.isEmpty()) {
                fix = "not fixed: " + String.join("; ", left.stream().map(Violation::detail).toList());
            }
            out.add(new Outcome(rule.getKey(), rule.getValue(), left.isEmpty(), fix));
        }
        return out;
    }
}
