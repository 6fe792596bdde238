package dev.atrium.documents.bench;

import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Compares PDF text extraction by the kit with poppler's {@code pdftotext} on the same files, one thread each:
 * pages per second, the median of three timed rounds after one warm-up round. Not a test; run it by hand
 * (see this module's README). Without a folder argument it generates 50 multi-page PDFs first.
 */
public final class PdfExtractionBenchmark {

    private static final int ROUNDS = 3;
    private static final int GENERATED_FILES = 50;

    private PdfExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean generated = args.length == 0;
        if (!generated && !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("not a folder: " + args[0]);
            System.exit(2);
        }
        Path folder = generated ? generate(Files.createTempDirectory("pdf-bench")) : Path.of(args[0]);
        try {
            run(folder);
        } finally {
            if (generated) {
                try (Stream<Path> listing = Files.list(folder)) {
                    for (Path file : listing.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(folder);
            }
        }
    }

    private static void run(Path folder) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".pdf")).sorted().toList();
        }
        if (files.isEmpty()) {
            System.err.println("no .pdf files in " + folder);
            System.exit(2);
        }
        OfficeDocumentKit kit = new OfficeDocumentKit();
        int pages = 0;
        for (Path file : files) {
            pages += kit.read(Media.ofFile(file.getFileName().toString(), "application/pdf", file)).pages();
        }
        System.out.printf("%d PDFs, %d pages in %s%n", files.size(), pages, folder);
        boolean poppler = pdftotextAvailable();
        if (!poppler) {
            System.out.println("pdftotext not found (install poppler-utils): timing the kit only");
        }

        // One untimed round each warms the JIT, the page cache and poppler's font set-up.
        kitRound(kit, files);
        if (poppler) {
            popplerRound(files);
        }
        double[] kitSeconds = new double[ROUNDS];
        double[] popplerSeconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            kitSeconds[round] = kitRound(kit, files);
            popplerSeconds[round] = poppler ? popplerRound(files) : Double.NaN;
            System.out.printf("round %d: kit %.2f s, pdftotext %.2f s%n", round + 1, kitSeconds[round],
                    popplerSeconds[round]);
        }
        double kitRate = pages / median(kitSeconds);
        System.out.printf("kit (PDFBox)   %8.1f pages/s (median of %d rounds, 1 thread)%n", kitRate, ROUNDS);
        if (poppler) {
            double popplerRate = pages / median(popplerSeconds);
            System.out.printf("pdftotext      %8.1f pages/s (median of %d rounds, 1 process at a time)%n", popplerRate,
                    ROUNDS);
            System.out.printf("ratio kit/pdftotext: %.2f%n", kitRate / popplerRate);
        }
    }

    private static double kitRound(OfficeDocumentKit kit, List<Path> files) {
        long start = System.nanoTime();
        long chars = 0;
        for (Path file : files) {
            chars += kit.read(Media.ofFile(file.getFileName().toString(), "application/pdf", file)).text().length();
        }
        if (chars == 0) {
            System.out.println("warning: the kit extracted no text");
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double popplerRound(List<Path> files) throws IOException, InterruptedException {
        long start = System.nanoTime();
        for (Path file : files) {
            Process process = new ProcessBuilder("pdftotext", "-q", file.toString(), "-")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor() != 0) {
                System.out.println("pdftotext failed on " + file);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static boolean pdftotextAvailable() {
        try {
            return new ProcessBuilder("pdftotext", "-v").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes PDFs of 4 to 16 pages of mixed English and Chinese paragraphs, lists and tables. */
    private static Path generate(Path folder) throws IOException {
        OfficeDocumentKit kit = new OfficeDocumentKit();
        Random random = new Random(42);
        String[] sentences = {
            "Quarterly revenue rose on the strength of new enterprise contracts in three regions.",
            "The committee reviewed the budget and asked for a revised plan by the end of the month.",
            "Customer satisfaction improved after the support team shortened its response times.",
            "本季度收入增长主要来自三个地区的新企业合同。",
            "委员会审议了预算，并要求在月底前提交修订后的计划。",
        };
        for (int f = 1; f <= GENERATED_FILES; f++) {
            List<Block> blocks = new ArrayList<>();
            int sections = 4 + random.nextInt(13);
            for (int s = 1; s <= sections; s++) {
                blocks.add(new Block.Heading(1, "Section " + s));
                for (int p = 0; p < 5; p++) {
                    StringBuilder paragraph = new StringBuilder();
                    for (int k = 0; k < 4 + random.nextInt(4); k++) {
                        paragraph.append(sentences[random.nextInt(sentences.length)]).append(' ');
                    }
                    blocks.add(new Block.Paragraph(paragraph.toString().strip()));
                }
                blocks.add(new Block.BulletList(Arrays.asList(sentences).subList(0, 3)));
                List<List<Object>> rows = new ArrayList<>();
                for (int r = 0; r < 8; r++) {
                    rows.add(List.of("Item " + r, (long) random.nextInt(1000), random.nextDouble() * 100));
                }
                blocks.add(new Block.TableBlock(new Table("t", List.of("Name", "Units", "Price"), rows)));
            }
            Media pdf = kit.writePdf("doc-" + f, new DocumentContent("Report " + f, blocks, "Benchmark", "Atrium"),
                    PdfOptions.DEFAULT);
            Files.write(folder.resolve(String.format("doc-%02d.pdf", f)), pdf.bytes());
        }
        return folder;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
