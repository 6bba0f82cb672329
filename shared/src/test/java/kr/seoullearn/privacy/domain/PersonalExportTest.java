package kr.seoullearn.privacy.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export's rendering: sections, nothing internal, nothing of other people. */
class PersonalExportTest {
    private static final String ME = "sub-me";

    private static Map<String, Object> item(String pk, String sk, Object... attributes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("PK", pk);
        m.put("SK", sk);
        for (int i = 0; i < attributes.length; i += 2) {
            m.put((String) attributes[i], attributes[i + 1]);
        }
        return m;
    }

    private static PersonalData data(List<Map<String, Object>> own, List<List<Map<String, Object>>> mentorships) {
        return new PersonalData(item("ACCOUNT#" + ME, "ACCOUNT", "userId", ME, "language", "ko"), own, List.of(), List.of(), List.of(),
                List.of(item("T#seoul#AUDIT#SUBJECT#" + ME, "2026#e", "actor", "sub-staff", "action", "review.decide", "correlationId", "c")),
                List.of(), mentorships, Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void staffIdsBecomeStaffInternalValuesGoAndUnknownItemsAreKept() {
        String pk = "T#seoul#U#" + ME;
        Map<String, Object> export = PersonalExport.of(data(List.of(
                item(pk, "PROFILE", "displayName", "김", "decidedBy", "sub-staff", "recordsIdentity", "secret-hash", "GSI1PK", "x"),
                item(pk, "CALFEED", "tokenHash", "secret-token-hash", "kind", "MENTEE"),
                item(pk, "LAPTOP", "requestId", "r", "idempotencyKey", "k"),
                item(pk, "NEW_KIND#1", "what", "later")), List.of()), ME, "seoul", Instant.parse("2026-12-01T00:00:00Z"),
                (key, version, type, name) -> Map.of("url", "https://example/" + name));

        assertThat((Map<String, Object>) export.get("profile")).containsEntry("displayName", "김").containsEntry("decidedBy", "staff")
                .doesNotContainKeys("recordsIdentity", "GSI1PK", "PK", "SK");
        assertThat((Map<String, Object>) export.get("calendarFeed")).containsEntry("exists", true).doesNotContainKey("tokenHash");
        assertThat((List<Map<String, Object>>) export.get("applicationHistory")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actor", "staff").doesNotContainKey("correlationId"));
        assertThat((List<Map<String, Object>>) export.get("other")).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("item", "NEW_KIND").containsEntry("what", "later"));
        assertThat(export.toString()).doesNotContain("secret").doesNotContain("idempotencyKey").doesNotContain("sub-staff");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMenteeSeesTheMentorsNameTheMentorSeesNothingOfTheMentee() {
        String ms = "T#seoul#MENTORSHIP#m1";
        List<Map<String, Object>> asMentee = List.of(
                item(ms, "MENTORSHIP", "menteeId", ME, "mentorId", "sub-mentor", "mentorName", "박멘토", "menteeName", "김"),
                item(ms, "SESSION#s", "menteeId", ME, "mentorId", "sub-mentor", "note", "잘함", "status", "HELD"));
        List<Map<String, Object>> asMentor = List.of(
                item("T#seoul#MENTORSHIP#m2", "MENTORSHIP", "menteeId", "sub-learner", "mentorId", ME, "menteeName", "이학생"),
                item("T#seoul#MENTORSHIP#m2", "SESSION#t", "menteeId", "sub-learner", "note", "이학생 메모", "status", "NO_SHOW"),
                item("T#seoul#MENTORSHIP#m2", "HISTORY#h", "reason", "이학생 사유", "by", "sub-staff"));
        List<Map<String, Object>> neither = List.of(item("T#seoul#MENTORSHIP#m3", "MENTORSHIP", "menteeId", "a", "mentorId", "b"));

        Map<String, Object> export = PersonalExport.of(data(List.of(), List.of(asMentee, asMentor, neither)), ME, "seoul", Instant.EPOCH,
                (key, version, type, name) -> Map.of());

        List<Map<String, Object>> views = (List<Map<String, Object>>) ((Map<String, Object>) export.get("mentoring")).get("mentorships");
        assertThat(views).hasSize(2);
        assertThat(views.get(0)).containsEntry("role", "MENTEE").containsEntry("mentorName", "박멘토").doesNotContainKey("mentorId");
        assertThat((List<Map<String, Object>>) views.get(0).get("sessions")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("note", "잘함"));
        assertThat(views.get(1)).containsEntry("role", "MENTOR");
        assertThat(views.get(1).toString()).doesNotContain("이학생").doesNotContain("sub-learner").doesNotContain("sub-staff");
    }
}
