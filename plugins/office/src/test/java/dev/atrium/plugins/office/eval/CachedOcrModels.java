package dev.atrium.plugins.office.eval;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.testkit.ForwardingModelGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A gateway that keeps OCR readings in a folder, keyed by the image's bytes and the languages, so that work on
 * the receipt reader's rules can be re-measured in seconds ({@code -Datrium.eval.ocrCache=/tmp/ocr}). An image
 * prepared differently has other bytes and is read again, so the cache never hides a change to preprocessing.
 * For evaluation runs only; receipts/s measured from a warm cache is not the skill's speed.
 */
final class CachedOcrModels extends ForwardingModelGateway {

    private final Path folder;

    CachedOcrModels(ModelGateway models, Path folder) {
        super(models);
        this.folder = folder;
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        Path file = folder.resolve(key(image.bytes(), languages) + ".tsv");
        try {
            if (Files.exists(file)) {
                return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
            OcrResult result = delegate().ocr(image, languages);
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "ocr", ".tmp");
            Files.write(tmp, format(result), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(byte[] bytes, List<String> languages) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            sha.update(String.join("+", languages).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> format(OcrResult r) {
        List<String> out = new ArrayList<>();
        Engine e = r.engine();
        out.add("E\t" + (e == null ? "" : e.kind() + "\t" + e.provider() + "\t" + e.model()));
        for (OcrResult.Line l : r.lines()) {
            out.add("L\t" + l.confidence() + "\t" + box(l.box()) + "\t" + clean(l.text()));
        }
        for (OcrResult.Word w : r.words()) {
            out.add("W\t" + w.confidence() + "\t" + box(w.box()) + "\t" + w.line() + "\t" + clean(w.text()));
        }
        return out;
    }

    private static OcrResult parse(List<String> lines) {
        Engine engine = null;
        List<OcrResult.Line> rows = new ArrayList<>();
        List<OcrResult.Word> words = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "E" -> engine = f.length >= 4 ? new Engine(Engine.Kind.valueOf(f[1]), f[2], f[3]) : null;
                case "L" -> rows.add(new OcrResult.Line(f[3], Double.parseDouble(f[1]), box(f[2])));
                case "W" -> words.add(new OcrResult.Word(f[4], Double.parseDouble(f[1]), box(f[2]), Integer.parseInt(f[3])));
                default -> throw new IllegalStateException("bad OCR cache line: " + line);
            }
        }
        String text = String.join("\n", rows.stream().map(OcrResult.Line::text).toList());
        return new OcrResult(text, rows, words, engine);
    }

    private static String box(OcrResult.Box b) {
        return b == null ? "-" : b.x() + "," + b.y() + "," + b.width() + "," + b.height();
    }

    private static OcrResult.Box box(String s) {
        if (s.equals("-")) {
            return null;
        }
        String[] p = s.split(",");
        return new OcrResult.Box(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
