package dev.atrium.plugins.ecommerce.eval;

import dev.atrium.plugins.ecommerce.TryOnSkill;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The {@code tryon} skill, offline, over {@code tryon-vitonhd}: model photo i with garment photo i (sorted by
 * name), upper-body category. Writes a contact sheet (model | garment | result) and prints seconds per image.
 */
final class TryOnEvaluation {

    private TryOnEvaluation() {
    }

    static void run(Path folder, int limit, PrintStream out) throws IOException {
        List<Path> people = images(folder.resolve("person"));
        List<Path> garments = images(folder.resolve("cloth"));
        int pairs = Math.min(people.size(), garments.size());
        if (limit > 0) {
            pairs = Math.min(pairs, limit);
        }
        int thumbW = 192;
        int thumbH = 256;
        BufferedImage sheet = new BufferedImage(3 * thumbW, Math.max(1, pairs) * thumbH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        double total = 0;
        int done = 0;
        String size = "";
        for (int i = 0; i < pairs; i++) {
            Media person = Media.ofFile(people.get(i).getFileName().toString(), "image/jpeg", people.get(i));
            Media garment = Media.ofFile(garments.get(i).getFileName().toString(), "image/jpeg", garments.get(i));
            long start = System.nanoTime();
            SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway()).pluginId("ecommerce")
                    .file("person", person).file("garment", garment).value("category", "upper").run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!run.succeeded()) {
                out.printf("  %s + %s: failed: %s%n", person.name(), garment.name(),
                        run.error().map(Throwable::getMessage).orElse("?"));
                continue;
            }
            total += seconds;
            done++;
            BufferedImage result = ImageIO.read(new ByteArrayInputStream(run.artifact("tryon.png").bytes()));
            size = result.getWidth() + "x" + result.getHeight();
            int[] region = (int[]) run.resultMap().get("region");
            out.printf("  %s + %s: %.2f s, region [%d, %d, %d, %d]%n", person.name(), garment.name(), seconds,
                    region[0], region[1], region[2], region[3]);
            g.drawImage(ImageIO.read(people.get(i).toFile()), 0, i * thumbH, thumbW, thumbH, null);
            g.drawImage(ImageIO.read(garments.get(i).toFile()), thumbW, i * thumbH, thumbW, thumbH, null);
            g.drawImage(result, 2 * thumbW, i * thumbH, thumbW, thumbH, null);
        }
        g.dispose();
        Path dir = Path.of(System.getProperty("atrium.eval.out", "plugins/ecommerce/target/eval"));
        Files.createDirectories(dir);
        Path file = dir.resolve("tryon-contact-sheet.png");
        ImageIO.write(sheet, "png", file.toFile());
        out.printf("pairs: %d of %d, engine: embedded/compositing-preview, output %s%n", done, pairs, size);
        out.printf("seconds per image (offline, harness run included): %.2f%n", done == 0 ? 0 : total / done);
        out.printf("contact sheet (model | garment | result): %s%n", file.toAbsolutePath().normalize());
    }

    private static List<Path> images(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return new ArrayList<>(files.filter(p -> p.toString().matches("(?i).*\\.(jpe?g|png|webp)$")).sorted().toList());
        }
    }
}
