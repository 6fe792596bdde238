package dev.atrium.engine.ocr;

import dev.atrium.engine.internal.ExternalCommand;
import dev.atrium.engine.internal.WorkDir;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * OCR with Tesseract: the image is checked and decoded, downscaled if huge, levelled if tilted, read by
 * single-threaded Tesseract (in this process through {@code libtesseract} when it loads, else by the
 * {@code tesseract} command), and read again half-turned when the first reading looks upside down. At most
 * {@link Options#parallelism()} images are read at once. Thread-safe; create one per installation.
 *
 * @since 0.1
 */
public final class TesseractOcr {

    /** The engine named in every result. */
    public static final Engine ENGINE = Engine.embedded("tesseract-5");

    /** Debian packages the default setup needs. */
    public static final String APT_PACKAGES = "tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim";

    // Tesseract's OpenMP threads oversubscribe the cores when images are read in parallel; one thread
    // per process and one process per core is about four times faster on two cores.
    private static final Map<String, String> ENV = Map.of("OMP_THREAD_LIMIT", "1");
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    /** How much surer (mean word confidence) a half-turned reading must be to be taken. */
    private static final double TURNED_MARGIN = 5;

    private final Options options;
    private final Semaphore slots;
    private final ImageDecoder decoder;
    private final PagePreparer preparer;
    private volatile Set<String> installed;
    /** Tesseract in this process, or {@code null} to run the command for each image. */
    private final TesseractLibrary library;

    /** Uses {@link Options#defaults()}. */
    public TesseractOcr() {
        this(Options.defaults());
    }

    /** Uses the given options. */
    public TesseractOcr(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.slots = new Semaphore(options.parallelism(), true);
        this.decoder = new ImageDecoder(options.maxBytes(), options.maxPixels());
        this.preparer = new PagePreparer(options.maxSide(), options.deskew(), options.maxSkew());
        this.library = options.inProcess() && TesseractLibrary.available() ? TesseractLibrary.get() : null;
    }

    /** Whether images are read in this process ({@link Options#inProcess()} and {@code libtesseract} loaded). */
    public boolean inProcess() {
        return library != null;
    }

    /** The options in force. */
    public Options options() {
        return options;
    }

    /**
     * Whether the binary runs and the default languages are installed; when not, the reason names the Debian
     * packages to install. Probes the binary once, then answers from memory.
     */
    public CapabilityStatus status() {
        Set<String> langs;
        try {
            langs = installedLanguages(false);
        } catch (CapabilityUnavailableException e) {
            return CapabilityStatus.unavailable(Capability.OCR, e.getMessage());
        }
        List<String> missing = options.languages().stream().filter(l -> !langs.contains(l)).toList();
        if (!missing.isEmpty()) {
            return CapabilityStatus.unavailable(Capability.OCR, "Tesseract languages " + missing
                    + " are not installed; install the Debian packages "
                    + OcrLanguages.aptPackages(missing));
        }
        return CapabilityStatus.available(Capability.OCR, ENGINE);
    }

    /** Shorthand for {@code status().available()}. */
    public boolean isAvailable() {
        return status().available();
    }

    /** Reads text in the default languages. */
    public OcrResult recognize(Media image) {
        return recognize(image, List.of());
    }

    /**
     * Reads text from an image.
     *
     * @param image PNG, JPEG, TIFF (first page), BMP, GIF, or WebP when a WebP ImageIO plugin is present
     * @param languages Tesseract codes such as {@code eng}, {@code chi_sim}, or ISO tags such as {@code zh};
     *     empty for the default languages
     * @throws BadInputException if the image is empty, corrupt, too large or of an unknown format
     * @throws CapabilityUnavailableException if Tesseract or a language is not installed
     * @throws SkillTimeoutException if reading takes longer than {@link Options#timeout()}, or no slot frees
     *     up within {@link Options#queueTimeout()}
     * @throws RunCancelledException if the calling thread is interrupted
     */
    public OcrResult recognize(Media image, List<String> languages) {
        Objects.requireNonNull(image, "image");
        List<String> langs = OcrLanguages.normalise(languages, options.languages());
        requireInstalled(langs);
        acquireSlot();
        try (WorkDir dir = WorkDir.create("atrium-ocr-")) {
            long deadline = System.nanoTime() + options.timeout().toNanos();
            // A small decode checks the file and feeds the skew analysis; most pages need nothing more.
            DecodedImage preview = decoder.preview(image, SkewEstimator.PREVIEW_SIDE);
            PagePreparer.Plan plan = preparer.plan(preview);
            PreparedPage page = preparer.render(plan.passThrough() ? preview : decodeFor(image, plan), plan);
            // Passed through: the upload as it came, read as the CLI reads it (in-process, decoded whole by Java).
            DecodedImage whole = page.passThrough() && library != null ? decodeFor(image, plan) : null;
            List<TsvWords.Word> words = whole != null ? read(whole.image(), "page", langs, dir.path(), deadline)
                    : page.passThrough() ? readFile(page.write(dir.path(), "page", image.bytes(), preview.format()),
                    langs, dir.path(), deadline)
                    : read(page.gray(), "page", langs, dir.path(), deadline);
            PreparedPage chosen = page;
            if (options.autoRotate() && looksUpsideDown(words)) {
                BufferedImage upright = page.passThrough()
                        ? PagePreparer.fullGray(whole != null ? whole : decodeFor(image, plan)) : page.gray();
                if (turnedReadsBetter(upright, words, langs, dir.path(), deadline)) {
                    PreparedPage turned = page.halfTurned(upright);
                    List<TsvWords.Word> again = read(turned.gray(), "turned", langs, dir.path(), deadline);
                    if (TsvWords.meanConfidence(again) > TsvWords.meanConfidence(words) + TURNED_MARGIN) {
                        words = again;
                        chosen = turned;
                    }
                }
            }
            return new OcrResultAssembler(chosen.toProcessed(), preview.width(), preview.height())
                    .assemble(words, ENGINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            slots.release();
        }
    }

    private DecodedImage decodeFor(Media image, PagePreparer.Plan plan) {
        return decoder.decode(image, PagePreparer.decodeSide(plan));
    }

    /**
     * Whether the page half-turned would read better, judged on a band of it: most pages that read unsurely
     * are upright (faint, crumpled, small print), and reading the whole page again to find that out costs as much
     * as the first reading. The band with the most words is read half-turned, and only when it reads surer than
     * those words did is the whole page read again. Short pages are not worth a band: the whole page is tried.
     */
    private boolean turnedReadsBetter(BufferedImage upright, List<TsvWords.Word> words, List<String> langs, Path dir,
                                      long deadline) {
        TurnProbe.Band band = TurnProbe.band(words, upright.getHeight());
        if (band == null) {
            return true;
        }
        BufferedImage rows = GrayImages.rotate180(GrayImages.rows(upright, band.top(), band.bottom()));
        List<TsvWords.Word> turned = read(rows, "probe", langs, dir, deadline);
        return TsvWords.meanConfidence(turned) > TsvWords.meanConfidence(band.words()) + TURNED_MARGIN;
    }

    /**
     * An upside-down page still yields "words", but with low confidence. Tesseract turns quarter-turned
     * pages itself; a page turned by 180 or 270 degrees comes out upside down, and half a turn fixes both.
     */
    private boolean looksUpsideDown(List<TsvWords.Word> words) {
        return words.size() >= 3 && TsvWords.meanConfidence(words) < options.retryBelowConfidence();
    }

    /** Reads pixels: in-process when the library loaded, else written as PGM for the command. */
    private List<TsvWords.Word> read(BufferedImage pixels, String name, List<String> langs, Path dir, long deadline) {
        if (library != null) {
            return library.read(pixels, options.tessdataDir(), langs, options.pageSegmentation(), deadline);
        }
        Path file = dir.resolve(name + ".pgm");
        GrayImages.writePgm(pixels, file);
        return readFile(file, langs, dir, deadline);
    }

    private List<TsvWords.Word> readFile(Path input, List<String> langs, Path dir, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SkillTimeoutException("OCR did not finish within " + options.timeout().toMillis() + " ms");
        }
        List<String> command = new ArrayList<>(List.of(options.binary().toString(), input.getFileName().toString(),
                "stdout"));
        if (options.tessdataDir() != null) {
            command.addAll(List.of("--tessdata-dir", options.tessdataDir().toString()));
        }
        command.addAll(List.of("-l", String.join("+", langs), "--psm", Integer.toString(options.pageSegmentation()),
                "tsv"));
        ExternalCommand.Result result;
        try {
            result = ExternalCommand.run(command, ENV, dir, Duration.ofNanos(left));
        } catch (UncheckedIOException e) {
            throw new CapabilityUnavailableException("Tesseract cannot be started (" + options.binary()
                    + "); install the Debian packages " + APT_PACKAGES, e);
        }
        if (!result.ok()) {
            String err = result.stderr().strip();
            if (err.contains("pixRead") || err.contains("Unsupported image") || err.contains("image file")) {
                throw new BadInputException("image", "Tesseract cannot read the image: " + lastLine(err));
            }
            if (err.contains("Failed loading language")) {
                throw new CapabilityUnavailableException("Tesseract language data is missing: " + lastLine(err));
            }
            throw new ProviderException("Tesseract failed (exit " + result.exitCode() + "): " + lastLine(err));
        }
        return TsvWords.parse(result.stdout());
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private void acquireSlot() {
        try {
            if (!slots.tryAcquire(options.queueTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new SkillTimeoutException("OCR is busy: no slot became free within "
                        + options.queueTimeout().toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        }
    }

    private void requireInstalled(List<String> langs) {
        Set<String> probed = installedLanguages(false);
        // Languages may have been installed since the last probe.
        Set<String> have = probed.containsAll(langs) ? probed : installedLanguages(true);
        List<String> missing = langs.stream().filter(l -> !have.contains(l)).toList();
        if (!missing.isEmpty()) {
            throw new CapabilityUnavailableException("OCR language " + String.join(", ", missing)
                    + " is not installed; install the Debian package "
                    + OcrLanguages.aptPackages(missing));
        }
    }

    private Set<String> installedLanguages(boolean refresh) {
        Set<String> known = installed;
        if (known != null && !refresh) {
            return known;
        }
        List<String> command = new ArrayList<>(List.of(options.binary().toString(), "--list-langs"));
        if (options.tessdataDir() != null) {
            command.addAll(List.of("--tessdata-dir", options.tessdataDir().toString()));
        }
        try (WorkDir dir = WorkDir.create("atrium-ocr-probe-")) {
            ExternalCommand.Result result = ExternalCommand.run(command, ENV, dir.path(), PROBE_TIMEOUT);
            if (!result.ok()) {
                throw new CapabilityUnavailableException("Tesseract does not run (" + options.binary() + ": "
                        + lastLine(result.stderr() + result.stdout()) + "); install the Debian packages "
                        + APT_PACKAGES);
            }
            known = result.stdout().lines().skip(1).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (UncheckedIOException e) {
            throw new CapabilityUnavailableException("Tesseract is not installed (" + options.binary()
                    + " cannot be started); install the Debian packages " + APT_PACKAGES, e);
        }
        installed = known;
        return known;
    }

    /**
     * How OCR runs. Start from {@link #defaults()} and change what differs.
     *
     * @param binary the {@code tesseract} executable, a path or a name looked up on {@code PATH}
     * @param tessdataDir folder of {@code *.traineddata}, or {@code null} for Tesseract's own default
     * @param languages languages used when a call names none
     * @param parallelism how many images are read at once, one single-threaded reading each
     * @param timeout time limit for one image, all passes included; a process is killed after it, an in-process
     *     reading stopped at the next word (Tesseract's page layout analysis, before the words, is not interrupted)
     * @param queueTimeout how long a call waits for a free slot
     * @param maxBytes largest accepted file
     * @param maxPixels largest accepted image, width times height, checked before decoding
     * @param maxSide images with a longer side are downscaled to it (300 dpi A4 is 3508 pixels, a 12 MP
     *     phone photo 4032)
     * @param autoRotate whether an apparently upside-down page is read again half-turned
     * @param deskew whether tilted pages are levelled before reading
     * @param maxSkew the largest tilt looked for, in degrees
     * @param retryBelowConfidence mean word confidence under which a page is tried half-turned
     * @param pageSegmentation Tesseract's {@code --psm}; 3 (automatic layout) suits documents and receipts
     * @param inProcess whether images are read through {@code libtesseract} in this process when it loads (the
     *     model is loaded once, not once per image), else by running {@code binary} for each
     * @since 0.1
     */
    public record Options(Path binary, Path tessdataDir, List<String> languages, int parallelism,
                          Duration timeout, Duration queueTimeout, long maxBytes, long maxPixels, int maxSide,
                          boolean autoRotate, boolean deskew, double maxSkew, double retryBelowConfidence,
                          int pageSegmentation, boolean inProcess) {

        /** Checks the values. */
        public Options {
            Objects.requireNonNull(binary, "binary");
            languages = List.copyOf(languages);
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("at least one default language is needed");
            }
            if (parallelism < 1 || maxSide < 100 || maxBytes < 1 || maxPixels < 1) {
                throw new IllegalArgumentException("parallelism, maxSide, maxBytes and maxPixels must be positive");
            }
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(queueTimeout, "queueTimeout");
        }

        /**
         * {@code tesseract} from {@code PATH}, English, one process per available core, 60 s per image,
         * 30 MB / 60 megapixels at most, downscaled to 4096 pixels, half-turn retry below confidence 45 and
         * levelling of tilts up to 15 degrees, read in-process when {@code libtesseract} loads.
         */
        public static Options defaults() {
            return new Options(Path.of("tesseract"), null, List.of("eng"),
                    Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(60), Duration.ofMinutes(5),
                    30L * 1024 * 1024, 60_000_000L, 4096, true, true, 15, 45, 3, true);
        }

        /** With another executable, run for every image (not in-process: the executable is what was asked for). */
        public Options withBinary(Path binary) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, false);
        }

        /** Reading in-process through {@code libtesseract} when it loads ({@code true}), or always by the command. */
        public Options withInProcess(boolean inProcess) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With another tessdata folder ({@code null} for Tesseract's default). */
        public Options withTessdataDir(Path tessdataDir) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With other default languages. */
        public Options withLanguages(List<String> languages) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With another number of parallel processes. */
        public Options withParallelism(int parallelism) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With another time limit per image. */
        public Options withTimeout(Duration timeout) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With another wait limit for a free slot. */
        public Options withQueueTimeout(Duration queueTimeout) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With other size limits. */
        public Options withLimits(long maxBytes, long maxPixels, int maxSide) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With the half-turn retry and levelling switched on or off. */
        public Options withStraightening(boolean autoRotate, boolean deskew) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }

        /** With another Tesseract page segmentation mode. */
        public Options withPageSegmentation(int pageSegmentation) {
            return new Options(binary, tessdataDir, languages, parallelism, timeout, queueTimeout, maxBytes,
                    maxPixels, maxSide, autoRotate, deskew, maxSkew, retryBelowConfidence, pageSegmentation, inProcess);
        }
    }
}
