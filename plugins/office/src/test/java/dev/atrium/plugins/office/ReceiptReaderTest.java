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
                "Thank you for shopping at FUY! MINI",
                "MARKET"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("FUYI MINI MARKET");
        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("9.00"));
    }

    @Test
    void totalAfterTheRoundingAdjustmentIsWhatWasPaid() {
        // Department-store tills print the total before and after rounding; only the second was paid. The row
        // names the rounding adjustment, which used to rule it out like a "ROUNDING ADJ" row.
        Receipt receipt = ReceiptReader.read(page(85,
                "AEON CO. (M) BHD",
                "3RD FLR, AEON TAMAN MALURI",
                "06/03/2018",
                "AMBROSIAL GREEK 75.02",
                "Total Sales Incl GST 75.02",
                "Total After Adj Incl GST 75.00",
                "CASH 100.00",
                "Change Amt 25.00"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("75.00"));
        assertThat(receipt.field("total").box()[1]).isEqualTo(20 + 40 * 5);
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

    @Test
    void paidLessChangePrintedOnItsOwnRowOutweighsAnUnconfirmedTotal() {
        Receipt receipt = ReceiptReader.read(page(85,
                "INDAH GIFT & HOME DECO",
                "27 JALAN DEDAP 13 81100 JOHOR BAHRU",
                "CASH BILL",
                "19/10/2018",
                "TABLE LAMP 1 55.90 55.90",
                "LAMP SHADE 1 10.00 10.00",
                "DISCOUNT -5.59",
                "TOTAL RM 60.21",
                "ROUNDING ADJ -9,04",
                "RM 60.30",
                "CASH RM 70.30",
                "CHANGE RM 10.00"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("60.30"));
        assertThat(receipt.field("total").box()[1]).isEqualTo(20 + 40 * 9);
    }

    @Test
    void totalPrintedTwiceIsKeptWhenCashLessChangeDisagrees() {
        Receipt receipt = ReceiptReader.read(page(85,
                "KEDAI MAJU ENTERPRISE",
                "19/10/2018",
                "NASI LEMAK 2 4.50 9.00",
                "ICE TEA 1 3.00 3.00",
                "TOTAL 12.00",
                "CASH 50.00",
                "CHANGE 30.00",
                "TOTAL PAID 12.00"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("12.00"));
    }

    @Test
    void misreadSdnBhdSuffixIsSpelledOut() {
        Receipt receipt = ReceiptReader.read(page(85,
                "LIGHTROOM GALLERY, SDM B HD",
                "NO 28 JALAN ASTANA 1C 41050 KLANG",
                "TAX INVOICE",
                "19/10/2018",
                "TOTAL 12.00"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("LIGHTROOM GALLERY SDN BHD");
    }

    @Test
    void fullStopBeforeSdnBhdIsASpace() {
        Receipt receipt = ReceiptReader.read(page(85,
                "UNIHAKKA INTERNATIONAL.SDN BHD",
                "12 JALAN TAMPOI 7/4 81200 JOHOR BAHRU",
                "TAX INVOICE",
                "19/10/2018",
                "TOTAL 12.00"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("UNIHAKKA INTERNATIONAL SDN BHD");
    }

    // ---- address block ------------------------------------------------------------------------------

    @Test
    void registrationNumberBetweenNameAndAddressDoesNotEndTheHeader() {
        Receipt receipt = ReceiptReader.read(page(90,
                "MR HARDWARE (JOHOR) SDN BHD",
                "(CO.REG :933109-X)",
                "LOT 18, JALAN KPB 6,",
                "43300 SERI KEMBANGAN, SELANGOR",
                "-INVOICE-",
                "TOTAL RM 33.90"), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).isEqualTo("LOT 18, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR");
    }

    @Test
    void tillDateUnderTheShopNameIsPassedOverToReachTheAddress() {
        Receipt receipt = ReceiptReader.read(page(90,
                "KEDAI MAKAN SEDAP SDN BHD",
                "05 Mar 2018 18:24",
                "(867388-U)",
                "12, Jalan Tampoi 7/4,Kawasan Perindustrian",
                "‘Tampoi,81200 Johor Bahru, Johor",
                "TAX INVOICE",
                "Nett Total: $8.20"), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).isEqualTo("12, Jalan Tampoi 7/4,Kawasan Perindustrian Tampoi,81200 Johor Bahru, Johor");
        assertThat(receipt.text("date")).isEqualTo("2018-03-05");
    }

    @Test
    void timeMisreadWithItsDateIsNotPartOfTheAddress() {
        Receipt receipt = ReceiptReader.read(page(90,
                "KEDAI MAKAN SEDAP SDN BHD",
                "03 Mar 201% 18:22",
                "12, Jalan Tampoi 7/4, Kawasan Perindustrian",
                "Tampoi, 81200 Johor Bahru, Johor",
                "TAX INVOICE",
                "Nett Total: $8.20"), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).startsWith("12, Jalan Tampoi 7/4");
    }

    @Test
    void formerNameGarbledRegistrationAndTelephoneAreLeftOutOfTheAddress() {
        Receipt receipt = ReceiptReader.read(page(90,
                "GERBANG MAKAN RESTAURANTS SDN BHD",
                "formerly known as",
                "GOLDEN BOWL RESTAURANTS SDN BHD",
                "Conpany No: 002643278-A",
                "Level 6, Jalan SS21/39,47400 Petaling Jaya",
                "ee 03- 40212008",
                "TOTAL 26.60"), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).isEqualTo("Level 6, Jalan SS21/39,47400 Petaling Jaya");
    }

    @Test
    void addressEndsAfterThePostcodeTownAndStateRows() {
        Receipt receipt = ReceiptReader.read(page(90,
                "RESTORAN MAJU",
                "NO.2 JALAN PRIMA U 13 SETIA ALAM 40170",
                "SHAH ALAM",
                "SELANGOR",
                "TERMINAL C1 OPEN 24 HOURS",
                "TAX INVOICE",
                "TOTAL 15.00"), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).isEqualTo("NO.2 JALAN PRIMA U 13 SETIA ALAM 40170 SHAH ALAM SELANGOR");
    }

    @Test
    void branchInBracketsAfterThePostcodeRowBelongsToTheAddress() {
        Receipt receipt = ReceiptReader.read(page(90,
                "MR HARDWARE SDN BHD",
                "LOT 18, JALAN KPB 6,",
                "43300 SERI KEMBANGAN, SELANGOR",
                "(TESCO PUTRA NILAI)",
                "OPEN DAILY 10AM",
                "TOTAL RM 9.00"), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).isEqualTo("LOT 18, JALAN KPB 6, 43300 SERI KEMBANGAN, SELANGOR (TESCO PUTRA NILAI)");
    }

    @Test
    void noiseReadFromAStampIsNotPartOfTheAddress() {
        List<OcrResult.Word> words = new ArrayList<>(page(90, "BOOK SHOP SDN BHD", "", "NO.5, JALAN SAGU 18,",
                "81100 JOHOR BAHRU, JOHOR.").words());
        words.add(new OcrResult.Word("TERA", 25, new OcrResult.Box(20, 60, 56, 24), 1));
        words.add(new OcrResult.Word("IW", 30, new OcrResult.Box(90, 60, 28, 24), 1));
        Receipt receipt = ReceiptReader.read(new OcrResult("", List.of(), words, null), "r.png", 1, "DMY");

        assertThat(receipt.text("address")).isEqualTo("NO.5, JALAN SAGU 18, 81100 JOHOR BAHRU, JOHOR.");
    }

    @Test
    void addressWordsMisreadByOneLookAlikeLetterAreRestored() {
        assertThat(ReceiptValues.cleanAddress("BANDAR BUKTT RAJA, 43300 SER] KEMBANGAN, JOHUR"))
                .isEqualTo("BANDAR BUKIT RAJA, 43300 SERI KEMBANGAN, JOHOR");
        assertThat(ReceiptValues.cleanAddress("Jalan $$21/39, Bandar Bukti")).isEqualTo("Jalan SS21/39, Bandar Bukti");
        assertThat(ReceiptValues.cleanAddress("No,2&4, JLN MEWAH 25/63 THN SRI MUDA")).isEqualTo("No.2&4, JLN MEWAH 25/63 TMN SRI MUDA");
        // Words that are not common address words, or two letters away, are left as read.
        assertThat(ReceiptValues.cleanAddress("JALAN DEDAF 13, SELANLUR")).isEqualTo("JALAN DEDAF 13, SELANLUR");
    }

    // ---- total --------------------------------------------------------------------------------------

    /** The page of {@link #page}, with the given row (0-based) printed twice as tall. */
    static OcrResult withTallRow(OcrResult page, int row) {
        List<OcrResult.Word> words = page.words().stream().map(w -> w.line() != row ? w
                : new OcrResult.Word(w.text(), w.confidence(), new OcrResult.Box(w.box().x(), w.box().y() - 6,
                        w.box().width(), w.box().height() * 2), w.line())).toList();
        return new OcrResult(page.text(), List.of(), words, page.engine());
    }

    @Test
    void loneAmountPrintedInDoubleHeightIsTheTotalWhenNoLabelWasRead() {
        Receipt receipt = ReceiptReader.read(withTallRow(page(85,
                "INDAH GIFT & HOME DECO",
                "19/10/2018 20:49",
                "TABLE LAMP 1 55.90 55.90",
                "PRIVILEGE CARD 1 10.00 10.00",
                "DISCOUNT -5.59",
                "TOT Ail Gecannec RM 60,31",
                "RM 60,30",
                "CAa batsnaa RM 70.30",
                "CHANUL cseascs RM 10.00"), 6), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("60.30"));
    }

    @Test
    void severalTallAmountsSayNothingAboutTheTotal() {
        List<OcrResult.Word> rows = withTallRow(withTallRow(page(85,
                "SHOP", "A", "B", "C", "ITEM ONE 5.00", "ITEM TWO 7.00", "9.00", "12.00"), 6), 7).words();
        assertThat(ReceiptReader.tallAmount(ReceiptRows.of(new OcrResult("", List.of(), rows, null)), 1)).isNull();
    }

    @Test
    void dashBetweenSubtotalLabelAndAmountIsNotAMinus() {
        Receipt receipt = ReceiptReader.read(page(85,
                "HARDWARE TRADING",
                "12/02/2018",
                "Sub Total (RM) - 106.10",
                "Total GST (RM) : 6.37",
                "Rounding (RM) : -0.02",
                "Total (RM) : 112.45"), "r.png", 1, "DMY");

        assertThat(receipt.amount("subtotal")).isEqualByComparingTo(new BigDecimal("106.10"));
        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("112.45"));
    }

    @Test
    void taxUnderAnAmountHeadingIsNotTheTotal() {
        Receipt receipt = ReceiptReader.read(page(60,
                "HARDWARE TRADING",
                "12/02/2018",
                "Sub Total (RM) 106.10",
                "Total GST (RM) 6.37",
                "Rounding (RM) -0.02",
                "Tota1 (RV) 112.46",
                "Tax Code Amount GST",
                "S 6 106-70 6.37"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isNotEqualByComparingTo(new BigDecimal("6.37"));
    }

    @Test
    void subtotalMisreadAsTotatIsStillASubtotal() {
        Receipt receipt = ReceiptReader.read(page(85,
                "HARDWARE TRADING",
                "Sub Totat (RM) 50.00",
                "GST 3.00",
                "Total (RM) 53.00"), "r.png", 1, "DMY");

        assertThat(receipt.amount("subtotal")).isEqualByComparingTo(new BigDecimal("50.00"));
        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("53.00"));
    }

    // ---- two readings -------------------------------------------------------------------------------

    /** {@link #page} with the first row's words read at the given confidences. */
    static OcrResult withFirstRowConfidences(OcrResult page, double... confidences) {
        List<OcrResult.Word> words = new ArrayList<>();
        int k = 0;
        for (OcrResult.Word w : page.words()) {
            words.add(w.line() == 0 ? new OcrResult.Word(w.text(), confidences[k++], w.box(), 0) : w);
        }
        return new OcrResult(page.text(), List.of(), words, page.engine());
    }

    @Test
    void vendorRowIsVotedWordByWordBetweenTwoReadings() {
        OcrResult grey = withFirstRowConfidences(page(90, "Shell ISNT PETRO TRADING", "LOT 2685 JLN GENTING KLANG",
                "53300 KL", "TOTAL 86.00"), 96, 42, 84, 96);
        OcrResult bw = withFirstRowConfidences(page(90, "Shell ISNI PEFRO TRADING", "LOT 2685 JLN GENTING KLANG",
                "53300 KL", "TOTAL 86.00"), 56, 86, 2, 95);

        Receipt merged = ReceiptReadings.merge(ReceiptReader.read(grey, "r.png", 1, "DMY"), grey,
                ReceiptReader.read(bw, "r.png", 1, "DMY"), bw);

        assertThat(merged.text("vendor")).isEqualTo("Shell ISNI PETRO TRADING");
    }

    @Test
    void anOpeningParenthesisReadAsALetterIsPutBackInTheName() {
        Receipt misread = ReceiptReader.read(page(90, "MR D.I.Y. OM) SDN BHD", "LOT 1851-A JALAN KPB 6", "43300 SERI KEMBANGAN",
                "TOTAL 9.00"), "r.png", 1, "DMY");
        Receipt paired = ReceiptReader.read(page(90, "CHOP (MALAYSIA) SDN BHD", "LOT 1851-A JALAN KPB 6",
                "TOTAL 9.00"), "r.png", 1, "DMY");

        assertThat(misread.text("vendor")).isEqualTo("MR D.I.Y. (M) SDN BHD");
        assertThat(paired.text("vendor")).as("a ( before it: nothing to put back").isEqualTo("CHOP (MALAYSIA) SDN BHD");
    }

    @Test
    void aNameFollowedByItsRegistrationNumberIsTheVendor() {
        Receipt receipt = ReceiptReader.read(page(90,
                "99 SPEED MART 5/B (519537-X)",
                "LOT P.T. 2811, JALAN ANGSA,",
                "TAMAN BERKELEY",
                "41150 KLANG, SELANGOR",
                "24-01-18",
                "TOTAL 2.50"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("99 SPEED MART S/B");
        assertThat(receipt.text("address")).startsWith("LOT P.T. 2811");
    }

    @Test
    void aRegistrationRowWithItsLabelIsNotTheVendor() {
        Receipt receipt = ReceiptReader.read(page(90,
                "kedai runcit maju",
                "COMPANY NO. (860671-D)",
                "NO 5 JALAN BESAR 45600 SELANGOR",
                "25/01/2018",
                "TOTAL 9.00"), "r.png", 1, "DMY");

        assertThat(receipt.text("vendor")).isEqualTo("kedai runcit maju");
    }

    @Test
    void anItemTableWhoseHeaderNamesATaxCodeColumnIsNotTheTaxSummary() {
        Receipt receipt = ReceiptReader.read(page(90,
                "FUYI MINI MARKET",
                "25/01/2018",
                "Qty UOM U. Price Amt Amt inc Tax Code",
                "1 KOTAK 8.49 8.49 9.00 SR",
                "TOTAL 9.00",
                "CASH 50.00",
                "GST Summary Amount Tax",
                "SR @ 6% 8.49 0.51"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("9.00"));
    }

    @Test
    void rowsSplitIntoDifferentWordsAreNotVoted() {
        OcrResult grey = page(90, "BOOK TA -K SDN BHD", "NO 5 JALAN SAGU", "TOTAL 9.00");
        OcrResult bw = withFirstRowConfidences(page(90, "BOOKTA .K SDN BHD", "NO 5 JALAN SAGU", "TOTAL 9.00"), 99, 99, 99, 99);

        Receipt merged = ReceiptReadings.merge(ReceiptReader.read(grey, "r.png", 1, "DMY"), grey,
                ReceiptReader.read(bw, "r.png", 1, "DMY"), bw);

        assertThat(merged.text("vendor")).isIn("BOOK TA -K SDN BHD", "BOOKTA .K SDN BHD");
    }

    @Test
    void totalFarAboveItsSubtotalIsMisreadHoweverSureOcrWas() {
        // "48.00" for 18.00, read with confidence: cash - change, one digit away and in proportion, replaces it.
        Receipt receipt = ReceiptReader.read(page(90,
                "KEDAI BUKU MAJU SDN BHD",
                "NO 5 JALAN BESAR 45600 SELANGOR",
                "23/01/2018",
                "TAPE 5 1.32 6.60",
                "PEN 5 2.08 10.38",
                "SUB-TOTAL 16.98",
                "TOTAL 48.00",
                "CASH 18.00",
                "CHANGE 0.00"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("18.00"));
        assertThat(receipt.field("total").confidence()).isLessThan(ReceiptReadings.SECOND_LOOK_BELOW);
    }

    @Test
    void totalWithTaxServiceAndTipOrAMisreadSubtotalIsKept() {
        Receipt withTip = ReceiptReader.read(page(90, "BLUE HARBOR CAFE", "12 HARBOR ROAD", "23/01/2018",
                "SUBTOTAL 20.00", "TAX 2.00", "TIP 4.00", "TOTAL 26.00", "CASH 30.00", "CHANGE 4.00"), "r.png", 1, "DMY");
        Receipt misreadSubtotal = ReceiptReader.read(page(90, "YHM AEON TEBRAU CITY", "JOHOR BAHRU", "11/03/2018",
                "Total Excluded Tax 0.74", "TOTAL:MYR 13.10", "Cash 20.10", "Change 7.00"), "r.png", 1, "DMY");

        assertThat(withTip.amount("total")).isEqualByComparingTo(new BigDecimal("26.00"));
        assertThat(misreadSubtotal.amount("total")).isEqualByComparingTo(new BigDecimal("13.10"));
    }

    @Test
    void ofTwoReadingsTheTotalInProportionToTheSubtotalWins() {
        // The black-and-white reading misread the total and the cash alike, so cash - change "confirms" it.
        OcrResult grey = page(90, "KEDAI BUKU MAJU SDN BHD", "23/01/2018", "SUB-TOTAL 16.98", "TOTAL 18.00", "CHANGE 0.00");
        OcrResult bw = page(90, "KEDAI BUKU MAJU SDN BHD", "23/01/2018", "SUB-TOTAL 16.98", "TOTAL 448.00",
                "CASH 448.00", "CHANGE 0.00");

        Receipt merged = ReceiptReadings.merge(ReceiptReader.read(grey, "r.png", 1, "DMY"), grey,
                ReceiptReader.read(bw, "r.png", 1, "DMY"), bw);

        assertThat(merged.amount("total")).isEqualByComparingTo(new BigDecimal("18.00"));
    }

    /** A till receipt whose total row OCR could not read, and whose subtotal lost its decimal point. */
    static OcrResult unreadableTotal(String subtotalRow, String taxRow) {
        return page(90, "SYL ROASTED DELIGHTS SDN. BHD.", "75, JALAN SS 22/19, 47400 PJ", "06/03/2018",
                "(T02) BRAISED PORK 2.0 7.00 14.00", "(R045) ROAST PORK 1.0 11.90 37.42", "Total Qty: 7 51.42",
                subtotalRow, "Discount 0.00", taxRow, "Rounding 0.00", "Total Sales (Inclusive of GST) 64. so");
    }

    @Test
    void totalIsWorkedOutFromSubtotalAndTaxWhenItsRowIsUnreadable() {
        Receipt receipt = ReceiptReader.read(unreadableTotal("Total Sales (Excluding GST) 5142", "Total GST 3.08"),
                "r.png", 1, "DMY");

        assertThat(receipt.amount("subtotal")).isEqualByComparingTo(new BigDecimal("51.42"));
        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("54.50"));
        assertThat(receipt.field("total").confidence()).isLessThan(ReceiptReadings.SECOND_LOOK_BELOW);
    }

    @Test
    void ofTwoReadingsATotalFoundOrWorkedOutBeatsTheLargestAmount() {
        OcrResult grey = unreadableTotal("Total Sales (Excluding GST) 5142", "Total GST 3.08");
        OcrResult bw = unreadableTotal("Total Sales (Excluding GST) 51.42", "Total GST 3 O8");

        Receipt black = ReceiptReader.read(bw, "r.png", 1, "DMY");
        Receipt merged = ReceiptReadings.merge(ReceiptReader.read(grey, "r.png", 1, "DMY"), grey, black, bw);

        assertThat(black.amount("total")).isEqualByComparingTo(new BigDecimal("51.42"));
        assertThat(merged.amount("total")).isEqualByComparingTo(new BigDecimal("54.50"));
    }

    @Test
    void totalOneDigitOffWhatTheItemsAndTheCashBothSayIsCorrected() {
        // "$7.10" for 37.10: the items add up to 37.10 and 50.00 less 12.90 change is 37.10.
        Receipt receipt = ReceiptReader.read(page(90, "MR. D.I.Y. (M) SDN BHD", "LOT 1851-A, JALAN KPB 6, 43300 SELANGOR",
                "TAX INVOICE 14-03-18", "SPONGE 4X 2.80 11.20", "HOOK 2X 1.50 3.00", "TOOLBOX 1X 22.90 22.90",
                "Total Incl. GST 6% RM $7.10", "CASH RM 50.00", "CHANGE RM 12.90"), "r.png", 1, "DMY");

        assertThat(receipt.lineItems).hasSize(3);
        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("37.10"));
        assertThat(receipt.field("total").box()[1]).isEqualTo(20 + 40 * 6);
    }

    @Test
    void totalIsKeptWhenTheItemsDoNotBackTheCash() {
        Receipt receipt = ReceiptReader.read(page(90, "MR. D.I.Y. (M) SDN BHD", "LOT 1851-A, JALAN KPB 6, 43300 SELANGOR",
                "TAX INVOICE 14-03-18", "SPONGE 4X 2.80 11.20", "HOOK 2X 1.50 3.00", "Total Incl. GST 6% RM 14.20",
                "CASH RM 50.00", "CHANGE RM 25.80"), "r.png", 1, "DMY");

        assertThat(receipt.amount("total")).isEqualByComparingTo(new BigDecimal("14.20"));
    }
}
