package dev.atrium.engine.ocr;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillTimeoutException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Tesseract read in this process through its C API ({@code libtesseract.so.5}, loaded with JNA), instead of one
 * {@code tesseract} process per image. A process starts, loads its language model and decodes its image file
 * for every call (a SROIE receipt: 0.43 s by the command, 0.30 s here); here each model is loaded once and kept
 * in a handle that later readings reuse. Images reach Tesseract as pixels Java decoded, so Leptonica's file decoders
 * never see an upload. Readings honour a deadline and the calling thread's interrupt through Tesseract's
 * progress monitor.
 *
 * <p>One library per process: {@link #get()} loads it on first use, or says why it cannot. Thread-safe; each
 * handle serves one reading at a time.
 */
final class TesseractLibrary {

    /** Tesseract's C API, the functions used here ({@code tesseract/capi.h}). */
    interface Api extends Library {
        Pointer TessBaseAPICreate();

        int TessBaseAPIInit3(Pointer handle, String datapath, String language);

        int TessBaseAPISetVariable(Pointer handle, String name, String value);

        void TessBaseAPISetPageSegMode(Pointer handle, int mode);

        void TessBaseAPISetImage(Pointer handle, byte[] data, int width, int height, int bytesPerPixel,
                                 int bytesPerLine);

        int TessBaseAPIRecognize(Pointer handle, Pointer monitor);

        Pointer TessBaseAPIGetTsvText(Pointer handle, int pageNumber);

        void TessDeleteText(Pointer text);

        void TessBaseAPIClear(Pointer handle);

        void TessBaseAPIEnd(Pointer handle);

        void TessBaseAPIDelete(Pointer handle);

        Pointer TessMonitorCreate();

        void TessMonitorDelete(Pointer monitor);

        void TessMonitorSetDeadlineMSecs(Pointer monitor, int deadline);

        void TessMonitorSetCancelFunc(Pointer monitor, CancelFunction cancel);

        String TessVersion();
    }

    /** Asked by Tesseract between words whether to stop. */
    interface CancelFunction extends Callback {
        boolean invoke(Pointer cancelThis, int words);
    }

    private interface C extends Library {
        int setenv(String name, String value, int overwrite);
    }

    // Asked on the reading thread: an interrupted caller (a cancelled run) stops the reading. Kept in a field so
    // the native stub is never collected.
    private static final CancelFunction STOP_WHEN_INTERRUPTED = (cancelThis, words) ->
            Thread.currentThread().isInterrupted();

    private static volatile TesseractLibrary loaded;
    private static volatile String unavailable;
    /** Whether Tesseract's notes have been sent to /dev/null (a setting shared by all handles). */
    private static boolean quiet;

    private final Api api;
    private final int keepIdle;
    /** Idle handles by tessdata folder and languages, the least recently used first. */
    private final LinkedHashMap<String, Deque<Pointer>> idle = new LinkedHashMap<>(8, 0.75f, true);
    private int idleCount;

    /**
     * @param keepIdle how many idle handles are kept in all (each holds a language model, 20-100 MB of native
     *     memory); beyond it, those of the language set used longest ago are let go
     */
    private TesseractLibrary(Api api, int keepIdle) {
        this.api = api;
        this.keepIdle = keepIdle;
    }

    /**
     * The library, loaded on first call.
     *
     * @throws CapabilityUnavailableException when {@code libtesseract} cannot be loaded, with the reason
     */
    static TesseractLibrary get() {
        TesseractLibrary library = loaded;
        if (library != null) {
            return library;
        }
        synchronized (TesseractLibrary.class) {
            if (loaded == null && unavailable == null) {
                try {
                    // One OpenMP thread per reading, as for the command (see TesseractOcr): OpenMP reads this
                    // when libtesseract brings it in, so it is set first.
                    Native.load("c", C.class).setenv("OMP_THREAD_LIMIT", "1", 1);
                    Api api = Native.load("tesseract", Api.class);
                    api.TessVersion();
                    loaded = new TesseractLibrary(api, 2 * Math.max(2, Runtime.getRuntime().availableProcessors()));
                } catch (LinkageError | RuntimeException e) {
                    unavailable = "libtesseract cannot be loaded in-process (" + e.getMessage() + ")";
                }
            }
            if (loaded == null) {
                throw new CapabilityUnavailableException(unavailable);
            }
            return loaded;
        }
    }

    /** Whether {@link #get()} succeeds. */
    static boolean available() {
        try {
            get();
            return true;
        } catch (CapabilityUnavailableException e) {
            return false;
        }
    }

    /**
     * Reads the image and returns Tesseract's TSV words.
     *
     * @param image grey or colour pixels, passed to Tesseract as 8-bit grey or 24-bit RGB
     * @param tessdata folder of the language data, {@code null} for Tesseract's own
     * @param deadline {@link System#nanoTime()} by which the reading must end
     * @throws CapabilityUnavailableException if a language cannot be loaded
     * @throws SkillTimeoutException if the deadline passes
     * @throws RunCancelledException if the calling thread is interrupted
     */
    List<TsvWords.Word> read(BufferedImage image, Path tessdata, List<String> languages, int pageSegmentation,
                             long deadline) {
        String key = (tessdata == null ? "" : tessdata.toString()) + "|" + String.join("+", languages);
        Pointer handle = take(key, tessdata, languages);
        Pointer monitor = api.TessMonitorCreate();
        boolean reusable = false;
        try {
            Pixels pixels = Pixels.of(image);
            api.TessBaseAPISetPageSegMode(handle, pageSegmentation);
            api.TessBaseAPISetImage(handle, pixels.data(), image.getWidth(), image.getHeight(), pixels.bytesPerPixel(),
                    image.getWidth() * pixels.bytesPerPixel());
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SkillTimeoutException("OCR did not finish in time");
            }
            // Rounded up, so that when Tesseract stops for its deadline, this thread's deadline has passed too.
            api.TessMonitorSetDeadlineMSecs(monitor, (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
            api.TessMonitorSetCancelFunc(monitor, STOP_WHEN_INTERRUPTED);
            int status = api.TessBaseAPIRecognize(handle, monitor);
            if (status != 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new RunCancelledException();
                }
                if (System.nanoTime() >= deadline) {
                    throw new SkillTimeoutException("OCR did not finish in time");
                }
                throw new ProviderException("Tesseract could not read the image (status " + status + ")");
            }
            Pointer tsv = api.TessBaseAPIGetTsvText(handle, 0);
            if (tsv == null) {
                throw new ProviderException("Tesseract gave no result for the image");
            }
            try {
                reusable = true;
                return TsvWords.parse(tsv.getString(0, StandardCharsets.UTF_8.name()));
            } finally {
                api.TessDeleteText(tsv);
            }
        } finally {
            api.TessMonitorDelete(monitor);
            give(key, handle, reusable);
        }
    }

    private Pointer take(String key, Path tessdata, List<String> languages) {
        synchronized (idle) {
            Deque<Pointer> ready = idle.get(key);
            if (ready != null && !ready.isEmpty()) {
                idleCount--;
                return ready.pop();
            }
        }
        // One handle made at a time: debug_file is a setting all handles share.
        synchronized (TesseractLibrary.class) {
            Pointer handle = api.TessBaseAPICreate();
            String languageSet = String.join("+", languages);
            if (api.TessBaseAPIInit3(handle, tessdata == null ? null : tessdata.toString(), languageSet) != 0) {
                api.TessBaseAPIDelete(handle);
                throw new CapabilityUnavailableException("Tesseract language data for " + languageSet
                        + " cannot be loaded; install the Debian packages " + OcrLanguages.aptPackages(languages));
            }
            if (!quiet) {
                // Tesseract's notes ("Estimating resolution as 310") would reach the server's stderr per image.
                api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
                quiet = true;
            }
            return handle;
        }
    }

    private void give(String key, Pointer handle, boolean reusable) {
        api.TessBaseAPIClear(handle);
        List<Pointer> surplus = new ArrayList<>();
        if (reusable) {
            synchronized (idle) {
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(handle);
                idleCount++;
                // The language sets used longest ago give up their handles first.
                Iterator<Deque<Pointer>> sets = idle.values().iterator();
                while (idleCount > keepIdle && sets.hasNext()) {
                    Deque<Pointer> set = sets.next();
                    while (idleCount > keepIdle && !set.isEmpty()) {
                        surplus.add(set.removeLast());
                        idleCount--;
                    }
                }
            }
        } else {
            // A handle whose reading was stopped part-way is not trusted again.
            surplus.add(handle);
        }
        for (Pointer gone : surplus) {
            api.TessBaseAPIEnd(gone);
            api.TessBaseAPIDelete(gone);
        }
    }

    /** Pixels in the layout {@code TessBaseAPISetImage} takes: rows of 8-bit grey, or of R, G, B bytes. */
    record Pixels(byte[] data, int bytesPerPixel) {

        static Pixels of(BufferedImage image) {
            int width = image.getWidth();
            int height = image.getHeight();
            byte[] plain = plainBytes(image);
            if (plain != null && image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                return new Pixels(plain, 1);
            }
            if (plain != null && image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
                // A decoded JPEG: B, G, R bytes turned into R, G, B.
                byte[] rgb = new byte[plain.length];
                for (int i = 0; i < plain.length; i += 3) {
                    rgb[i] = plain[i + 2];
                    rgb[i + 1] = plain[i + 1];
                    rgb[i + 2] = plain[i];
                }
                return new Pixels(rgb, 3);
            }
            if (plain != null && image.getType() == BufferedImage.TYPE_BYTE_INDEXED && isGrayPalette(image)) {
                // A grey BMP or PNG: each palette index to its grey.
                IndexColorModel palette = (IndexColorModel) image.getColorModel();
                byte[] greys = new byte[256];
                for (int i = 0; i < palette.getMapSize(); i++) {
                    greys[i] = (byte) palette.getRed(i);
                }
                byte[] data = new byte[plain.length];
                for (int i = 0; i < plain.length; i++) {
                    data[i] = greys[plain[i] & 0xff];
                }
                return new Pixels(data, 1);
            }
            if (image.getRaster().getNumBands() == 1 && !(image.getColorModel() instanceof IndexColorModel)) {
                // Grey samples as stored (8 or 16 bits), as Leptonica reads them; getRGB would convert them from
                // linear grey to sRGB and lighten the page.
                int bits = image.getSampleModel().getSampleSize(0);
                int[] samples = image.getRaster().getSamples(0, 0, width, height, 0, (int[]) null);
                byte[] data = new byte[width * height];
                for (int i = 0; i < samples.length; i++) {
                    data[i] = (byte) (bits > 8 ? samples[i] >> (bits - 8) : samples[i]);
                }
                return new Pixels(data, 1);
            }
            boolean gray = isGrayPalette(image);
            int channels = gray ? 1 : 3;
            byte[] data = new byte[width * height * channels];
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                int at = y * width * channels;
                for (int x = 0; x < width; x++) {
                    int rgb = row[x];
                    if (gray) {
                        data[at + x] = (byte) rgb;
                    } else {
                        data[at + 3 * x] = (byte) (rgb >> 16);
                        data[at + 3 * x + 1] = (byte) (rgb >> 8);
                        data[at + 3 * x + 2] = (byte) rgb;
                    }
                }
            }
            return new Pixels(data, channels);
        }

        /** The pixel bytes when the raster is one plain array of whole rows at its origin, else null. */
        private static byte[] plainBytes(BufferedImage image) {
            var raster = image.getRaster();
            int bytesPerPixel = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1;
            return raster.getDataBuffer() instanceof DataBufferByte buffer
                    && buffer.getData().length == image.getWidth() * image.getHeight() * bytesPerPixel
                    && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                    ? buffer.getData() : null;
        }

        /** A palette of greys only (how BMP and PNG store a grey page): read as grey, as Leptonica does. */
        private static boolean isGrayPalette(BufferedImage image) {
            if (!(image.getColorModel() instanceof IndexColorModel palette)) {
                return false;
            }
            for (int i = 0; i < palette.getMapSize(); i++) {
                if (palette.getRed(i) != palette.getGreen(i) || palette.getGreen(i) != palette.getBlue(i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
