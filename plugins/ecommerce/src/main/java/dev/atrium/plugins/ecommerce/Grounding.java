package dev.atrium.plugins.ecommerce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Traces every number, unit, material, size, count and model code of a listing to the seller's input, and
 * removes what cannot be traced: a sentence or clause of a bullet or the description, the fact itself in the
 * title, the term in the search terms. Conversions are not traced (5.2 ounces in, 147 g out is removed), so a
 * listing never states a figure the seller did not give.
 */
final class Grounding {

    /**
     * One fact of the listing.
     *
     * @param value the fact as written
     * @param source the input it was traced to ({@code attribute Material}, {@code brand}, {@code photo a.jpg}), or null
     * @param kept whether it stays in the listing
     * @param field the listing field it appeared in
     */
    record Entry(String value, String source, boolean kept, String field) {
    }

    /**
     * A grounded listing and its report.
     *
     * @param listing the listing without untraceable facts
     * @param entries every fact found, traced or removed
     */
    record Result(Listing listing, List<Entry> entries) {
        long removed() {
            return entries.stream().filter(e -> !e.kept()).count();
        }
    }

    private record Source(String text, String lower, String name, List<Facts.Fact> facts) {
    }

    /** A sentence or clause; a point inside a token (5.2, example.com) does not end one. */
    static final Pattern CLAUSE = Pattern.compile("(?:[^.;!?。；！？\\n]|[.?!](?=[^\\s.?!]))+(?:[.;!?。；！？]+|\\n|$)");

    private final List<Source> sources = new ArrayList<>();

    /** Indexes the input facts: brand, category, keywords, each attribute, each photo's text. */
    Grounding(ProductFacts input) {
        add(input.brand(), "brand");
        add(input.category(), "category");
        for (String k : input.keywords()) {
            add(k, "keywords");
        }
        for (ProductFacts.Attribute a : input.attributes()) {
            add(a.name() + ": " + a.value(), a.source().equals("attributes") ? "attribute " + a.name()
                    : a.source() + " (" + a.name() + ")");
        }
        for (ProductFacts.PhotoText p : input.photoTexts()) {
            add(p.text(), "photo " + p.photo());
        }
    }

    private void add(String text, String name) {
        if (text != null && !text.isBlank()) {
            sources.add(new Source(text, text.toLowerCase(Locale.ROOT), name, Facts.extract(text)));
        }
    }

    /** Where the fact is found in the input, or null when nowhere. */
    String trace(Facts.Fact fact) {
        return switch (fact.kind()) {
            case QUANTITY -> traceQuantity(fact);
            case MATERIAL -> {
                String found = traceTerm(fact.term(), true);
                for (String other : Facts.sameMaterial(fact.term())) {
                    found = found != null ? found : traceTerm(other, true);
                }
                yield found;
            }
            case SIZE, CODE -> traceTerm(fact.term(), true);
        };
    }

    private String traceQuantity(Facts.Fact fact) {
        List<String> sourcesFound = new ArrayList<>();
        for (String number : fact.numbers()) {
            String found = null;
            for (Source s : sources) {
                List<String> unitsHere = s.facts().stream().map(Facts.Fact::unit).filter(Objects::nonNull).toList();
                boolean unitInSource = fact.unit() == null || unitsHere.contains(fact.unit())
                        || unitNamed(s.lower(), fact.unit());
                if (!unitInSource) {
                    continue;
                }
                for (Facts.Fact f : s.facts()) {
                    if (f.kind() == Facts.Kind.QUANTITY && f.numbers().contains(number)) {
                        found = s.name();
                        break;
                    }
                }
                if (found == null && fact.text().matches("(?i)[a-z]+")) {
                    // A number word ("two") is traced by the word itself too.
                    found = traceTerm(fact.text().toLowerCase(Locale.ROOT), true);
                }
                if (found != null) {
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            if (!sourcesFound.contains(found)) {
                sourcesFound.add(found);
            }
        }
        return String.join("; ", sourcesFound);
    }

    private static final Pattern COUNT_NAME = Pattern.compile("number of|count|quantity|pack|pieces|数量|件数|装");

    /** An attribute named "Weight (kg)" gives its bare number a unit; "Number of Items: 2" is a count. */
    private static boolean unitNamed(String lowerSource, String unit) {
        if (unit.equals("count") && COUNT_NAME.matcher(lowerSource).find()) {
            return true;
        }
        Pattern named = UNIT_NAMES.get(unit);
        return named != null && named.matcher(lowerSource).find();
    }

    /** Per canonical unit, its spellings of two letters or more as whole words ("kg", "inches", "盎司"). */
    private static final Map<String, Pattern> UNIT_NAMES = unitNames();

    private static Map<String, Pattern> unitNames() {
        Map<String, List<String>> spellings = new LinkedHashMap<>();
        Facts.UNITS.forEach((spelling, canonical) -> {
            if (spelling.length() > 1) {
                spellings.computeIfAbsent(canonical, k -> new ArrayList<>()).add(Pattern.quote(spelling));
            }
        });
        Map<String, Pattern> out = new LinkedHashMap<>();
        spellings.forEach((canonical, list) -> out.put(canonical,
                Pattern.compile("(?<![a-z])(?:" + String.join("|", list) + ")(?![a-z])")));
        return Map.copyOf(out);
    }

    private static final Map<String, Pattern> TERMS = new java.util.concurrent.ConcurrentHashMap<>();

    private String traceTerm(String term, boolean wordBoundary) {
        boolean latin = term.chars().allMatch(c -> c < 128);
        Pattern p = TERMS.computeIfAbsent(term + "|" + wordBoundary, k -> Pattern.compile(
                (latin && wordBoundary ? "(?<![a-z0-9])" : "") + Pattern.quote(term)
                        + (latin && wordBoundary ? "(?![a-z0-9])" : "")));
        for (Source s : sources) {
            if (s.lower().contains(term) && p.matcher(s.lower()).find()) {
                return s.name();
            }
        }
        return null;
    }

    /** Traces every fact of the listing and removes the untraceable ones. */
    Result apply(Listing listing) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Listing out = listing;
        for (String field : Listing.FIELDS) {
            out = out.mapField(field, text -> ground(text, field, entries));
        }
        return new Result(out, List.copyOf(entries.values()));
    }

    private String ground(String text, String field, Map<String, Entry> entries) {
        List<Facts.Fact> facts = Facts.extract(text);
        List<Facts.Fact> untraced = new ArrayList<>();
        for (Facts.Fact f : facts) {
            String source = trace(f);
            String key = f.text().toLowerCase(Locale.ROOT) + "|" + (source != null);
            entries.putIfAbsent(key, new Entry(f.text(), source, source != null, field));
            if (source == null) {
                untraced.add(f);
            }
        }
        if (untraced.isEmpty()) {
            return text;
        }
        return switch (field) {
            case "title" -> removeSpans(text, untraced);
            case "searchTerms" -> removeTerms(text, untraced);
            default -> removeClauses(text, untraced);
        };
    }

    private static String removeSpans(String text, List<Facts.Fact> facts) {
        StringBuilder out = new StringBuilder(text);
        for (int i = facts.size() - 1; i >= 0; i--) {
            Facts.Fact f = facts.get(i);
            out.replace(f.start(), f.end(), "");
        }
        return Tidy.clean(out.toString());
    }

    private static String removeTerms(String text, List<Facts.Fact> facts) {
        String out = removeSpans(text, facts);
        return out.replaceAll("\\s{2,}", " ").strip();
    }

    /** Drops every sentence or clause (split at . ; ! ? and line breaks) holding an untraceable fact. */
    private static String removeClauses(String text, List<Facts.Fact> facts) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = CLAUSE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            int s = m.start();
            int e = m.end();
            boolean bad = facts.stream().anyMatch(f -> f.start() < e && s < f.end());
            if (!bad) {
                out.append(m.group());
            } else if (m.group().endsWith("\n")) {
                out.append('\n');
            }
        }
        out.append(text.substring(last));
        return Tidy.clean(out.toString());
    }
}
