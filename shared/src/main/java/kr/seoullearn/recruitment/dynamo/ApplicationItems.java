package kr.seoullearn.recruitment.dynamo;

import static kr.seoullearn.recruitment.dynamo.Attributes.n;
import static kr.seoullearn.recruitment.dynamo.Attributes.num;
import static kr.seoullearn.recruitment.dynamo.Attributes.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.MentorApplication;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An application as its item: the answers as one JSON attribute, the scores as another, the decision beside them. */
final class ApplicationItems {
    private ApplicationItems() {}

    static Map<String, AttributeValue> item(MentorApplication a) {
        Map<String, AttributeValue> item = new HashMap<>(RecruitmentKeys.application(a.tenant(), a.roundId(), a.userId()).attributes());
        item.put("type", s("MENTOR_APPLICATION"));
        item.put("roundId", s(a.roundId()));
        item.put("userId", s(a.userId()));
        item.put("answers", s(Json.write(answers(a))));
        item.put("status", s(a.status().name()));
        item.put("scores", s(Json.write(a.scores())));
        item.put("submittedAt", s(a.submittedAt().toString()));
        item.put("version", n(a.version()));
        if (a.nominated()) {
            item.put("nominated", AttributeValue.fromBool(true));
        }
        item.put(Keys.GSI1PK, s(RecruitmentKeys.roundApplications(a.tenant(), a.roundId())));
        item.put(Keys.GSI1SK, s(RecruitmentKeys.arrival(a.submittedAt(), a.userId())));
        return item;
    }

    private static Map<String, Object> answers(MentorApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("name", a.name());
        m.put("university", a.university());
        m.put("programme", a.programme());
        m.put("year", a.year());
        m.put("schoolType", a.schoolType());
        m.put("enrolmentState", a.enrolmentState());
        m.put("birthDate", a.birthDate().toString());
        m.put("lastGrade", a.lastGrade().label());
        m.put("subjects", a.subjects().stream().map(Enum::name).sorted().toList());
        m.put("levels", a.levels().stream().map(Enum::name).sorted().toList());
        m.put("languages", a.languages().stream().map(Language::tag).sorted().toList());
        m.put("availability", new Availability(a.availability(), Set.of(), 0).toMap());
        m.put("commitmentSemesters", a.commitmentSemesters());
        m.put("mode", a.mode());
        m.put("statement", a.statement());
        m.put("formerLearner", a.formerLearner());
        m.put("educationMajor", a.educationMajor());
        m.put("enrolmentDocumentId", a.enrolmentDocumentId());
        m.put("transcriptDocumentId", a.transcriptDocumentId());
        return m;
    }

    static String scores(Map<String, Integer> scores) {
        return Json.write(new TreeMap<>(scores));
    }

    @SuppressWarnings("unchecked")
    static MentorApplication application(TenantId tenant, Map<String, AttributeValue> i) {
        Map<String, Object> m = Json.readObject(i.get("answers").s());
        Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
        ((List<Object>) m.get("subjects")).forEach(x -> subjects.add(MentoringSubject.valueOf(String.valueOf(x))));
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        ((List<Object>) m.get("levels")).forEach(x -> levels.add(SchoolLevel.valueOf(String.valueOf(x))));
        Set<Language> languages = EnumSet.noneOf(Language.class);
        ((List<Object>) m.get("languages")).forEach(x -> languages.add(Language.fromTag(String.valueOf(x))));
        Map<String, Integer> scores = new TreeMap<>();
        Json.readObject(i.get("scores").s()).forEach((k, v) -> scores.put(k, ((Number) v).intValue()));
        return new MentorApplication(tenant, i.get("roundId").s(), i.get("userId").s(), (String) m.get("username"),
                (String) m.get("name"), (String) m.get("university"), (String) m.get("programme"), ((Number) m.get("year")).intValue(),
                (String) m.get("schoolType"), (String) m.get("enrolmentState"), LocalDate.parse((String) m.get("birthDate")),
                Grade.parse(m.get("lastGrade")).orElseThrow(), subjects, levels, languages,
                Availability.fromStored((Map<String, Object>) m.get("availability"), 0).weekly(),
                ((Number) m.get("commitmentSemesters")).intValue(), (String) m.get("mode"), (String) m.get("statement"),
                Boolean.TRUE.equals(m.get("formerLearner")), Boolean.TRUE.equals(m.get("educationMajor")),
                (String) m.get("enrolmentDocumentId"), (String) m.get("transcriptDocumentId"),
                MentorApplication.Status.valueOf(i.get("status").s()), scores,
                Attributes.text(i, "scoredBy"), Attributes.text(i, "decidedBy"), Attributes.instant(i, "decidedAt"),
                Attributes.text(i, "reason"), Instant.parse(i.get("submittedAt").s()), num(i, "version"),
                i.containsKey("nominated") && Boolean.TRUE.equals(i.get("nominated").bool()));
    }
}
