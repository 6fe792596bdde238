package dev.atrium.plugins.office;

import dev.atrium.plugins.office.ReceiptRows.Row;
import dev.atrium.plugins.office.ReceiptValues.Amount;
import dev.atrium.sdk.model.OcrResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a receipt's fields from OCR words with boxes, offline, by layout and keyword anchors: the total is
 * the amount printed right of {@code TOTAL} / {@code GRAND TOTAL} / {@code AMOUNT DUE} /
 * {@code ROUNDED TOTAL} / {@code 合计} / {@code 价税合计} on the same row (or alone on the next), the vendor
 * comes from the header block, the address from the header rows after it, line items from the rows between
 * the header and the totals. Chinese VAT invoices (发票) are read by their labels.
 */
final class ReceiptReader {

    /** How much less sure a total is when no other figure on the receipt confirms it. */
    static final double UNCONFIRMED = 0.75;
    /** Subtotal times this is the most a total can be: 6-20 % tax, 10 % service and a tip. */
    private static final BigDecimal MOST_ADDED = new BigDecimal("1.35");

    /** A total anchor and how much it says "this is what was paid": higher wins. */
    private record Anchor(Pattern pattern, int priority) {
    }

    private static final String T = "T[O0A][TL][AE][LI1!|T]"; // TOTAL and its usual misreadings (TATAL, TOLAL, TOTAI, TOTAT)
    private static final List<Anchor> TOTAL_ANCHORS = List.of(
            new Anchor(Pattern.compile("价税合计|價稅合計|小写|小寫"), 6),
            new Anchor(Pattern.compile("ROUND\\S*\\s*(?:ED\\s*)?" + T + "|" + T + "\\s*(?:AMT\\s*|AFTER\\s*)?ROUND|" + T + "\\s*AFTER\\s*ADJ"), 5),
            new Anchor(Pattern.compile("NET+\\s*" + T + "|GRAND\\s*" + T + "|AMOUNT\\s*DUE|BALANCE\\s*DUE|" + T
                    + "\\s*DUE|应付|实付|實付|应收|实收|总计|總計"), 5),
            new Anchor(Pattern.compile(T + "\\s*(?:AMOUNT|AMT|SALES?|PAYABLE|\\(?\\s*INCL)|合计|合計"
                    + "|(?<!X)CLUSIVE\\s*(?:OF\\s*)?(?:GST|TAX|SST|VAT)|\\bINCL\\.?,?\\s*(?:OF\\s*)?(?:GST|TAX|SST|VAT)"), 4),
            new Anchor(Pattern.compile("(?<!SUB[\\s-]?)(?<!SUB)\\b" + T + "\\b"), 3),
            new Anchor(Pattern.compile("\\bAMOUNT\\b|\\bAMT\\b|\\bTO PAY\\b"), 2));
    private static final Pattern NOT_TOTAL = Pattern.compile(
            "SUB\\s*-?\\s*" + T + "|EXCL|" + T + "\\s*(?:QTY|QUANTITY|ITEM|DISC|SAVING|GST|TAX|VAT|SST|EXCL|NO\\b)"
                    + "|INCLUDES|\\bCHANGE\\b|\\bCASH\\b|TENDER|ROUNDING\\s*ADJ|\\bADJ|\\bGST\\s*@|税额|稅額|找零|ITEM\\(?S\\)?\\s*:|QTY\\(?S\\)?\\s*:");
    private static final Pattern ROUNDED_TOTAL = Pattern.compile("价税合计|ROUND\\S*\\s*(?:ED\\s*)?TOTAL|" + T + "\\s*AFTER\\s*ADJ");
    /** An amount at a row's end with its decimal point lost ("5142", "51 42"). */
    private static final Pattern POINT_LOST = Pattern.compile("(?<![\\d.,])(\\d{1,4})(?:\\s?(\\d{2}))(?![\\d.,%])\\s*$");
    private static final Pattern SUBTOTAL = Pattern.compile("SUB\\s*-?\\s*" + T + "|小计|小計|^\\s*金\\s*额|不含税|EXCL");
    private static final Pattern TAX = Pattern.compile("\\b(?:GST|VAT|TAX|SST|HST|PPN)\\b|税额|稅額|税金|增值税额");
    private static final Pattern NOT_TAX = Pattern.compile("\\bID\\b|\\bREG|\\bNO\\b|INVOICE|INCL|EXCL|CLUSIVE|SUMMARY|SUB\\s*-?\\s*TOTAL|"
            + T + "\\b(?!\\s*(?:GST|TAX|VAT))|\\bEXEMPT|发票|价税");
    private static final Pattern ITEM_COLUMNS = Pattern.compile("\\bQTY\\b|\\bUOM\\b|\\bPRICE\\b|\\bDESC");
    private static final Pattern TAX_SUMMARY = Pattern.compile("(?:GST|TAX|VAT|SST)\\s*SUMMARY|SUMMARY\\s*(?:GST|TAX)|TAX\\s*CODE|GST\\s*ANALYSIS");
    private static final Pattern ROUNDING = Pattern.compile("ROUND(?:ING|ED)?\\s*(?:ADJ\\S*|AMT|AMOUNT)?|舍入|抹零");
    private static final Pattern TIP = Pattern.compile("\\bTIPS?\\b|GRATUITY|SERVICE\\s*CHARGE|小费|小費|服务费|服務費");
    private static final Pattern PAYMENT_ROWS = Pattern.compile("CASH|CHANGE|TENDER|VISA|MASTER|CARD|AMEX|DEBIT|CREDIT|"
            + "PAID|PAYMENT|现金|找零|微信|支付宝|銀聯|银联|ROUNDING|ADJ");
    private static final Pattern CARD = Pattern.compile("(VISA|MASTER\\s?CARD|MASTER|AMEX|AMERICAN EXPRESS|DISCOVER|UNIONPAY|"
            + "JCB|MAESTRO|DEBIT|CREDIT|银联|銀聯)");
    private static final Pattern LAST4 = Pattern.compile("(?:[*xX#•.]{3,}\\s?|ENDING\\s(?:IN\\s)?|尾号)(\\d{4})(?!\\d)");
    private static final Pattern WALLET = Pattern.compile("(微信支付|微信|支付宝|现金|CASH|E-?WALLET|GRABPAY|TOUCH ?N ?GO|APPLE PAY|GOOGLE PAY)");
    private static final Pattern DATE_LABEL = Pattern.compile("DATE|DATED|日期|开票日期|TARIKH");
    private static final Pattern COMPANY = Pattern.compile("\\b(SDN\\.?\\s*BHD\\.?|BHD\\.?|S/B|ENTERPRISE|TRADING|LTD\\.?|"
            + "LIMITED|LLC|INC\\.?|CORP\\.?|GMBH|CO\\.|COMPANY|RESTAURANTS?|RESTORAN|HARDWARE|MART|MARKET|STATIONERY|"
            + "BOOKS|HOTEL|CAFE|BAKERY|PHARMACY|STORE|SHOP|SUPERMARKET|GALLERY|MACHINERY|PERNIAGAAN|KEDAI|"
            + "ELECTRICAL|PETRO|STATION|DELIGHTS)(?![\\p{L}\\p{N}])|有限公司|公司|餐厅|餐廳|酒店|饭店|飯店|超市|商店|咖啡|书店|店$");
    /** A registration number in brackets at the end of a row ("(519537-X)"). */
    private static final Pattern TRAILING_REGISTRATION = Pattern.compile("\\s*[(\\[{]\\s*[\\dA-Z-]*\\d{3,}[^)]*[)\\]}]?\\s*$");
    /** A "(" read as a letter before a parenthesised word ("OM)" for "(M)"). */
    private static final Pattern MISREAD_OPENING = Pattern.compile("(?<!\\S)[OC0\\[{|](\\p{Lu}{1,12}\\))");
    private static final Pattern THANKED_SHOP = Pattern.compile("\\b(?:SHOPPING|DINING|VISITING|EATING|BUYING)\\s+(?:AT|WITH|IN)\\s+");
    private static final Pattern HEADER_END = Pattern.compile("TAX INVOICE|\\bINVOICE\\b|RECEIPT|CASH ?BILL|\\bBILL\\b|"
            + "\\bTEL\\b|\\bTEL[:.]|\\bPHONE\\b|\\bFAX\\b|\\bGST\\b|\\bSST\\b|\\bDATE\\b|CASHIER|DOCUMENT|\\bQTY\\b|\\bITEM|"
            + "\\bTABLE\\b|\\bORDER\\b|\\bREG\\b|\\bWEB|WWW\\.|@|HTTP|E-?MAIL|发票|收据|小票|电话|電話|日期|单号|台号");
    private static final Pattern REGISTRATION = Pattern.compile("^\\(?\\s*(?:CO\\.?\\s*)?(?:REG|ROC|CO\\.?\\s*NO|COMPANY NO)?"
            + "[\\s.:]*\\(?\\s*[0-9A-Z]{0,3}\\d{4,}\\s*-?\\s*[A-Z]?\\s*\\)?\\s*$|CO\\.?\\s*REG|\\(\\s*\\d{3,}-?[A-Z]\\s*\\)"
            + "|FORMERLY|LICENSEE|\\bGST\\s*(?:ID|REG)");
    private static final Pattern REGISTRATION_LABEL = Pattern.compile("\\bC[O0][MN]PANY\\s*(?:N[O0]|REG)|\\bCO\\.?\\s*N[O0]\\b|\\bROC\\s*N[O0]|\\bBUSINESS\\s*REG");
    private static final Pattern REGISTRATION_NUMBER = Pattern.compile("[0-9A-Z]*\\d{5,}\\s?-\\s?[A-Z]\\b");
    // A telephone number where the address would go on ("03- 40212008", "07-386 7524", "012 - 6651783").
    private static final Pattern PHONE = Pattern.compile("(?<![\\d/])0\\d{1,2}\\s?-\\s?\\d{3,4}\\s?\\d{3,4}(?!\\d)");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d.:])[0-2]?\\d:[0-5]\\d(?::[0-5]\\d)?(?![\\d.:])");
    private static final Pattern POSTCODE = Pattern.compile("(?<![\\d-])\\d{5}(?![\\d-])");
    private static final Pattern ADDRESS_TAIL = Pattern.compile("^\\s*\\(|\\b(?:MALAYSIA|SELANGOR|JOHOR|KEDAH|KELANTAN|MELAKA|"
            + "NEGERI SEMBILAN|PAHANG|PERAK|PERLIS|PENANG|PULAU PINANG|SABAH|SARAWAK|TERENGGANU|KUALA LUMPUR|PUTRAJAYA|"
            + "LABUAN|DARUL\\s+\\w+|D\\.?E\\.?|W\\.?P\\.?)\\b[\\s.,]*$");
    private static final Pattern INVOICE_CODE = Pattern.compile("票代码\\s*[:：]?\\s*(\\d{10,12})");
    private static final Pattern INVOICE_NUMBER = Pattern.compile("票号码\\s*[:：]?\\s*(\\d{8,20})|(?:INVOICE|INV|RECEIPT|BILL|DOC(?:UMENT)?)"
            + "\\s*(?:NO\\.?|NUMBER|#)\\s*[:.;]?\\s*([A-Z0-9-]{4,})");
    private static final Pattern SELLER = Pattern.compile("销售方|銷售方|收款单位");
    private static final Pattern NAME_LABEL = Pattern.compile("名\\s*称\\s*[:：]?\\s*(\\S.*)$");
    private static final Pattern LEADING_QTY = Pattern.compile("^(\\d{1,3})\\s?[xX]?\\s+(\\D.*)$");
    private static final Pattern QTY_TIMES = Pattern.compile("(?<![\\d.])(\\d{1,4}(?:\\.\\d{1,3})?)\\s?(?:[xX*@]|PC[S]?\\s?[*xX]?)\\s?");

    /** Categories and the words that point to them, first match wins. */
    private static final Map<String, Pattern> CATEGORIES = new java.util.LinkedHashMap<>();

    static {
        CATEGORIES.put("lodging", Pattern.compile("HOTEL|\\bINN\\b|MOTEL|RESORT|HOSTEL|LODGE|AIRBNB|ROOM CHARGE|NIGHTS?\\b|酒店|宾馆|賓館|旅馆|住宿"));
        CATEGORIES.put("travel", Pattern.compile("AIRLINE|AIRWAYS|AIR ?ASIA|FLIGHT|BOARDING|AIRPORT|RAILWAY|\\bTRAIN\\b|KTM|"
                + "\\bBUS TICKET|EXPRESS BUS|航空|机票|機票|火车|高铁|车票"));
        CATEGORIES.put("transport", Pattern.compile("TAXI|\\bGRAB\\b|UBER|PETROL|PETRONAS|\\bSHELL\\b|\\bCALTEX\\b|\\bBHP\\b(?!.*MCDONALD)|PETRO|"
                + "FUEL|DIESEL|PARKING|\\bTOLL\\b|\\bMRT\\b|\\bLRT\\b|出租|加油|停车|过路费|的士|滴滴"));
        CATEGORIES.put("meals", Pattern.compile("RESTAURANT|RESTORAN|CAFE|COFFEE|KOPI|FOOD|BISTRO|BAKERY|MCDONALD|\\bKFC\\b|"
                + "PIZZA|BURGER|NASI|MEE\\b|RICE|ROASTED|CHICKEN|NOODLE|DINING|KITCHEN|WARUNG|TEA\\b|BEVERAGE|"
                + "SUSHI|RAMEN|WARAKUYA|餐|饭|飯|面馆|咖啡|茶|食|酒楼|小吃"));
        CATEGORIES.put("office supplies", Pattern.compile("STATIONERY|STATIONARY|\\bBOOKS?\\b|\\bPAPER\\b|PRINT|TONER|INK\\b|"
                + "OFFICE|\\bPEN\\b|PENCIL|FILE\\b|ENVELOPE|STAPLER|文具|办公|辦公|打印|纸"));
    }

    private ReceiptReader() {
    }

    /**
     * The receipt on one page.
     *
     * @param dateOrder {@code DMY} or {@code MDY}, for numeric dates whose order the numbers do not settle
     */
    static Receipt read(OcrResult ocr, String file, int page, String dateOrder) {
        return read(ocr, file, page, dateOrder, Part.WHOLE);
    }

    /** Which part of a receipt a page holds; a receipt spanning pages is joined by {@link ReceiptContinuation}. */
    enum Part {
        /** The whole receipt. */
        WHOLE,
        /** Its header and first items: line items run to the page's end, and a total is not looked for. */
        FIRST,
        /** Items only: no header, no total. */
        MIDDLE,
        /** Its last items and the totals, without a header: line items start at the page's top. */
        LAST
    }

    /** The part of a receipt on one page. */
    static Receipt read(OcrResult ocr, String file, int page, String dateOrder, Part part) {
        boolean headed = part == Part.WHOLE || part == Part.FIRST;
        boolean closed = part == Part.WHOLE || part == Part.LAST;
        List<Row> rows = ReceiptRows.of(ocr);
        Receipt receipt = new Receipt(file, page);
        if (rows.isEmpty()) {
            return receipt;
        }
        String all = rows.stream().map(Row::text).collect(Collectors.joining("\n"));
        String upperAll = all.toUpperCase(Locale.ROOT);
        boolean fapiao = upperAll.matches("(?s).*(发票|票代码|票号码|价税合计|销售方|购买方).*");

        int headerEnd = headed ? headerEnd(rows) : 0;
        int vendorRow = headed ? vendor(rows, headerEnd, fapiao, receipt, page) : -1;
        if (vendorRow >= 0) {
            address(rows, vendorRow, headerEnd, fapiao, receipt, page);
        }
        date(rows, dateOrder, receipt, page);
        time(rows, receipt, page);
        subtotalTaxTip(rows, receipt, page);
        int totalRow = total(rows, receipt, page);
        if (!closed) {
            totalRow = rows.size();
            receipt.set("total", ReceiptField.missing(page));
        }
        currency(rows, all, receipt, page);
        payment(rows, receipt, page);
        invoiceNumbers(rows, receipt, page);
        lineItems(rows, Math.max(headerEnd, vendorRow + 1), totalRow, receipt, page);
        totalFromItemsAndPayment(receipt);
        category(upperAll, receipt, page);
        return receipt;
    }

    // ---- header: vendor and address ------------------------------------------------------------------

    /** The first row after which the header (vendor, address, registration) is over. */
    private static int headerEnd(List<Row> rows) {
        int limit = Math.min(rows.size(), 14);
        for (int i = 1; i < limit; i++) {
            String upper = rows.get(i).text().toUpperCase(Locale.ROOT);
            // The company's registration number ("(CO.REG : 933109-X)") sits between its name and its address.
            if (isRegistration(upper)) {
                continue;
            }
            // Some tills print the date and time under the shop's name, above its address.
            if (!ReceiptValues.dates(upper, "DMY").isEmpty() && !HEADER_END.matcher(upper).find()
                    && addressFollows(rows, i + 1, Math.min(limit, i + 3))) {
                continue;
            }
            if (HEADER_END.matcher(upper).find() && !COMPANY.matcher(upper).find()
                    || !ReceiptValues.dates(upper, "DMY").isEmpty()
                    || !ReceiptValues.amounts(upper).isEmpty() && i > 2 && !looksLikeAddress(upper)) {
                return i;
            }
        }
        return limit;
    }

    private static int vendor(List<Row> rows, int headerEnd, boolean fapiao, Receipt receipt, int page) {
        if (fapiao) {
            for (int i = 0; i < rows.size(); i++) {
                String text = rows.get(i).text();
                Matcher seller = SELLER.matcher(text);
                if (!seller.find()) {
                    continue;
                }
                // "销售方名称：X" on the row, or "名 称：X" on one of the next rows of the seller block.
                for (int j = i; j < Math.min(rows.size(), i + 4); j++) {
                    String candidate = rows.get(j).text();
                    int from = j == i ? seller.end() : 0;
                    Matcher name = NAME_LABEL.matcher(candidate.substring(from));
                    if (name.find()) {
                        String value = joinHan(name.group(1));
                        receipt.set("vendor", rows.get(j).field(value, from + name.start(1), from + name.end(1), 0.95, page));
                        return j;
                    }
                }
                String rest = text.substring(seller.end()).replaceFirst("^[\\s:：]+", "").strip();
                if (rest.length() >= 2) {
                    receipt.set("vendor", rows.get(i).field(rest, text.length() - rest.length(), text.length(), 0.85, page));
                    return i;
                }
            }
        }
        int best = -1;
        double bestScore = 0;
        double tallest = rows.subList(0, Math.max(1, headerEnd)).stream().mapToInt(Row::height).max().orElse(1);
        for (int i = 0; i < Math.max(1, headerEnd); i++) {
            Row row = rows.get(i);
            String text = row.text().strip();
            // A name with its registration number after it ("99 SPEED MART S/B (519537-X)") is still a name.
            String named = TRAILING_REGISTRATION.matcher(text.toUpperCase(Locale.ROOT)).replaceFirst("");
            long letters = named.codePoints().filter(Character::isLetter).count();
            if (letters < 2 || REGISTRATION.matcher(named).find() || REGISTRATION_LABEL.matcher(named).find()
                    || text.toUpperCase(Locale.ROOT).matches(".*\\b(TEL|FAX|PHONE|H/P|HP|EMAIL|GST|WWW)\\b.*")) {
                continue;
            }
            long upper = text.codePoints().filter(Character::isUpperCase).count();
            long han = text.codePoints().filter(ReceiptRows::isHan).count();
            double score = 1.0;
            if (COMPANY.matcher(text.toUpperCase(Locale.ROOT)).find()) {
                score += 2.5;
            }
            if (han > 0 || upper >= letters * 0.7) {
                score += 1.0;
            } else if (upper == 0) {
                score -= 0.8; // handwriting and notes are lower case; printed names rarely are
            }
            score += 0.8 * row.height() / tallest;
            score += row.confidence();
            score -= 0.15 * i;
            if (looksLikeAddress(text)) {
                score -= 1.5;
            }
            if (letters < 4 && han == 0) {
                score -= 1.0;
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        boolean companyInHeader = best >= 0 && COMPANY.matcher(rows.get(best).text().toUpperCase(Locale.ROOT)).find();
        if (!companyInHeader) {
            // The header did not give a company name; a closing "Thank you for shopping at X" names the shop.
            ReceiptField thanked = thankedShop(rows, Math.max(1, headerEnd), page);
            if (thanked != null) {
                receipt.set("vendor", thanked);
                return best;
            }
        }
        if (best < 0) {
            return -1;
        }
        Row row = rows.get(best);
        String name = cleanName(row.text());
        double certainty = Math.min(0.95, 0.45 + bestScore / 8);
        ReceiptField field = row.whole(name, certainty, page);
        // A company name broken over two rows: before its suffix ("AIK HUAT HARDWARE (SETIA ALAM)" / "SDN BHD")
        // or at an ampersand ("HOME MASTER HARDWARE" / "& ELECTRICAL").
        if (best + 1 < rows.size()) {
            String next = rows.get(best + 1).text().strip();
            Matcher suffix = Pattern.compile("^(SDN\\.?\\s*BHD\\.?|BHD\\.?|S/B|LTD\\.?|LIMITED|INC\\.?)(?=\\s*(?:\\(|$))")
                    .matcher(next.toUpperCase(Locale.ROOT));
            String joined = null;
            if (suffix.find()) {
                joined = name + " " + next.substring(0, suffix.end()).strip();
            } else if ((next.startsWith("&") || row.text().strip().endsWith("&")) && next.length() < 40
                    && !looksLikeAddress(next)) {
                joined = name + " & " + cleanName(next.replaceFirst("^&", ""));
            }
            if (joined != null) {
                Row both = rows.get(best + 1);
                field = ReceiptField.of(joined.replaceAll("\\s+", " ").strip(), field.confidence(),
                        ReceiptField.union(List.of(row.box(), both.box())), page);
                best++;
            }
        }
        // "SDN" is always followed by "BHD" (Sendirian Berhad); OCR sometimes loses the second word.
        if (field.value() instanceof String v && v.matches(".*\\bSDN\\.?$")) {
            field = new ReceiptField(v + (v.endsWith(".") ? " BHD." : " BHD"), field.confidence() * 0.9, field.box(), page);
        }
        receipt.set("vendor", field);
        return best;
    }

    /**
     * The shop a closing line thanks the customer for visiting ("THANK YOU FOR SHOPPING AT FUYI MINI" / "MARKET"),
     * when the name holds a company word; a name broken over two rows is joined when the second is one or two words.
     */
    private static ReceiptField thankedShop(List<Row> rows, int from, int page) {
        for (int i = rows.size() - 1; i >= from; i--) {
            Row row = rows.get(i);
            Matcher m = THANKED_SHOP.matcher(row.text().toUpperCase(Locale.ROOT));
            if (!m.find()) {
                continue;
            }
            String name = cleanName(row.text().substring(m.end()));
            List<OcrResult.Box> boxes = new ArrayList<>(List.of(row.box()));
            if (i + 1 < rows.size()) {
                String next = rows.get(i + 1).text().strip();
                if (next.matches("[\\p{L}&.' ]{2,30}") && next.split("\\s+").length <= 2) {
                    name = (name + " " + cleanName(next)).strip();
                    boxes.add(rows.get(i + 1).box());
                }
            }
            if (name.codePoints().filter(Character::isLetter).count() >= 3
                    && COMPANY.matcher(name.toUpperCase(Locale.ROOT)).find()) {
                return ReceiptField.of(name, row.confidence() * 0.9, ReceiptField.union(boxes), page);
            }
            return null;
        }
        return null;
    }

    static String cleanName(String text) {
        // Common misreadings of company suffixes, and a registration number printed after the name.
        text = text.replaceAll("\\bS[DO0][NM](\\.?),?\\s*[B8]\\s?H[D0O]\\b", "SDN$1 BHD").replaceAll("[,.]\\s*(?=SDN\\b)", " ")
                .replaceAll("(?<=\\p{Lu})!", "I").replaceAll("\\$/B\\b|(?<=\\p{L}\\s)5/B\\b", "S/B");
        text = TRAILING_REGISTRATION.matcher(text).replaceFirst("");
        text = text.replaceAll("\\bSDN BHD\\.$", "SDN BHD");
        // Parentheses come in pairs: a ")" with no "(" before it had its "(" read as a letter ("OM)" for "(M)").
        Matcher opening = MISREAD_OPENING.matcher(text);
        if (opening.find() && text.lastIndexOf('(', opening.start()) < 0) {
            text = text.substring(0, opening.start()) + "(" + opening.group(1) + text.substring(opening.end());
        }
        return text.strip().replaceAll("^[^\\p{L}\\p{N}(]+", "").replaceAll("[^\\p{L}\\p{N}).]+$", "")
                .replaceAll("\\s+", " ");
    }

    /** Chinese text without the spaces OCR puts between characters and figures ("南京东路 100 号"). */
    private static String joinHan(String text) {
        return text.strip().replaceAll("(?<=\\p{IsHan})\\s+|\\s+(?=\\p{IsHan})", "");
    }

    /** Whether one of rows {@code from} to {@code to} (exclusive) looks like an address, registration rows passed over. */
    private static boolean addressFollows(List<Row> rows, int from, int to) {
        for (int j = from; j < to; j++) {
            String upper = rows.get(j).text().toUpperCase(Locale.ROOT);
            if (looksLikeAddress(upper)) {
                return true;
            }
            if (!isRegistration(upper)) {
                return false;
            }
        }
        return false;
    }

    private static boolean looksLikeAddress(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return upper.matches(".*\\b(JALAN|JLN|LOT|KAWASAN|PERINDUSTRIAN|BANDAR|LORONG|PERSIARAN|SELANGOR|JOHOR|KUALA|NO\\.?\\s?\\d+|TAMAN|TMN|ROAD|STREET|ST\\.|AVE|AVENUE|BLVD|SUITE|FLOOR|FLR|"
                + "LEVEL|BLOCK|\\d{5})\\b.*") || upper.matches(".*(路|街|号|號|区|區|市|省|大厦|大廈|楼).*");
    }

    /**
     * A company registration row, also as OCR garbles it: {@code (CO.REG :933109-X)}, {@code Conpany No: 002643278-A},
     * or a row that is little more than a number ending in a check letter ({@code JMO0328956-V}).
     */
    static boolean isRegistration(String upper) {
        if (REGISTRATION.matcher(upper).find() || REGISTRATION_LABEL.matcher(upper).find()) {
            return true;
        }
        String[] words = upper.strip().split("\\s+");
        return words.length <= 3 && REGISTRATION_NUMBER.matcher(upper).find() && !looksLikeAddress(upper);
    }

    /**
     * A row of the address block, or not: telephone rows, registration numbers, stamps and logos read as noise
     * (few confident characters), a former or parent company's name are not.
     */
    private static boolean addressNoise(Row row, String upper) {
        if (isRegistration(upper) || row.text().strip().length() < 3) {
            return true;
        }
        if (row.confidence() < 0.4 && !looksLikeAddress(upper)) {
            return true; // a stamp, a logo, a rule of asterisks
        }
        // Another company's name ("formerly known as" / "GOLDEN ARCHES RESTAURANTS SDN BHD"): a company word, no address word.
        return COMPANY.matcher(upper).find() && !looksLikeAddress(upper) && !upper.matches(".*\\d.*");
    }

    private static void address(List<Row> rows, int vendorRow, int headerEnd, boolean fapiao, Receipt receipt, int page) {
        List<Row> parts = new ArrayList<>();
        if (fapiao) {
            for (int j = vendorRow; j < Math.min(rows.size(), vendorRow + 4); j++) {
                Matcher m = Pattern.compile("地\\s*址\\s*[、,，]?\\s*(?:电\\s*话)?\\s*[:：]?\\s*(\\S.*)$").matcher(rows.get(j).text());
                if (m.find()) {
                    receipt.set("address", rows.get(j).field(joinHan(m.group(1)), m.start(1), m.end(1), 0.9, page));
                    return;
                }
            }
            return;
        }
        int end = Math.min(rows.size(), Math.max(headerEnd, vendorRow + 1) + 1);
        boolean postcodeSeen = false;
        boolean townRowDue = false;
        for (int i = vendorRow + 1; i < end && parts.size() < 5; i++) {
            Row row = rows.get(i);
            String text = row.text().strip();
            String upper = text.toUpperCase(Locale.ROOT);
            if (upper.matches(".*\\bFORMERLY\\b.*")) {
                i++; // the former name follows
                continue;
            }
            if (addressNoise(row, upper)) {
                continue;
            }
            // A till's date and time printed between the shop's name and its address is passed over; after the
            // address has begun, it ends it.
            boolean dated = !ReceiptValues.dates(upper, "DMY").isEmpty() || CLOCK.matcher(upper).find() && !looksLikeAddress(text);
            if (dated && parts.isEmpty() && !looksLikeAddress(text)) {
                continue;
            }
            if (HEADER_END.matcher(upper).find() || dated || PHONE.matcher(upper).find()
                    || upper.matches(".*\\b\\d{2,4}[- ]\\d{3,4}[- ]?\\d{3,4}\\b.*") && !looksLikeAddress(text)) {
                break;
            }
            // An address ends with its postcode and town; after that only a state, the country or a branch name
            // in brackets still belongs to it.
            if (postcodeSeen && !townRowDue && !ADDRESS_TAIL.matcher(upper).find()) {
                break;
            }
            parts.add(row);
            if (townRowDue) {
                townRowDue = false;
                postcodeSeen = true;
            } else {
                Matcher postcode = POSTCODE.matcher(upper);
                if (!postcodeSeen && postcode.find()) {
                    // "… SETIA ALAM 40170" / "SHAH ALAM": a postcode ending its row has the town on the next.
                    townRowDue = upper.substring(postcode.end()).replaceAll("[^\\p{L}]", "").isEmpty();
                    postcodeSeen = !townRowDue;
                }
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        StringBuilder value = new StringBuilder();
        for (Row part : parts) {
            if (!value.isEmpty()) {
                value.append(' ');
            }
            value.append(part.text().strip());
        }
        double confidence = parts.stream().mapToDouble(Row::confidence).average().orElse(0)
                * (parts.stream().anyMatch(p -> looksLikeAddress(p.text())) ? 0.9 : 0.6);
        receipt.set("address", ReceiptField.of(ReceiptValues.cleanAddress(value.toString()), confidence,
                ReceiptField.union(parts.stream().map(Row::box).toList()), page));
    }

    // ---- date and time ------------------------------------------------------------------------------

    private static void date(List<Row> rows, String order, Receipt receipt, int page) {
        ReceiptField best = null;
        double bestScore = -1;
        for (Row row : rows) {
            String upper = row.text().toUpperCase(Locale.ROOT);
            for (ReceiptValues.FoundDate d : ReceiptValues.dates(row.text(), order)) {
                boolean withTime = ReceiptValues.time(row.text().substring(d.end())).find();
                double score = d.certainty() + (DATE_LABEL.matcher(upper).find() ? 0.5 : 0) + (withTime ? 0.1 : 0)
                        - (upper.matches(".*(EXPIR|VALID|DUE|BEST BEFORE|有效期).*") ? 1 : 0) - row.index() * 0.002;
                if (score > bestScore) {
                    bestScore = score;
                    best = row.field(d.date().toString(), d.start(), d.end(), d.certainty(), page);
                }
            }
        }
        receipt.set("date", best);
    }

    private static void time(List<Row> rows, Receipt receipt, int page) {
        for (Row row : rows) {
            Matcher m = ReceiptValues.time(row.text());
            while (m.find()) {
                // A time usually stands next to the date; a lone "12:30" elsewhere is still taken, less surely.
                boolean withDate = !ReceiptValues.dates(row.text(), "DMY").isEmpty()
                        || DATE_LABEL.matcher(row.text().toUpperCase(Locale.ROOT)).find()
                        || row.text().toUpperCase(Locale.ROOT).contains("TIME") || row.text().contains("时间");
                receipt.set("time", row.field(ReceiptValues.formatTime(m), m, 0, withDate ? 0.95 : 0.7, page));
                if (withDate) {
                    return;
                }
            }
        }
    }

    // ---- amounts -------------------------------------------------------------------------------------

    /** The amount a labelled row gives: right of the label on the row, or alone on the next row. */
    record Labelled(ReceiptField field, BigDecimal value, int row) {
    }

    private static Labelled amountAfter(List<Row> rows, int i, int labelEnd, int page) {
        Row row = rows.get(i);
        List<Amount> amounts = ReceiptValues.amounts(row.text()).stream().filter(a -> a.start() >= labelEnd).toList();
        if (!amounts.isEmpty()) {
            Amount a = amounts.get(amounts.size() - 1);
            return new Labelled(row.field(a.value(), a.start(), a.end(), 0.95, page), a.value(), i);
        }
        if (i + 1 < rows.size()) {
            Row next = rows.get(i + 1);
            List<Amount> below = ReceiptValues.amounts(next.text());
            String rest = next.text().replaceAll("[\\d.,\\s:]|RM|\\$|¥|￥", "");
            if (below.size() == 1 && rest.length() <= 3) {
                Amount a = below.get(0);
                return new Labelled(next.field(a.value(), a.start(), a.end(), 0.8, page), a.value(), i + 1);
            }
        }
        return null;
    }

    private static int total(List<Row> allRows, Receipt receipt, int page) {
        // The GST/tax summary table printed under the totals has its own "TOTAL" row (net and tax): not it.
        int end = allRows.size();
        for (int i = 0; i < allRows.size(); i++) {
            String upper = allRows.get(i).text().toUpperCase(Locale.ROOT);
            // An item table's header may name a tax code column ("Qty UOM U.Price Amt Tax Code"): not the summary.
            if (TAX_SUMMARY.matcher(upper).find() && !ITEM_COLUMNS.matcher(upper).find()
                    || ReceiptValues.amounts(upper).isEmpty()
                    && upper.matches(".*(CODE.*%|%.*AMOUNT.*TAX).*")) {
                end = i;
                break;
            }
        }
        List<Row> rows = allRows.subList(0, end);
        List<BigDecimal> everyAmount = rows.stream().flatMap(r -> ReceiptValues.amounts(r.text()).stream())
                .map(Amount::value).toList();
        BigDecimal paid = null;
        BigDecimal change = null;
        for (int i = 0; i < rows.size(); i++) {
            String upper = rows.get(i).text().toUpperCase(Locale.ROOT);
            if (upper.matches(".*\\b(CASH\\w*|TENDER\\w*|PAID|VISA|MASTER\\w*|CARD|RECEIVED)\\b.*") && !upper.contains("CHANGE")) {
                Labelled l = amountAfter(rows, i, 0, page);
                paid = paid == null && l != null ? l.value() : paid;
            } else if (upper.matches(".*\\bCHANGE\\b.*|.*找零.*")) {
                Labelled l = amountAfter(rows, i, 0, page);
                change = change == null && l != null ? l.value() : change;
            }
        }
        BigDecimal cashLessChange = paid != null && change != null ? paid.subtract(change) : null;
        receipt.paidLessChange = cashLessChange;
        // What the other figures say the total is: subtotal + tax + tip, give or take the rounding adjustment.
        BigDecimal rounding = null;
        int roundingRow = -1;
        for (int i = 0; i < rows.size() && rounding == null; i++) {
            String upper = rows.get(i).text().toUpperCase(Locale.ROOT);
            Matcher m = ROUNDING.matcher(upper);
            if (m.find() && !Pattern.compile(T).matcher(upper).find()) {
                Labelled l = amountAfter(rows, i, m.end(), page);
                if (l != null && l.value().abs().compareTo(new BigDecimal("0.10")) < 0) {
                    rounding = l.value().abs();
                    roundingRow = l.row();
                }
            }
        }
        List<BigDecimal> expected = new ArrayList<>();
        BigDecimal sub = receipt.amount("subtotal");
        BigDecimal tax = receipt.amount("tax");
        if (sub != null) {
            BigDecimal tip = receipt.amount("tip");
            BigDecimal base = (tax == null ? sub : sub.add(tax)).add(tip == null ? BigDecimal.ZERO : tip);
            expected.add(base);
            if (rounding != null) {
                expected.add(base.add(rounding));
                expected.add(base.subtract(rounding));
            }
        }
        if (cashLessChange != null) {
            expected.add(cashLessChange);
        }

        Labelled best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < rows.size(); i++) {
            String upper = rows.get(i).text().toUpperCase(Locale.ROOT);
            // A rounded total ("ROUNDED TOTAL", "TOTAL AFTER ADJ") names a rounding adjustment yet is what was paid.
            if (NOT_TOTAL.matcher(upper).find() && !ROUNDED_TOTAL.matcher(upper).find()) {
                continue;
            }
            for (Anchor anchor : TOTAL_ANCHORS) {
                Matcher m = anchor.pattern().matcher(upper);
                if (!m.find()) {
                    continue;
                }
                Labelled l = amountAfter(rows, i, m.end(), page);
                // "TOTAL 52.00 3.12" with the tax last is a tax summary's row (net and tax), not the total.
                List<Amount> onRow = ReceiptValues.amounts(upper);
                if (onRow.size() >= 2 && tax != null && onRow.get(onRow.size() - 1).value().compareTo(tax) == 0) {
                    break;
                }
                // A rounded total is a multiple of 0.05 where tills round (a rounding row says they do).
                boolean misreadRounded = anchor.priority() == 5 && roundingRow >= 0 && upper.contains("ROUND")
                        && l != null && !multipleOf5Cents(l.value());
                // The tax alone is never what was paid; an "AMOUNT" column heading above the tax does not make it so.
                boolean isTax = l != null && tax != null && tax.signum() > 0 && l.value().compareTo(tax) == 0;
                if (l != null && l.value().signum() > 0 && !misreadRounded && !isTax) {
                    long support = everyAmount.stream().filter(a -> a.compareTo(l.value()) == 0).count() - 1;
                    double score = anchor.priority() + 1.2 * Math.min(2, support) + i * 0.01
                            + (expected.stream().anyMatch(e -> e.compareTo(l.value()) == 0) ? 2.5 : 0);
                    if (score > bestScore) {
                        bestScore = score;
                        best = l;
                    }
                }
                break;
            }
        }
        // Tills print the amount to pay in double height: a lone amount on a row at least 1.6 times as tall as
        // the receipt's usual row, below the line items, is the total when no label says otherwise.
        Labelled tall = tallAmount(rows, page);
        if (tall != null) {
            boolean agrees = expected.stream().anyMatch(e -> e.compareTo(tall.value()) == 0);
            long support = everyAmount.stream().filter(a -> a.compareTo(tall.value()) == 0).count() - 1;
            double score = 3.5 + 1.2 * Math.min(2, support) + (agrees ? 2.5 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = tall;
            }
        }
        // A till that prints the rounded total unlabelled, on the row after the rounding adjustment.
        if (roundingRow >= 0 && roundingRow + 1 < rows.size()) {
            Row next = rows.get(roundingRow + 1);
            List<Amount> amounts = ReceiptValues.amounts(next.text());
            String rest = next.text().toUpperCase(Locale.ROOT).replaceAll("[\\d.,\\s:]|RM|RH|\\$", "");
            if (amounts.size() == 1 && rest.length() <= 3 && amounts.get(0).value().signum() > 0) {
                Amount a = amounts.get(0);
                boolean agrees = expected.stream().anyMatch(e -> e.compareTo(a.value()) == 0);
                double score = 4 + (agrees ? 2.5 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = new Labelled(next.field(a.value(), a.start(), a.end(), 0.8, page), a.value(), roundingRow + 1);
                }
            }
        }
        // Sub-total and tax both read, and the total that was read poorly (low OCR confidence) neither agrees
        // with them nor is printed twice: the total was misread, and their sum (rounded as the till did) is
        // the better reading. It is marked unsure, so it goes to review. A clearly printed total that does not
        // add up is kept, and the arithmetic check reports it.
        List<BigDecimal> trusted = new ArrayList<>();
        // Cash and change are misread as often as the total: cash - change only replaces a total it differs
        // from by one misread digit ("48.00" for 18.00, "331.00" for 31.00).
        if (best != null && cashLessChange != null && cashLessChange.signum() > 0
                && digitsApart(cashLessChange, best.value()) <= 1) {
            trusted.add(cashLessChange);
        }
        if (sub != null && tax != null) {
            trusted.addAll(expected.stream().filter(e -> !e.equals(cashLessChange)).toList());
        }
        // A total far above its own subtotal is misread however sure OCR was of it ("48.00" under a 16.98
        // subtotal), and a trusted figure that is plausible replaces it.
        boolean implausible = best != null && outOfProportion(best.value(), sub)
                && trusted.stream().anyMatch(t -> !outOfProportion(t, sub));
        if (implausible) {
            trusted.removeIf(t -> outOfProportion(t, sub));
        }
        if (best != null && !trusted.isEmpty() && (best.field().confidence() < 0.75 || implausible)) {
            Labelled chosen = best;
            boolean agrees = expected.stream().anyMatch(e -> e.compareTo(chosen.value()) == 0);
            long support = everyAmount.stream().filter(a -> a.compareTo(chosen.value()) == 0).count() - 1;
            if (!agrees && support == 0) {
                BigDecimal computed = trusted.stream().filter(ReceiptReader::multipleOf5Cents)
                        .findFirst().orElse(trusted.get(0));
                best = new Labelled(new ReceiptField(computed, 0.5, receipt.field("subtotal").box(), page), computed, best.row());
                receipt.totalConfirmed = true;
            }
        }
        // Paid less change is the amount due; printed on some row of its own (the rounded total, an unlabelled
        // "RM 60.30"), it outweighs a total that nothing confirms, which is then most likely misread.
        if (cashLessChange != null && cashLessChange.signum() > 0
                && (best == null || best.value().compareTo(cashLessChange) != 0)) {
            Labelled current = best;
            boolean bestConfirmed = current != null
                    && (expected.stream().anyMatch(e -> e.compareTo(current.value()) == 0)
                    || everyAmount.stream().filter(a -> a.compareTo(current.value()) == 0).count() > 1);
            if (!bestConfirmed) {
                Labelled printed = printedAmount(rows, cashLessChange, page);
                if (printed != null) {
                    best = printed;
                    receipt.totalConfirmed = true;
                }
            }
        }
        // No total read, but subtotal and tax were: their sum (rounded as the till did) is the total, unsure.
        if (best == null && sub != null && tax != null && !expected.isEmpty()) {
            boolean rounds = rounding != null && rounding.signum() != 0;
            BigDecimal computed = expected.stream().filter(e -> !e.equals(cashLessChange))
                    .filter(e -> !rounds || multipleOf5Cents(e)).findFirst()
                    .orElse(expected.get(0));
            int subRow = 0;
            while (subRow < rows.size() && !SUBTOTAL.matcher(rows.get(subRow).text().toUpperCase(Locale.ROOT)).find()) {
                subRow++;
            }
            best = new Labelled(new ReceiptField(computed, 0.5, receipt.field("subtotal").box(), page), computed, subRow);
        }
        boolean labelled = best != null;
        if (best == null) {
            // No label read: the largest amount that is not what was handed over or given back.
            for (int i = 0; i < rows.size(); i++) {
                String upper = rows.get(i).text().toUpperCase(Locale.ROOT);
                if (PAYMENT_ROWS.matcher(upper).find()) {
                    continue;
                }
                for (Amount a : ReceiptValues.amounts(rows.get(i).text())) {
                    if (best == null || a.value().compareTo(best.value()) > 0) {
                        best = new Labelled(rows.get(i).field(a.value(), a.start(), a.end(), 0.5, page), a.value(), i);
                    }
                }
            }
        }
        if (best == null) {
            return rows.size();
        }
        receipt.totalGuessed = !labelled;
        // An unrounded total on a receipt with a rounding adjustment: the adjustment gives the paid amount.
        if (rounding != null && rounding.signum() > 0 && !multipleOf5Cents(best.value())) {
            Labelled unrounded = best;
            for (BigDecimal adjusted : List.of(best.value().subtract(rounding), best.value().add(rounding))) {
                if (multipleOf5Cents(adjusted)) {
                    ReceiptField f = unrounded.field();
                    best = new Labelled(new ReceiptField(adjusted, f.confidence() * 0.9, f.box(), page), adjusted, unrounded.row());
                    expected.add(adjusted);
                    break;
                }
            }
        }
        // A total that no other figure confirms (printed again, subtotal + tax, cash - change) is less sure.
        Labelled chosen = best;
        boolean confirmed = expected.stream().anyMatch(e -> e.compareTo(chosen.value()) == 0)
                || everyAmount.stream().filter(a -> a.compareTo(chosen.value()) == 0).count() > 1;
        receipt.totalConfirmed |= confirmed;
        ReceiptField field = best.field();
        receipt.set("total", confirmed ? field
                : new ReceiptField(field.value(), field.confidence() * UNCONFIRMED, field.box(), field.page()));
        return best.row();
    }

    /**
     * Whether a total is more than its subtotal plus any tax, service charge and tip a till adds (35 %) could
     * make it: then one of the two is misread.
     */
    static boolean outOfProportion(BigDecimal total, BigDecimal subtotal) {
        return total != null && subtotal != null && subtotal.signum() > 0
                && total.compareTo(subtotal.multiply(MOST_ADDED).add(new BigDecimal("0.10"))) > 0;
    }

    /** A lone positive amount on a row printed notably taller than the receipt's usual row, in its lower half. */
    static Labelled tallAmount(List<Row> rows, int page) {
        int[] heights = rows.stream().mapToInt(Row::height).sorted().toArray();
        if (heights.length < 6) {
            return null;
        }
        double usual = heights[heights.length / 2];
        Labelled found = null;
        for (int i = rows.size() / 2; i < rows.size(); i++) {
            Row row = rows.get(i);
            String upper = row.text().toUpperCase(Locale.ROOT);
            List<Amount> amounts = ReceiptValues.amounts(row.text());
            String rest = upper.replaceAll("[\\d.,\\s:=]|RM|RH|MYR|\\$", "");
            if (row.height() >= 1.6 * usual && amounts.size() == 1 && amounts.get(0).value().signum() > 0
                    && rest.length() <= 3 && !PAYMENT_ROWS.matcher(upper).find()) {
                if (found != null) {
                    return null; // several: a larger font for something else
                }
                Amount a = amounts.get(0);
                found = new Labelled(row.field(a.value(), a.start(), a.end(), 0.85, page), a.value(), i);
            }
        }
        return found;
    }

    /** The last row, other than the payment and rounding rows, that prints the amount. */
    private static Labelled printedAmount(List<Row> rows, BigDecimal amount, int page) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            String upper = rows.get(i).text().toUpperCase(Locale.ROOT);
            if (PAYMENT_ROWS.matcher(upper).find() || ROUNDING.matcher(upper).find()) {
                continue;
            }
            for (Amount a : ReceiptValues.amounts(rows.get(i).text())) {
                if (a.value().compareTo(amount) == 0) {
                    return new Labelled(rows.get(i).field(a.value(), a.start(), a.end(), 0.8, page), a.value(), i);
                }
            }
        }
        return null;
    }

    /**
     * A total nothing confirmed, one misread digit away from an amount that the line items add up to and that
     * cash less change also gives ("$7.10" for 37.10): two figures read apart from each other agree, so the total
     * is taken to be theirs.
     */
    private static void totalFromItemsAndPayment(Receipt receipt) {
        BigDecimal total = receipt.amount("total");
        BigDecimal paid = receipt.paidLessChange;
        if (total == null || paid == null || receipt.totalConfirmed || receipt.lineItems.isEmpty()
                || total.compareTo(paid) == 0 || digitsApart(total, paid) > 1) {
            return;
        }
        BigDecimal items = BigDecimal.ZERO;
        for (Receipt.LineItem item : receipt.lineItems) {
            if (!(item.amount().value() instanceof BigDecimal amount)) {
                return;
            }
            items = items.add(amount);
        }
        if (items.compareTo(paid) == 0) {
            ReceiptField read = receipt.field("total");
            receipt.set("total", new ReceiptField(paid, 0.6, read.box(), read.page()));
            receipt.totalConfirmed = true;
        }
    }

    /** Edit distance between the digits of two amounts. */
    static int digitsApart(BigDecimal a, BigDecimal b) {
        String x = a.setScale(2, RoundingMode.HALF_UP).toPlainString().replace(".", "");
        String y = b.setScale(2, RoundingMode.HALF_UP).toPlainString().replace(".", "");
        return ReceiptValues.editDistance(x, y);
    }

    /**
     * An amount whose decimal point OCR lost ("5142" or "51 42" for 51.42) at the end of a subtotal row; unsure, so
     * it is only used where no proper amount was read. Not for tax rows: a rate or a code before the tax is as
     * often read into it ("2 637" for 6.37).
     */
    private static Labelled pointLost(Row row, int labelEnd, int page) {
        String text = row.text();
        Matcher m = POINT_LOST.matcher(text);
        if (!m.find(Math.min(labelEnd, text.length())) || m.group(1).length() + m.group(2).length() < 3) {
            return null;
        }
        BigDecimal value = new BigDecimal(m.group(1) + "." + m.group(2));
        return new Labelled(row.field(value, m.start(), m.end(), 0.6, page), value, -1);
    }

    private static boolean multipleOf5Cents(BigDecimal value) {
        return value.remainder(new BigDecimal("0.05")).signum() == 0;
    }

    private static void subtotalTaxTip(List<Row> rows, Receipt receipt, int page) {
        for (int i = 0; i < rows.size(); i++) {
            String text = rows.get(i).text();
            String upper = text.toUpperCase(Locale.ROOT);
            Matcher sub = SUBTOTAL.matcher(upper);
            if (!receipt.field("subtotal").found() && sub.find() && !upper.contains("价税")) {
                Labelled l = amountAfter(rows, i, sub.end(), page);
                l = l != null ? l : pointLost(rows.get(i), sub.end(), page);
                if (l != null) {
                    // "Sub Total (RM) - 106.10": a dash after the label separates, it does not subtract.
                    receipt.set("subtotal", l.value().signum() < 0 ? new ReceiptField(l.value().negate(), l.field().confidence(), l.field().box(), page) : l.field());
                }
            }
            Matcher tax = TAX.matcher(upper);
            if (!receipt.field("tax").found() && tax.find() && !NOT_TAX.matcher(upper).find()) {
                // "GST @6%: 0.46": the amount after the rate; a row of three figures (rate, net, tax) ends in the tax.
                int from = tax.end();
                Matcher rate = Pattern.compile("\\d{1,2}(?:\\.\\d+)?\\s?%").matcher(upper);
                if (rate.find(from)) {
                    from = rate.end();
                }
                Labelled l = amountAfter(rows, i, from, page);
                if (l != null && l.value().signum() >= 0) {
                    receipt.set("tax", l.field());
                }
            }
            Matcher tip = TIP.matcher(upper);
            if (!receipt.field("tip").found() && tip.find()) {
                Labelled l = amountAfter(rows, i, tip.end(), page);
                if (l != null) {
                    receipt.set("tip", l.field());
                }
            }
        }
        // A VAT invoice's "合计 ¥100.00 ¥6.00" row: net amount and tax side by side.
        for (Row row : rows) {
            String text = row.text();
            if (text.matches(".*(合\\s*计|合\\s*計).*") && !text.contains("价税")) {
                List<Amount> amounts = ReceiptValues.amounts(text);
                if (amounts.size() == 2) {
                    if (!receipt.field("subtotal").found()) {
                        receipt.set("subtotal", row.field(amounts.get(0).value(), amounts.get(0).start(), amounts.get(0).end(), 0.9, page));
                    }
                    if (!receipt.field("tax").found()) {
                        receipt.set("tax", row.field(amounts.get(1).value(), amounts.get(1).start(), amounts.get(1).end(), 0.9, page));
                    }
                }
            }
        }
    }

    private static void currency(List<Row> rows, String all, Receipt receipt, int page) {
        Map.Entry<String, Double> found = ReceiptValues.currency(all);
        if (found == null) {
            return;
        }
        // Box the first row that names it; an inferred currency (from the country) has no box.
        for (Row row : rows) {
            Map.Entry<String, Double> here = ReceiptValues.currency(row.text());
            if (here != null && here.getKey().equals(found.getKey()) && here.getValue() >= 0.9) {
                receipt.set("currency", row.whole(found.getKey(), found.getValue() / Math.max(0.5, row.confidence()) * row.confidence(), page));
                return;
            }
        }
        receipt.set("currency", new ReceiptField(found.getKey(), found.getValue() * 0.8, null, page));
    }

    private static void payment(List<Row> rows, Receipt receipt, int page) {
        for (Row row : rows) {
            String upper = row.text().toUpperCase(Locale.ROOT);
            Matcher card = CARD.matcher(upper);
            Matcher last4 = LAST4.matcher(upper);
            if (card.find()) {
                String value = card.group(1).replaceAll("\\s", "");
                value = value.startsWith("MASTER") ? "MASTERCARD" : value;
                if (last4.find()) {
                    value += " ****" + last4.group(1);
                }
                receipt.set("paymentMethod", row.whole(value, 0.9, page));
                return;
            }
            if (last4.find() && upper.matches(".*(CARD|卡).*")) {
                receipt.set("paymentMethod", row.whole("CARD ****" + last4.group(1), 0.85, page));
                return;
            }
        }
        for (Row row : rows) {
            Matcher wallet = WALLET.matcher(row.text().toUpperCase(Locale.ROOT));
            if (wallet.find()) {
                String value = switch (wallet.group(1)) {
                    case "现金" -> "CASH";
                    case "微信", "微信支付" -> "WECHAT PAY";
                    case "支付宝" -> "ALIPAY";
                    default -> wallet.group(1);
                };
                receipt.set("paymentMethod", row.field(value, wallet, 1, 0.85, page));
                return;
            }
        }
    }

    private static void invoiceNumbers(List<Row> rows, Receipt receipt, int page) {
        for (Row row : rows) {
            String upper = row.text().toUpperCase(Locale.ROOT).replace('：', ':');
            Matcher code = INVOICE_CODE.matcher(upper);
            if (code.find() && !receipt.field("invoiceCode").found()) {
                receipt.set("invoiceCode", row.field(code.group(1), code, 1, 0.95, page));
            }
            Matcher number = INVOICE_NUMBER.matcher(upper);
            if (number.find() && !receipt.field("invoiceNumber").found()) {
                int group = number.group(1) != null ? 1 : 2;
                receipt.set("invoiceNumber", row.field(number.group(group), number, group, 0.9, page));
            }
        }
    }

    // ---- line items ---------------------------------------------------------------------------------

    private static void lineItems(List<Row> rows, int from, int to, Receipt receipt, int page) {
        Set<Integer> describedBy = new HashSet<>();
        for (int i = from; i < Math.min(to, rows.size()); i++) {
            Row row = rows.get(i);
            String text = row.text();
            String upper = text.toUpperCase(Locale.ROOT);
            List<Amount> amounts = ReceiptValues.amounts(text);
            if (amounts.isEmpty() || PAYMENT_ROWS.matcher(upper).find() || SUBTOTAL.matcher(upper).find()
                    || TAX.matcher(upper).find() || TIP.matcher(upper).find()
                    || TOTAL_ANCHORS.stream().anyMatch(a -> a.pattern().matcher(upper).find())
                    || !ReceiptValues.dates(text, "DMY").isEmpty() || upper.matches(".*(DISCOUNT|SAVING|折扣|优惠).*")) {
                continue;
            }
            Amount amount = amounts.get(amounts.size() - 1);
            String before = text.substring(0, amounts.get(0).start()).strip();
            ReceiptField quantity = ReceiptField.missing(page);
            ReceiptField unitPrice = ReceiptField.missing(page);
            if (amounts.size() >= 2) {
                Amount unit = amounts.get(amounts.size() - 2);
                unitPrice = row.field(unit.value(), unit.start(), unit.end(), 0.85, page);
                String between = text.substring(unit.end(), amount.start());
                Matcher q = QTY_TIMES.matcher(before + " ");
                Matcher qBetween = Pattern.compile("^\\s*(\\d{1,3})\\s*$").matcher(between);
                Matcher qTail = Pattern.compile("(?<![\\d.])(\\d{1,3})\\s?(?:[xX*]|PCS?|UNITS?)?\\s*$").matcher(before);
                BigDecimal qty = null;
                if (qBetween.find()) {
                    qty = new BigDecimal(qBetween.group(1));
                    quantity = row.field(qty, unit.end() + qBetween.start(1), unit.end() + qBetween.end(1), 0.85, page);
                } else if (q.find()) {
                    qty = new BigDecimal(q.group(1));
                    quantity = row.field(qty, q.start(1), q.end(1), 0.85, page);
                    before = before.substring(0, q.start()).strip();
                } else if (qTail.find()) {
                    qty = new BigDecimal(qTail.group(1));
                    quantity = row.field(qty, qTail.start(1), qTail.end(1), 0.8, page);
                    before = before.substring(0, qTail.start()).strip();
                }
                if (qty == null && unit.value().signum() > 0) {
                    BigDecimal ratio = amount.value().divide(unit.value(), 3, RoundingMode.HALF_UP);
                    if (ratio.stripTrailingZeros().scale() <= 0 && ratio.signum() > 0) {
                        quantity = new ReceiptField(ratio.stripTrailingZeros(), 0.6, null, page);
                    }
                }
            } else {
                Matcher lead = LEADING_QTY.matcher(before);
                if (lead.find()) {
                    quantity = row.field(new BigDecimal(lead.group(1)), lead.start(1), lead.end(1), 0.7, page);
                    before = lead.group(2).strip();
                }
            }
            String description = before.replaceAll("^[\\d\\s\\-/#*.]+(?=\\p{L})", "").replaceAll("[\\s\\-:*@xX]+$", "").strip();
            ReceiptField descriptionField;
            if (description.codePoints().filter(Character::isLetter).count() >= 2) {
                int at = text.indexOf(description);
                descriptionField = at >= 0 ? row.field(description, at, at + description.length(), 0.9, page)
                        : row.whole(description, 0.7, page);
            } else {
                // The description printed on its own row above the figures (with a product code between).
                descriptionField = ReceiptField.missing(page);
                for (int j = i - 1; j >= Math.max(from, i - 3); j--) {
                    Row above = rows.get(j);
                    String t = above.text().strip();
                    if (!ReceiptValues.amounts(t).isEmpty()) {
                        break;
                    }
                    long letters = t.codePoints().filter(Character::isLetter).count();
                    if (letters >= 4 && letters * 2 >= t.replace(" ", "").length() && !describedBy.contains(j)) {
                        descriptionField = above.whole(t, 0.8, page);
                        describedBy.add(j);
                        break;
                    }
                }
            }
            receipt.lineItems.add(new Receipt.LineItem(descriptionField, quantity, unitPrice,
                    row.field(amount.value(), amount.start(), amount.end(), 0.9, page)));
        }
    }

    private static void category(String upperAll, Receipt receipt, int page) {
        String vendor = receipt.text("vendor") == null ? "" : receipt.text("vendor").toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Pattern> c : CATEGORIES.entrySet()) {
            if (c.getValue().matcher(vendor).find()) {
                receipt.set("category", new ReceiptField(c.getKey(), 0.85, null, page));
                return;
            }
        }
        for (Map.Entry<String, Pattern> c : CATEGORIES.entrySet()) {
            if (c.getValue().matcher(upperAll).find()) {
                receipt.set("category", new ReceiptField(c.getKey(), 0.6, null, page));
                return;
            }
        }
        receipt.set("category", new ReceiptField("other", 0.4, null, page));
    }
}
