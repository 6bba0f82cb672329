package kr.seoullearn.figures.domain;

import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The families of figures the programme counts, each with its stable dotted name; a figure is a
 * family plus the ids it is counted by (a category, a level, a district, a provider, a status,
 * a reminder kind), e.g. {@code SEATS_ENROLLED} by provider is {@code seats.enrolled.i-scream}.
 * The dashboard and the reports read the same names.
 */
public enum Figure {
    APPLICATIONS_SUBMITTED("applications.submitted"),
    APPLICATIONS_APPROVED("applications.approved"),
    APPLICATIONS_REJECTED("applications.rejected"),
    /** Reviewers' decisions, and the seconds from submission to decision they took in all. */
    DECISIONS_COUNT("decisions.count"),
    DECISIONS_SECONDS("decisions.seconds"),
    LEARNERS_BY_LEVEL("learners.level"),
    LEARNERS_BY_DISTRICT("learners.district"),
    /** The school-year rollover (docs/adr/0041): learners moved up, by their new level; participations ended, by reason. */
    LEARNERS_MOVED_UP("learners.movedUp"),
    LEARNERS_ENDED("learners.ended"),
    /** Applications decided, and the seconds from submission to decision they took (their average is the time to a decision). */
    DECISIONS("decisions.count"),
    DECISION_SECONDS("decisions.seconds"),
    SEATS_ENROLLED("seats.enrolled"),
    SEATS_WAITLISTED("seats.waitlisted"),
    SEATS_PROMOTED("seats.promoted"),
    SEATS_WITHDRAWN("seats.withdrawn"),
    SEATS_LEFT_WAITLIST("seats.leftWaitlist"),
    /** Laptop requests by status and district: {@code laptops.<STATUS>.<district>}. */
    LAPTOPS("laptops"),
    LAPTOPS_QUEUED("laptops.queued"),
    MENTORING_REQUESTED("mentoring.requested"),
    MENTORING_MATCHED("mentoring.matched"),
    MENTORING_BOOKED("mentoring.booked"),
    MENTORING_CANCELLED("mentoring.cancelled"),
    MENTORING_LATE_CANCELLED("mentoring.lateCancelled"),
    MENTORING_HELD("mentoring.held"),
    MENTORING_NO_SHOW("mentoring.noShow"),
    MENTORING_EXTENDED("mentoring.extended"),
    MENTORING_EXTENSION_DECLINED("mentoring.extensionDeclined"),
    REMINDERS_SENT("reminders.sent");

    /** Figures are counted per Seoul day: what city staff call "the 3rd". */
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Seoul");

    /** A part of a figure's name: an enum constant, a district or a provider id; never free text. */
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String dotted;

    Figure(String dotted) {
        this.dotted = dotted;
    }

    /** The family's dotted name, e.g. {@code seats.enrolled}. */
    public String dotted() {
        return dotted;
    }

    /**
     * The name of this figure counted by {@code parts}, e.g. {@code SEATS_ENROLLED.dotted("i-scream")}
     * is {@code seats.enrolled.i-scream}; a part that is not an id counts as {@code UNKNOWN}.
     */
    public String dotted(String part, String... more) {
        StringBuilder name = new StringBuilder(dotted).append('.').append(part(part));
        for (String p : more) {
            name.append('.').append(part(p));
        }
        return name.toString();
    }

    /** What the names of this figure counted by one more part start with ({@code seats.enrolled.}). */
    public String prefix() {
        return dotted + ".";
    }

    /** Whether {@code part} can be part of a figure's name as it is. */
    static boolean isPart(String part) {
        return part != null && PART.matcher(part).matches();
    }

    private static String part(String part) {
        return isPart(part) ? part : "UNKNOWN";
    }
}
