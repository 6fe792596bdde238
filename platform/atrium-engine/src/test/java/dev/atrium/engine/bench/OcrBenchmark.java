package dev.atrium.engine.bench;

import dev.atrium.engine.fixtures.TextImages;
import dev.atrium.engine.ocr.TesseractOcr;
import dev.atrium.sdk.Media;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Receipts per second through {@link TesseractOcr} (pool of 2) against plain {@code tesseract img stdout -l eng
 * tsv} processes, 2 at a time with {@code OMP_THREAD_LIMIT=1}, in one run: a warm-up, then 3 rounds in which
 * the variants take turns, then medians and the ratio engine/CLI. The engine is measured with its straightening
 * (half-turn retry, levelling) on and off, in-process (its default) and running the command for every image.
 * Not a test; see the module README for the command.
 *
 * <p>Argument: a folder of images (default {@code ../shared/data/receipts-sroie/img} beside the repository,
 * else 20 generated receipts). The first 40 images, by name, are used.
 */
public final class OcrBenchmark {

    private static final int PARALLELISM = 2;
    private static final int ROUNDS = 3;
    private static final int MAX_IMAGES = 40;

    private OcrBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> images = images(args);
        System.out.printf(Locale.ROOT, "%d images from %s, %d at a time, %d cores%n", images.size(),
                images.get(0).getParent(), PARALLELISM, Runtime.getRuntime().availableProcessors());

        TesseractOcr straightening = new TesseractOcr(TesseractOcr.Options.defaults().withParallelism(PARALLELISM));
        TesseractOcr plain = new TesseractOcr(TesseractOcr.Options.defaults().withParallelism(PARALLELISM)
                .withStraightening(false, false));
        TesseractOcr command = new TesseractOcr(TesseractOcr.Options.defaults().withParallelism(PARALLELISM)
                .withInProcess(false));
        if (!straightening.isAvailable()) {
            System.out.println("tesseract is not available: " + straightening.status().reason());
            return;
        }
        List<Variant> variants = List.of(
                new Variant("cli", img -> cli(img)),
                new Variant("engine", img -> straightening.recognize(media(img)).words().size()),
                new Variant("engine-no-straightening", img -> plain.recognize(media(img)).words().size()),
                new Variant("engine-by-command", img -> command.recognize(media(img)).words().size()));

        // Warm-up: page cache, JIT, the language list probe.
        for (Variant v : variants) {
            v.words.set(0);
            run(v, images.subList(0, Math.min(2, images.size())));
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < variants.size(); k++) {
                // Rotate the order each round so no variant always runs first (or after the same one).
                Variant v = variants.get((k + round) % variants.size());
                v.words.set(0);
                double seconds = run(v, images);
                v.rates.add(images.size() / seconds);
                System.out.printf(Locale.ROOT, "round %d  %-24s %6.2f s  %5.2f receipts/s  %6d words%n", round + 1,
                        v.name, seconds, images.size() / seconds, v.words.get());
            }
        }
        double cli = median(variants.get(0).rates);
        System.out.println();
        for (Variant v : variants) {
            System.out.printf(Locale.ROOT, "median %-24s %5.2f receipts/s  ratio to cli %.3f%n", v.name,
                    median(v.rates), median(v.rates) / cli);
        }
    }

    private static final class Variant {
        final String name;
        final ToLongFunction<Path> read;
        final List<Double> rates = new ArrayList<>();
        final AtomicLong words = new AtomicLong();

        Variant(String name, ToLongFunction<Path> read) {
            this.name = name;
            this.read = read;
        }
    }

    private static double run(Variant v, List<Path> images) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLELISM);
        try {
            long start = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (Path img : images) {
                jobs.add(pool.submit(() -> v.words.addAndGet(v.read.applyAsLong(img))));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    /** What a caller of the bare CLI does: one process per image, TSV on stdout. Returns the word count. */
    private static long cli(Path img) {
        try {
            ProcessBuilder pb = new ProcessBuilder("tesseract", img.toString(), "stdout", "-l", "eng", "tsv")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("OMP_THREAD_LIMIT", "1");
            Process p = pb.start();
            String tsv;
            try (InputStream in = p.getInputStream()) {
                tsv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("tesseract failed on " + img);
            }
            return tsv.lines().filter(l -> l.startsWith("5\t")).map(l -> l.split("\t", 12))
                    .filter(f -> f.length == 12 && !f[11].isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Media media(Path img) {
        String type = img.toString().endsWith(".png") ? "image/png" : "image/jpeg";
        return Media.ofFile(img.getFileName().toString(), type, img);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<Path> images(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : defaultFolder();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> found = files.filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png)$"))
                        .sorted().limit(MAX_IMAGES).toList();
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return synthetic();
    }

    /** {@code ../shared/data/receipts-sroie/img} next to the repository, found from wherever Maven was run. */
    private static Path defaultFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("platform/atrium-engine/pom.xml"))) {
                return dir.resolve("../shared/data/receipts-sroie/img").normalize();
            }
        }
        return null;
    }

    private static List<Path> synthetic() throws IOException {
        Path dir = Files.createTempDirectory("atrium-receipts-");
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<String> lines = new ArrayList<>(List.of("CORNER STORE SDN BHD", "No. " + (100 + i) + " Jalan Example",
                    "Date: 2019-03-" + String.format(Locale.ROOT, "%02d", i + 1), "Receipt #" + (5000 + i)));
            for (int item = 0; item < 12; item++) {
                lines.add(String.format(Locale.ROOT, "Item %02d  Bread and milk  %6.2f", item + 1, 1.5 + item * 0.75 + i));
            }
            lines.addAll(Arrays.asList("TOTAL  " + (40 + i) + ".50", "Thank you, please come again"));
            Path file = dir.resolve(String.format(Locale.ROOT, "synthetic-%02d.png", i));
            ImageIO.write(TextImages.render(lines, TextImages.latin(22), 600), "png", file.toFile());
            out.add(file);
        }
        return out;
    }
}
