package dev.atrium.plugins.education;

/** Writes numbers in English and Chinese words, for tests that try to slip an answer past the guard. */
final class NumberWords {

    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String CN = "零一二三四五六七八九";

    private NumberWords() {
    }

    /** "twenty-one", "one hundred and five", "three thousand four hundred". */
    static String english(long n, boolean hyphen, boolean and) {
        if (n < 20) {
            return UNITS[(int) n];
        }
        if (n < 100) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? "" : (hyphen ? "-" : " ") + UNITS[(int) (n % 10)]);
        }
        if (n < 1000) {
            return UNITS[(int) (n / 100)] + " hundred" + (n % 100 == 0 ? "" : (and ? " and " : " ")
                    + english(n % 100, hyphen, and));
        }
        if (n < 1_000_000) {
            return english(n / 1000, hyphen, and) + " thousand" + (n % 1000 == 0 ? ""
                    : (n % 1000 < 100 && and ? " and " : " ") + english(n % 1000, hyphen, and));
        }
        return english(n / 1_000_000, hyphen, and) + " million" + (n % 1_000_000 == 0 ? ""
                : " " + english(n % 1_000_000, hyphen, and));
    }

    /** "二十一", "一百零五", "三千四百", "十二" (not "一十二"). */
    static String chinese(long n) {
        if (n == 0) {
            return "零";
        }
        if (n >= 10_000) {
            long high = n / 10_000;
            long low = n % 10_000;
            return chinese(high) + "万" + (low == 0 ? "" : (low < 1000 ? "零" : "") + chinese(low));
        }
        StringBuilder out = new StringBuilder();
        String[] units = {"千", "百", "十", ""};
        long[] sizes = {1000, 100, 10, 1};
        boolean zero = false;
        for (int i = 0; i < 4; i++) {
            long d = (n / sizes[i]) % 10;
            if (d == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            if (!(d == 1 && i == 2 && out.length() == 0)) {
                out.append(CN.charAt((int) d));
            }
            out.append(units[i]);
        }
        return out.toString();
    }
}
