package dev.atrium.engine.ocr;

import dev.atrium.sdk.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Tesseract language codes: accepts {@code eng}, {@code eng+chi_sim} and common ISO 639-1 tags such as {@code zh-CN}. */
final class OcrLanguages {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z_]{1,15}");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("en", "eng"), Map.entry("zh", "chi_sim"), Map.entry("zh-cn", "chi_sim"),
            Map.entry("zh-hans", "chi_sim"), Map.entry("zh-sg", "chi_sim"), Map.entry("zh-tw", "chi_tra"),
            Map.entry("zh-hant", "chi_tra"), Map.entry("zh-hk", "chi_tra"), Map.entry("ja", "jpn"),
            Map.entry("ko", "kor"), Map.entry("de", "deu"), Map.entry("fr", "fra"), Map.entry("es", "spa"),
            Map.entry("it", "ita"), Map.entry("pt", "por"), Map.entry("nl", "nld"), Map.entry("ru", "rus"),
            Map.entry("ar", "ara"));

    private OcrLanguages() {
    }

    /** Normalised, de-duplicated codes in the order given; {@code fallback} when none are given. */
    static List<String> normalise(List<String> requested, List<String> fallback) {
        Set<String> codes = new LinkedHashSet<>();
        for (String entry : requested == null ? List.<String>of() : requested) {
            if (entry == null) {
                continue;
            }
            for (String part : entry.split("\\+")) {
                String tag = part.strip().toLowerCase(Locale.ROOT).replace('_', '-');
                if (tag.isEmpty()) {
                    continue;
                }
                String code = ALIASES.getOrDefault(tag, tag.replace('-', '_'));
                if (!CODE.matcher(code).matches()) {
                    throw new BadInputException("languages", "'" + part.strip() + "' is not an OCR language code"
                            + " (for example eng, chi_sim, eng+chi_sim)");
                }
                codes.add(code);
            }
        }
        return codes.isEmpty() ? fallback : new ArrayList<>(codes);
    }

    /** The Debian package that installs a language, e.g. {@code tesseract-ocr-chi-sim}. */
    static String aptPackage(String code) {
        return "tesseract-ocr-" + code.replace('_', '-');
    }

    /** The Debian packages that install the languages, space-separated, for messages that say what to install. */
    static String aptPackages(List<String> codes) {
        return String.join(" ", codes.stream().map(OcrLanguages::aptPackage).toList());
    }
}
