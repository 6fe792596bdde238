package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.UnsupportedMediaException;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.document.Workbook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BadInputTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "report.docx", "book.xlsx", "old.xls"})
    void randomBytesWithADocumentNameAreRefusedAsDamaged(String name) {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        assertThatThrownBy(() -> kit.read(Media.of(name, null, noise)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("damaged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docx", "xlsx"})
    void aTruncatedOfficeFileIsRefused(String kind) {
        byte[] whole = kind.equals("docx") ? docx() : xlsx();
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> kit.read(Media.of("cut." + kind, null, half)))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void aTruncatedPdfNeverEscapesAsARawException() {
        byte[] pdf = Fixtures.textPdf(List.of("one", "two"));
        byte[] cut = Arrays.copyOf(pdf, pdf.length / 3);

        try {
            kit.read(Media.of("cut.pdf", "application/pdf", cut));
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(BadInputException.class);
        }
    }

    @Test
    void aPasswordProtectedWordFileIsRefusedWithAClearMessage() throws Exception {
        byte[] encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(docx());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            fs.writeFilesystem(bytes);
            encrypted = bytes.toByteArray();
        }

        assertThatThrownBy(() -> kit.read(Media.of("locked.docx", null, encrypted)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("password-protected");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
        }

        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> kit.read(Media.of("bomb.docx", null, bytes.toByteArray())))
                        .isInstanceOf(BadInputException.class)
                        .hasMessageContaining("zip bomb"));
    }

    @Test
    void xmlEntityExpansionIsRefusedQuickly() throws IOException {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>\
                <w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>""";
        byte[] bomb = replaceEntry(docx(), "word/document.xml", laughs.getBytes(StandardCharsets.UTF_8));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> kit.read(Media.of("laughs.docx", null, bomb)))
                        .isInstanceOf(BadInputException.class));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead(@TempDir Path folder) throws IOException {
        OfficeDocumentKit small = new OfficeDocumentKit(DocumentLimits.DEFAULTS.withMaxInputBytes(1024), null);
        Path big = Files.write(folder.resolve("big.txt"), new byte[4096]);

        assertThatThrownBy(() -> small.read(Media.ofFile("big.txt", "text/plain", big)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'big.txt' is 4,096 bytes; the largest document read is 1,024 bytes");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> kit.read(Media.of("empty.pdf", "application/pdf", new byte[0])))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void imagesAreNotDocuments() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

        assertThatThrownBy(() -> kit.read(Media.of("photo.png", "image/png", png)))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("image");
    }

    @Test
    void unknownBinaryFilesAreUnsupported() {
        byte[] noise = new byte[2048];
        new Random(3).nextBytes(noise);
        noise[0] = 0;

        assertThatThrownBy(() -> kit.read(Media.of("data.bin", "application/octet-stream", noise)))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void oldWordAndPowerPointFilesAreUnsupportedWithAHint() {
        assertThatThrownBy(() -> kit.read(Media.ofText("memo.doc", "application/msword", "text")))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("save the file as .docx");
        assertThatThrownBy(() -> kit.read(Media.ofText("deck.pptx", null, "text")))
                .isInstanceOf(UnsupportedMediaException.class)
                .hasMessageContaining("PowerPoint");
    }

    @Test
    void binaryDataNamedAsTextIsRefused() {
        assertThatThrownBy(() -> kit.read(Media.of("notes.txt", "text/plain", new byte[] {'a', 0, 'b'})))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a text file");
    }

    private byte[] docx() {
        return kit.writeDocx("x.docx", new DocumentContent("Title", List.of(new Block.Paragraph("Body text ".repeat(200))),
                "", "")).bytes();
    }

    private byte[] xlsx() {
        return kit.writeXlsx("x.xlsx", new Workbook(List.of(new Table("S", List.of("a"),
                java.util.stream.IntStream.range(0, 500).mapToObj(i -> List.<Object>of("row " + i)).toList())),
                List.of())).bytes();
    }

    private static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(name) ? content : in.readAllBytes());
            }
        }
        return bytes.toByteArray();
    }
}
