package kr.seoullearn.mentoring.dynamo;

import java.time.Instant;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Mentoring's keys in the application table (docs/data-model.md, "Mentoring";
 * docs/adr/0011-mentoring-booking.md). Every partition starts with the tenant.
 */
public final class MentoringKeys {
    private MentoringKeys() {}

    /** Effective-dated rules: {@code T#<tenant>#MENTORING_RULES / FROM#<date>#<id>}. */
    public static String rules(TenantId tenant) {
        return "T#" + tenant.value() + "#MENTORING_RULES";
    }

    /** A mentor's profile, availability and mentee counter in their own partition: {@code T#<tenant>#U#<sub> / MENTOR}. */
    public static final String MENTOR = "MENTOR";
    /** A learner's request (and, once matched, its mentorship id): {@code T#<tenant>#U#<sub> / MENTORING}. */
    public static final String REQUEST = "MENTORING";
    /** A person's busy half hour: {@code T#<tenant>#U#<sub> / BUSY#<ISO instant>}, written only if absent. */
    public static final String BUSY_PREFIX = "BUSY#";
    public static final String MENTORSHIP = "MENTORSHIP";
    public static final String SESSION_PREFIX = "SESSION#";
    public static final String WEEK_PREFIX = "WEEK#";
    public static final String EXTENSION = "EXTENSION";

    /** GSI1 partition of a tenant's mentors. */
    public static String mentors(TenantId tenant) {
        return "T#" + tenant.value() + "#MENTORS";
    }

    /** GSI1 partition of a tenant's requests waiting for a reviewer, oldest first. */
    public static String openRequests(TenantId tenant) {
        return "T#" + tenant.value() + "#MENTORING_REQUESTS";
    }

    /** GSI1 partition of a tenant's pending extension requests, oldest first. */
    public static String pendingExtensions(TenantId tenant) {
        return "T#" + tenant.value() + "#MENTORING_EXTENSIONS";
    }

    /** GSI1 partition of a mentor's mentorships ({@code MENTORSHIP#<id>}) and sessions ({@code SESSION#<start>#…}). */
    public static String mentorDesk(TenantId tenant, String mentorId) {
        return "T#" + tenant.value() + "#MENTOR#" + mentorId;
    }

    /** A mentorship's partition: the mentorship, its sessions, week counters and extension. */
    public static String mentorship(TenantId tenant, String mentorshipId) {
        return "T#" + tenant.value() + "#MENTORSHIP#" + mentorshipId;
    }

    public static String busy(Instant unit) {
        return BUSY_PREFIX + unit;
    }

    public static String week(String isoWeek) {
        return WEEK_PREFIX + isoWeek;
    }
}
