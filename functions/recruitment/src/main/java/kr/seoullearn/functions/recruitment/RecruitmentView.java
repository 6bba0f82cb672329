package kr.seoullearn.functions.recruitment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.port.MentorOnboarding.MentorTerm;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;

/** What the routes answer: the applicant sees their own answers and the decision; reviewers also scores and who decided. */
final class RecruitmentView {
    private RecruitmentView() {}

    static Map<String, Object> round(Round r, LocalDate today) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("roundId", r.id());
        v.put("name", r.name());
        v.put("opensOn", r.opensOn().toString());
        v.put("closesOn", r.closesOn().toString());
        v.put("target", r.target());
        v.put("selected", r.selected());
        v.put("status", r.status(today));
        v.put("criteria", r.criteria().stream().map(Enum::name).sorted().toList());
        return v;
    }

    static Map<String, Object> forApplicant(MentorApplication a, Round round, LocalDate today) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("roundId", a.roundId());
        if (round != null) {
            v.put("roundName", round.name());
        }
        v.put("status", a.status().name());
        v.put("submittedAt", a.submittedAt().toString());
        v.put("decidedAt", a.decidedAt() == null ? null : a.decidedAt().toString());
        v.put("reason", a.reason());
        v.put("version", a.version());
        v.put("answers", answers(a));
        v.values().removeIf(Objects::isNull);
        return v;
    }

    static Map<String, Object> forReviewer(MentorApplication a, Round round) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("userId", a.userId());
        v.put("roundId", a.roundId());
        v.put("status", a.status().name());
        v.put("nominated", a.nominated());
        v.put("submittedAt", a.submittedAt().toString());
        v.put("preferences", round.criteria().stream().filter(c -> c.metBy(a)).map(Enum::name).sorted().toList());
        v.put("scores", a.scores());
        v.put("total", a.total());
        v.put("scoredBy", a.scoredBy());
        v.put("decidedBy", a.decidedBy());
        v.put("decidedAt", a.decidedAt() == null ? null : a.decidedAt().toString());
        v.put("reason", a.reason());
        v.put("version", a.version());
        v.put("answers", answers(a));
        v.values().removeIf(Objects::isNull);
        return v;
    }

    private static Map<String, Object> answers(MentorApplication a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", a.name());
        v.put("university", a.university());
        v.put("programme", a.programme());
        v.put("year", a.year());
        v.put("schoolType", a.schoolType());
        v.put("enrolmentState", a.enrolmentState());
        v.put("lastGrade", a.lastGrade().label());
        v.put("subjects", a.subjects().stream().map(Enum::name).sorted().toList());
        v.put("levels", a.levels().stream().map(Enum::name).sorted().toList());
        v.put("languages", a.languages().stream().map(Language::tag).sorted().toList());
        v.put("availability", new Availability(a.availability(), Set.of(), 0).toMap().get("weekly"));
        v.put("commitmentSemesters", a.commitmentSemesters());
        v.put("mode", a.mode());
        v.put("statement", a.statement());
        v.put("formerLearner", a.formerLearner());
        v.put("educationMajor", a.educationMajor());
        v.put("enrolmentDocumentId", a.enrolmentDocumentId());
        v.put("transcriptDocumentId", a.transcriptDocumentId());
        return v;
    }

    static Map<String, Object> renewal(Renewal r, MentorTerm m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mentorId", r.mentorId());
        if (m != null) {
            v.put("mentorName", m.name());
            v.put("currentTermEnds", m.termEnds() == null ? null : m.termEnds().toString());
        }
        v.put("termEnds", r.termEnds().toString());
        v.put("status", r.status());
        v.put("requestedAt", r.requestedAt().toString());
        v.put("decidedBy", r.decidedBy());
        v.values().removeIf(Objects::isNull);
        return v;
    }

}
