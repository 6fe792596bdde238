package dev.atrium.platform.web;

import dev.atrium.platform.plugins.InstalledPlugin;
import dev.atrium.platform.plugins.PluginCatalog;
import dev.atrium.platform.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * A plugin's own page: the files under {@code ui/} in its archive, served at {@code /plugins/{id}/}. Only that
 * folder is reachable: the path is normalised and must stay inside it, so {@code ../} cannot reach the
 * plugin's jars or another plugin. Each answer carries an ETag made of the archive's checksum and the
 * entry's, and asks browsers to revalidate, so an upgraded plugin's page shows at once.
 */
@Component
public class PluginPages {

    static final String FOLDER = "ui/";

    private final PluginCatalog catalog;

    public PluginPages(PluginCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * One file of a page.
     *
     * @param bytes its content
     * @param mediaType what to answer as Content-Type
     * @param etag its validator, quoted
     */
    public record Asset(byte[] bytes, MediaType mediaType, String etag) {

        CacheControl cacheControl() {
            return CacheControl.noCache().cachePrivate();
        }
    }

    /** The asset at {@code path} (relative to the page's folder, empty for its index) of a running plugin. Blocking. */
    public Asset read(String pluginId, String path) {
        InstalledPlugin plugin = catalog.find(pluginId).filter(p -> p.state() == InstalledPlugin.State.STARTED)
                .orElseThrow(() -> ProblemException.notFound("plugin-not-found",
                        "no running plugin '" + pluginId + "'").with("plugin", pluginId));
        String entryName = FOLDER + normalise(path);
        try (ZipFile zip = new ZipFile(plugin.archive().file().toFile())) {
            ZipEntry entry = Optional.ofNullable(zip.getEntry(entryName))
                    .filter(e -> !e.isDirectory())
                    .or(() -> Optional.ofNullable(zip.getEntry(entryName.endsWith("/") || entryName.equals(FOLDER)
                            ? entryName + "index.html" : entryName + "/index.html")))
                    .orElseThrow(() -> ProblemException.notFound("page-not-found",
                            "plugin '" + pluginId + "' has no page file '" + path + "'").with("plugin", pluginId));
            byte[] bytes;
            try (InputStream in = zip.getInputStream(entry)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw ProblemException.badRequest("page-file-too-large", "Page file too large",
                        "a plugin page file may be at most " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            String etag = "\"" + plugin.archive().sha256().substring(0, 16) + "-" + Long.toHexString(entry.getCrc()) + "\"";
            return new Asset(bytes, mediaTypeOf(entry.getName()), etag);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final int MAX_BYTES = 20 * 1024 * 1024;

    /** The path with empty and "." segments dropped; ".." or anything that could escape the folder is refused. */
    static String normalise(String path) {
        String decoded = path == null ? "" : path;
        if (decoded.indexOf('\\') >= 0 || decoded.indexOf('\0') >= 0 || decoded.indexOf(':') >= 0) {
            throw notAllowed(path);
        }
        StringBuilder clean = new StringBuilder();
        String[] segments = decoded.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                throw notAllowed(path);
            }
            if (segment.isEmpty() || segment.equals(".")) {
                if (i == segments.length - 1 && clean.length() > 0) {
                    clean.append('/');
                }
                continue;
            }
            if (clean.length() > 0 && clean.charAt(clean.length() - 1) != '/') {
                clean.append('/');
            }
            clean.append(segment);
        }
        return clean.toString();
    }

    private static ProblemException notAllowed(String path) {
        return ProblemException.badRequest("bad-path", "Bad path", "'" + path + "' is not a path inside the plugin's page");
    }

    static MediaType mediaTypeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".js") || lower.endsWith(".mjs")) {
            return MediaType.parseMediaType("text/javascript;charset=UTF-8");
        }
        if (lower.endsWith(".html") || lower.endsWith(".htm")) {
            return MediaType.parseMediaType("text/html;charset=UTF-8");
        }
        if (lower.endsWith(".css")) {
            return MediaType.parseMediaType("text/css;charset=UTF-8");
        }
        if (lower.endsWith(".json")) {
            return MediaType.APPLICATION_JSON;
        }
        return MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
    }
}
