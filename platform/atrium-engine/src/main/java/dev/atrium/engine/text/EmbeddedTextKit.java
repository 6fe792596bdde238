package dev.atrium.engine.text;

import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.PassageIndex;
import dev.atrium.sdk.text.Summary;
import dev.atrium.sdk.text.TextKit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The offline {@link TextKit}. Summaries and passage search use sentence embeddings when an embeddings
 * function is given and covers the text's language, and TF-IDF over words and CJK character bigrams
 * otherwise (or when the embeddings call fails); {@link Summary#engine()} and {@link PassageIndex#engine()}
 * say which. Thread-safe.
 *
 * @since 0.1
 */
public final class EmbeddedTextKit implements TextKit {

    /** The engine named when ranking was lexical (TF-IDF), not by embeddings. */
    public static final Engine LEXICAL = Engine.embedded("lexical-tfidf");

    private static final System.Logger LOG = System.getLogger(EmbeddedTextKit.class.getName());

    private final Function<List<String>, Embeddings> embeddings;
    private final Set<String> languages;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LanguageDetector detector = new LanguageDetector();
    private final KeywordExtractor keywords = new KeywordExtractor();

    /** Lexical only: no embeddings. */
    public EmbeddedTextKit() {
        this(null, Set.of());
    }

    /**
     * Uses the embeddings for texts in every language, as suits a multilingual (typically remote) model.
     *
     * @param embeddings embeds a batch of texts; {@code null} for lexical only
     */
    public EmbeddedTextKit(Function<List<String>, Embeddings> embeddings) {
        this(embeddings, Set.of());
    }

    /**
     * Uses the embeddings only for texts in the given languages and TF-IDF for the rest, as suits an
     * English model: {@code new EmbeddedTextKit(miniLm, MiniLmEmbeddings.LANGUAGES)}.
     *
     * @param embeddings embeds a batch of texts; {@code null} for lexical only
     * @param languages ISO 639-1 codes the embeddings handle; empty for all
     */
    public EmbeddedTextKit(Function<List<String>, Embeddings> embeddings, Set<String> languages) {
        this.embeddings = embeddings;
        this.languages = Set.copyOf(Objects.requireNonNull(languages, "languages"));
    }

    @Override
    public List<String> sentences(String text) {
        return splitter.split(text);
    }

    @Override
    public String language(String text) {
        return detector.detect(text);
    }

    @Override
    public List<Keyword> keywords(String text, int max) {
        return keywords.extract(text, splitter.split(text), max);
    }

    @Override
    public Summary summarize(String text, int maxSentences) {
        List<String> sentences = splitter.split(text);
        if (sentences.isEmpty() || maxSentences <= 0) {
            return new Summary(List.of(), LEXICAL);
        }
        int[] contentTerms = sentences.stream().mapToInt(s -> Terms.of(s).size()).toArray();
        if (usesEmbeddings(text)) {
            Embeddings embedded = tryEmbed(sentences);
            if (embedded != null) {
                return SentenceGraph.summarize(sentences, cosines(embedded.vectors()), contentTerms, maxSentences,
                        embedded.engine());
            }
        }
        double[][] similarity = new LexicalPassageIndex(sentences).similarities();
        return SentenceGraph.summarize(sentences, similarity, contentTerms, maxSentences, LEXICAL);
    }

    @Override
    public PassageIndex index(List<String> passages) {
        List<String> copy = passages.stream().map(p -> p == null ? "" : p).toList();
        if (!copy.isEmpty() && usesEmbeddings(String.join("\n", copy.subList(0, Math.min(copy.size(), 50))))) {
            Embeddings embedded = tryEmbed(copy);
            if (embedded != null) {
                return new EmbeddingPassageIndex(copy, embedded, embeddings);
            }
        }
        return new LexicalPassageIndex(copy);
    }

    private boolean usesEmbeddings(String text) {
        if (embeddings == null) {
            return false;
        }
        if (languages.isEmpty()) {
            return true;
        }
        String lang = detector.detect(text);
        // Short or mixed text is often "und"; an English model still does well unless it is mostly CJK.
        return languages.contains(lang)
                || (LanguageDetector.UNDETERMINED.equals(lang) && languages.contains("en") && !Scripts.mostlyCjk(text));
    }

    private Embeddings tryEmbed(List<String> texts) {
        try {
            Embeddings e = embeddings.apply(texts);
            if (e == null || e.vectors().size() != texts.size()) {
                throw new IllegalStateException("embeddings returned " + (e == null ? "nothing" : e.vectors().size()
                        + " vectors for " + texts.size() + " texts"));
            }
            return e;
        } catch (RunCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // Text tools must keep working offline: rank lexically and say so in the engine.
            LOG.log(System.Logger.Level.WARNING, "embeddings failed, falling back to TF-IDF: " + e.getMessage());
            return null;
        }
    }

    private static double[][] cosines(List<float[]> vectors) {
        int n = vectors.size();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            sim[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = sim[j][i] = Embeddings.cosine(vectors.get(i), vectors.get(j));
            }
        }
        return sim;
    }
}
