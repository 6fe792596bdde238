package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Try-on with rendered photos: a figure on a plain background and a red T-shirt on white. */
class TryOnSkillTest {

    static BufferedImage person() {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(225, 225, 230));
        g.fillRect(0, 0, 300, 400);
        g.setColor(new Color(205, 160, 130));
        g.fillOval(125, 20, 50, 60);
        g.fillRect(140, 75, 20, 15);
        g.setColor(new Color(40, 60, 120));
        g.fillRect(100, 90, 100, 140);
        g.fillRect(75, 95, 25, 110);
        g.fillRect(200, 95, 25, 110);
        g.setColor(new Color(60, 60, 60));
        g.fillRect(105, 230, 40, 160);
        g.fillRect(155, 230, 40, 160);
        g.dispose();
        return img;
    }

    static BufferedImage shirt() {
        BufferedImage img = new BufferedImage(240, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 240, 240);
        g.setColor(new Color(200, 30, 40));
        g.fillPolygon(new Polygon(new int[] {60, 95, 145, 180, 220, 195, 175, 175, 65, 65, 45, 20},
                new int[] {30, 20, 20, 30, 80, 100, 85, 220, 220, 85, 100, 80}, 12));
        g.dispose();
        return img;
    }

    static Media png(String name, BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Media.of(name, "image/png", out.toByteArray());
    }

    static BufferedImage decode(Media m) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(m.bytes()));
    }

    @Test
    void theOfflinePreviewChangesOnlyTheRegionAndCarriesTheMark() throws IOException {
        BufferedImage person = person();
        SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("model.png", person)).file("garment", png("shirt.png", shirt()))
                .value("category", "upper").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        var r = run.resultMap();
        assertThat(r).containsEntry("width", 300).containsEntry("height", 400)
                .containsEntry("engine", "embedded/compositing-preview").containsEntry("preview", true);
        int[] region = (int[]) r.get("region");
        int[] mark = (int[]) r.get("mark");
        // The figure's torso and sleeves span x 75..224, y 90..229; the region lies on them.
        assertThat(region[0]).isBetween(70, 110);
        assertThat(region[0] + region[2]).isBetween(190, 230);
        assertThat(region[1]).isBetween(80, 130);

        BufferedImage out = decode(run.artifact("tryon.png"));
        BufferedImage mask = decode(run.artifact("mask.png"));
        assertThat(out.getWidth()).isEqualTo(300);
        assertThat(out.getHeight()).isEqualTo(400);
        int reddish = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 300; x++) {
                boolean inRegion = x >= region[0] && y >= region[1] && x < region[0] + region[2] && y < region[1] + region[3];
                boolean inMark = x >= mark[0] && y >= mark[1] && x < mark[0] + mark[2] && y < mark[1] + mark[3];
                if (!inRegion && !inMark) {
                    assertThat(out.getRGB(x, y)).as("pixel %d,%d outside the region", x, y).isEqualTo(person.getRGB(x, y));
                    assertThat(mask.getRaster().getSample(x, y, 0)).isZero();
                }
                Color c = new Color(out.getRGB(x, y));
                if (inRegion && c.getRed() > 120 && c.getRed() > 2 * c.getBlue()) {
                    reddish++;
                }
            }
        }
        assertThat(reddish).as("garment pixels in the region").isGreaterThan(region[2] * region[3] / 3);
        int markChanged = 0;
        for (int y = mark[1]; y < mark[1] + mark[3]; y++) {
            for (int x = mark[0]; x < mark[0] + mark[2]; x++) {
                markChanged += out.getRGB(x, y) != person.getRGB(x, y) ? 1 : 0;
            }
        }
        assertThat(markChanged).as("the visible mark").isGreaterThan(mark[2] * mark[3] / 2);
        String file = new String(run.artifact("tryon.png").bytes(), StandardCharsets.ISO_8859_1);
        assertThat(file).contains("AI-generated image; engine: embedded/compositing-preview");
    }

    @Test
    void aGivenRegionIsUsedAsIs() throws IOException {
        SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("model.png", person())).file("garment", png("shirt.png", shirt()))
                .value("region", "[110, 100, 80, 90]").run();
        assertThat((int[]) run.resultMap().get("region")).containsExactly(110, 100, 80, 90);
    }

    @Test
    void aRegionTheUserDrewReplacesTheEstimateAndIsReportedAsGiven() throws IOException {
        BufferedImage person = person();
        SkillRun estimated = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("model.png", person)).file("garment", png("shirt.png", shirt())).run();
        assertThat(estimated.resultMap()).containsEntry("regionSource", "estimated")
                .containsEntry("regionMethod", "silhouette+skin");

        SkillRun given = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("model.png", person)).file("garment", png("shirt.png", shirt()))
                .value("region", "20,240,120,150").run();

        assertThat(given.succeeded()).as(given.toString()).isTrue();
        assertThat(given.resultMap()).containsEntry("regionSource", "given").containsEntry("regionMethod", "given")
                .containsEntry("preview", true);
        assertThat((int[]) given.resultMap().get("region")).containsExactly(20, 240, 120, 150)
                .isNotEqualTo(estimated.resultMap().get("region"));
        // The garment went where the user put it: the mask is white there and black outside it.
        BufferedImage mask = ImageIO.read(new ByteArrayInputStream(given.artifact("mask.png").bytes()));
        int inside = 0;
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                boolean in = x >= 20 && x < 140 && y >= 240 && y < 390;
                int v = mask.getRaster().getSample(x, y, 0);
                if (!in) {
                    assertThat(v).as("mask at %d,%d outside the given region", x, y).isZero();
                } else if (v > 0) {
                    inside++;
                }
            }
        }
        assertThat(inside).isGreaterThan(120 * 150 / 3);
    }

    @Test
    void aRegionThatIsNotFourNumbersInsideThePhotoIsABadInputNamingTheRegion() throws IOException {
        for (String bad : List.of("20,240,120", "x=20 y=240", "20,240,0,150", "-5,10,50,50", "200,10,120,50",
                "10,10,2147483647,2147483647", "1.5,2,30,40")) {
            SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                    .file("person", png("model.png", person())).file("garment", png("shirt.png", shirt()))
                    .value("region", bad).run();
            assertThat(run.error()).as(bad).get().isInstanceOf(BadInputException.class);
            assertThat(((BadInputException) run.error().orElseThrow()).input()).as(bad).contains("region");
        }
    }

    @Test
    void aRemoteImageEditModelRendersTheTryOnFromTheGuideAndMask() throws IOException {
        BufferedImage rendered = person();
        FakeModelGateway models = new FakeModelGateway().onImage(png("out.png", rendered));

        SkillRun run = SkillHarness.of(new TryOnSkill()).models(models)
                .file("person", png("model.png", person())).file("garment", png("shirt.png", shirt()))
                .value("category", "dress").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("engine", "fake/fake-model").containsEntry("preview", false);
        ImageRequest sent = (ImageRequest) models.requests().get(0).payload();
        assertThat(sent.isEdit()).isTrue();
        assertThat(sent.mask()).isNotNull();
        assertThat(sent.prompt()).contains("dress").contains("Do not change the face");
        assertThat(sent.references()).as("the garment photo goes along as a reference image")
                .singleElement().satisfies(reference -> assertThat(reference.name()).isEqualTo("shirt.png"));
        assertThat(new String(run.artifact("tryon.png").bytes(), StandardCharsets.ISO_8859_1))
                .contains("engine: fake/fake-model");
    }

    @Test
    void aFileThatIsNotAnImageIsABadInputNamingIt() throws IOException {
        SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", Media.ofText("model.png", "image/png", "not an image"))
                .file("garment", png("shirt.png", shirt())).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class);
        assertThat(((BadInputException) run.error().get()).input()).contains("person");
    }

    @Test
    void aFiftyMegapixelPhotoIsRefusedBeforeItIsDecoded() throws IOException {
        BufferedImage huge = new BufferedImage(8200, 6200, BufferedImage.TYPE_BYTE_BINARY);
        SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("huge.png", huge)).file("garment", png("shirt.png", shirt())).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class)
                .extracting(Throwable::getMessage).asString().contains("50.8 megapixels");
    }

    @Test
    void aGarmentThatCannotBeToldFromItsBackgroundAndABadRegionAreBadInput() throws IOException {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        SkillRun run = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("model.png", person())).file("garment", png("blank.png", blank)).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class)
                .extracting(Throwable::getMessage).asString().contains("background");

        SkillRun outside = SkillHarness.of(new TryOnSkill()).models(new FakeModelGateway())
                .file("person", png("model.png", person())).file("garment", png("shirt.png", shirt()))
                .value("region", "[250, 100, 80, 90]").run();
        assertThat(((BadInputException) outside.error().orElseThrow()).input()).contains("region");
    }
}
