package dev.atrium.plugins.ecommerce;

import java.util.List;

/**
 * One marketplace's listing rules, read from {@code rules/<marketplace>.json} and overridable per tenant
 * ({@link RulePacks}). Lengths are counted in {@link #title()}'s and the other fields' {@link TextMeasure} unit.
 *
 * @param marketplace marketplace id
 * @param language the language listings are written in by default ({@code en}, {@code zh})
 * @param title title length
 * @param bullets how many bullet points and how long each may be
 * @param description description length and what markup it allows
 * @param searchTerms search-terms length
 * @param bannedPhrases promotional phrases that must not appear anywhere (case-insensitive)
 * @param bannedChars characters that must not appear in the listed fields
 * @param wordRepeats how often a word may repeat in the listed fields, small words excepted
 * @param allCaps fields where no word may be written in capitals only
 * @param titleLanguage language the title must be written in ({@code zh}: at least one Chinese character), or null
 * @param noUrls no web addresses anywhere
 * @param noEmails no e-mail addresses anywhere
 * @param noPhones no phone numbers anywhere
 * @param noPrices no prices anywhere
 * @param noReviews no reviews, ratings or testimonials anywhere
 */
record RulePack(String marketplace, String language, Length title, Bullets bullets, Description description,
                Length searchTerms, List<String> bannedPhrases, BannedChars bannedChars, WordRepeats wordRepeats,
                AllCaps allCaps, String titleLanguage, boolean noUrls, boolean noEmails, boolean noPhones,
                boolean noPrices, boolean noReviews) {

    RulePack {
        bannedPhrases = bannedPhrases == null ? List.of() : List.copyOf(bannedPhrases);
        bannedChars = bannedChars == null ? new BannedChars("", List.of()) : bannedChars;
        wordRepeats = wordRepeats == null ? new WordRepeats(0, List.of(), List.of()) : wordRepeats;
        allCaps = allCaps == null ? new AllCaps(List.of()) : allCaps;
    }

    /** Whether listings are written in Chinese by default. */
    boolean chinese() {
        return "zh".equals(language);
    }

    /**
     * A length limit.
     *
     * @param maxLength the most units allowed
     * @param unit how units are counted
     */
    record Length(int maxLength, TextMeasure unit) {
        Length {
            unit = unit == null ? TextMeasure.CHARS : unit;
        }
    }

    /**
     * Bullet points.
     *
     * @param min fewest bullet points
     * @param max most bullet points
     * @param maxLength longest bullet
     * @param unit how a bullet's length is counted
     */
    record Bullets(int min, int max, int maxLength, TextMeasure unit) {
        Bullets {
            unit = unit == null ? TextMeasure.CHARS : unit;
        }
    }

    /**
     * The description.
     *
     * @param maxLength longest description
     * @param unit how its length is counted
     * @param html {@code line-breaks-only} (only {@code <br>} allowed) or {@code none}
     */
    record Description(int maxLength, TextMeasure unit, String html) {
        Description {
            unit = unit == null ? TextMeasure.CHARS : unit;
            html = html == null ? "line-breaks-only" : html;
        }
    }

    /**
     * Banned characters.
     *
     * @param chars the characters
     * @param fields fields they are banned from: {@code title}, {@code bullets}, {@code description}, {@code searchTerms}
     */
    record BannedChars(String chars, List<String> fields) {
        BannedChars {
            chars = chars == null ? "" : chars;
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /**
     * Repeated words.
     *
     * @param max how often one word may appear
     * @param fields fields checked
     * @param smallWords words that may repeat (articles, prepositions, conjunctions)
     */
    record WordRepeats(int max, List<String> fields, List<String> smallWords) {
        WordRepeats {
            fields = fields == null ? List.of() : List.copyOf(fields);
            smallWords = smallWords == null ? List.of() : List.copyOf(smallWords);
        }
    }

    /**
     * Words in capitals only.
     *
     * @param fields fields checked
     */
    record AllCaps(List<String> fields) {
        AllCaps {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }
}
