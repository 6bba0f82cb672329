package kr.seoullearn.functions.mentoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Matching;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.port.ApplicationStore;

/** Learners' requests and what they see of their mentoring; reviewers' open requests, proposals and confirming a mentor. */
final class MentoringRequests {
    private static final Log LOG = Log.of(Mentoring.class);

    static final int MAX_GOALS = 500;
    static final int MAX_SUBJECTS = 5;
    static final int MAX_PREFERRED = 14;
    static final int PROPOSALS = 5;
    static final int QUEUE = 50;

    private final ApplicationStore applications;
    private final MentoringAccess access;
    private final MentoringLedger ledger;

    MentoringRequests(MentoringAccess access, ApplicationStore applications) {
        this.access = access;
        this.ledger = access.ledger();
        this.applications = applications;
    }

    private static final Set<String> REQUEST_FIELDS = Set.of("subjects", "goals", "preferredTimes", "language");

    /** POST /api/mentoring/request: 1 GetItem (application) + 1 Query (rules) + 1 conditional PutItem. */
    Map<String, Object> request(Caller caller, Map<String, Object> body) {
        caller.require(Role.LEARNER);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !REQUEST_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        List<MentoringSubject> subjects = new ArrayList<>();
        if (!(body.get("subjects") instanceof List<?> given) || given.isEmpty()) {
            errors.add("subjects", body.get("subjects") == null ? "required" : "invalid-value");
        } else if (given.size() > MAX_SUBJECTS) {
            errors.add("subjects", "out-of-range");
        } else {
            for (int i = 0; i < given.size(); i++) {
                int at = i;
                MentoringSubject.parse(given.get(i)).ifPresentOrElse(s -> {
                    if (!subjects.contains(s)) {
                        subjects.add(s);
                    }
                }, () -> errors.add("subjects[" + at + "]", "invalid-value"));
            }
        }
        String goals = null;
        if (!(body.get("goals") instanceof String g) || g.isBlank()) {
            errors.add("goals", body.get("goals") == null ? "required" : "invalid-value");
        } else if (g.length() > MAX_GOALS) {
            errors.add("goals", "too-long");
        } else {
            goals = g.strip();
        }
        List<Availability.Window> preferred = Availability.parseWindows("preferredTimes", body.get("preferredTimes"), MAX_PREFERRED, errors);
        Language language = body.get("language") instanceof String l ? Language.fromTag(l) : null;
        if (language == null || !(body.get("language") instanceof String l2) || !l2.equals(language.tag())) {
            errors.add("language", body.get("language") == null ? "required" : "invalid-value");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        Application application = applications.find(tenant, caller.userId())
                .orElseThrow(() -> new ProblemException(Problem.PROFILE_NOT_FOUND));
        if (application.status() != RegistrationStatus.APPROVED) {
            throw new ProblemException(Problem.FORBIDDEN);
        }
        MentoringRules r = access.rulesInForce(tenant);
        if (!r.serves(application.schoolLevel())) {
            throw new ProblemException(MentoringRefusal.MENTORING_NOT_FOR_LEVEL);
        }
        MentoringRequest request = new MentoringRequest(tenant, caller.userId(), application.name() == null ? "" : application.name(),
                application.schoolLevel(), subjects, goals, preferred, language, MentoringRequest.Status.REQUESTED, access.now(), null);
        ledger.request(request);
        LOG.info("mentoring requested", "tenant", tenant.value(), "subjects", subjects.size());
        return MentoringView.request(request);
    }

    /** GET /api/mentoring/me: 1 GetItem; once matched + 2 GetItems (mentorship, mentor), 2 Queries, 1 GetItem (extension). */
    Map<String, Object> mine(Caller caller) {
        caller.require(Role.LEARNER);
        TenantId tenant = caller.tenant();
        Map<String, Object> body = new LinkedHashMap<>();
        var request = ledger.request(tenant, caller.userId());
        body.put("request", request.map(MentoringView::request).orElse(null));
        if (request.isPresent() && request.get().mentorshipId() != null) {
            Mentorship m = ledger.mentorship(tenant, request.get().mentorshipId())
                    .orElseThrow(() -> new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND));
            Instant now = access.now();
            body.put("mentorship", MentoringView.forMentee(m));
            ledger.mentor(tenant, m.mentorId()).ifPresent(mentor -> body.put("mentor", MentoringView.mentorCard(mentor)));
            List<Map<String, Object>> sessions = new ArrayList<>();
            int counted = 0;
            for (Session s : ledger.sessions(tenant, m.id())) {
                Map<String, Object> view = MentoringView.session(s, null, now, access.rooms(), false);
                if (s.status().countsAsUsed()) {
                    // sessions are numbered in time order among those that count; the first ones are trial sessions
                    counted++;
                    view.put("number", counted);
                    view.put("trial", counted <= m.trialSessions());
                }
                sessions.add(view);
            }
            body.put("sessions", sessions);
            body.put("weeks", ledger.weekCounts(tenant, m.id()));
            body.put("extension", ledger.extension(tenant, m.id()).map(MentoringView::extension).orElse(null));
        }
        return body;
    }

    /** GET /api/mentoring/requests: 1 Query of the index (oldest first). */
    Map<String, Object> openRequests(Caller caller) {
        caller.require(Role.REVIEWER);
        return Map.of("requests", ledger.openRequests(caller.tenant(), QUEUE).stream().map(MentoringView::request).toList());
    }

    /** GET /api/mentoring/requests/{menteeId}/proposals: 1 GetItem + 1 Query (rules) + 1 Query (mentors); ended terms left out. */
    Map<String, Object> proposals(Caller caller, String menteeId) {
        caller.require(Role.REVIEWER);
        MentoringRequest request = openRequest(caller.tenant(), menteeId);
        MentoringRules r = access.rulesInForce(caller.tenant());
        List<Matching.Proposal> proposals = Matching.propose(request, ledger.mentors(caller.tenant()), r, PROPOSALS, access.today());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request", MentoringView.request(request));
        body.put("proposals", proposals.stream().map(MentoringView::proposal).toList());
        return body;
    }

    private static final Set<String> MATCH_FIELDS = Set.of("mentorId");

    /** POST /api/mentoring/requests/{menteeId}/match {mentorId}: 2 GetItems + 1 Query (rules) + 1 transaction. */
    Map<String, Object> match(Caller caller, String menteeId, Map<String, Object> body) {
        caller.require(Role.REVIEWER);
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !MATCH_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        String mentorId = body.get("mentorId") instanceof String s && MentoringAccess.ID.matcher(s).matches() ? s : null;
        if (mentorId == null) {
            errors.add("mentorId", body.get("mentorId") == null ? "required" : "invalid-value");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        MentoringRequest request = openRequest(tenant, menteeId);
        Mentor mentor = ledger.mentor(tenant, mentorId).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        if (!mentor.levels().contains(request.level())) {
            throw new ProblemException(MentoringRefusal.MENTOR_NOT_FOR_LEVEL);
        }
        if (mentor.termEndedOn(access.today())) {
            throw new ProblemException(Problem.MENTOR_TERM_ENDED); // also a condition of the matching transaction
        }
        MentoringRules r = access.rulesInForce(tenant);
        Instant now = access.now();
        Mentorship m = new Mentorship(tenant, UUID.randomUUID().toString(), request.menteeId(), mentor.userId(), request.menteeName(),
                mentor.name(), r.id(), r.sessionMinutes(), r.totalSessions(), 0, r.weeklyCap(), r.trialSessions(), r.minNoticeHours(),
                r.lateCancelHours(), r.extensionSessions(), r.extensionWeeks(), now, BookingRules.windowEnd(access.today(), r.windowWeeks()),
                Mentorship.Status.ACTIVE, now, r.weeklyCap(), r.weeklyCapWithMentorConsent());
        ledger.match(request, m, r.mentorMaxCapacity());
        LOG.info("mentor confirmed", "tenant", tenant.value(), "rulesId", r.id());
        return MentoringView.forMentee(m);
    }

    private MentoringRequest openRequest(TenantId tenant, String menteeId) {
        if (menteeId == null || !MentoringAccess.ID.matcher(menteeId).matches()) {
            throw new ProblemException(MentoringRefusal.MENTORING_REQUEST_NOT_FOUND);
        }
        MentoringRequest request = ledger.request(tenant, menteeId)
                .orElseThrow(() -> new ProblemException(MentoringRefusal.MENTORING_REQUEST_NOT_FOUND));
        if (request.status() != MentoringRequest.Status.REQUESTED) {
            throw new ProblemException(MentoringRefusal.MENTORING_ALREADY_MATCHED);
        }
        return request;
    }
}
