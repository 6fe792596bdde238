package dev.atrium.plugins.education;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers a text states, whatever their form: digits ("1,200", "0.5", "$72"), percentages
 * ("50%", "fifty percent"), English number words ("twenty-one", "one hundred and five", "a dozen",
 * "three quarters", "two and a half") and Chinese numerals ("二十一", "三点五", "百分之五十", "四分之三").
 * Slash fractions ("3/4") are left to {@link Arithmetic}, which reads them as expressions.
 */
final class NumberMentions {

    /** Decimal precision for divisions (fractions, percentages). */
    static final MathContext PRECISION = MathContext.DECIMAL64;

    /**
     * A number stated in a text.
     *
     * @param start offset of its first character in the text searched
     * @param end offset after its last character
     * @param text the words or digits as written
     * @param values what it may mean: its value, and for a percentage also the bare number
     * @param scale decimal places as written (for "0.33" 2), used to accept rounded equivalents
     */
    record Mention(int start, int end, String text, List<BigDecimal> values, int scale) {
        BigDecimal value() {
            return values.get(0);
        }
    }

    private static final Pattern DIGITS = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?![\\d])"
                    + "(\\s*(?:%|percent\\b|per cent\\b))?"
                    + "(\\s+(?:thousand|million|billion|dozen)\\b)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern DECIMAL_ONLY = Pattern.compile("(?<![\\d.])\\.(\\d+)(?!\\d)");

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19));

    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40,
            "fourty", 40, "fifty", 50, "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);

    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L,
            "million", 1_000_000L, "billion", 1_000_000_000L);

    private static final Map<String, Integer> DENOMINATORS = Map.ofEntries(
            Map.entry("half", 2), Map.entry("halves", 2), Map.entry("third", 3), Map.entry("thirds", 3),
            Map.entry("quarter", 4), Map.entry("quarters", 4), Map.entry("fourth", 4), Map.entry("fourths", 4),
            Map.entry("fifth", 5), Map.entry("fifths", 5), Map.entry("sixth", 6), Map.entry("sixths", 6),
            Map.entry("seventh", 7), Map.entry("sevenths", 7), Map.entry("eighth", 8), Map.entry("eighths", 8),
            Map.entry("ninth", 9), Map.entry("ninths", 9), Map.entry("tenth", 10), Map.entry("tenths", 10));

    private static final Pattern WORD = Pattern.compile("[a-z]+|\\d+(?:\\.\\d+)?");

    private static final String CN_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]";
    private static final Pattern CHINESE = Pattern.compile(
            "百分之(" + CN_NUMERAL + "+(?:点" + CN_NUMERAL + "+)?)"
                    + "|(" + CN_NUMERAL + "+)分之(" + CN_NUMERAL + "+)"
                    + "|一半|(" + CN_NUMERAL + "+(?:点" + CN_NUMERAL + "+)?)(个半)?");

    /** Characters after 一 that make a word rather than the number one (一共 "altogether", 一起 "together"). */
    private static final String NOT_ONE = "共起下些样定直般切旦边面方步";

    private NumberMentions() {
    }

    /**
     * Full-width digits and signs folded to ASCII and vulgar fractions written out ("½" to " 1/2"), so that
     * every other reader sees one form. Keeps everything else (Chinese punctuation included) as is.
     */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == '．' && i > 0 && Character.isDigit(out.charAt(out.length() - 1))) {
                out.append('.');
            } else if (c == '⁄' || c == '∕' || c == '／') {
                out.append('/');
            } else if (c == '％') {
                out.append('%');
            } else if (c == '−' || c == '–' || c == '－') {
                out.append('-');
            } else if (c == '＝') {
                out.append('=');
            } else if (c == '＋') {
                out.append('+');
            } else {
                String vulgar = vulgar(c);
                if (vulgar != null) {
                    boolean afterDigit = out.length() > 0 && Character.isDigit(out.charAt(out.length() - 1));
                    // "1½" is one and a half: written as "(1+1/2)" so expressions keep its value.
                    out.append(afterDigit ? "+" : " ").append(vulgar);
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String vulgar(char c) {
        return switch (c) {
            case '½' -> "1/2";
            case '⅓' -> "1/3";
            case '⅔' -> "2/3";
            case '¼' -> "1/4";
            case '¾' -> "3/4";
            case '⅕' -> "1/5";
            case '⅖' -> "2/5";
            case '⅗' -> "3/5";
            case '⅘' -> "4/5";
            case '⅙' -> "1/6";
            case '⅚' -> "5/6";
            case '⅛' -> "1/8";
            case '⅜' -> "3/8";
            case '⅝' -> "5/8";
            case '⅞' -> "7/8";
            default -> null;
        };
    }

    /** Every number the (already {@link #fold folded}) text states, in text order, without overlaps. */
    static List<Mention> find(String text) {
        List<Mention> found = new ArrayList<>();
        digits(text, found);
        words(text, found);
        chinese(text, found);
        found.sort(Comparator.comparingInt(Mention::start).thenComparing(m -> -(m.end() - m.start())));
        List<Mention> distinct = new ArrayList<>();
        int covered = -1;
        for (Mention m : found) {
            if (m.start() >= covered) {
                distinct.add(m);
                covered = m.end();
            }
        }
        return distinct;
    }

    /** The first number the text states, if any. */
    static java.util.Optional<BigDecimal> first(String text) {
        List<Mention> mentions = find(fold(text));
        return mentions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(mentions.get(0).value());
    }

    private static void digits(String text, List<Mention> found) {
        Matcher m = DIGITS.matcher(text);
        while (m.find()) {
            String whole = m.group(1).replace(",", "");
            String fraction = m.group(2) == null ? "" : m.group(2);
            BigDecimal value = new BigDecimal(whole + fraction);
            int scale = fraction.isEmpty() ? 0 : fraction.length() - 1;
            String multiplier = m.group(4) == null ? "" : m.group(4).strip().toLowerCase(Locale.ROOT);
            if (!multiplier.isEmpty()) {
                value = value.multiply(BigDecimal.valueOf(multiplier.equals("dozen") ? 12 : SCALES.get(multiplier)));
                scale = 0;
            }
            List<BigDecimal> values = m.group(3) != null
                    ? List.of(value.divide(BigDecimal.valueOf(100), PRECISION), value)
                    : List.of(value);
            found.add(new Mention(m.start(), m.end(), m.group(), values, m.group(3) != null ? scale + 2 : scale));
        }
        Matcher d = DECIMAL_ONLY.matcher(text);
        while (d.find()) {
            found.add(new Mention(d.start(), d.end(), d.group(), List.of(new BigDecimal("0." + d.group(1))),
                    d.group(1).length()));
        }
    }

    /** English number words, read token by token. */
    private static void words(String text, List<Mention> found) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<int[]> spans = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            tokens.add(m.group());
        }
        BigDecimal[] result = new BigDecimal[2];
        int i = 0;
        while (i < tokens.size()) {
            int end = read(tokens, i, result);
            if (end > i) {
                int startChar = spans.get(i)[0];
                int endChar = spans.get(end - 1)[1];
                BigDecimal value = result[0];
                List<BigDecimal> values = result[1] != null ? List.of(value, result[1]) : List.of(value);
                found.add(new Mention(startChar, endChar, text.substring(startChar, endChar), values,
                        Math.max(0, value.stripTrailingZeros().scale())));
                i = end;
            } else {
                i++;
            }
        }
    }

    /**
     * Reads a number in words starting at token {@code start}; returns the index after it, or {@code start}
     * when there is none. Leaves the value in {@code out[0]} (and the bare number of a percentage in
     * {@code out[1]}).
     */
    private static int read(List<String> tokens, int start, BigDecimal[] out) {
        out[0] = null;
        out[1] = null;
        long total = 0;
        long current = 0;
        boolean any = false;
        int i = start;
        int last = start;
        BigDecimal numberValue;
        // "a hundred", "a dozen", "a half", "a quarter"
        if (i < tokens.size() && (tokens.get(i).equals("a") || tokens.get(i).equals("an")) && i + 1 < tokens.size()) {
            String next = tokens.get(i + 1);
            if (SCALES.containsKey(next) || next.equals("dozen") || next.equals("half") || next.equals("quarter")
                    || next.equals("third")) {
                current = 1;
                any = true;
                i++;
                last = i;
            }
        }
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (UNITS.containsKey(t)) {
                current += UNITS.get(t);
            } else if (TENS.containsKey(t)) {
                current += TENS.get(t);
            } else if (t.equals("hundred")) {
                current = (current == 0 ? 1 : current) * 100;
            } else if (SCALES.containsKey(t)) {
                total += (current == 0 ? 1 : current) * SCALES.get(t);
                current = 0;
            } else if (t.equals("dozen") && (any || i > start)) {
                current = (current == 0 ? 1 : current) * 12;
            } else if (t.equals("dozen")) {
                current = 12;
            } else if (t.equals("and") && any && i + 1 < tokens.size()
                    && (UNITS.containsKey(tokens.get(i + 1)) || TENS.containsKey(tokens.get(i + 1)))) {
                i++;
                continue;
            } else {
                break;
            }
            any = true;
            i++;
            last = i;
        }
        if (!any) {
            // a bare fraction word: "half", "halves" ("a half" is read above)
            if (start < tokens.size() && (tokens.get(start).equals("half"))) {
                out[0] = new BigDecimal("0.5");
                return start + 1;
            }
            return start;
        }
        numberValue = BigDecimal.valueOf(total + current);
        // "three point five"
        if (last < tokens.size() && tokens.get(last).equals("point")) {
            StringBuilder decimals = new StringBuilder();
            int j = last + 1;
            while (j < tokens.size() && UNITS.containsKey(tokens.get(j)) && UNITS.get(tokens.get(j)) < 10) {
                decimals.append(UNITS.get(tokens.get(j)));
                j++;
            }
            if (!decimals.isEmpty()) {
                numberValue = new BigDecimal(numberValue.toPlainString() + "." + decimals);
                last = j;
            }
        }
        // "three quarters", "one half", "a third"
        if (last < tokens.size() && DENOMINATORS.containsKey(tokens.get(last))
                && !(tokens.get(last).equals("half") && numberValue.compareTo(BigDecimal.ONE) > 0)) {
            numberValue = numberValue.divide(BigDecimal.valueOf(DENOMINATORS.get(tokens.get(last))), PRECISION);
            last++;
        } else if (last + 2 < tokens.size() && tokens.get(last).equals("and") && tokens.get(last + 1).equals("a")
                && DENOMINATORS.containsKey(tokens.get(last + 2))) {
            // "two and a half"
            numberValue = numberValue.add(BigDecimal.ONE.divide(
                    BigDecimal.valueOf(DENOMINATORS.get(tokens.get(last + 2))), PRECISION));
            last += 3;
        }
        // "fifty percent", "fifty per cent"
        if (last < tokens.size() && tokens.get(last).equals("percent")) {
            out[1] = numberValue;
            numberValue = numberValue.divide(BigDecimal.valueOf(100), PRECISION);
            last++;
        } else if (last + 1 < tokens.size() && tokens.get(last).equals("per") && tokens.get(last + 1).equals("cent")) {
            out[1] = numberValue;
            numberValue = numberValue.divide(BigDecimal.valueOf(100), PRECISION);
            last += 2;
        }
        out[0] = numberValue;
        return last;
    }

    private static void chinese(String text, List<Mention> found) {
        Matcher m = CHINESE.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && text.charAt(m.start() - 1) == '第') {
                continue; // an ordinal: 第一步 is "the first step", not a quantity
            }
            if (m.group().equals("一") && m.end() < text.length() && NOT_ONE.indexOf(text.charAt(m.end())) >= 0) {
                continue; // 一共, 一起, 一下, 一些 ...: words, not the number one
            }
            BigDecimal value;
            List<BigDecimal> values;
            if (m.group(1) != null) {
                BigDecimal percent = chineseNumber(m.group(1));
                value = percent.divide(BigDecimal.valueOf(100), PRECISION);
                values = List.of(value, percent);
            } else if (m.group(2) != null) {
                BigDecimal denominator = chineseNumber(m.group(2));
                BigDecimal numerator = chineseNumber(m.group(3));
                if (denominator.signum() == 0) {
                    continue;
                }
                value = numerator.divide(denominator, PRECISION);
                values = List.of(value);
            } else if (m.group(4) == null) {
                value = new BigDecimal("0.5");
                values = List.of(value);
            } else {
                value = chineseNumber(m.group(4));
                if (m.group(5) != null) {
                    value = value.add(new BigDecimal("0.5"));
                }
                values = List.of(value);
            }
            found.add(new Mention(m.start(), m.end(), m.group(), values,
                    Math.max(0, value.stripTrailingZeros().scale())));
        }
    }

    /** The value of a Chinese numeral: "二十一" 21, "一百零五" 105, "三点五" 3.5, "二零二六" 2026, "两万" 20000. */
    static BigDecimal chineseNumber(String numeral) {
        String whole = numeral;
        String decimals = "";
        int point = numeral.indexOf('点');
        if (point >= 0) {
            whole = numeral.substring(0, point);
            decimals = numeral.substring(point + 1);
        }
        BigDecimal value = BigDecimal.valueOf(chineseInteger(whole));
        if (!decimals.isEmpty()) {
            StringBuilder digits = new StringBuilder();
            for (char c : decimals.toCharArray()) {
                int d = chineseDigit(c);
                if (d >= 0) {
                    digits.append(d);
                }
            }
            if (!digits.isEmpty()) {
                value = new BigDecimal(value.toPlainString() + "." + digits);
            }
        }
        return value;
    }

    private static long chineseInteger(String numeral) {
        if (numeral.isEmpty()) {
            return 0;
        }
        boolean hasUnit = numeral.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
        if (!hasUnit) {
            long value = 0;
            for (char c : numeral.toCharArray()) {
                value = value * 10 + Math.max(0, chineseDigit(c));
            }
            return value;
        }
        long total = 0;
        long section = 0;
        long number = 0;
        for (char c : numeral.toCharArray()) {
            int d = chineseDigit(c);
            if (d >= 0) {
                number = d;
                continue;
            }
            switch (c) {
                case '十' -> {
                    section += (number == 0 ? 1 : number) * 10;
                    number = 0;
                }
                case '百' -> {
                    section += number * 100;
                    number = 0;
                }
                case '千' -> {
                    section += number * 1000;
                    number = 0;
                }
                case '万' -> {
                    total += (section + number == 0 ? 1 : section + number) * 10_000;
                    section = 0;
                    number = 0;
                }
                case '亿' -> {
                    total = (total + section + number == 0 ? 1 : total + section + number) * 100_000_000L;
                    section = 0;
                    number = 0;
                }
                default -> {
                }
            }
        }
        return total + section + number;
    }

    private static int chineseDigit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /**
     * Whether a stated number means the value: equal, or equal once the value is rounded to the places the
     * number was written with ("0.33" for 1/3, "33%" for 1/3). Signs are ignored: "5" states -5 too.
     */
    static boolean means(Mention mention, BigDecimal value) {
        BigDecimal target = value.abs();
        for (BigDecimal stated : mention.values()) {
            BigDecimal s = stated.abs();
            if (s.compareTo(target) == 0) {
                return true;
            }
            int scale = mention.scale();
            if (scale > 0 && target.setScale(scale, RoundingMode.HALF_UP).compareTo(s) == 0) {
                return true;
            }
        }
        return false;
    }
}
