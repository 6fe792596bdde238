package dev.atrium.sdk.text;

import dev.atrium.sdk.model.Engine;
import java.util.List;

/**
 * Passages embedded once and searched by meaning (cosine similarity), for retrieval over an uploaded
 * document or transcript.
 *
 * @since 0.1
 */
public interface PassageIndex {

    /** The passages most similar to the query, best first. */
    List<Hit> search(String query, int k);

    /** How many passages the index holds. */
    int size();

    /** What embedded the passages. */
    Engine engine();

    /**
     * A search hit.
     *
     * @param index the passage's position in the indexed list
     * @param text the passage
     * @param score cosine similarity, -1 to 1
     */
    record Hit(int index, String text, double score) {
    }
}
