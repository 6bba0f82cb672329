package kr.seoullearn.local;

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
}
