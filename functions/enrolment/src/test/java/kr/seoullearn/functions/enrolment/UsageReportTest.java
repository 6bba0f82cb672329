package kr.seoullearn.functions.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.seoullearn.enrolment.port.SeatActivity;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import org.junit.jupiter.api.Test;

class UsageReportTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void readsWhatSpreadsheetsWrite() {
        String csv = "\uFEFFlearnerRef, lastActiveOn ,provider\r\n"
                + "\"ref-aaaaaaaa\",2026-11-27,mbest\r\n"
                + "\r\n"
                + " ref-bbbbbbbb , 2026-11-28 \n";
        assertThat(UsageReport.parse(csv, TODAY)).containsExactly(
                new SeatActivity.Report("ref-aaaaaaaa", LocalDate.of(2026, 11, 27)),
                new SeatActivity.Report("ref-bbbbbbbb", LocalDate.of(2026, 11, 28)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void namesEveryWrongLineAndAcceptsNone() {
        String csv = "learnerRef,lastActiveOn\n"
                + "ref-aaaaaaaa,2026-11-27\n"
                + "ref-bbbbbbbb,27/11/2026\n"
                + "short,2026-11-27\n"
                + "ref-cccccccc,2026-12-01\n"
                + "ref-dddddddd\n"
                + "ref-eeeeeeee,2019-01-01\n";
        assertThatThrownBy(() -> UsageReport.parse(csv, TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.VALIDATION_FAILED);
                    assertThat((List<Map<String, Object>>) e.extensions().get("errors")).containsExactly(
                            Map.of("field", "line 3", "code", "invalid-date"),
                            Map.of("field", "line 4", "code", "invalid-learner-ref"),
                            Map.of("field", "line 5", "code", "date-in-future"),
                            Map.of("field", "line 6", "code", "two-columns-expected"),
                            Map.of("field", "line 7", "code", "date-too-early"));
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void needsTheHeaderAndAtLeastOneLine() {
        assertThatThrownBy(() -> UsageReport.parse("ref-aaaaaaaa,2026-11-27\n", TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat((List<Map<String, Object>>) e.extensions().get("errors"))
                        .containsExactly(Map.of("field", "line 1", "code", "header-expected")));
        assertThatThrownBy(() -> UsageReport.parse("learnerRef,lastActiveOn\n\n", TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat((List<Map<String, Object>>) e.extensions().get("errors"))
                        .containsExactly(Map.of("field", "file", "code", "no-lines")));
        assertThatThrownBy(() -> UsageReport.parse("  ", TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem()).isEqualTo(Problem.BAD_REQUEST_BODY_MISSING));
    }

    @Test
    @SuppressWarnings("unchecked")
    void refusesMoreLinesThanOneRequestTakes() {
        StringBuilder csv = new StringBuilder("learnerRef,lastActiveOn\n");
        for (int i = 0; i <= UsageReport.MAX_LINES; i++) {
            csv.append(String.format("ref-%08d,2026-11-01%n", i));
        }
        assertThatThrownBy(() -> UsageReport.parse(csv.toString(), TODAY))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat((List<Map<String, Object>>) e.extensions().get("errors"))
                        .containsExactly(Map.of("field", "file", "code", "too-many-lines")));
    }
}
