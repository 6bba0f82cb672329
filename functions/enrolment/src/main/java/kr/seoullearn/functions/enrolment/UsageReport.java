package kr.seoullearn.functions.enrolment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;

/**
 * A provider's usage report as CSV: a header {@code learnerRef,lastActiveOn}, then one line per
 * learner with the reference of their access link and the last day they used the provider's
 * lectures ({@code YYYY-MM-DD}, Seoul date). Tolerates what spreadsheets write: a byte-order
 * mark, CRLF, blank lines, spaces around values, quoted values, extra columns after these two.
 * Every line is checked before anything is recorded; the wrong ones are named by number
 * ({@code line 7}) with what is wrong.
 */
final class UsageReport {
    /** Largest report accepted in one request: a bigger one is sent in parts. */
    static final int MAX_BYTES = 512 * 1024;
    static final int MAX_LINES = 5_000;
    /** Wrong lines named in one answer (the rest are counted). */
    static final int MAX_ERRORS = 20;
    static final LocalDate EARLIEST = LocalDate.of(2021, 1, 1);
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private UsageReport() {}

    static List<SeatActivity.Report> parse(String csv, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        if (csv == null || csv.isBlank()) {
            throw new ProblemException(Problem.BAD_REQUEST_BODY_MISSING);
        }
        String[] rows = csv.replace("\uFEFF", "").split("\r?\n|\r");
        List<SeatActivity.Report> lines = new ArrayList<>();
        boolean header = false;
        int wrong = 0;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            if (!header) {
                header = true;
                if (cells.length < 2 || !cell(cells[0]).equalsIgnoreCase("learnerRef") || !cell(cells[1]).equalsIgnoreCase("lastActiveOn")) {
                    errors.add("line " + (i + 1), "header-expected");
                    errors.throwIfAny();
                }
                continue;
            }
            String code = null;
            LocalDate day = null;
            if (cells.length < 2) {
                code = "two-columns-expected";
            } else if (!REF.matcher(cell(cells[0])).matches()) {
                code = "invalid-learner-ref";
            } else {
                try {
                    day = LocalDate.parse(cell(cells[1]));
                    if (day.isAfter(today)) {
                        code = "date-in-future";
                    } else if (day.isBefore(EARLIEST)) {
                        code = "date-too-early";
                    }
                } catch (DateTimeParseException e) {
                    code = "invalid-date";
                }
            }
            if (code != null) {
                if (wrong++ < MAX_ERRORS) {
                    errors.add("line " + (i + 1), code);
                }
                continue;
            }
            if (lines.size() == MAX_LINES) {
                errors.add("file", "too-many-lines");
                break;
            }
            lines.add(new SeatActivity.Report(cell(cells[0]), day));
        }
        if (wrong > MAX_ERRORS) {
            errors.add("file", "more-wrong-lines");
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            errors.add("file", "no-lines");
        }
        errors.throwIfAny();
        return lines;
    }

    private static String cell(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }
}
