package kr.seoullearn.functions.mentoring;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.FieldErrors;

/** A mentor's own routes: availability, their desk of mentees and sessions, consent to the larger weekly cap. */
final class MentorDesk {
    private static final Log LOG = Log.of(Mentoring.class);

    /** Sessions a mentor's desk shows: from a day ago to this many weeks ahead. */
    static final int DESK_WEEKS = 8;

    private final MentoringAccess access;
    private final MentoringLedger ledger;

    MentorDesk(MentoringAccess access) {
        this.access = access;
        this.ledger = access.ledger();
    }

    /** GET /api/mentoring/availability: 1 GetItem. */
    Map<String, Object> availability(Caller caller) {
        caller.require(Role.MENTOR);
        Mentor m = ledger.mentor(caller.tenant(), caller.userId()).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        return MentoringView.mentor(m);
    }

    /** PUT /api/mentoring/availability {weekly, away, version}: 1 conditional UpdateItem. */
    Map<String, Object> setAvailability(Caller caller, Map<String, Object> body) {
        caller.require(Role.MENTOR);
        FieldErrors errors = new FieldErrors();
        Availability a = Availability.parse(body, errors);
        errors.throwIfAny();
        Availability saved = ledger.saveAvailability(caller.tenant(), caller.userId(), a, a.version());
        LOG.info("availability set", "tenant", caller.tenant().value(), "windows", saved.weekly().size(), "away", saved.away().size());
        return saved.toMap();
    }

    /** GET /api/mentoring/mentees: the mentor's mentorships and sessions (2 Queries of the index). */
    Map<String, Object> desk(Caller caller) {
        caller.require(Role.MENTOR);
        // a recruited mentor keeps reading their past sessions for the rules' period after their term (docs/adr/0014)
        ledger.mentor(caller.tenant(), caller.userId()).filter(m -> !m.mayReadOn(access.today())).ifPresent(m -> {
            throw new ProblemException(Problem.FORBIDDEN);
        });
        Instant now = access.now();
        List<Mentorship> mentorships = ledger.mentorshipsOf(caller.tenant(), caller.userId());
        List<Session> sessions = ledger.mentorSessions(caller.tenant(), caller.userId(), now.minus(1, ChronoUnit.DAYS),
                now.plus(7L * DESK_WEEKS, ChronoUnit.DAYS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentees", mentorships.stream().map(MentoringView::forMentor).toList());
        body.put("sessions", sessions.stream().map(s -> MentoringView.session(s, mentorships.stream()
                .filter(m -> m.id().equals(s.mentorshipId())).findFirst().map(Mentorship::menteeName).orElse(null), now, access.rooms(), true)).toList());
        return body;
    }

    private static final Set<String> CONSENT_FIELDS = Set.of("agree");

    /**
     * PUT /api/mentoring/mentorships/{id}/weekly-cap {agree}: the mentor agrees to the rules'
     * larger weekly cap (the later rules: a second session a week only with the mentor's
     * consent), or takes it back. 1 GetItem + 1 conditional UpdateItem.
     */
    Map<String, Object> weeklyCap(Caller caller, String mentorshipId, Map<String, Object> body) {
        caller.require(Role.MENTOR);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !CONSENT_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        if (!(body.get("agree") instanceof Boolean)) {
            errors.add("agree", body.get("agree") == null ? "required" : "invalid-value");
        }
        errors.throwIfAny();
        Mentorship m = access.mentorship(caller.tenant(), mentorshipId);
        if (!m.mentorId().equals(caller.userId())) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        int cap = (Boolean) body.get("agree") ? m.weeklyCapWithConsent() : m.baseWeeklyCap();
        Mentorship after = cap == m.weeklyCap() ? m : ledger.setWeeklyCap(m, cap);
        LOG.info("weekly cap set", "tenant", m.tenant().value(), "weeklyCap", cap);
        return MentoringView.forMentor(after);
    }
}
