package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the bytes of a text file into a string: a byte order mark wins, then a charset named in the media type,
 * then strict UTF-8, then GB18030 (a superset of GBK, for files saved by Chinese Excel and Notepad), then
 * Windows-1252, which accepts any bytes. Line endings become {@code \n}.
 */
public final class TextDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Decodes a whole text file. */
    public String decode(byte[] bytes, String mediaType, String name) {
        String text;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        } else {
            if (hasNul(bytes)) {
                throw new BadInputException("'" + name + "' is not a text file: it contains binary data");
            }
            text = declaredCharset(mediaType).map(cs -> new String(bytes, cs))
                    .or(() -> strict(bytes, StandardCharsets.UTF_8))
                    .or(() -> strict(bytes, GB18030))
                    .orElseGet(() -> new String(bytes, WINDOWS_1252));
        }
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Optional<Charset> declaredCharset(String mediaType) {
        if (mediaType == null) {
            return Optional.empty();
        }
        for (String parameter : mediaType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Optional.of(Charset.forName(pair[1].trim().replace("\"", "").toUpperCase(Locale.ROOT)));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
