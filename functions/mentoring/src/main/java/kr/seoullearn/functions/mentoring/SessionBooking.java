package kr.seoullearn.functions.mentoring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.mentoring.domain.BookingRules;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringRefusal;
import kr.seoullearn.mentoring.domain.Mentorship;
import kr.seoullearn.mentoring.domain.Session;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.FieldErrors;

/** A week's slots, booking, cancelling and moving sessions: the checks that need no other request's data, then the ledger's one transaction. */
final class SessionBooking {
    private static final Log LOG = Log.of(Mentoring.class);

    private final MentoringAccess access;
    private final MentoringLedger ledger;

    SessionBooking(MentoringAccess access) {
        this.access = access;
        this.ledger = access.ledger();
    }

    /**
     * GET /api/mentoring/mentorships/{id}/slots?week=YYYY-MM-DD: the mentor's offered starts in
     * that week (Monday to Sunday, Seoul) and whether each can be booked now; a week at the cap
     * is full. 2 GetItems + 3 Queries (both people's busy half hours, the week counters).
     */
    Map<String, Object> slots(Caller caller, String mentorshipId, String week) {
        caller.require(Role.LEARNER, Role.MENTOR);
        Mentorship m = access.member(caller, mentorshipId);
        LocalDate monday;
        if (week == null) {
            monday = BookingRules.monday(access.today());
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
        Mentor mentor = ledger.mentor(m.tenant(), m.mentorId()).orElseThrow(() -> new ProblemException(MentoringRefusal.MENTOR_NOT_FOUND));
        Instant from = monday.atStartOfDay(BookingRules.SEOUL).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(BookingRules.SEOUL).toInstant();
        Set<Instant> mentorBusy = ledger.busy(m.tenant(), m.mentorId(), from, to);
        Set<Instant> menteeBusy = ledger.busy(m.tenant(), m.menteeId(), from, to);
        String isoWeek = BookingRules.week(from);
        int booked = ledger.weekCounts(m.tenant(), m.id()).getOrDefault(isoWeek, 0);
        boolean full = booked >= m.weeklyCap();
        Instant now = access.now();
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
                reason = BookingRules.refusal(m, mentor.availability(), start, now).map(Refusal::code).orElse(null);
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
        Mentorship m = access.ownMentorship(caller, mentorshipId);
        Instant now = access.now();
        Session s = access.newSession(m, start, now);
        Session booked = ledger.book(m, s);
        LOG.info("session booked", "tenant", m.tenant().value(), "week", BookingRules.week(start));
        return MentoringView.session(booked, null, now, access.rooms(), false);
    }

    /**
     * DELETE /api/mentoring/mentorships/{id}/sessions/{sessionId}: the mentee cancels (late: the
     * session stays counted) or the mentor does ({@link #mentorCancels}). 2 GetItems + 1 transaction.
     */
    Map<String, Object> cancel(Caller caller, String mentorshipId, String sessionId) {
        caller.require(Role.LEARNER, Role.MENTOR);
        Mentorship m = access.member(caller, mentorshipId);
        boolean mentor = m.mentorId().equals(caller.userId());
        caller.require(mentor ? Role.MENTOR : Role.LEARNER);
        Session s = access.session(m, sessionId);
        if (s.status() != Session.Status.BOOKED) {
            throw new ProblemException(MentoringRefusal.SESSION_NOT_BOOKED);
        }
        Instant now = access.now();
        if (mentor) {
            return MentoringView.session(mentorCancels(m, s, now), m.menteeName(), now, access.rooms(), true);
        }
        boolean late = BookingRules.lateCancel(now, s.start(), m.lateCancelHours());
        Session cancelled = ledger.cancel(m, s, late, now, Session.Party.MENTEE);
        LOG.info("session cancelled", "tenant", m.tenant().value(), "late", late);
        return MentoringView.session(cancelled, null, now, access.rooms(), false);
    }

    /**
     * POST /api/mentoring/mentorships/{id}/sessions/{sessionId}/reschedule {start}: the mentee or
     * the mentor ({@link #mentorMoves}) moves a session, not later than the late-cancel limit
     * before it. 3 GetItems + 1 transaction.
     */
    Map<String, Object> reschedule(Caller caller, String mentorshipId, String sessionId, Map<String, Object> body) {
        caller.require(Role.LEARNER, Role.MENTOR);
        Instant start = start(body);
        Mentorship m = access.member(caller, mentorshipId);
        boolean mentor = m.mentorId().equals(caller.userId());
        caller.require(mentor ? Role.MENTOR : Role.LEARNER);
        Session old = access.session(m, sessionId);
        if (old.status() != Session.Status.BOOKED) {
            throw new ProblemException(MentoringRefusal.SESSION_NOT_BOOKED);
        }
        Instant now = access.now();
        if (BookingRules.lateCancel(now, old.start(), m.lateCancelHours())) {
            throw new ProblemException(MentoringRefusal.RESCHEDULE_TOO_LATE);
        }
        if (mentor) {
            return MentoringView.session(mentorMoves(m, old, start, now), m.menteeName(), now, access.rooms(), true);
        }
        Session next = ledger.reschedule(m, old, old.movedTo(access.newSession(m, start, now)), now, Session.Party.MENTEE);
        LOG.info("session moved", "tenant", m.tenant().value());
        return MentoringView.session(next, null, now, access.rooms(), false);
    }

    /**
     * The one place a mentor cancels a session (docs/adr/0030-mentoring-operations.md): until it
     * starts, never charged to the mentee (the quota and the week get the session back). The
     * mentee is to be told of it: a notice belongs in this change's transaction.
     */
    Session mentorCancels(Mentorship m, Session s, Instant now) {
        if (!s.start().isAfter(now)) {
            throw new ProblemException(MentoringRefusal.SESSION_ALREADY_STARTED);
        }
        Session cancelled = ledger.cancel(m, s, false, now, Session.Party.MENTOR);
        LOG.info("session cancelled by mentor", "tenant", m.tenant().value());
        return cancelled;
    }

    /**
     * The one place a mentor moves a session (docs/adr/0030-mentoring-operations.md): to a start
     * the booking rules allow (notice, window, the mentor's availability), free for both, in one
     * transaction that keeps one booking per half hour. The mentee is to be told of it: a notice
     * belongs in this change's transaction.
     */
    Session mentorMoves(Mentorship m, Session old, Instant start, Instant now) {
        Session next = ledger.reschedule(m, old, old.movedTo(access.newSession(m, start, now)), now, Session.Party.MENTOR);
        LOG.info("session moved by mentor", "tenant", m.tenant().value());
        return next;
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
