package dev.atrium.engine.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors over a small collection (the sentences of one text, or the passages of an index), with
 * inverse document frequencies learnt from that collection. Vectors are sparse and L2-normalised.
 */
final class TermVectors {

    private final Map<String, Double> idf = new HashMap<>();
    private final int documents;

    TermVectors(List<List<String>> collection) {
        this.documents = collection.size();
        Map<String, Integer> df = new HashMap<>();
        for (List<String> doc : collection) {
            doc.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        // Smoothed, so a term in every document still counts a little.
        df.forEach((term, count) -> idf.put(term, Math.log((documents + 1.0) / (count + 1.0)) + 1.0));
    }

    /** The document's vector; terms unknown to the collection get the highest weight a term can get. */
    Map<String, Double> vector(List<String> terms) {
        Map<String, Double> tf = new HashMap<>();
        for (String t : terms) {
            tf.merge(t, 1.0, Double::sum);
        }
        double unseen = Math.log(documents + 1.0) + 1.0;
        double norm = 0;
        for (Map.Entry<String, Double> e : tf.entrySet()) {
            double w = (1 + Math.log(e.getValue())) * idf.getOrDefault(e.getKey(), unseen);
            e.setValue(w);
            norm += w * w;
        }
        if (norm > 0) {
            double inv = 1 / Math.sqrt(norm);
            tf.replaceAll((k, v) -> v * inv);
        }
        return tf;
    }

    /** Cosine of two normalised sparse vectors. */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double w = large.get(e.getKey());
            if (w != null) {
                dot += e.getValue() * w;
            }
        }
        return dot;
    }
}
