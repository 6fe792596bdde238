package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout reader on OCR words written by the test, one printed row per string, without Tesseract. */
class ReceiptReaderTest {

    /** Words of equal height on rows 40 pixels apart, 14 pixels per character, all read at the given confidence. */
    static OcrResult page(double confidence, String... rows) {
        List<OcrResult.Word> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < rows.length; line++) {
            int x = 20;
            for (String word : rows[line].split(" ")) {
                if (!word.isEmpty()) {
                    words.add(new OcrResult.Word(word, confidence, new OcrResult.Box(x, 20 + 40 * line, 14 * word.length(), 24), line));
                }
                x += 14 * (word.length() + 1);
            }
            text.append(rows[line]).append('\n');
        }
        return new OcrResult(text.toString(), List.of(), words, Engine.embedded("test"));
    }

    @Test
    void shopThankedAtTheFootIsTheVendorWhenTheHeaderNamesNoCompany() {
        Receipt receipt = ReceiptReader.read(page(85,
                "ALA SELANGO",
                "03-3279 1851",
                "TAX INVOICE",
                "25/01/2018 1:22:56PM",
                "SUMMER CUP 9.00",
                "TOTAL 9.00",
                "CASH 50.00",
                "CHANGE 41.00",
                "Thank you for shopping at FUYI MINI",
                "MARKET"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("FUYI MINI MARKET");
        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("9.00"));
    }

    @Test
    void companyNamedInTheHeaderIsKeptWhateverTheFootSays() {
        Receipt receipt = ReceiptReader.read(page(85,
                "KEDAI RUNCIT MAJU SDN BHD",
                "NO 5 JALAN BESAR 45600 SELANGOR",
                "TAX INVOICE",
                "25/01/2018",
                "TOTAL 9.00",
                "Thank you for shopping at MAJU MART"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("KEDAI RUNCIT MAJU SDN BHD");
    }
}
