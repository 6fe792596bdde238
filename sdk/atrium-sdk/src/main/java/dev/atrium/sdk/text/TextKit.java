package dev.atrium.sdk.text;

import java.util.List;

/**
 * Offline text tools backed by the embedded engine (and by remote embeddings when a provider serves
 * them). Calls block; skills run on worker threads.
 *
 * @since 0.1
 */
public interface TextKit {

    /** Splits text into sentences; handles English and Chinese punctuation, abbreviations and decimals. */
    List<String> sentences(String text);

    /** The text's main language as an ISO 639-1 code ({@code en}, {@code zh}, ...), or {@code und}. */
    String language(String text);

    /** The most characteristic terms of the text, best first. */
    List<Keyword> keywords(String text, int max);

    /**
     * An extractive summary: the most central sentences that do not repeat each other, in text order.
     *
     * @param text the text to summarise
     * @param maxSentences how many sentences at most
     */
    Summary summarize(String text, int maxSentences);

    /** Embeds the passages once so they can be searched by meaning. */
    PassageIndex index(List<String> passages);

    /**
     * A term and its weight.
     *
     * @param term the word or phrase
     * @param score higher is more characteristic
     */
    record Keyword(String term, double score) {
    }
}
