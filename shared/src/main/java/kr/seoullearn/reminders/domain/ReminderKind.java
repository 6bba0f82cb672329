package kr.seoullearn.reminders.domain;

import java.util.Optional;

/**
 * What a reminder is about. Each kind has a message in every language
 * ({@code i18n/reminders_<lang>.properties}: {@code <kind>.subject}, {@code <kind>.body}) and can be
 * switched off per tenant. A kind plugs in by writing {@link DueReminder}s when its triggering
 * state is written and by a source in the reminders function that says, when it is due, whether
 * it still applies and what the message says.
 */
public enum ReminderKind {
    /** Documents still missing 3 days after a draft was started or documents were asked for at submission. */
    DOCUMENTS_MISSING,
    /** The enrolment notices (NOTICE# items, ADR 12), delivered by e-mail once each. */
    INACTIVITY_REMINDER,
    SEAT_RECLAIMED,
    PROVIDER_LEAVING,
    WAITLIST_CLOSED,
    /** The daily count of new applications, to each reviewer of the tenant. */
    REVIEW_DIGEST,
    /** A mentoring session 24 hours before, to the mentee and to the mentor. */
    SESSION_24H,
    /** A mentoring session 1 hour before, to the mentee and to the mentor. */
    SESSION_1H,
    /**
     * Retired: the laptop being ready is told by its notice (docs/adr/0027: inbox, e-mail, SMS),
     * and nothing plans this reminder any more (it was a second e-mail). Kept so that a reminder
     * planned before reads as "no longer applies" and tenant switches naming it still read.
     */
    LAPTOP_READY,
    /** The laptop is due back in 7 days. */
    LAPTOP_RETURN_SOON,
    /** The laptop is due back today. */
    LAPTOP_RETURN_DUE;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** "documents-missing" or "DOCUMENTS_MISSING" → the kind. */
    public static Optional<ReminderKind> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ReminderKind k : values()) {
            if (k.code().equals(value) || k.name().equals(value)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
