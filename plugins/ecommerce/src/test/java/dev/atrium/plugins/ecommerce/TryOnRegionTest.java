package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * The estimated try-on region on drawn people: a skin-coloured head and bare arms, a green shirt, grey trousers on
 * a light background. The shirt's torso is x 100..199, y 90..229; the bare arms hang beside it.
 */
class TryOnRegionTest {

    static final Color SKIN = new Color(205, 160, 130);
    static final Rectangle TORSO = new Rectangle(100, 90, 100, 140);
    static final Rectangle LEFT_ARM = new Rectangle(82, 120, 18, 105);
    static final Rectangle RIGHT_ARM = new Rectangle(200, 120, 18, 105);
    static final Rectangle HEAD = new Rectangle(125, 20, 50, 60);

    /** A person in a short-sleeved shirt with bare arms; {@code longHair} adds hair wider than the shoulders. */
    static BufferedImage bareArms(boolean longHair, boolean shorts) {
        BufferedImage img = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(225, 225, 230));
        g.fillRect(0, 0, 300, 400);
        if (longHair) {
            g.setColor(new Color(45, 30, 20));
            g.fillRect(95, 10, 110, 140);
        }
        g.setColor(new Color(60, 60, 60));
        g.fillRect(105, 230, 40, 160);
        g.fillRect(155, 230, 40, 160);
        if (shorts) {
            g.setColor(SKIN);
            g.fillRect(108, 290, 34, 100);
            g.fillRect(158, 290, 34, 100);
        }
        g.setColor(SKIN);
        g.fillOval(HEAD.x, HEAD.y, HEAD.width, HEAD.height);
        g.fillRect(140, 75, 20, 15);
        g.fill(LEFT_ARM);
        g.fill(RIGHT_ARM);
        g.fillRect(80, 225, 22, 20);
        g.fillRect(198, 225, 22, 20);
        g.setColor(new Color(50, 140, 80));
        g.fill(TORSO);
        g.fillRect(80, 90, 20, 30);
        g.fillRect(200, 90, 20, 30);
        g.dispose();
        return img;
    }

    static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        BufferedImage rgb = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(grey, 0, 0, null);
        return rgb;
    }

    static double covered(TryOnCompositor.Region region, Rectangle part) {
        Rectangle r = new Rectangle(region.x(), region.y(), region.width(), region.height()).intersection(part);
        return r.isEmpty() ? 0 : (double) r.width * r.height / (part.width * part.height);
    }

    @Test
    void theUpperBodyRegionCoversTheShirtAndLeavesTheBareArmsOut() {
        TryOnCompositor.Estimate e = TryOnCompositor.estimate(bareArms(false, false), "upper");

        assertThat(e.method()).isEqualTo("silhouette+skin");
        assertThat(covered(e.region(), TORSO)).as("share of the shirt's torso in the region").isGreaterThan(0.85);
        assertThat(covered(e.region(), LEFT_ARM)).as("share of the left arm in the region").isLessThan(0.1);
        assertThat(covered(e.region(), RIGHT_ARM)).as("share of the right arm in the region").isLessThan(0.1);
    }

    @Test
    void theFaceIsFoundAndTheGarmentStaysBelowTheChin() {
        TryOnCompositor.Estimate e = TryOnCompositor.estimate(bareArms(false, false), "upper");

        assertThat(e.face()).isNotNull();
        assertThat(covered(e.face(), HEAD)).as("share of the drawn head inside the face box").isGreaterThan(0.7);
        assertThat(e.face().y() + e.face().height()).as("chin").isBetween(70, 92);
        assertThat(e.region().y()).isGreaterThanOrEqualTo(HEAD.y + HEAD.height - 3);
    }

    @Test
    void theFaceAnchorsTheShouldersWhenLongHairHidesThemFromTheSilhouette() {
        BufferedImage person = bareArms(true, false);
        TryOnCompositor.Estimate withSkin = TryOnCompositor.estimate(person, "upper");
        TryOnCompositor.Estimate silhouetteOnly = TryOnCompositor.estimate(grey(person), "upper");

        assertThat(withSkin.method()).isEqualTo("silhouette+skin");
        // The shirt starts at y 90; without the face the region starts on the chin.
        assertThat(withSkin.region().y()).isBetween(82, 110);
        assertThat(silhouetteOnly.method()).isEqualTo("silhouette");
        assertThat(silhouetteOnly.region().y()).isLessThan(HEAD.y + HEAD.height);
        assertThat(covered(withSkin.region(), TORSO)).isGreaterThan(0.8);
    }

    @Test
    void aGreyScalePhotoFallsBackToTheSilhouetteAlone() {
        TryOnCompositor.Estimate e = TryOnCompositor.estimate(grey(bareArms(false, false)), "upper");

        assertThat(e.method()).isEqualTo("silhouette");
        assertThat(e.face()).isNull();
        // As before skin segmentation: the silhouette's edges, arms included.
        assertThat(e.region().x()).isLessThanOrEqualTo(85);
        assertThat(e.region().x() + e.region().width()).isGreaterThanOrEqualTo(215);
        assertThat(covered(e.region(), TORSO)).isGreaterThan(0.85);
    }

    @Test
    void aPersonWithNoSkinShowingKeepsTheSilhouetteEstimate() {
        BufferedImage covered = TryOnSkillTest.person();
        Graphics2D g = covered.createGraphics();
        g.setColor(new Color(30, 30, 35));
        g.fillOval(125, 20, 50, 60);
        g.fillRect(140, 75, 20, 15);
        g.dispose();

        TryOnCompositor.Estimate e = TryOnCompositor.estimate(covered, "upper");

        assertThat(e.method()).isEqualTo("silhouette");
        assertThat(e.region()).isEqualTo(TryOnCompositor.estimate(grey(covered), "upper").region());
    }

    @Test
    void bareLegsUnderShortsStayInsideATrousersRegion() {
        TryOnCompositor.Estimate e = TryOnCompositor.estimate(bareArms(false, true), "lower");

        assertThat(e.method()).isEqualTo("silhouette+skin");
        assertThat(covered(e.region(), new Rectangle(108, 290, 84, 80))).as("legs").isGreaterThan(0.9);
        assertThat(covered(e.region(), new Rectangle(80, 225, 22, 20))).as("left hand").isLessThan(0.1);
        assertThat(e.region().y()).as("below the waist").isGreaterThan(TORSO.y + TORSO.height / 2);
    }
}
