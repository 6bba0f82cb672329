package kr.seoullearn.mentoring.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kr.seoullearn.registration.domain.FieldErrors;

/**
 * A mentor's weekly availability in Seoul time — windows on days of the week, each starting
 * and ending on the hour or half hour — and the dates they are away (exceptions). A session
 * fits when it lies inside one window of its day and its date is not an away date.
 */
public record Availability(List<Window> weekly, Set<LocalDate> away, long version) {
    public static final int MAX_WINDOWS = 42;
    public static final int MAX_AWAY_DATES = 120;
    public static final Availability NONE = new Availability(List.of(), Set.of(), 0);
    private static final Set<String> FIELDS = Set.of("weekly", "away", "version");
    private static final Set<String> WINDOW_FIELDS = Set.of("day", "from", "to");

    public record Window(DayOfWeek day, LocalTime from, LocalTime to) {
        public Window {
            if (!from.isBefore(to) || !onHalfHour(from) || !onHalfHour(to)) {
                throw new IllegalArgumentException("a window starts before it ends, on the hour or half hour");
            }
        }

        boolean holds(LocalDateTime start, int minutes) {
            LocalTime t = start.toLocalTime();
            LocalDateTime end = start.plusMinutes(minutes);
            return start.getDayOfWeek() == day && !t.isBefore(from) && end.toLocalDate().equals(start.toLocalDate())
                    && !end.toLocalTime().isAfter(to);
        }
    }

    public Availability {
        weekly = weekly.stream().sorted(Comparator.comparing(Window::day).thenComparing(Window::from)).toList();
        away = Set.copyOf(away);
    }

    public boolean offers(LocalDateTime seoulStart, int minutes) {
        if (away.contains(seoulStart.toLocalDate())) {
            return false;
        }
        return weekly.stream().anyMatch(w -> w.holds(seoulStart, minutes));
    }

    /** The session starts (Seoul time, every half hour) the availability offers in the week starting on a Monday. */
    public List<LocalDateTime> starts(LocalDate monday, int minutes) {
        TreeSet<LocalDateTime> starts = new TreeSet<>();
        for (int d = 0; d < 7; d++) {
            LocalDate date = monday.plusDays(d);
            if (away.contains(date)) {
                continue;
            }
            for (Window w : weekly) {
                if (w.day() != date.getDayOfWeek()) {
                    continue;
                }
                for (LocalDateTime t = date.atTime(w.from()); w.holds(t, minutes); t = t.plusMinutes(BookingRules.UNIT_MINUTES)) {
                    starts.add(t);
                }
            }
        }
        return List.copyOf(starts);
    }

    private static boolean onHalfHour(LocalTime t) {
        return t.getSecond() == 0 && t.getNano() == 0 && t.getMinute() % BookingRules.UNIT_MINUTES == 0;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> windows = new ArrayList<>();
        for (Window w : weekly) {
            Map<String, Object> wm = new LinkedHashMap<>();
            wm.put("day", w.day().name().substring(0, 3));
            wm.put("from", w.from().toString());
            wm.put("to", w.to().toString());
            windows.add(wm);
        }
        m.put("weekly", windows);
        m.put("away", away.stream().sorted().map(LocalDate::toString).toList());
        m.put("version", version);
        return m;
    }

    /** Reads a stored definition (already valid). */
    @SuppressWarnings("unchecked")
    public static Availability fromStored(Map<String, Object> m, long version) {
        List<Window> windows = new ArrayList<>();
        for (Object o : (List<Object>) m.getOrDefault("weekly", List.of())) {
            Map<String, Object> w = (Map<String, Object>) o;
            windows.add(new Window(day(String.valueOf(w.get("day"))), LocalTime.parse(String.valueOf(w.get("from"))),
                    LocalTime.parse(String.valueOf(w.get("to")))));
        }
        Set<LocalDate> away = new TreeSet<>();
        for (Object d : (List<Object>) m.getOrDefault("away", List.of())) {
            away.add(LocalDate.parse(String.valueOf(d)));
        }
        return new Availability(windows, away, version);
    }

    /**
     * A mentor's edit: every wrong field reported at once. Windows of one day must not
     * overlap; times are "HH:mm" on :00 or :30; days MON…SUN; away dates ISO dates.
     */
    public static Availability parse(Map<String, Object> body, FieldErrors errors) {
        body.keySet().stream().filter(k -> !FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        long version = errors.version(body);
        List<Window> windows = parseWindows("weekly", body.get("weekly"), MAX_WINDOWS, errors);
        Set<LocalDate> away = new TreeSet<>();
        Object given = body.get("away");
        if (given != null) {
            if (!(given instanceof List<?> dates)) {
                errors.add("away", "invalid-value");
            } else if (dates.size() > MAX_AWAY_DATES) {
                errors.add("away", "out-of-range");
            } else {
                for (int i = 0; i < dates.size(); i++) {
                    try {
                        away.add(LocalDate.parse((String) dates.get(i)));
                    } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
                        errors.add("away[" + i + "]", "invalid-value");
                    }
                }
            }
        }
        return new Availability(windows, away, version);
    }

    /** Windows as "weekly" or a request's "preferredTimes" give them; every wrong one reported under {@code field}. */
    public static List<Window> parseWindows(String field, Object given, int max, FieldErrors errors) {
        List<Window> windows = new ArrayList<>();
        if (!(given instanceof List<?> list)) {
            errors.add(field, given == null ? "required" : "invalid-value");
        } else if (list.size() > max) {
            errors.add(field, "out-of-range");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String at = field + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> w)) {
                    errors.add(at, "invalid-value");
                    continue;
                }
                w.keySet().stream().filter(k -> !WINDOW_FIELDS.contains(k)).forEach(k -> errors.add(at + "." + k, "unknown-field"));
                DayOfWeek day = w.get("day") instanceof String s ? day(s) : null;
                LocalTime from = time(w.get("from"));
                LocalTime to = time(w.get("to"));
                if (day == null) {
                    errors.add(at + ".day", "invalid-value");
                }
                if (from == null) {
                    errors.add(at + ".from", "invalid-value");
                }
                if (to == null) {
                    errors.add(at + ".to", "invalid-value");
                }
                if (day != null && from != null && to != null) {
                    if (!from.isBefore(to)) {
                        errors.add(at + ".to", "invalid-value");
                    } else if (windows.stream().anyMatch(o -> o.day() == day && from.isBefore(o.to()) && o.from().isBefore(to))) {
                        errors.add(at, "invalid-value");
                    } else {
                        windows.add(new Window(day, from, to));
                    }
                }
            }
        }
        return windows;
    }

    /** "MON"… "SUN" (or the full English name). */
    static DayOfWeek day(String s) {
        if (s == null) {
            return null;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(upper) || d.name().substring(0, 3).equals(upper)) {
                return d;
            }
        }
        return null;
    }

    /** "HH:mm" on :00 or :30, or null. */
    static LocalTime time(Object value) {
        if (!(value instanceof String s) || !s.matches("([01][0-9]|2[0-3]):(00|30)")) {
            return null;
        }
        return LocalTime.parse(s);
    }
}
