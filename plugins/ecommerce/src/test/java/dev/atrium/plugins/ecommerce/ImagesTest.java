package dev.atrium.plugins.ecommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagesTest {

    private static Media truncated() {
        byte[] whole = Images.png("photo.png", new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), Map.of()).bytes();
        return Media.of("photo.png", "image/png", Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    void aTruncatedPhotoIsBadInputNamingTheInput() {
        assertThatThrownBy(() -> Images.read(truncated(), "person"))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("person"));
    }

    @Test
    void aReadThatFailsInACancelledRunIsACancellation() {
        Media photo = truncated();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Images.read(photo, "person")).isInstanceOf(RunCancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void textEntriesSurviveTheRoundTrip() throws IOException {
        Media png = Images.png("made.png", new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB),
                Map.of("Software", "Atrium"));

        assertThat(Images.read(png, "person").getWidth()).isEqualTo(20);
        assertThat(new String(png.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Software")
                .contains("Atrium");
    }
}
