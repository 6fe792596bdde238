package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.engine.ocr.TesseractOcr;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A problem photographed (rendered here) and read by the embedded Tesseract OCR, as on the platform. */
class PhotographedProblemTest {

    /** The languages the tutor asks OCR for; the fake hands them to the real Tesseract. */
    private static final java.util.List<String> SKILL_LANGUAGES = java.util.List.of("eng", "chi_sim");

    static Media render(String... lines) throws IOException {
        return render(new Font(Font.SANS_SERIF, Font.PLAIN, 44), lines);
    }

    static Media render(Font font, String... lines) throws IOException {
        BufferedImage image = new BufferedImage(1400, 90 * lines.length + 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 40, 80 + 90 * i);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Media.of("problem.png", "image/png", out.toByteArray());
    }

    @Test
    void aPhotographedProblemIsReadByOcrAndTutored() throws IOException {
        TesseractOcr tesseract = new TesseractOcr();
        assumeTrue(tesseract.isAvailable(), "Tesseract is not installed (apt-get install " + TesseractOcr.APT_PACKAGES + ")");
        FakeModelGateway models = new FakeModelGateway().onOcr(image -> tesseract.recognize(image, SKILL_LANGUAGES))
                .engine(dev.atrium.sdk.model.Capability.OCR, TesseractOcr.ENGINE);
        InMemoryPluginStorage storage = new InMemoryPluginStorage();

        SkillRun start = SkillHarness.of(new TutorSkill()).storage(storage).models(models)
                .file("photo", render("Tom has 12 apples. He buys 5 more.", "How many apples does he have now?"))
                .value("solution", "12 + 5 = 17").run();

        assertThat(start.succeeded()).as(start + " " + start.error()).isTrue();
        Map<String, Object> result = start.resultMap();
        assertThat(result.get("engine")).isEqualTo("tesseract-5+embedded+rules");
        SkillRun wrong = SkillHarness.of(new TutorSkill()).storage(storage)
                .value("session", result.get("session")).value("message", "12 + 5 = 18").run();
        assertThat(wrong.resultMap()).containsEntry("move", "locate-error");

        @SuppressWarnings("unchecked")
        Map<String, Object> teacher = ((java.util.List<Map<String, Object>>) SkillHarness.of(new TutorSkill())
                .storage(storage).value("action", "teacher").run().resultMap().get("sessions")).get(0);
        assertThat((String) teacher.get("problem")).contains("Tom has 12 apples", "How many apples");
    }

    @Test
    void aPhotographedChineseProblemStartsAChineseSession() throws IOException {
        TesseractOcr tesseract = new TesseractOcr();
        assumeTrue(tesseract.isAvailable(), "Tesseract is not installed (apt-get install " + TesseractOcr.APT_PACKAGES + ")");
        Font cjk = new Font("WenQuanYi Zen Hei", Font.PLAIN, 48);
        assumeTrue(cjk.canDisplay('苹'), "no CJK font for rendering (apt-get install fonts-wqy-zenhei)");
        FakeModelGateway models = new FakeModelGateway()
                .onOcr(image -> tesseract.recognize(image, SKILL_LANGUAGES));

        SkillRun start = SkillHarness.of(new TutorSkill()).models(models)
                .file("photo", render(cjk, "小明有12个苹果，又买了5个。", "现在一共有多少个苹果？"))
                .value("solution", "12 + 5 = 17").run();

        assertThat(start.succeeded()).as(start + " " + start.error()).isTrue();
        assertThat((String) start.resultMap().get("reply")).contains("我们一起来做这道题");
        assertThat(models.requests().get(0).payload())
                .isEqualTo(new FakeModelGateway.OcrRequest(((FakeModelGateway.OcrRequest) models.requests().get(0)
                        .payload()).image(), SKILL_LANGUAGES));
    }
}
