package kr.seoullearn.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV as spreadsheets save it: BOM, CRLF, quoted commas, quoted line breaks, doubled quotes, Korean; and what is not CSV. */
class CsvRowsTest {
    @Test
    void readsWhatExcelWritesWithTheLineEachRecordStartsOn() {
        String csv = "\uFEFFa,b,c\r\n\"분수, 덧셈\",\"He said \"\"hi\"\"\",\"two\nlines\"\r\n\r\nx,,z";
        List<CsvRows.Row> rows = CsvRows.parse(csv, 10);
        assertThat(rows).extracting(CsvRows.Row::line).containsExactly(1, 2, 5);
        assertThat(rows.get(0).cells()).containsExactly("a", "b", "c");
        assertThat(rows.get(1).cells()).containsExactly("분수, 덧셈", "He said \"hi\"", "two\nlines");
        assertThat(rows.get(2).cells()).containsExactly("x", "", "z");
    }

    @Test
    void aTrailingLineBreakAndBlankLinesAddNoRecord() {
        assertThat(CsvRows.parse("a,b\n1,2\n\n", 10)).hasSize(2);
        assertThat(CsvRows.parse("a,b\r1,2\r", 10)).hasSize(2);
    }

    @Test
    void stopsOneRecordPastTheLimit() {
        assertThat(CsvRows.parse("h\n1\n2\n3\n4\n5\n", 2)).hasSize(3);
    }

    @Test
    void aQuoteNeverClosedOrTextAfterAClosingQuoteIsNotCsv() {
        assertThatThrownBy(() -> CsvRows.parse("a,b\n\"open,2\n3,4", 10)).isInstanceOfSatisfying(CsvRows.Malformed.class,
                e -> assertThat(e.line).isEqualTo(2));
        assertThatThrownBy(() -> CsvRows.parse("a,b\n\"x\"y,2", 10)).isInstanceOf(CsvRows.Malformed.class);
        assertThatThrownBy(() -> CsvRows.parse("a,b\nx\"y,2", 10)).isInstanceOf(CsvRows.Malformed.class);
    }
}
