package kr.seoullearn.local.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPrivacyScanTest {
    private static final String OURS = "{\"timestamp\":\"2026-11-29T02:32:12.999Z\",\"level\":\"INFO\",\"message\":\"handled\","
            + "\"route\":\"GET /api/enrolments\",\"status\":200,\"requestId\":\"676b10dd-e3f1-4c72-8c3b-010012345678\","
            + "\"tenant\":\"seoul\",\"providerId\":\"mbest\",\"lastActiveOn\":\"2026-11-28\",\"count\":12}";

    @Test
    void ourOwnLogLinesPass() {
        assertThat(LogPrivacyScan.check(OURS)).isEmpty();
        assertThat(LogPrivacyScan.check("[local-cloud] cold start of EnrolmentFunction took 3708 ms")).isEmpty();
        assertThat(LogPrivacyScan.check("READY port=42393 initMs=3514")).isEmpty();
        assertThat(LogPrivacyScan.check("\"sub\":\"0a1b2c3d-0101-4123-0101-123456789012\"")).as("a UUID is not a phone number").isEmpty();
    }

    @Test
    void personalDataIsFound() {
        assertThat(LogPrivacyScan.check(OURS.replace("\"count\":12", "\"email\":\"minjun.kim@example.org\""))).containsExactly("e-mail address");
        assertThat(LogPrivacyScan.check("{\"name\":\"김민준\"}")).containsExactly("Hangul (a Korean name or text someone typed)");
        assertThat(LogPrivacyScan.check("{\"name\":\"Nguyễn Thị Lan\"}")).containsExactly("Vietnamese letters (a name or text someone typed)");
        assertThat(LogPrivacyScan.check("{\"name\":\"王小明\"}")).containsExactly("CJK ideographs (a Chinese name or text someone typed)");
        assertThat(LogPrivacyScan.check("{\"guardianContact\":\"010-1234-5678\"}")).containsExactly("phone number");
        assertThat(LogPrivacyScan.check("{\"guardianContact\":\"01012345678\"}")).containsExactly("phone number");
        assertThat(LogPrivacyScan.check("IllegalArgumentException: 080315-3123456 is not allowed")).containsExactly("resident registration number");
    }

    @Test
    void aScanNamesFileLineAndRuleOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MeFunction.log"), OURS + "\n" + "{\"displayName\":\"박지훈\"}\n");
        Files.writeString(dir.resolve("notes.txt"), "김민준\n");
        long[] lines = {0};
        List<LogPrivacyScan.Finding> findings = LogPrivacyScan.scan(dir, lines);
        assertThat(lines[0]).isEqualTo(2);
        assertThat(findings).extracting(Object::toString).containsExactly("MeFunction.log:2: Hangul (a Korean name or text someone typed)");
    }

    @Test
    void theConcreteValuesOfTheSeedAndTheJourneysAreFoundEvenWithoutAPattern(@TempDir Path dir) throws Exception {
        // GIVEN what a journey registered: an ASCII name, a phone written with spaces, a document's contents
        Files.createDirectories(dir.resolve(LogPrivacyScan.VALUES_DIR));
        Files.writeString(dir.resolve(LogPrivacyScan.VALUES_DIR).resolve("e2e.txt"),
                "Kim Out\n2007-06-01\n1 0 obj << /Type /Catalog >> endobj\nab\n");
        var known = LogPrivacyScan.knownValues(dir);
        // THEN the seed's values are known without any test registering them, the short ones are not
        assertThat(known).contains("tran minh anh", "2009-11-02", "1975-07-21", "learner@seoul-learn.local", "kim out",
                "1 0 obj << /type /catalog >> endobj").doesNotContain("ab");
        // AND lines no pattern catches are found by value; our own lines still pass
        assertThat(LogPrivacyScan.check("{\"message\":\"saved\",\"name\":\"Tran Minh Anh\"}")).isEmpty();
        assertThat(LogPrivacyScan.check("{\"message\":\"saved\",\"name\":\"Tran Minh Anh\"}", known)).containsExactly(LogPrivacyScan.KNOWN_VALUE);
        assertThat(LogPrivacyScan.check("{\"born\":\"2009-11-02\"}", known)).containsExactly(LogPrivacyScan.KNOWN_VALUE);
        assertThat(LogPrivacyScan.check("sniffed KIM OUT's upload", known)).containsExactly(LogPrivacyScan.KNOWN_VALUE);
        assertThat(LogPrivacyScan.check(OURS, known)).isEmpty();
        Files.writeString(dir.resolve("DocumentsFunction.log"), OURS + "\n" + "{\"first\":\"1 0 obj << /Type /Catalog >> endobj\"}\n");
        long[] lines = {0};
        assertThat(LogPrivacyScan.scan(dir, lines, known)).extracting(Object::toString)
                .containsExactly("DocumentsFunction.log:2: " + LogPrivacyScan.KNOWN_VALUE);
    }

    @Test
    void jsonEscapedTextIsDecodedBeforeTheCheck() {
        assertThat(LogPrivacyScan.check("{\"name\":\"\\uAE40\\uBBFC\\uC900\"}")).containsExactly("Hangul (a Korean name or text someone typed)");
        assertThat(LogPrivacyScan.check("{\"path\":\"C:\\\\users\\\\x\"}")).isEmpty();
    }
}
