package dev.atrium.sdk.text;

import dev.atrium.sdk.model.Engine;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An extractive summary.
 *
 * @param sentences the chosen sentences, in the order they appear in the text
 * @param engine what ranked them (embeddings model or the lexical fallback)
 * @since 0.1
 */
public record Summary(List<Sentence> sentences, Engine engine) {

    /**
     * A chosen sentence.
     *
     * @param index its position among the text's sentences, from 0
     * @param text the sentence
     * @param score its centrality, higher is more central
     */
    public record Sentence(int index, String text, double score) {
    }

    /** The summary as one paragraph. */
    public String text() {
        return sentences.stream().map(Sentence::text).collect(Collectors.joining(" "));
    }
}
