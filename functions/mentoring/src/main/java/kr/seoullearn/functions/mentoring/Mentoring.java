package kr.seoullearn.functions.mentoring;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Matching;
import kr.seoullearn.mentoring.port.MeetingRooms;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.MentoringRules;
import kr.seoullearn.mentoring.port.MentoringRulesCatalogue;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Mentoring's use cases: learners request mentoring and book, cancel and move sessions with
 * their mentor; reviewers confirm a proposed mentor and decide extensions; mentors publish
 * availability and record attendance. The tenant is always the caller's (the token's); a
 * mentorship is reached only by its mentee, its mentor (and reviewers where stated) — anyone
 * else gets the same 404 as for an id that does not exist.
 */
public final class Mentoring {
    static final int MAX_GOALS = 500;
    static final int MAX_NOTE = 500;
    static final int MAX_SUBJECTS = 5;
    static final int MAX_PREFERRED = 14;
    static final int PROPOSALS = 5;
    static final int QUEUE = 50;
    /** Sessions a mentor's desk shows: from a day ago to this many weeks ahead. */
    static final int DESK_WEEKS = 8;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Log LOG = Log.of(Mentoring.class);

    private final ApplicationStore applications;
    private final MentoringRulesCatalogue rules;
    private final MentoringLedger ledger;
    private final MeetingRooms rooms;
    private final Clock clock;

    public Mentoring(ApplicationStore applications, MentoringRulesCatalogue rules, MentoringLedger ledger, MeetingRooms rooms, Clock clock) {
        this.applications = applications;
        this.rules = rules;
        this.ledger = ledger;
        this.rooms = rooms;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BookingRules.SEOUL));
    }

    // ------------------------------------------------------------------ mentors

    /** GET /api/mentoring/availability: 1 GetItem. */
    Map<String, Object> availability(Caller caller) {
        caller.require(Role.MENTOR);
        Mentor m = ledger.mentor(caller.tenant(), caller.userId()).orElseThrow(() -> new ProblemException(Problem.MENTOR_NOT_FOUND));
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
        ledger.mentor(caller.tenant(), caller.userId()).filter(m -> !m.mayReadOn(today())).ifPresent(m -> {
            throw new ProblemException(Problem.FORBIDDEN);
        });
        Instant now = clock.instant();
        List<Mentorship> mentorships = ledger.mentorshipsOf(caller.tenant(), caller.userId());
        List<Session> sessions = ledger.mentorSessions(caller.tenant(), caller.userId(), now.minus(1, ChronoUnit.DAYS),
                now.plus(7L * DESK_WEEKS, ChronoUnit.DAYS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mentees", mentorships.stream().map(MentoringView::forMentor).toList());
        body.put("sessions", sessions.stream().map(s -> MentoringView.session(s, mentorships.stream()
                .filter(m -> m.id().equals(s.mentorshipId())).findFirst().map(Mentorship::menteeName).orElse(null), now)).toList());
        return body;
    }

    // ------------------------------------------------------------------ requests and matching

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
        MentoringRules r = rulesInForce(tenant);
        if (!r.serves(application.schoolLevel())) {
            throw new ProblemException(Problem.MENTORING_NOT_FOR_LEVEL);
        }
        MentoringRequest request = new MentoringRequest(tenant, caller.userId(), application.name() == null ? "" : application.name(),
                application.schoolLevel(), subjects, goals, preferred, language, MentoringRequest.Status.REQUESTED, clock.instant(), null);
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
                    .orElseThrow(() -> new ProblemException(Problem.MENTORSHIP_NOT_FOUND));
            Instant now = clock.instant();
            body.put("mentorship", MentoringView.forMentee(m));
            ledger.mentor(tenant, m.mentorId()).ifPresent(mentor -> body.put("mentor", MentoringView.mentorCard(mentor)));
            List<Map<String, Object>> sessions = new ArrayList<>();
            int counted = 0;
            for (Session s : ledger.sessions(tenant, m.id())) {
                Map<String, Object> view = MentoringView.session(s, null, now);
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
        MentoringRules r = rulesInForce(caller.tenant());
        List<Matching.Proposal> proposals = Matching.propose(request, ledger.mentors(caller.tenant()), r, PROPOSALS, today());
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
        String mentorId = body.get("mentorId") instanceof String s && ID.matcher(s).matches() ? s : null;
        if (mentorId == null) {
            errors.add("mentorId", body.get("mentorId") == null ? "required" : "invalid-value");
        }
        errors.throwIfAny();
        TenantId tenant = caller.tenant();
        MentoringRequest request = openRequest(tenant, menteeId);
        Mentor mentor = ledger.mentor(tenant, mentorId).orElseThrow(() -> new ProblemException(Problem.MENTOR_NOT_FOUND));
        if (!mentor.levels().contains(request.level())) {
            throw new ProblemException(Problem.MENTOR_NOT_FOR_LEVEL);
        }
        if (mentor.termEndedOn(today())) {
            throw new ProblemException(Problem.MENTOR_TERM_ENDED); // also a condition of the matching transaction
        }
        MentoringRules r = rulesInForce(tenant);
        Instant now = clock.instant();
        Mentorship m = new Mentorship(tenant, UUID.randomUUID().toString(), request.menteeId(), mentor.userId(), request.menteeName(),
                mentor.name(), r.id(), r.sessionMinutes(), r.totalSessions(), 0, r.weeklyCap(), r.trialSessions(), r.minNoticeHours(),
                r.lateCancelHours(), r.extensionSessions(), r.extensionWeeks(), now, BookingRules.windowEnd(today(), r.windowWeeks()),
                Mentorship.Status.ACTIVE, now, r.weeklyCap(), r.weeklyCapWithMentorConsent());
        ledger.match(request, m, r.mentorMaxCapacity());
        LOG.info("mentor confirmed", "tenant", tenant.value(), "rulesId", r.id());
        return MentoringView.forMentee(m);
    }

    private MentoringRequest openRequest(TenantId tenant, String menteeId) {
        if (menteeId == null || !ID.matcher(menteeId).matches()) {
            throw new ProblemException(Problem.MENTORING_REQUEST_NOT_FOUND);
        }
        MentoringRequest request = ledger.request(tenant, menteeId)
                .orElseThrow(() -> new ProblemException(Problem.MENTORING_REQUEST_NOT_FOUND));
        if (request.status() != MentoringRequest.Status.REQUESTED) {
            throw new ProblemException(Problem.MENTORING_ALREADY_MATCHED);
        }
        return request;
    }

    private MentoringRules rulesInForce(TenantId tenant) {
        return rules.inForce(tenant, today()).orElseThrow(() -> new ProblemException(Problem.NO_MENTORING_RULES));
    }

    // ------------------------------------------------------------------ booking

    /**
     * GET /api/mentoring/mentorships/{id}/slots?week=YYYY-MM-DD: the mentor's offered starts in
     * that week (Monday to Sunday, Seoul) and whether each can be booked now; a week at the cap
     * is full. 2 GetItems + 3 Queries (both people's busy half hours, the week counters).
     */
    Map<String, Object> slots(Caller caller, String mentorshipId, String week) {
        caller.require(Role.LEARNER, Role.MENTOR);
        Mentorship m = member(caller, mentorshipId);
        LocalDate monday;
        if (week == null) {
            monday = BookingRules.monday(today());
        } else {
            try {
                monday = BookingRules.monday(LocalDate.parse(week));
            } catch (DateTimeParseException e) {
                FieldErrors errors = new FieldErrors();
                errors.add("week", "invalid-value");
                errors.throwIfAny();
                return Map.of();
            }
        }
        Mentor mentor = ledger.mentor(m.tenant(), m.mentorId()).orElseThrow(() -> new ProblemException(Problem.MENTOR_NOT_FOUND));
        Instant from = monday.atStartOfDay(BookingRules.SEOUL).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(BookingRules.SEOUL).toInstant();
        Set<Instant> mentorBusy = ledger.busy(m.tenant(), m.mentorId(), from, to);
        Set<Instant> menteeBusy = ledger.busy(m.tenant(), m.menteeId(), from, to);
        String isoWeek = BookingRules.week(from);
        int booked = ledger.weekCounts(m.tenant(), m.id()).getOrDefault(isoWeek, 0);
        boolean full = booked >= m.weeklyCap();
        Instant now = clock.instant();
        List<Map<String, Object>> slots = new ArrayList<>();
        for (LocalDateTime local : mentor.availability().starts(monday, m.sessionMinutes())) {
            Instant start = local.atZone(BookingRules.SEOUL).toInstant();
            String reason = null;
            List<Instant> units = BookingRules.units(start, m.sessionMinutes());
            if (units.stream().anyMatch(mentorBusy::contains)) {
                reason = "taken";
            } else if (units.stream().anyMatch(menteeBusy::contains)) {
                reason = "you-are-busy";
            } else {
                reason = BookingRules.refusal(m, mentor.availability(), start, now).map(Problem::code).orElse(null);
            }
            if (reason == null && full) {
                reason = "week-full";
            }
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("start", start.toString());
            slot.put("local", local.toString());
            slot.put("free", reason == null);
            if (reason != null) {
                slot.put("reason", reason);
            }
            slots.add(slot);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("week", isoWeek);
        body.put("monday", monday.toString());
        body.put("weeklyCap", m.weeklyCap());
        body.put("booked", booked);
        body.put("full", full);
        body.put("remaining", m.remaining());
        body.put("slots", slots);
        return body;
    }

    private static final Set<String> BOOK_FIELDS = Set.of("start");

    /** POST /api/mentoring/mentorships/{id}/sessions {start}: 2 GetItems + 1 transaction. */
    Map<String, Object> book(Caller caller, String mentorshipId, Map<String, Object> body) {
        caller.require(Role.LEARNER);
        Instant start = start(body);
        Mentorship m = ownMentorship(caller, mentorshipId);
        Instant now = clock.instant();
        Session s = newSession(m, start, now);
        Session booked = ledger.book(m, s);
        LOG.info("session booked", "tenant", m.tenant().value(), "week", BookingRules.week(start));
        return MentoringView.session(booked, null, now);
    }

    /** DELETE /api/mentoring/mentorships/{id}/sessions/{sessionId}: 2 GetItems + 1 transaction. */
    Map<String, Object> cancel(Caller caller, String mentorshipId, String sessionId) {
        caller.require(Role.LEARNER);
        Mentorship m = ownMentorship(caller, mentorshipId);
        Session s = session(m, sessionId);
        if (s.status() != Session.Status.BOOKED) {
            throw new ProblemException(Problem.SESSION_NOT_BOOKED);
        }
        Instant now = clock.instant();
        boolean late = BookingRules.lateCancel(now, s.start(), m.lateCancelHours());
        Session cancelled = ledger.cancel(m, s, late, now);
        LOG.info("session cancelled", "tenant", m.tenant().value(), "late", late);
        return MentoringView.session(cancelled, null, now);
    }

    /** POST /api/mentoring/mentorships/{id}/sessions/{sessionId}/reschedule {start}: 3 GetItems + 1 transaction. */
    Map<String, Object> reschedule(Caller caller, String mentorshipId, String sessionId, Map<String, Object> body) {
        caller.require(Role.LEARNER);
        Instant start = start(body);
        Mentorship m = ownMentorship(caller, mentorshipId);
        Session old = session(m, sessionId);
        if (old.status() != Session.Status.BOOKED) {
            throw new ProblemException(Problem.SESSION_NOT_BOOKED);
        }
        Instant now = clock.instant();
        if (BookingRules.lateCancel(now, old.start(), m.lateCancelHours())) {
            throw new ProblemException(Problem.RESCHEDULE_TOO_LATE);
        }
        Session next = ledger.reschedule(m, old, newSession(m, start, now), now);
        LOG.info("session moved", "tenant", m.tenant().value());
        return MentoringView.session(next, null, now);
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
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        if (!m.mentorId().equals(caller.userId())) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_FOUND);
        }
        Session s = session(m, sessionId);
        Instant now = clock.instant();
        if (now.isBefore(s.start())) {
            throw new ProblemException(Problem.SESSION_NOT_STARTED);
        }
        Session recorded = ledger.recordAttendance(s, outcome, note, now);
        LOG.info("attendance recorded", "tenant", m.tenant().value(), "outcome", outcome.name());
        return MentoringView.session(recorded, m.menteeName(), now);
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
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        if (!m.mentorId().equals(caller.userId())) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_FOUND);
        }
        int cap = (Boolean) body.get("agree") ? m.weeklyCapWithConsent() : m.baseWeeklyCap();
        Mentorship after = cap == m.weeklyCap() ? m : ledger.setWeeklyCap(m, cap);
        LOG.info("weekly cap set", "tenant", m.tenant().value(), "weeklyCap", cap);
        return MentoringView.forMentor(after);
    }

    // ------------------------------------------------------------------ extensions

    /** POST /api/mentoring/mentorships/{id}/extension: 1 GetItem + 1 conditional PutItem. */
    Map<String, Object> requestExtension(Caller caller, String mentorshipId) {
        caller.require(Role.LEARNER);
        Mentorship m = ownMentorship(caller, mentorshipId);
        if (m.status() != Mentorship.Status.ACTIVE) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_ACTIVE);
        }
        var e = ledger.requestExtension(m, clock.instant());
        LOG.info("extension requested", "tenant", m.tenant().value());
        return MentoringView.extension(e);
    }

    /** GET /api/mentoring/extensions: 1 Query of the index (oldest first). */
    Map<String, Object> pendingExtensions(Caller caller) {
        caller.require(Role.REVIEWER);
        return Map.of("extensions", ledger.pendingExtensions(caller.tenant(), QUEUE).stream().map(MentoringView::extension).toList());
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
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        Mentorship after = ledger.decideExtension(m, approve, clock.instant());
        LOG.info("extension decided", "tenant", m.tenant().value(), "approved", approve);
        return MentoringView.forMentee(after);
    }

    // ------------------------------------------------------------------ helpers

    private Mentorship mentorship(TenantId tenant, String mentorshipId) {
        if (mentorshipId == null || !ID.matcher(mentorshipId).matches()) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_FOUND);
        }
        return ledger.mentorship(tenant, mentorshipId).orElseThrow(() -> new ProblemException(Problem.MENTORSHIP_NOT_FOUND));
    }

    /** The caller's own mentorship as its mentee; anyone else's is "not found". */
    private Mentorship ownMentorship(Caller caller, String mentorshipId) {
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        if (!m.menteeId().equals(caller.userId())) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_FOUND);
        }
        return m;
    }

    /** The mentorship of which the caller is the mentee or the mentor. */
    private Mentorship member(Caller caller, String mentorshipId) {
        Mentorship m = mentorship(caller.tenant(), mentorshipId);
        if (!m.hasMember(caller.userId())) {
            throw new ProblemException(Problem.MENTORSHIP_NOT_FOUND);
        }
        return m;
    }

    private Session session(Mentorship m, String sessionId) {
        if (sessionId == null || !ID.matcher(sessionId).matches()) {
            throw new ProblemException(Problem.SESSION_NOT_FOUND);
        }
        return ledger.session(m.tenant(), m.id(), sessionId).orElseThrow(() -> new ProblemException(Problem.SESSION_NOT_FOUND));
    }

    /** A new session at a start that passed the checks which need no other request's data. */
    private Session newSession(Mentorship m, Instant start, Instant now) {
        Mentor mentor = ledger.mentor(m.tenant(), m.mentorId()).orElseThrow(() -> new ProblemException(Problem.MENTOR_NOT_FOUND));
        BookingRules.refusal(m, mentor.availability(), start, now).ifPresent(p -> {
            throw new ProblemException(p);
        });
        String id = UUID.randomUUID().toString();
        return new Session(m.tenant(), m.id(), id, m.menteeId(), m.mentorId(), start, m.sessionMinutes(), Session.Status.BOOKED,
                rooms.newRoom(id), null, now, null);
    }

    /**
     * {"start"}: an ISO date-time with an offset ("2026-12-01T19:00+09:00", "…Z"), or without
     * one, read as Seoul time ("2026-12-01T19:00").
     */
    static Instant start(Map<String, Object> body) {
        FieldErrors errors = new FieldErrors();
        body.keySet().stream().filter(k -> !BOOK_FIELDS.contains(k)).forEach(k -> errors.add(k, "unknown-field"));
        Instant start = null;
        Object given = body.get("start");
        if (!(given instanceof String s) || s.length() > 40) {
            errors.add("start", given == null ? "required" : "invalid-value");
        } else {
            try {
                start = OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e) {
                try {
                    start = LocalDateTime.parse(s).atZone(BookingRules.SEOUL).toInstant();
                } catch (DateTimeException e2) {
                    errors.add("start", "invalid-value");
                }
            }
        }
        errors.throwIfAny();
        return start;
    }
}
