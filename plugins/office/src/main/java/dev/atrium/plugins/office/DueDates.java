package dev.atrium.plugins.office;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the due date of a commitment against the meeting date, in English and Chinese.
 *
 * <p>Conventions: a bare weekday ("by Friday", "周三前") is the next such day after the meeting;
 * "next Friday" / "下周五" is that day in the following Monday-to-Sunday week; "this Friday" / "本周五"
 * is that day in the meeting's week; "end of the week" / "本周内" is the Friday of the meeting's week
 * (or the next Friday from a weekend); "end of the month" / "月底" is the month's last day; a month and
 * day without a year is the next such date on or after the meeting.
 */
final class DueDates {

    private static final Map<String, DayOfWeek> EN_DAYS = Map.of(
            "monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY, "wednesday", DayOfWeek.WEDNESDAY,
            "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday", DayOfWeek.SATURDAY,
            "sunday", DayOfWeek.SUNDAY);
    private static final Map<Character, DayOfWeek> ZH_DAYS = Map.of(
            '一', DayOfWeek.MONDAY, '二', DayOfWeek.TUESDAY, '三', DayOfWeek.WEDNESDAY, '四', DayOfWeek.THURSDAY,
            '五', DayOfWeek.FRIDAY, '六', DayOfWeek.SATURDAY, '日', DayOfWeek.SUNDAY, '天', DayOfWeek.SUNDAY);
    private static final Map<String, Integer> EN_NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("a couple of", 2),
            Map.entry("couple of", 2), Map.entry("a few", 3));

    private static final String WEEKDAY = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)";
    private static final String MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";

    private static final Pattern DEADLINE = Pattern.compile("\\b(?:by|before|due|until|till|no later than)\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern ZH_FULL = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})[日号]");
    private static final Pattern ZH_MONTH_DAY = Pattern.compile("(\\d{1,2}|[一二三四五六七八九十]{1,3})月(\\d{1,2}|[一二三四五六七八九十]{1,3})[日号]");
    private static final Pattern EN_MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern EN_DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTH + "\\b");
    private static final Pattern EN_NEXT_DAY = Pattern.compile("\\bnext " + WEEKDAY + "\\b");
    private static final Pattern EN_THIS_DAY = Pattern.compile("\\bthis " + WEEKDAY + "\\b");
    private static final Pattern EN_DAY = Pattern.compile("\\b(?:by|on|before|until|till|due|for|this coming|coming) " + WEEKDAY + "\\b|\\b" + WEEKDAY + "\\b");
    private static final Pattern EN_IN = Pattern.compile("\\b(?:in|within) (\\d+|a couple of|couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten) (day|week|month)s?\\b");
    private static final Pattern ZH_NEXT_DAY = Pattern.compile("下(?:个)?(?:周|星期|礼拜)([一二三四五六日天])");
    private static final Pattern ZH_THIS_DAY = Pattern.compile("(?:本|这|这个)(?:周|星期|礼拜)([一二三四五六日天])");
    private static final Pattern ZH_DAY = Pattern.compile("(?:周|星期|礼拜)([一二三四五六日天])");
    private static final Pattern ZH_IN = Pattern.compile("(\\d+|[一两二三四五六七八九十]{1,2})(?:个)?(天|周|星期|礼拜|月)(?:后|之后|内|以内|之内)");

    private DueDates() {
    }

    /** The due date the sentence names, if any. */
    static Optional<LocalDate> resolve(String sentence, LocalDate meeting) {
        if (sentence == null || sentence.isBlank()) {
            return Optional.empty();
        }
        String s = sentence.toLowerCase(Locale.ROOT).replace('’', '\'');
        try {
            // A deadline marker ("by", "before", "due") names the due date even when the sentence mentions
            // other days first ("as we said today, John will send it by Friday").
            Matcher marker = DEADLINE.matcher(s);
            while (marker.find()) {
                LocalDate due = find(s.substring(marker.start()), meeting);
                if (due != null) {
                    return Optional.of(due);
                }
            }
            return Optional.ofNullable(find(s, meeting));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate find(String s, LocalDate d) {
        Matcher m = ISO.matcher(s);
        if (m.find()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = ZH_FULL.matcher(s);
        if (m.find()) {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = ZH_MONTH_DAY.matcher(s);
        if (m.find()) {
            return nextMonthDay(d, zhNumber(m.group(1)), zhNumber(m.group(2)));
        }
        m = EN_MONTH_DAY.matcher(s);
        if (m.find()) {
            return nextMonthDay(d, month(m.group(1)), Integer.parseInt(m.group(2)));
        }
        m = EN_DAY_MONTH.matcher(s);
        if (m.find()) {
            return nextMonthDay(d, month(m.group(2)), Integer.parseInt(m.group(1)));
        }
        if (s.contains("day after tomorrow") || s.contains("大后天")) {
            return d.plusDays(s.contains("大后天") ? 3 : 2);
        }
        if (s.contains("后天")) {
            return d.plusDays(2);
        }
        if (s.matches("(?s).*\\b(tomorrow|tmrw)\\b.*") || s.contains("明天") || s.contains("明日")) {
            return d.plusDays(1);
        }
        if (s.matches("(?s).*\\b(today|tonight|end of (the )?day|eod|cob)\\b.*") || s.contains("今天") || s.contains("今晚")
                || s.contains("下班前")) {
            return d;
        }
        m = EN_NEXT_DAY.matcher(s);
        if (m.find()) {
            return nextWeek(d, EN_DAYS.get(fullDay(m.group(1))));
        }
        m = ZH_NEXT_DAY.matcher(s);
        if (m.find()) {
            return nextWeek(d, ZH_DAYS.get(m.group(1).charAt(0)));
        }
        m = EN_THIS_DAY.matcher(s);
        if (m.find()) {
            return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(EN_DAYS.get(fullDay(m.group(1)))));
        }
        m = ZH_THIS_DAY.matcher(s);
        if (m.find()) {
            return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(ZH_DAYS.get(m.group(1).charAt(0))));
        }
        if (s.matches("(?s).*\\b(end of (the |this )?week|this week|eow)\\b.*") || s.contains("本周内") || s.contains("这周内")
                || s.contains("本周末前") || s.contains("这周末前")) {
            return d.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
        if (s.matches("(?s).*\\bend of next month\\b.*") || s.contains("下个月底") || s.contains("下月底")) {
            return d.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        if (s.matches("(?s).*\\b(end of (the |this )?month|eom|this month)\\b.*") || s.contains("月底") || s.contains("本月内")) {
            return d.with(TemporalAdjusters.lastDayOfMonth());
        }
        if (s.matches("(?s).*\\bnext week\\b.*") || s.contains("下周") || s.contains("下星期")) {
            return d.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        m = ZH_DAY.matcher(s);
        if (m.find()) {
            return d.with(TemporalAdjusters.next(ZH_DAYS.get(m.group(1).charAt(0))));
        }
        m = EN_IN.matcher(s);
        if (m.find()) {
            String n = m.group(1);
            int count = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : EN_NUMBERS.get(n);
            return plus(d, count, m.group(2));
        }
        m = ZH_IN.matcher(s);
        if (m.find()) {
            String unit = m.group(2);
            return plus(d, zhNumber(m.group(1)), unit.equals("天") ? "day" : unit.equals("月") ? "month" : "week");
        }
        m = EN_DAY.matcher(s);
        while (m.find()) {
            String day = m.group(1) != null ? m.group(1) : m.group(2);
            // "sat", "sun", "wed" ... as bare words are too ambiguous ("I sat down"); only full names count alone.
            if (m.group(1) == null && day.length() < 6) {
                continue;
            }
            return d.with(TemporalAdjusters.next(EN_DAYS.get(fullDay(day))));
        }
        return null;
    }

    private static LocalDate plus(LocalDate d, int count, String unit) {
        return switch (unit) {
            case "day" -> d.plusDays(count);
            case "week" -> d.plusWeeks(count);
            default -> d.plusMonths(count);
        };
    }

    /** That weekday in the Monday-to-Sunday week after the meeting's week. */
    private static LocalDate nextWeek(LocalDate d, DayOfWeek day) {
        return d.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
    }

    private static LocalDate nextMonthDay(LocalDate d, int month, int day) {
        LocalDate candidate = LocalDate.of(d.getYear(), month, day);
        return candidate.isBefore(d) ? candidate.plusYears(1) : candidate;
    }

    private static String fullDay(String day) {
        for (String full : EN_DAYS.keySet()) {
            if (full.startsWith(day)) {
                return full;
            }
        }
        throw new DateTimeException("not a weekday: " + day);
    }

    private static int month(String name) {
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(name)) {
                return month.getValue();
            }
        }
        throw new DateTimeException("not a month: " + name);
    }

    /** 1-99 in Arabic or Chinese numerals (一, 两, 十, 十二, 二十三). */
    static int zhNumber(String n) {
        if (n.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(n);
        }
        String digits = "零一二三四五六七八九";
        n = n.replace('两', '二');
        int ten = n.indexOf('十');
        if (ten < 0) {
            return digits.indexOf(n.charAt(0));
        }
        int tens = ten == 0 ? 1 : digits.indexOf(n.charAt(0));
        int ones = ten == n.length() - 1 ? 0 : digits.indexOf(n.charAt(ten + 1));
        return tens * 10 + ones;
    }
}
