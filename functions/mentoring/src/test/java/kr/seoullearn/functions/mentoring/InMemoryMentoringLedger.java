package kr.seoullearn.functions.mentoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.MentoringRequest;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The mentoring ledger in memory, for the service's unit tests: the same refusals as the DynamoDB
 * adapter for the same states (one thread at a time; the concurrent guarantees are the ITs').
 */
final class InMemoryMentoringLedger implements MentoringLedger {
    private final Map<String, Mentor> mentors = new LinkedHashMap<>();
    private final Map<String, MentoringRequest> requests = new LinkedHashMap<>();
    private final Map<String, Mentorship> mentorships = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> weeks = new HashMap<>();
    private final Map<String, String> busy = new HashMap<>();
    private final Map<String, ExtensionRequest> extensions = new HashMap<>();

    private static String key(TenantId tenant, String... parts) {
        return tenant.value() + "/" + String.join("/", parts);
    }

    @Override
    public Optional<Mentor> mentor(TenantId tenant, String userId) {
        return Optional.ofNullable(mentors.get(key(tenant, userId)));
    }

    @Override
    public List<Mentor> mentors(TenantId tenant) {
        return mentors.values().stream().filter(m -> m.tenant().equals(tenant)).toList();
    }

    @Override
    public void saveMentor(Mentor m) {
        Mentor old = mentors.get(key(m.tenant(), m.userId()));
        mentors.put(key(m.tenant(), m.userId()), old == null ? m : new Mentor(m.tenant(), m.userId(), m.name(), m.university(),
                m.subjects(), m.levels(), m.languages(), m.capacity(), old.mentees(), old.availability(), m.termEnds(), m.readUntil()));
    }

    @Override
    public Availability saveAvailability(TenantId tenant, String mentorId, Availability a, long expectedVersion) {
        Mentor m = mentor(tenant, mentorId).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        if (m.availability().version() != expectedVersion) {
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("version", m.availability().version()));
        }
        Availability saved = new Availability(a.weekly(), a.away(), expectedVersion + 1);
        mentors.put(key(tenant, mentorId), new Mentor(tenant, mentorId, m.name(), m.university(), m.subjects(), m.levels(), m.languages(),
                m.capacity(), m.mentees(), saved, m.termEnds(), m.readUntil()));
        return saved;
    }

    @Override
    public void request(MentoringRequest r) {
        if (requests.putIfAbsent(key(r.tenant(), r.menteeId()), r) != null) {
            throw new ProblemException(MentoringRefusal.MENTORING_ALREADY_REQUESTED);
        }
    }

    @Override
    public Optional<MentoringRequest> request(TenantId tenant, String menteeId) {
        return Optional.ofNullable(requests.get(key(tenant, menteeId)));
    }

    @Override
    public List<MentoringRequest> openRequests(TenantId tenant, int limit) {
        return requests.values().stream().filter(r -> r.tenant().equals(tenant) && r.status() == MentoringRequest.Status.REQUESTED)
                .sorted(Comparator.comparing(MentoringRequest::requestedAt)).limit(limit).toList();
    }

    @Override
    public Mentorship match(MentoringRequest r, Mentorship m, int maxCapacity) {
        MentoringRequest stored = requests.get(key(r.tenant(), r.menteeId()));
        if (stored == null || stored.status() != MentoringRequest.Status.REQUESTED) {
            throw new ProblemException(MentoringRefusal.MENTORING_ALREADY_MATCHED);
        }
        Mentor mentor = mentors.get(key(m.tenant(), m.mentorId()));
        if (mentor == null || mentor.mentees() >= maxCapacity) {
            throw new ProblemException(MentoringRefusal.MENTOR_FULL);
        }
        mentors.put(key(m.tenant(), m.mentorId()), new Mentor(mentor.tenant(), mentor.userId(), mentor.name(), mentor.university(),
                mentor.subjects(), mentor.levels(), mentor.languages(), mentor.capacity(), mentor.mentees() + 1, mentor.availability(),
                mentor.termEnds(), mentor.readUntil()));
        requests.put(key(r.tenant(), r.menteeId()), new MentoringRequest(r.tenant(), r.menteeId(), r.menteeName(), r.level(), r.subjects(),
                r.goals(), r.preferredTimes(), r.language(), MentoringRequest.Status.MATCHED, r.requestedAt(), m.id()));
        mentorships.put(key(m.tenant(), m.id()), m);
        return m;
    }

    @Override
    public Optional<Mentorship> mentorship(TenantId tenant, String mentorshipId) {
        return Optional.ofNullable(mentorships.get(key(tenant, mentorshipId)));
    }

    @Override
    public List<Mentorship> mentorshipsOf(TenantId tenant, String mentorId) {
        return mentorships.values().stream().filter(m -> m.tenant().equals(tenant) && m.mentorId().equals(mentorId)).toList();
    }

    @Override
    public List<Session> sessions(TenantId tenant, String mentorshipId) {
        return sessions.values().stream().filter(s -> s.tenant().equals(tenant) && s.mentorshipId().equals(mentorshipId))
                .sorted(Comparator.comparing(Session::start)).toList();
    }

    @Override
    public Optional<Session> session(TenantId tenant, String mentorshipId, String sessionId) {
        return Optional.ofNullable(sessions.get(key(tenant, mentorshipId, sessionId)));
    }

    @Override
    public List<Session> mentorSessions(TenantId tenant, String mentorId, Instant from, Instant to) {
        return sessions.values().stream().filter(s -> s.tenant().equals(tenant) && s.mentorId().equals(mentorId)
                && !s.start().isBefore(from) && s.start().isBefore(to)).sorted(Comparator.comparing(Session::start)).toList();
    }

    @Override
    public Map<String, Integer> weekCounts(TenantId tenant, String mentorshipId) {
        return Map.copyOf(weeks.getOrDefault(key(tenant, mentorshipId), Map.of()));
    }

    @Override
    public Set<Instant> busy(TenantId tenant, String userId, Instant from, Instant to) {
        Set<Instant> units = new TreeSet<>();
        busy.keySet().stream().filter(k -> k.startsWith(key(tenant, userId) + "@")).map(k -> Instant.parse(k.substring(k.indexOf('@') + 1)))
                .filter(u -> !u.isBefore(from) && u.isBefore(to)).forEach(units::add);
        return units;
    }

    @Override
    public Session book(Mentorship given, Session s) {
        Mentorship m = mentorships.get(key(given.tenant(), given.id()));
        if (m == null) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_FOUND);
        }
        if (m.status() != Mentorship.Status.ACTIVE) {
            throw new ProblemException(MentoringRefusal.MENTORSHIP_NOT_ACTIVE);
        }
        if (m.windowStart().isAfter(s.start()) || m.windowEnd().isBefore(s.end())) {
            throw new ProblemException(MentoringRefusal.SESSION_OUTSIDE_WINDOW);
        }
        if (m.used() >= m.quota()) {
            throw new ProblemException(MentoringRefusal.SESSION_QUOTA_USED_UP);
        }
        String week = BookingRules.week(s.start());
        if (weekCounts(m.tenant(), m.id()).getOrDefault(week, 0) >= m.weeklyCap()) {
            throw new ProblemException(MentoringRefusal.WEEKLY_CAP_REACHED);
        }
        List<Instant> units = BookingRules.units(s.start(), s.minutes());
        if (units.stream().anyMatch(u -> busy.containsKey(lock(s.tenant(), s.mentorId(), u)))) {
            throw new ProblemException(MentoringRefusal.SLOT_TAKEN);
        }
        if (units.stream().anyMatch(u -> busy.containsKey(lock(s.tenant(), s.menteeId(), u)))) {
            throw new ProblemException(MentoringRefusal.MENTEE_BUSY);
        }
        units.forEach(u -> {
            busy.put(lock(s.tenant(), s.mentorId(), u), s.id());
            busy.put(lock(s.tenant(), s.menteeId(), u), s.id());
        });
        weeks.computeIfAbsent(key(m.tenant(), m.id()), k -> new HashMap<>()).merge(week, 1, Integer::sum);
        mentorships.put(key(m.tenant(), m.id()), used(m, m.used() + 1));
        sessions.put(key(s.tenant(), s.mentorshipId(), s.id()), s);
        return s;
    }

    @Override
    public Session cancel(Mentorship m, Session s, boolean late, Instant now, Session.Party by) {
        Session stored = sessions.get(key(s.tenant(), s.mentorshipId(), s.id()));
        if (stored == null || stored.status() != Session.Status.BOOKED) {
            throw new ProblemException(MentoringRefusal.SESSION_NOT_BOOKED);
        }
        Session cancelled = stored.cancelledAs(late ? Session.Status.LATE_CANCELLED : Session.Status.CANCELLED, now);
        sessions.put(key(s.tenant(), s.mentorshipId(), s.id()), cancelled);
        BookingRules.units(s.start(), s.minutes()).forEach(u -> {
            busy.remove(lock(s.tenant(), s.mentorId(), u));
            busy.remove(lock(s.tenant(), s.menteeId(), u));
        });
        if (!late) {
            Mentorship current = mentorships.get(key(m.tenant(), m.id()));
            mentorships.put(key(m.tenant(), m.id()), used(current, current.used() - 1));
            weeks.get(key(m.tenant(), m.id())).merge(BookingRules.week(s.start()), -1, Integer::sum);
        }
        return cancelled;
    }

    @Override
    public Session reschedule(Mentorship m, Session old, Session replacement, Instant now, Session.Party by) {
        throw new UnsupportedOperationException("rescheduling is covered by MentoringHandlerIT against the emulator");
    }

    @Override
    public Mentorship setWeeklyCap(Mentorship m, int cap) {
        Mentorship after = m.withWeeklyCap(cap);
        mentorships.put(key(m.tenant(), m.id()), after);
        return after;
    }

    @Override
    public Session recordAttendance(Session s, Session.Status outcome, String note, Instant now) {
        Session recorded = new Session(s.tenant(), s.mentorshipId(), s.id(), s.menteeId(), s.mentorId(), s.start(), s.minutes(), outcome,
                s.meetingUrl(), note, s.bookedAt(), now);
        sessions.put(key(s.tenant(), s.mentorshipId(), s.id()), recorded);
        return recorded;
    }

    @Override
    public ExtensionRequest requestExtension(Mentorship m, Instant now) {
        ExtensionRequest pending = new ExtensionRequest(m.tenant(), m.id(), m.menteeId(), "PENDING", now, null);
        ExtensionRequest old = extensions.get(key(m.tenant(), m.id()));
        if (old != null && old.status().equals("PENDING")) {
            throw new ProblemException(MentoringRefusal.EXTENSION_PENDING);
        }
        extensions.put(key(m.tenant(), m.id()), pending);
        return pending;
    }

    @Override
    public Optional<ExtensionRequest> extension(TenantId tenant, String mentorshipId) {
        return Optional.ofNullable(extensions.get(key(tenant, mentorshipId)));
    }

    @Override
    public List<ExtensionRequest> pendingExtensions(TenantId tenant, int limit) {
        return new ArrayList<>(extensions.values()).stream().filter(e -> e.tenant().equals(tenant) && e.status().equals("PENDING"))
                .limit(limit).toList();
    }

    @Override
    public Mentorship decideExtension(Mentorship m, boolean approve, Instant now) {
        throw new UnsupportedOperationException("decisions are covered by MentoringHandlerIT against the emulator");
    }

    private static String lock(TenantId tenant, String person, Instant unit) {
        return key(tenant, person) + "@" + unit;
    }

    private static Mentorship used(Mentorship m, int used) {
        return new Mentorship(m.tenant(), m.id(), m.menteeId(), m.mentorId(), m.menteeName(), m.mentorName(), m.rulesId(), m.sessionMinutes(),
                m.quota(), used, m.weeklyCap(), m.trialSessions(), m.minNoticeHours(), m.lateCancelHours(), m.extensionSessions(),
                m.extensionWeeks(), m.windowStart(), m.windowEnd(), m.status(), m.createdAt(), m.baseWeeklyCap(), m.weeklyCapWithConsent());
    }

    @Override
    public Mentorship reassign(Mentorship m, Mentor next, String reviewerId, String reason, Instant now, int maxCapacity, int trialRefund) {
        throw new UnsupportedOperationException("reassigning is covered by MentorshipChangesIT against the emulator");
    }

    @Override
    public Mentorship end(Mentorship m, Mentorship.Status outcome, String reviewerId, String reason, Instant now) {
        throw new UnsupportedOperationException("ending is covered by MentorshipChangesIT against the emulator");
    }

    @Override
    public List<MentorshipChange> history(TenantId tenant, String mentorshipId) {
        return List.of();
    }
}
