package org.w3id.silkgraph.extract;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Chinese news writes them: 2023年11月6日, 11月6日到7日, 6月10日至12日, 9月15-19日, 3月20日至4月2日,
 * 二〇二三年三月二十一日, and ISO timestamps (2023-10-30 15:00) that transcripts carry.
 */
final class DateParser {
    private static final String NUM = "[0-9]{1,2}|[一二三四五六七八九十]{1,3}";
    private static final String YEAR = "[0-9]{4}|[〇○零一二三四五六七八九]{4}";
    private static final String DASH = "\\s*(?:至|到|-|—|–|~|～|－)\\s*";
    private static final Pattern CHINESE = Pattern.compile(
            "(?:(?<y1>" + YEAR + ")年)?(?<m1>" + NUM + ")月(?<d1>" + NUM + ")(?<u1>[日号])?"
                    + "(?:" + DASH + "(?:(?<y2>" + YEAR + ")年)?(?:(?<m2>" + NUM + ")月)?(?<d2>" + NUM + ")[日号])?");
    /** 二〇二三年十二: four year digits, 年, three numeral characters, then the 月. */
    private static final int MAX_BEFORE_MONTH = 8;
    private static final Pattern ISO = Pattern.compile("(?<![0-9])(?<y>(?:19|20)[0-9]{2})-(?<m>[01]?[0-9])-(?<d>[0-3]?[0-9])(?![0-9])");

    /** A date found in a sentence: [start, end) and what it says; {@code timestamp} for ISO forms. */
    record Found(int start, int end, DateSpan span, boolean timestamp) {
    }

    private DateParser() {
    }

    static List<Found> find(String s) {
        List<Found> out = new ArrayList<>();
        Matcher m = CHINESE.matcher(s);
        int from = 0;
        int month;
        // a date has a 月 at most MAX_BEFORE_MONTH characters after its start: only those few places are tried
        while ((month = s.indexOf('月', from)) >= 0 && m.region(Math.max(from, month - MAX_BEFORE_MONTH), s.length()).find()) {
            from = m.end();
            boolean hasSecondDay = m.group("d2") != null;
            if (m.group("u1") == null && !hasSecondDay) {
                continue; // "6月10" without 日 is not a date we trust
            }
            int y1 = year(m.group("y1"));
            int m1 = number(m.group("m1"));
            int d1 = number(m.group("d1"));
            MonthDay start = monthDay(m1, d1);
            if (start == null) {
                continue;
            }
            MonthDay end = null;
            int y2 = 0;
            if (hasSecondDay) {
                int m2 = m.group("m2") == null ? m1 : number(m.group("m2"));
                end = monthDay(m2, number(m.group("d2")));
                y2 = m.group("y2") == null ? 0 : year(m.group("y2"));
                if (end == null) {
                    continue;
                }
                if (y2 == 0 && y1 > 0) {
                    y2 = end.isBefore(start) ? y1 + 1 : y1;
                }
            }
            out.add(new Found(m.start(), m.end(), new DateSpan(y1, start, y2, end), false));
        }
        Matcher iso = ISO.matcher(s);
        while (s.indexOf('-') >= 0 && iso.find()) {
            MonthDay md = monthDay(Integer.parseInt(iso.group("m")), Integer.parseInt(iso.group("d")));
            if (md != null) {
                out.add(new Found(iso.start(), iso.end(), new DateSpan(Integer.parseInt(iso.group("y")), md, 0, null), true));
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static MonthDay monthDay(int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        try {
            return MonthDay.of(month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static int year(String s) {
        if (s == null) {
            return 0;
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isDigit(c) && c < 128 ? c : (char) ('0' + digit(c)));
        }
        return Integer.parseInt(b.toString());
    }

    /** 1–31 in Arabic or Chinese numerals (十一, 二十三, 三十一). */
    static int number(String s) {
        if (s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(s);
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            return digit(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digit(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '○', '零' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -100; // makes the number invalid
        };
    }
}
