package dev.atrium.documents.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the WenQuanYi Zen Hei collection ({@code wqy-zenhei.ttc}, Debian package {@code fonts-wqy-zenhei}), the
 * CJK font PDFBox can embed: Noto CJK ships as OpenType/CFF, which PDFBox cannot subset.
 */
public final class CjkFontLocator {

    /** A system property naming the font file, for installations that keep it elsewhere. */
    public static final String PROPERTY = "atrium.documents.cjk-font";

    private static final String FILE_NAME = "wqy-zenhei.ttc";
    private static final List<String> FOLDERS = List.of("/usr/share/fonts", "/usr/local/share/fonts",
            System.getProperty("user.home") + "/.local/share/fonts", System.getProperty("user.home") + "/.fonts");

    private CjkFontLocator() {
    }

    /** The font file, if installed. */
    public static Optional<Path> find() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isReadable(path) ? Optional.of(path) : Optional.empty();
        }
        Path usual = Path.of("/usr/share/fonts/truetype/wqy", FILE_NAME);
        if (Files.isReadable(usual)) {
            return Optional.of(usual);
        }
        for (String folder : FOLDERS) {
            Path root = Path.of(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.find(root, 4, (path, attributes) ->
                    attributes.isRegularFile() && path.getFileName().toString().equalsIgnoreCase(FILE_NAME))) {
                Optional<Path> found = files.findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable font folder only means the font is not there.
            }
        }
        return Optional.empty();
    }
}
