package dev.atrium.engine.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.engine.fixtures.TextImages;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an upload that cannot be decoded is blamed on. */
class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(10_000_000, 50_000_000);

    private static Media truncatedPage() {
        byte[] whole = TextImages.png("page.png",
                TextImages.render(List.of("Hello"), TextImages.latin(30), 300)).bytes();
        return Media.of("half.png", "image/png", Arrays.copyOf(whole, whole.length / 2));
    }

    @Test
    void aReadThatFailsInACancelledRunIsACancellationNotACorruptUpload() {
        // An interrupted read surfaces as an I/O error from the image reader (as ImageIO's file cache did);
        // the user cancelled, and the upload must not be blamed.
        Media page = truncatedPage();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> decoder.decode(page, 1000)).isInstanceOf(RunCancelledException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aTruncatedImageIsBadInput() {
        assertThatThrownBy(() -> decoder.decode(truncatedPage(), 1000))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("half.png is corrupt");
    }

    @Test
    void anInterruptedThreadStillDecodesAWholeImageFromMemory() {
        // Decoding is short and uninterruptible here; the caller checks for cancellation around it.
        Media page = TextImages.png("page.png", TextImages.render(List.of("Hello"), TextImages.latin(30), 300));
        Thread.currentThread().interrupt();
        try {
            assertThat(decoder.decode(page, 1000).image().getWidth()).isEqualTo(300);
        } finally {
            Thread.interrupted();
        }
    }
}
