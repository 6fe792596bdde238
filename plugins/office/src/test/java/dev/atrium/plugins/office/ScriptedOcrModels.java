package dev.atrium.plugins.office;

import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.ForwardingModelGateway;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * OCR that answers a page with one reading and the vendor's rows read again with another (boxes in the page's
 * pixels, the page being {@link #blankPage()}, read at its own size), or says the rows' model is not installed
 * when there is none: what a reading rule does with given words, without Tesseract's variations.
 */
final class ScriptedOcrModels extends ForwardingModelGateway {
    final OcrResult page;
    final OcrResult rows;
    /** What was read, in order: "page [eng]", "rows [msa]". */
    final List<String> languages = new CopyOnWriteArrayList<>();

    ScriptedOcrModels(OcrResult page, OcrResult rows) {
        super(new FakeModelGateway());
        this.page = page;
        this.rows = rows;
    }

    /** A white 1,200 x 300 PNG: wide enough to be read as it is, so its pixels are the readings' pixels. */
    static Media blankPage() {
        BufferedImage image = new BufferedImage(1200, 300, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Media.of("r.png", "image/png", png.toByteArray());
    }

    @Override
    public CapabilityStatus status(Capability capability) {
        return capability == Capability.OCR ? CapabilityStatus.available(Capability.OCR, Engine.embedded("test"))
                : super.status(capability);
    }

    @Override
    public OcrResult ocr(Media image, List<String> langs) {
        boolean vendorRows = image.name().contains("-rows-");
        languages.add((vendorRows ? "rows " : "page ") + langs);
        if (!vendorRows) {
            return page;
        }
        if (rows == null) {
            throw new CapabilityUnavailableException("OCR language msa is not installed");
        }
        return rows;
    }
}
