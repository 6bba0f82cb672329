package kr.seoullearn.functions.reports;

import kr.seoullearn.registration.port.SchoolYearRollover;
import java.util.Optional;
import java.util.function.Function;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.figures.domain.Figure;
import kr.seoullearn.figures.domain.FiguresRefusal;
import kr.seoullearn.figures.port.ProgrammeFigures;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The programme dashboard and the monthly reports for reviewers and admins of a tenant. The
 * tenant is the caller's (ID token); naming another one is refused. Every read is a bounded
 * number of calls on the figures and the ledgers' counters (docs/adr/0015), never a scan.
 */
public final class Reports {
    static final String BOM = "\uFEFF";
    /** The longest period one dashboard shows: at most 4 month partitions. */
    static final int MAX_DAYS = 92;
    static final int DEFAULT_DAYS = 30;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Map<Language, Properties> LABELS = new EnumMap<>(Language.class);
    /** The dashboard's mentoring totals: its key → the figure it sums. */
    private static final Map<String, Figure> MENTORING_TOTALS = mentoringTotals();

    static {
        for (Language language : Language.values()) {
            LABELS.put(language, load("/i18n/reports_" + language.tag() + ".properties"));
        }
    }

    /** A number as the reports write them: never taken for a formula, even when negative. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    static final String CSV_TYPE = "text/csv; charset=utf-8";
    /** How long an export's download URL lives. */
    static final Duration DOWNLOAD_TTL = Duration.ofMinutes(5);

    private final ProgrammeFigures figures;
    private final ExportStorage exports;
    private final Clock clock;
    private final Function<TenantId, Optional<SchoolYearRollover.Run>> lastRollover;

    public Reports(ProgrammeFigures figures, ExportStorage exports, Clock clock) {
        this(figures, exports, clock, tenant -> Optional.empty());
    }

    /** {@code lastRollover}: the tenant's last finished school-year rollover (docs/adr/0041), shown as counts. */
    public Reports(ProgrammeFigures figures, ExportStorage exports, Clock clock,
                   Function<TenantId, Optional<SchoolYearRollover.Run>> lastRollover) {
        this.figures = figures;
        this.exports = exports;
        this.clock = clock;
        this.lastRollover = lastRollover;
    }

    /** The last rollover run: its day, when it finished and its counts (no personal data). */
    private static Map<String, Object> rolloverView(SchoolYearRollover.Run run) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("day", run.day().toString());
        view.put("finishedAt", run.finishedAt() == null ? null : run.finishedAt().toString());
        view.put("counts", run.counts());
        return view;
    }

    /** Reviewers and admins of the tenant; a tenant named in the query must be the caller's. */
    static TenantId authorise(Caller caller, String tenantParam) {
        caller.require(Role.REVIEWER, Role.ADMIN);
        if (tenantParam != null && !tenantParam.equals(caller.tenant().value())) {
            throw new ProblemException(Problem.FORBIDDEN);
        }
        return caller.tenant();
    }

    public Map<String, Object> dashboard(Caller caller, String tenantParam, String fromParam, String toParam) {
        TenantId tenant = authorise(caller, tenantParam);
        LocalDate today = LocalDate.now(clock.withZone(Figure.DAY_ZONE));
        LocalDate to = toParam == null ? today : date(toParam);
        LocalDate from = fromParam == null ? to.minusDays(DEFAULT_DAYS - 1) : date(fromParam);
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ProblemException(FiguresRefusal.REPORT_PERIOD_INVALID);
        }
        Map<LocalDate, Map<String, Long>> days = figures.days(tenant, from, to);
        Map<String, Long> totals = new TreeMap<>();
        days.values().forEach(d -> d.forEach((k, v) -> totals.merge(k, v, Long::sum)));
        List<ProgrammeFigures.ProviderSeatsNow> seats = figures.seats(tenant);
        List<ProgrammeFigures.DistrictLaptopsNow> laptops = figures.laptops(tenant);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", tenant.value());
        body.put("from", from.toString());
        body.put("to", to.toString());
        Map<String, Object> headline = new LinkedHashMap<>();
        headline.put("applicationsSubmitted", totals.getOrDefault(Figure.APPLICATIONS_SUBMITTED.dotted(), 0L));
        headline.put("applicationsApproved", totals.getOrDefault(Figure.APPLICATIONS_APPROVED.dotted(), 0L));
        headline.put("applicationsRejected", totals.getOrDefault(Figure.APPLICATIONS_REJECTED.dotted(), 0L));
        long decisions = totals.getOrDefault(Figure.DECISIONS_COUNT.dotted(), 0L);
        headline.put("averageHoursToDecision", decisions == 0 ? null
                : Math.round(totals.getOrDefault(Figure.DECISIONS_SECONDS.dotted(), 0L) / (double) decisions / 360.0) / 10.0);
        headline.put("seatsUsed", seats.stream().mapToLong(ProgrammeFigures.ProviderSeatsNow::used).sum());
        headline.put("seatsFree", seats.stream().mapToLong(ProgrammeFigures.ProviderSeatsNow::free).sum());
        headline.put("seatsWaitlisted", seats.stream().mapToLong(ProgrammeFigures.ProviderSeatsNow::waiting).sum());
        headline.put("mentoringRequested", totals.getOrDefault(Figure.MENTORING_REQUESTED.dotted(), 0L));
        headline.put("mentoringMatched", totals.getOrDefault(Figure.MENTORING_MATCHED.dotted(), 0L));
        headline.put("sessionsHeld", totals.getOrDefault(Figure.MENTORING_HELD.dotted(), 0L));
        headline.put("laptopsLoaned", laptops.stream().mapToLong(ProgrammeFigures.DistrictLaptopsNow::loaned).sum());
        headline.put("laptopsWaiting", laptops.stream().mapToLong(ProgrammeFigures.DistrictLaptopsNow::waiting).sum());
        headline.put("remindersSent", sumOf(totals, Figure.REMINDERS_SENT.prefix()));
        body.put("headline", headline);
        body.put("totals", totals);
        body.put("rollover", lastRollover.apply(tenant).map(Reports::rolloverView).orElse(null));

        List<Map<String, Object>> perDay = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<String, Long> f = days.getOrDefault(d, Map.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", d.toString());
            row.put("submitted", f.getOrDefault(Figure.APPLICATIONS_SUBMITTED.dotted(), 0L));
            row.put("byCategory", byPart(f, Figure.APPLICATIONS_SUBMITTED.prefix()));
            row.put("approved", f.getOrDefault(Figure.APPLICATIONS_APPROVED.dotted(), 0L));
            row.put("rejected", f.getOrDefault(Figure.APPLICATIONS_REJECTED.dotted(), 0L));
            perDay.add(row);
        }
        body.put("registrationsPerDay", perDay);

        Map<LocalDate, Map<String, Long>> weeks = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Map<String, Long> w = weeks.computeIfAbsent(monday, x -> new LinkedHashMap<>(Map.of(
                    "booked", 0L, "held", 0L, "noShow", 0L, "cancelled", 0L)));
            Map<String, Long> f = days.getOrDefault(d, Map.of());
            w.merge("booked", f.getOrDefault(Figure.MENTORING_BOOKED.dotted(), 0L), Long::sum);
            w.merge("held", f.getOrDefault(Figure.MENTORING_HELD.dotted(), 0L), Long::sum);
            w.merge("noShow", f.getOrDefault(Figure.MENTORING_NO_SHOW.dotted(), 0L), Long::sum);
            w.merge("cancelled", f.getOrDefault(Figure.MENTORING_CANCELLED.dotted(), 0L) + f.getOrDefault(Figure.MENTORING_LATE_CANCELLED.dotted(), 0L), Long::sum);
        }
        List<Map<String, Object>> perWeek = new ArrayList<>();
        weeks.forEach((monday, w) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("weekOf", monday.toString());
            row.putAll(w);
            perWeek.add(row);
        });
        body.put("sessionsPerWeek", perWeek);

        Map<String, Object> mentoring = new LinkedHashMap<>();
        MENTORING_TOTALS.forEach((key, figure) -> mentoring.put(key, totals.getOrDefault(figure.dotted(), 0L)));
        body.put("mentoring", mentoring);
        body.put("learners", Map.of("byLevel", byPart(totals, Figure.LEARNERS_BY_LEVEL.prefix()),
                "byDistrict", byPart(totals, Figure.LEARNERS_BY_DISTRICT.prefix())));

        List<Map<String, Object>> seatRows = new ArrayList<>();
        for (var s : seats) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("providerId", s.providerId());
            row.put("nameKo", s.nameKo());
            row.put("nameEn", s.nameEn());
            row.put("seats", s.seats());
            row.put("used", s.used());
            row.put("free", s.free());
            row.put("waitlisted", s.waiting());
            row.put("enrolledInPeriod", totals.getOrDefault(Figure.SEATS_ENROLLED.dotted(s.providerId()), 0L)
                    + totals.getOrDefault(Figure.SEATS_PROMOTED.dotted(s.providerId()), 0L));
            row.put("withdrawnInPeriod", totals.getOrDefault(Figure.SEATS_WITHDRAWN.dotted(s.providerId()), 0L));
            seatRows.add(row);
        }
        body.put("seats", seatRows);

        List<Map<String, Object>> laptopRows = new ArrayList<>();
        for (var l : laptops) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("district", l.district());
            row.put("inStock", l.inStock());
            row.put("reserved", l.reserved());
            row.put("loaned", l.loaned());
            row.put("waiting", l.waiting());
            row.put("requestedInPeriod", totals.getOrDefault(Figure.LAPTOPS.dotted("REQUESTED", l.district()), 0L));
            row.put("loanedInPeriod", totals.getOrDefault(Figure.LAPTOPS.dotted("LOANED", l.district()), 0L));
            row.put("returnedInPeriod", totals.getOrDefault(Figure.LAPTOPS.dotted("RETURNED", l.district()), 0L));
            laptopRows.add(row);
        }
        body.put("laptops", laptopRows);
        body.put("reminders", byPart(totals, Figure.REMINDERS_SENT.prefix()));
        return body;
    }

    private static Map<String, Figure> mentoringTotals() {
        Map<String, Figure> totals = new LinkedHashMap<>();
        totals.put("requested", Figure.MENTORING_REQUESTED);
        totals.put("matched", Figure.MENTORING_MATCHED);
        totals.put("booked", Figure.MENTORING_BOOKED);
        totals.put("held", Figure.MENTORING_HELD);
        totals.put("noShow", Figure.MENTORING_NO_SHOW);
        totals.put("cancelled", Figure.MENTORING_CANCELLED);
        totals.put("lateCancelled", Figure.MENTORING_LATE_CANCELLED);
        totals.put("extended", Figure.MENTORING_EXTENDED);
        return totals;
    }

    /** One line per day and figure of the month: date, figure, what it counts (in the caller's language), value. */
    public String figuresCsv(Caller caller, String tenantParam, String monthParam, Language language) {
        TenantId tenant = authorise(caller, tenantParam);
        YearMonth month = month(monthParam);
        Map<LocalDate, Map<String, Long>> days = figures.days(tenant, month.atDay(1), month.atEndOfMonth());
        StringBuilder csv = new StringBuilder();
        line(csv, label(language, "csv.date"), label(language, "csv.figure"), label(language, "csv.meaning"), label(language, "csv.value"));
        days.forEach((day, f) -> f.forEach((name, value) ->
                line(csv, day.toString(), name, meaning(language, name), Long.toString(value))));
        return csv.toString();
    }

    /** What an export came to: where to fetch it (briefly), and how big it is. */
    public record Export(ExportStorage.DownloadUrl url, String fileName, long rows, long bytes, int parts, int mostHeld) {}

    /**
     * The month's de-identified rows (pseudonyms, codes and dates; no names, contacts or birth
     * dates), written to storage as they are read: a page of rows at a time into parts of at
     * least 5 MiB, never the whole month in memory, then a 5-minute download URL.
     */
    public Export extract(Caller caller, String tenantParam, String monthParam, Language language) {
        TenantId tenant = authorise(caller, tenantParam);
        YearMonth month = month(monthParam);
        String fileName = "seoul-learn-extract-" + month + ".csv";
        String key = "exports/" + tenant.value() + "/" + month + "/extract-" + UUID.randomUUID() + ".csv";
        ExportStorage.Upload upload = exports.start(key, CSV_TYPE);
        long[] rows = {0};
        CsvParts out = new CsvParts(upload, ExportStorage.MIN_PART_BYTES);
        try {
            out.write(BOM.getBytes(StandardCharsets.UTF_8));
            write(out, label(language, "csv.date"), label(language, "csv.pseudonym"), label(language, "csv.event"),
                    label(language, "csv.status"), label(language, "csv.level"), label(language, "csv.district"),
                    label(language, "csv.categories"), label(language, "csv.provider"));
            figures.eachRow(tenant, month, r -> {
                write(out, r.date(), r.pseudonym(), r.event(), r.status(), r.level(), r.district(), r.categories(), r.provider());
                rows[0]++;
            });
            out.close();
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
        return new Export(exports.presign(key, CSV_TYPE, fileName, DOWNLOAD_TTL), fileName, rows[0], out.total(), out.parts(),
                out.mostHeld());
    }

    private static void write(CsvParts out, String... values) {
        StringBuilder line = new StringBuilder(256);
        line(line, values);
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** "applications.submitted.LOW_INCOME" → "신청(저소득)": the label of its first two parts, then the rest. */
    static String meaning(Language language, String figure) {
        String[] parts = figure.split("\\.", 3);
        String key = parts.length >= 2 ? parts[0] + "." + parts[1] : figure;
        String text = label(language, key);
        if (text == null) {
            text = label(language, parts[0]);
        }
        if (text == null) {
            return figure;
        }
        return parts.length == 3 ? text + " (" + parts[2] + ")" : text;
    }

    private static Map<String, Long> byPart(Map<String, Long> figures, String prefix) {
        Map<String, Long> by = new TreeMap<>();
        figures.forEach((name, value) -> {
            if (name.startsWith(prefix) && name.indexOf('.', prefix.length()) < 0) {
                by.put(name.substring(prefix.length()), value);
            }
        });
        return by;
    }

    private static long sumOf(Map<String, Long> figures, String prefix) {
        return figures.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    private static LocalDate date(String value) {
        if (!DATE.matcher(value).matches()) {
            throw new ProblemException(FiguresRefusal.REPORT_PERIOD_INVALID);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(FiguresRefusal.REPORT_PERIOD_INVALID);
        }
    }

    private static YearMonth month(String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            throw new ProblemException(FiguresRefusal.REPORT_MONTH_INVALID);
        }
        try {
            YearMonth month = YearMonth.parse(value);
            if (month.getYear() < 2020 || month.getYear() > 2100) {
                throw new ProblemException(FiguresRefusal.REPORT_MONTH_INVALID);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new ProblemException(FiguresRefusal.REPORT_MONTH_INVALID);
        }
    }

    private static void line(StringBuilder csv, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(values[i]));
        }
        csv.append("\r\n");
    }

    /**
     * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (a leading {@code = + - @},
     * tab or carriage return) is made text with a leading apostrophe (OWASP, CSV injection). A
     * plain number is left as it is: it cannot be a formula.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String label(Language language, String key) {
        String value = LABELS.get(language).getProperty(key);
        return value != null ? value : LABELS.get(Language.DEFAULT).getProperty(key);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Reports.class.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
