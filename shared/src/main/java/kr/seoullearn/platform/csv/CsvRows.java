package kr.seoullearn.platform.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets write it (RFC 4180, as Excel and Google Sheets save "CSV UTF-8"): a
 * byte-order mark, CRLF or LF, fields in double quotes holding commas, line breaks and doubled
 * quotes ({@code ""}). Each record keeps the number of the line it starts on, so an error names
 * the line the person sees in their editor. Blank lines are skipped. Written here rather than
 * taken from a library: the whole format is this class, and the function's jar stays small
 * (docs/adr/0042: the course import and the mentor nominations share it).
 */
public final class CsvRows {
    /** A record: the line it starts on (1-based) and its cells as written (quotes removed, not stripped). */
    public record Row(int line, List<String> cells) {
    }

    /** Thrown for a quote that is never closed or text after a closing quote: the file is not CSV. */
    public static final class Malformed extends RuntimeException {
        public final int line;

        Malformed(int line) {
            super("malformed CSV at line " + line, null, false, false);
            this.line = line;
        }
    }

    private CsvRows() {
    }

    /** The records of {@code text}, at most {@code maxRows} + 1 of them (the caller tells "too many" from one more). */
    public static List<Row> parse(String text, int maxRows) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                cell.append(c);
                i++;
                continue;
            }
            if (c == '"') {
                if (wasQuoted || !cell.toString().isBlank()) {
                    throw new Malformed(line); // a quote inside an unquoted field, or text around a quoted one
                }
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
                i++;
                continue;
            }
            if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
                add(rows, start, cells);
                cells = new ArrayList<>();
                if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                start = line;
                if (rows.size() > maxRows) {
                    return rows;
                }
                continue;
            }
            if (wasQuoted && !Character.isWhitespace(c)) {
                throw new Malformed(line);
            }
            if (!wasQuoted) {
                cell.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new Malformed(start);
        }
        cells.add(cell.toString());
        add(rows, start, cells);
        return rows;
    }

    private static void add(List<Row> rows, int line, List<String> cells) {
        if (cells.size() == 1 && cells.get(0).isBlank()) {
            return; // a blank line
        }
        rows.add(new Row(line, List.copyOf(cells)));
    }
}
