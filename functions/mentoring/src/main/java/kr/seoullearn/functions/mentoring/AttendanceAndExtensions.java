package kr.seoullearn.functions.mentoring;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.FieldErrors;

/** After sessions: the mentor records attendance; the mentee asks for an extension, a reviewer decides it. */
final class AttendanceAndExtensions {
    private static final Log LOG = Log.of(Mentoring.class);

    static final int MAX_NOTE = 500;

    private final MentoringAccess access;
    private final MentoringLedger ledger;

    AttendanceAndExtensions(MentoringAccess access) {
        this.access = access;
        this.ledger = access.ledger();
    }

    private static final Set<String> ATTENDANCE_FIELDS = Set.of("outcome", "note");

    /** PUT /api/mentoring/mentorships/{id}/sessions/{sessionId}/attendance {outcome, note}: 2 GetItems + 1 UpdateItem. */
    Map<String, Object> attendance(Caller caller, String mentorshipId, String sessionId, Map<String, Object> body) {
        caller.require(Role.MENTOR);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !ATTENDANCE_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        Session.Status outcome = null;
        if ("HELD".equals(body.get("outcome"))) {
            outcome = Session.Status.HELD;
        } else if ("NO_SHOW".equals(body.get("outcome"))) {
            outcome = Session.Status.NO_SHOW;
        } else {
            errors.add("outcome", body.get("outcome") == null ? "required" : "invalid-value");
        }
        String note = null;
        if (body.get("note") != null) {
            if (!(body.get("note") instanceof String n)) {
                errors.add("note", "invalid-value");
            } else if (n.length() > MAX_NOTE) {
                errors.add("note", "too-long");
            } else if (!n.isBlank()) {
                note = n.strip();
            }
        }
        errors.throwIfAny();
        Mentorship m = access.mentorship(caller.tenant(), mentorshipId);
        if (!m.mentorId().equals(caller.userId())) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        Session s = access.session(m, sessionId);
        Instant now = access.now();
        if (now.isBefore(s.start())) {
            throw new ProblemException(MentoringRefusal.SESSION_NOT_STARTED);
        }
        Session recorded = ledger.recordAttendance(s, outcome, note, now);
        LOG.info("attendance recorded", "tenant", m.tenant().value(), "outcome", outcome.name());
        return MentoringView.session(recorded, m.menteeName(), now, access.rooms(), true);
    }

    /** POST /api/mentoring/mentorships/{id}/extension: 1 GetItem + 1 conditional PutItem. */
    Map<String, Object> requestExtension(Caller caller, String mentorshipId) {
        caller.require(Role.LEARNER);
        Mentorship m = access.ownMentorship(caller, mentorshipId);
        if (m.status() != Mentorship.Status.ACTIVE) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_ACTIVE);
        }
        var e = ledger.requestExtension(m, access.now());
        LOG.info("extension requested", "tenant", m.tenant().value());
        return MentoringView.extension(e);
    }

    /** GET /api/mentoring/extensions: 1 Query of the index (oldest first). */
    Map<String, Object> pendingExtensions(Caller caller) {
        caller.require(Role.REVIEWER);
        return Map.of("extensions", ledger.pendingExtensions(caller.tenant(), MentoringRequests.QUEUE).stream().map(MentoringView::extension).toList());
    }

    private static final Set<String> DECISION_FIELDS = Set.of("approve");

    /** POST /api/mentoring/mentorships/{id}/extension/decision {approve}: 1 GetItem + 1 transaction. */
    Map<String, Object> decideExtension(Caller caller, String mentorshipId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !DECISION_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        if (!(body.get("approve") instanceof Boolean)) {
            errors.add("approve", body.get("approve") == null ? "required" : "invalid-value");
        }
        errors.throwIfAny();
        boolean approve = (Boolean) body.get("approve");
        Mentorship m = access.mentorship(caller.tenant(), mentorshipId);
        Mentorship after = ledger.decideExtension(m, approve, access.now());
        LOG.info("extension decided", "tenant", m.tenant().value(), "approved", approve);
        return MentoringView.forMentee(after);
    }
}
