package dev.atrium.plugins.office;

import dev.atrium.engine.ocr.TesseractOcr;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.ForwardingModelGateway;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway a skill sees on a fresh platform: OCR by the embedded engine's Tesseract (the same class the
 * host wires in), every other capability from a {@link FakeModelGateway} (unavailable unless scripted).
 * The testkit's fake has no real OCR, and reading rendered receipts is what these tests are about.
 */
public final class EmbeddedOcrModels extends ForwardingModelGateway {

    // -Datrium.ocr.inProcess=false runs the tesseract command for every image, as before libtesseract was
    // called in-process (for evaluations comparing the two).
    private static final TesseractOcr OCR = new TesseractOcr(TesseractOcr.Options.defaults()
            .withInProcess(!"false".equals(System.getProperty("atrium.ocr.inProcess"))));

    private final List<String> read = new CopyOnWriteArrayList<>();

    public EmbeddedOcrModels() {
        this(new FakeModelGateway());
    }

    public EmbeddedOcrModels(FakeModelGateway others) {
        super(others);
    }

    /** Whether Tesseract and its languages are installed here. */
    public static boolean available() {
        return OCR.isAvailable();
    }

    @Override
    public CapabilityStatus status(Capability capability) {
        return capability == Capability.OCR ? OCR.status() : super.status(capability);
    }

    /** The names of the images sent to OCR, in order. */
    public List<String> read() {
        return List.copyOf(read);
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        read.add(image.name());
        return OCR.recognize(image, languages);
    }
}
