package dev.atrium.plugins.office;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts, dates, times and currencies as printed on receipts, in the forms OCR gives them: {@code 33,90},
 * {@code RM 9.00}, {@code ¥113.00}, {@code 25/12/2018}, {@code 12-01-19}, {@code 05 MAR 2018},
 * {@code 2026年11月20日}.
 */
final class ReceiptValues {

    /** An amount found in a text, with where its digits are. */
    record Amount(BigDecimal value, int start, int end) {
    }

    /** A date found in a text; {@code certainty} is lower when the day/month order had to be guessed. */
    record FoundDate(LocalDate date, int start, int end, double certainty) {
    }

    // Digits with two decimals, a comma or a point (OCR may put a space around it); thousands separators.
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\d.,:-])(-)?\\s?(?:RM|MYR|USD|EUR|S\\$|HK\\$|\\$|€|£|¥|￥)?\\s?"
                    + "(\\d{1,3}(?:,\\d{3})+|\\d{1,7})\\s?[.,]\\s?(\\d{2})(?![.,]?\\d)");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("JAN", 1), Map.entry("FEB", 2), Map.entry("MAR", 3), Map.entry("APR", 4),
            Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7), Map.entry("AUG", 8),
            Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));

    private static final String MONTH_NAME = "(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\\.?";
    private static final Pattern YMD = Pattern.compile("(?<!\\d)(20\\d{2})\\s?[-/.]\\s?(\\d{1,2})\\s?[-/.]\\s?(\\d{1,2})(?!\\d)");
    private static final Pattern CHINESE = Pattern.compile("(20\\d{2})\\s?年\\s?(\\d{1,2})\\s?月\\s?(\\d{1,2})\\s?日");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\p{L}\\d.])(\\d{1,2})\\s?([-/.])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?![\\d])");
    // "1202/2018": day and month run together where OCR lost the separator.
    private static final Pattern LOST_SEPARATOR = Pattern.compile("(?<![\\d/.-])(\\d{2})(\\d{2})\\s?[-/.]\\s?(20\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:ST|ND|RD|TH)?[\\s-/.]{0,2}" + MONTH_NAME + "[\\s-/.,]{0,2}(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "\\b" + MONTH_NAME + "\\s?(\\d{1,2})(?:ST|ND|RD|TH)?,?\\s(\\d{4})(?!\\d)");
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])([01]?\\d|2[0-3])\\s?[:：]\\s?([0-5]\\d)(?:\\s?[:：]\\s?([0-5]\\d))?(?:\\s?([AaPp])\\.?[Mm]\\.?)?(?![\\d:])");

    private ReceiptValues() {
    }

    /**
     * Levenshtein distance: the fewest characters inserted, deleted or replaced to turn one text into the other.
     * OCR's misreadings of a name or a figure are a few such edits.
     */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), replace);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Every amount in the text, left to right. */
    static List<Amount> amounts(String text) {
        List<Amount> out = new ArrayList<>();
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            String whole = m.group(2).replace(",", "");
            BigDecimal value = new BigDecimal(whole + "." + m.group(3));
            if (m.group(1) != null) {
                value = value.negate();
            }
            out.add(new Amount(value, m.start(2), m.end(3)));
        }
        return out;
    }

    /** A plain amount such as a model returns it ("1,234.50", "RM 9.00", "¥113"), or null. */
    static BigDecimal parseAmount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.replaceAll("[^0-9.,-]", "");
        if (digits.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
            digits = digits.replace(",", "");
        } else if (digits.matches("-?\\d+,\\d{1,2}")) {
            digits = digits.replace(',', '.');
        }
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Dates in the text. Numeric day and month are read in the given order ({@code DMY} or {@code MDY})
     * unless one of them is over 12, which settles it.
     */
    static List<FoundDate> dates(String text, String order) {
        String upper = text.toUpperCase(Locale.ROOT);
        List<FoundDate> out = new ArrayList<>();
        Matcher m = CHINESE.matcher(upper);
        while (m.find()) {
            add(out, m, ymd(m.group(1), m.group(2), m.group(3)), 1.0);
        }
        m = YMD.matcher(upper);
        while (m.find()) {
            add(out, m, ymd(m.group(1), m.group(2), m.group(3)), 0.95);
        }
        m = DAY_MONTH_NAME.matcher(upper);
        while (m.find()) {
            add(out, m, ymd(year(m.group(3)), String.valueOf(MONTHS.get(m.group(2).substring(0, 3))), m.group(1)), 0.95);
        }
        m = MONTH_NAME_DAY.matcher(upper);
        while (m.find()) {
            add(out, m, ymd(m.group(3), String.valueOf(MONTHS.get(m.group(1).substring(0, 3))), m.group(2)), 0.95);
        }
        m = NUMERIC.matcher(upper);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            String y = year(m.group(4));
            boolean monthFirst = "MDY".equalsIgnoreCase(order);
            double certainty = 0.9;
            if (a > 12 && b <= 12) {
                monthFirst = false;
                certainty = 0.95;
            } else if (b > 12 && a <= 12) {
                monthFirst = true;
                certainty = 0.95;
            } else if (a != b) {
                certainty = 0.8;
            }
            if (m.group(4).length() == 2 && m.group().matches("(?s).*\\s.*")) {
                continue; // "3-7 - 15" is a product code, not a date; a spaced date needs its century
            }
            LocalDate date = monthFirst ? ymd(y, m.group(1), m.group(3)) : ymd(y, m.group(3), m.group(1));
            add(out, m, date, m.group(4).length() == 2 ? certainty - 0.05 : certainty);
        }
        m = LOST_SEPARATOR.matcher(upper);
        while (m.find()) {
            boolean monthFirst = "MDY".equalsIgnoreCase(order);
            LocalDate date = monthFirst ? ymd(m.group(3), m.group(1), m.group(2)) : ymd(m.group(3), m.group(2), m.group(1));
            add(out, m, date, 0.6);
        }
        out.sort(java.util.Comparator.comparingInt(FoundDate::start));
        return out;
    }

    private static void add(List<FoundDate> out, Matcher m, LocalDate date, double certainty) {
        // Receipts are not from the future: a year past next year is a misread digit ("2078").
        if (date == null || date.getYear() < 1990 || date.getYear() > LocalDate.now().getYear() + 1) {
            return;
        }
        for (FoundDate d : out) {
            if (m.start() < d.end() && m.end() > d.start()) {
                return;
            }
        }
        out.add(new FoundDate(date, m.start(), m.end(), certainty));
    }

    private static String year(String y) {
        return y.length() == 2 ? "20" + y : y;
    }

    private static LocalDate ymd(String y, String m, String d) {
        try {
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** A time of day as {@code HH:mm} or {@code HH:mm:ss}; the matcher's group 0 is where it is. */
    static Matcher time(String text) {
        return TIME.matcher(text);
    }

    static String formatTime(Matcher m) {
        int hour = Integer.parseInt(m.group(1));
        if (m.group(4) != null) {
            boolean pm = m.group(4).equalsIgnoreCase("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        String hm = String.format(Locale.ROOT, "%02d:%s", hour, m.group(2));
        return m.group(3) == null ? hm : hm + ":" + m.group(3);
    }

    /**
     * The ISO 4217 code a text's symbols and words point to, with how sure that is; null when nothing does.
     * A bare {@code $} is Malaysian ringgit on a Malaysian receipt, US dollars otherwise; {@code ¥} is yuan
     * next to Chinese text, yen otherwise.
     */
    static Map.Entry<String, Double> currency(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        boolean malaysian = upper.matches("(?s).*\\b(SDN\\.? ?BHD|BHD|MALAYSIA|JALAN|JLN|TAMAN|SELANGOR|JOHOR|KUALA LUMPUR|GST ID|SST)\\b.*");
        String[][] words = {
                {"\\bMYR\\b", "MYR"}, {"\\bUSD\\b", "USD"}, {"\\bEUR\\b", "EUR"}, {"\\bGBP\\b", "GBP"},
                {"\\bSGD\\b", "SGD"}, {"\\bHKD\\b", "HKD"}, {"\\bCNY\\b|\\bRMB\\b|人民币", "CNY"}, {"\\bJPY\\b", "JPY"},
                {"\\bAUD\\b", "AUD"}, {"\\bCAD\\b", "CAD"}, {"\\bINR\\b", "INR"}, {"\\bTHB\\b", "THB"},
                {"(?<![A-Z])RM\\s?\\d|\\bRM\\b|RINGGIT", "MYR"}, {"S\\$", "SGD"}, {"HK\\$", "HKD"}, {"A\\$", "AUD"},
                {"C\\$", "CAD"}, {"€", "EUR"}, {"£", "GBP"}, {"₹", "INR"}, {"₩", "KRW"}, {"฿", "THB"},
        };
        for (String[] w : words) {
            if (Pattern.compile(w[0]).matcher(upper).find()) {
                return Map.entry(w[1], 0.95);
            }
        }
        if (upper.contains("¥") || upper.contains("￥") || upper.contains("元")) {
            return Map.entry(chinese ? "CNY" : "JPY", chinese ? 0.95 : 0.7);
        }
        if (upper.contains("$")) {
            return malaysian ? Map.entry("MYR", 0.8) : Map.entry("USD", 0.7);
        }
        if (chinese && upper.matches("(?s).*(发票|合计|金额|税额).*")) {
            return Map.entry("CNY", 0.8);
        }
        if (malaysian) {
            return Map.entry("MYR", 0.7);
        }
        return null;
    }

    /** Words of Malaysian addresses that OCR misreads by one letter ({@code BUKTT}, {@code SER]}, {@code JOHUR}). */
    private static final List<String> ADDRESS_WORDS = List.of("JALAN", "TAMAN", "BANDAR", "BUKIT", "KAWASAN",
            "PERINDUSTRIAN", "PERUSAHAAN", "LORONG", "PERSIARAN", "LEBUH", "LEBUHRAYA", "SEKSYEN", "KAMPUNG", "SUNGAI",
            "PULAU", "BATU", "DESA", "INDAH", "JAYA", "BARU", "BAHRU", "UTARA", "SELATAN", "TIMUR", "BARAT", "TENGAH",
            "UTAMA", "PUSAT", "PLAZA", "KOMPLEKS", "MEDAN", "SERI", "SETIA", "PUTRA", "PERMAI", "DAMAI", "MALAYSIA",
            "SELANGOR", "JOHOR", "KEDAH", "KELANTAN", "MELAKA", "NEGERI", "SEMBILAN", "PAHANG", "PERAK", "PERLIS",
            "PINANG", "SABAH", "SARAWAK", "TERENGGANU", "KUALA", "LUMPUR", "PUTRAJAYA", "LABUAN", "DARUL", "EHSAN",
            "TAKZIM", "KLANG", "SHAH", "ALAM", "PETALING", "SUBANG", "DAMANSARA", "CHERAS", "AMPANG", "KAJANG",
            "PUCHONG", "RAWANG", "CYBERJAYA", "SEREMBAN", "IPOH", "MASAI", "TEBRAU", "SKUDAI", "PERMAS", "LEVEL",
            "FLOOR", "BLOCK", "MALL", "CENTRE", "CENTER", "ROAD", "STREET", "TMN", "JLN");
    /** Letters and figures OCR takes for one another on receipts. */
    private static final List<String> LOOK_ALIKE = List.of("I1L|!]T", "O0DQU", "S5$", "B8", "G6C", "Z2", "E F", "A4", "MNH");

    /**
     * An address as printed, with OCR's usual slips undone: spaces collapsed, {@code $} inside a word read as
     * {@code S}, and a word one look-alike letter away from exactly one common address word made that word.
     */
    static String cleanAddress(String text) {
        // Curly quotes stuck to a word are specks of the paper, never part of an address ("‘Tampoi").
        String spaced = text.replaceAll("[‘’“”]+(?=\\p{L})|(?<=\\p{L})[‘“]+", "")
                .replaceAll("\\s+", " ").strip().replaceAll("\\b(?i)(NO)\\s?,\\s?(?=\\d)", "$1.")
                .replaceAll("(?<=[\\p{L}\\p{N}$])\\$|\\$(?=[\\p{L}\\p{N}$])", "S");
        StringBuilder out = new StringBuilder();
        Matcher word = Pattern.compile("[\\p{L}\\p{N}$\\]|!]+").matcher(spaced);
        int last = 0;
        while (word.find()) {
            out.append(spaced, last, word.start()).append(addressWord(word.group()));
            last = word.end();
        }
        return out.append(spaced.substring(last)).toString();
    }

    private static String addressWord(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.length() < 3 || ADDRESS_WORDS.contains(upper) || !upper.chars().allMatch(c -> Character.isLetter(c)
                || "1!]|$05286".indexOf(c) >= 0) || upper.chars().filter(Character::isLetter).count() < upper.length() - 1) {
            return word;
        }
        String found = null;
        for (String known : ADDRESS_WORDS) {
            if (known.length() != upper.length()) {
                continue;
            }
            int diff = -1;
            for (int i = 0; i < known.length(); i++) {
                if (known.charAt(i) != upper.charAt(i)) {
                    diff = diff == -1 ? i : -2;
                }
            }
            if (diff >= 0 && lookAlike(known.charAt(diff), upper.charAt(diff))) {
                if (found != null) {
                    return word; // two words it could be
                }
                found = known;
            }
        }
        if (found == null) {
            return word;
        }
        // Keep the printed case: "Bukit" stays "Bukit".
        return word.equals(upper) ? found : found.charAt(0) + found.substring(1).toLowerCase(Locale.ROOT);
    }

    private static boolean lookAlike(char a, char b) {
        return LOOK_ALIKE.stream().anyMatch(group -> group.indexOf(a) >= 0 && group.indexOf(b) >= 0);
    }
}
