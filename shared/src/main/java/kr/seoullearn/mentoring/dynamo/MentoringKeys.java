package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Mentoring's keys in the application table (docs/data-model.md, "Mentoring";
 * docs/adr/0011-mentoring-booking.md), all under the tenant ({@link Keys#tenant}). Ids are
 * stored as attributes of the items and read from there, never taken back out of a key.
 */
final class MentoringKeys {
    private MentoringKeys() {}

    /** Sort key of a mentor's item in their own partition: profile, availability, mentee counter. */
    static final String MENTOR = "MENTOR";
    /** Sort key of a learner's request (and, once matched, its mentorship id) in their own partition. */
    static final String REQUEST = "MENTORING";
    static final String MENTORSHIP = "MENTORSHIP";
    static final String EXTENSION = "EXTENSION";
    static final String BUSY_PREFIX = "BUSY#";
    static final String SESSION_PREFIX = "SESSION#";
    static final String WEEK_PREFIX = "WEEK#";
    private static final String RULES_FROM = "FROM#";

    /** Effective-dated rules: {@code T#<tenant>#MENTORING_RULES / FROM#<date>#<id>}. */
    static String rules(TenantId tenant) {
        return Keys.tenant(tenant, "MENTORING_RULES");
    }

    static ItemKey rules(TenantId tenant, LocalDate from, String rulesId) {
        return ItemKey.of(rules(tenant), RULES_FROM + from + "#" + rulesId);
    }

    /** The highest sort key of rules that started on or before {@code date}. */
    static String rulesUpTo(LocalDate date) {
        return RULES_FROM + date + "#\uffff";
    }

    /** {@code T#<tenant>#U#<sub> / MENTOR}. */
    static ItemKey mentor(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), MENTOR);
    }

    /** {@code T#<tenant>#U#<sub> / MENTORING}. */
    static ItemKey request(TenantId tenant, String menteeId) {
        return ItemKey.of(Keys.user(tenant, menteeId), REQUEST);
    }

    /** A mentorship's partition: the mentorship, its sessions, week counters and extension. */
    static String mentorshipPartition(TenantId tenant, String mentorshipId) {
        return Keys.tenant(tenant, MENTORSHIP, mentorshipId);
    }

    static ItemKey mentorship(TenantId tenant, String mentorshipId) {
        return ItemKey.of(mentorshipPartition(tenant, mentorshipId), MENTORSHIP);
    }

    static ItemKey session(TenantId tenant, String mentorshipId, String sessionId) {
        return ItemKey.of(mentorshipPartition(tenant, mentorshipId), SESSION_PREFIX + sessionId);
    }

    /** A mentorship's counter of one ISO week ({@code 2026-W49}). */
    static ItemKey week(TenantId tenant, String mentorshipId, String isoWeek) {
        return ItemKey.of(mentorshipPartition(tenant, mentorshipId), WEEK_PREFIX + isoWeek);
    }

    static ItemKey extension(TenantId tenant, String mentorshipId) {
        return ItemKey.of(mentorshipPartition(tenant, mentorshipId), EXTENSION);
    }

    /** A person's busy half hour: {@code T#<tenant>#U#<sub> / BUSY#<ISO instant>}, written only if absent. */
    static ItemKey busy(TenantId tenant, String userId, Instant unit) {
        return ItemKey.of(Keys.user(tenant, userId), busy(unit));
    }

    static String busy(Instant unit) {
        return BUSY_PREFIX + unit;
    }

    /** GSI1 partition of a tenant's mentors. */
    static String mentors(TenantId tenant) {
        return Keys.tenant(tenant, "MENTORS");
    }

    /** GSI1 partition of a tenant's requests waiting for a reviewer, oldest first. */
    static String openRequests(TenantId tenant) {
        return Keys.tenant(tenant, "MENTORING_REQUESTS");
    }

    /** GSI1 partition of a tenant's pending extension requests, oldest first. */
    static String pendingExtensions(TenantId tenant) {
        return Keys.tenant(tenant, "MENTORING_EXTENSIONS");
    }

    /** GSI1 partition of a mentor's mentorships ({@code MENTORSHIP#<id>}) and sessions ({@code SESSION#<start>#…}). */
    static String mentorDesk(TenantId tenant, String mentorId) {
        return Keys.tenant(tenant, MENTOR, mentorId);
    }

    static String deskMentorship(String mentorshipId) {
        return MENTORSHIP + "#" + mentorshipId;
    }

    static String deskSession(Instant start, String mentorshipId, String sessionId) {
        return SESSION_PREFIX + start + "#" + mentorshipId + "#" + sessionId;
    }
}
