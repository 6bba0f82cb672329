package kr.seoullearn.local.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions: {@code rate(5 minutes)} and
 * {@code cron(minutes hours day-of-month month day-of-week year)} with *, ?, lists, ranges,
 * steps and names (JAN, MON). L, W and # are not supported locally and are refused at start.
 */
final class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private ScheduleExpression(Duration rate, String[] cron) {
        this.rate = rate;
        if (cron == null) {
            minutes = hours = daysOfMonth = months = daysOfWeek = years = null;
            anyDayOfMonth = anyDayOfWeek = true;
            return;
        }
        minutes = field(cron[0], 0, 59, null, 0);
        hours = field(cron[1], 0, 23, null, 0);
        anyDayOfMonth = cron[2].equals("?") || cron[2].equals("*");
        daysOfMonth = field(cron[2], 1, 31, null, 0);
        months = field(cron[3], 1, 12, MONTHS, 1);
        anyDayOfWeek = cron[4].equals("?") || cron[4].equals("*");
        daysOfWeek = field(cron[4], 1, 7, DAYS, 1);
        years = field(cron[5], 1970, 2199, null, 0);
    }

    static ScheduleExpression parse(String expression) {
        Matcher rate = RATE.matcher(expression.strip());
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            ChronoUnit unit = rate.group(2).startsWith("minute") ? ChronoUnit.MINUTES
                    : rate.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
            if (n <= 0) {
                throw new IllegalArgumentException("rate must be positive: " + expression);
            }
            return new ScheduleExpression(Duration.of(n, unit), null);
        }
        Matcher cron = CRON.matcher(expression.strip());
        if (cron.matches()) {
            String[] fields = cron.group(1).strip().split("\\s+");
            if (fields.length != 6) {
                throw new IllegalArgumentException("cron needs 6 fields: " + expression);
            }
            return new ScheduleExpression(null, fields);
        }
        throw new IllegalArgumentException("not a schedule expression: " + expression);
    }

    /** The first time strictly after {@code after} at which the schedule fires. */
    ZonedDateTime next(ZonedDateTime after, ZonedDateTime rateStart) {
        if (rate != null) {
            long periods = Duration.between(rateStart, after).toMillis() / rate.toMillis() + 1;
            return rateStart.plus(rate.multipliedBy(Math.max(periods, 1)));
        }
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = after.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue()) || !years.get(t.getYear())) {
                t = t.plusMonths(1).withDayOfMonth(1).withHour(0).withMinute(0);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.plusDays(1).withHour(0).withMinute(0);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.plusHours(1).withMinute(0);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalStateException("schedule never fires in the next five years");
    }

    private boolean dayMatches(ZonedDateTime t) {
        int dow = t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1;
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean week = daysOfWeek.get(dow);
        if (anyDayOfMonth && anyDayOfWeek) {
            return true;
        }
        if (anyDayOfMonth) {
            return week;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom && week;
    }

    private static BitSet field(String text, int min, int max, String[] names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : text.toUpperCase(Locale.ROOT).split(",")) {
            if (part.contains("L") && names == null || part.contains("W") || part.contains("#")) {
                throw new IllegalArgumentException("the local scheduler does not support '" + part + "'");
            }
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-");
                from = value(ends[0], names, nameBase);
                to = value(ends[1], names, nameBase);
            } else {
                from = value(range, names, nameBase);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to) {
                throw new IllegalArgumentException("out of range: " + part);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int value(String text, String[] names, int nameBase) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(text)) {
                    return i + nameBase;
                }
            }
        }
        return Integer.parseInt(text);
    }

    static ZoneId zone(String timezone) {
        return ZoneId.of(timezone == null ? "UTC" : timezone);
    }
}
