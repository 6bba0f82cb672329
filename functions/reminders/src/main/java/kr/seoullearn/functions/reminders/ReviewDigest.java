package kr.seoullearn.functions.reminders;

import kr.seoullearn.registration.port.ApplicationStore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.MessageTemplates;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.DigestPlans;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The daily digest for the review team: from 08:00 Seoul time, the first run of the day counts
 * the applications that joined the tenant's review queue in the 24 hours before 08:00 (GSI1
 * {@code T#<tenant>#QUEUE} by submission time: reads grow with the new applications only) and
 * writes one due reminder per reviewer, then marks the day planned ({@link DigestPlans}).
 * The reminders have the day as subject, so a second planner (a parallel run) writes the same
 * ones again and still each reviewer gets one digest a day. No new applications: no digest.
 */
final class ReviewDigest implements ReminderSource {
    static final LocalTime AT = LocalTime.of(8, 0);

    private final ApplicationStore applications;
    private final Recipients recipients;
    private final ReminderQueue queue;
    private final DigestPlans plans;

    ReviewDigest(ApplicationStore applications, Recipients recipients, ReminderQueue queue, DigestPlans plans) {
        this.applications = applications;
        this.recipients = recipients;
        this.queue = queue;
        this.plans = plans;
    }

    /** Plans the day's digest once; returns the reminders written (0 when planned before, too early or nothing new). */
    int plan(TenantId tenant, Instant now) {
        ZonedDateTime seoul = now.atZone(MessageTemplates.SEOUL);
        if (seoul.toLocalTime().isBefore(AT)) {
            return 0;
        }
        LocalDate day = seoul.toLocalDate();
        if (plans.planned(tenant, day)) {
            return 0;
        }
        Instant dueAt = day.atTime(AT).atZone(MessageTemplates.SEOUL).toInstant();
        int count = applications.queuedBetween(tenant, dueAt.minus(Duration.ofHours(24)), dueAt);
        int written = 0;
        if (count > 0) {
            for (String reviewer : recipients.reviewers(tenant)) {
                queue.schedule(DueReminder.of(tenant, ReminderKind.REVIEW_DIGEST, day.toString(), reviewer, dueAt,
                        Map.of("count", Integer.toString(count), "date", day.toString())));
                written++;
            }
        }
        plans.markPlanned(tenant, day, count, written, now);
        return written;
    }

    @Override
    public Optional<Map<String, Object>> content(DueReminder r, Language language) {
        return Optional.of(Map.of("count", r.params().getOrDefault("count", "0"), "date", LocalDate.parse(r.params().get("date"))));
    }
}
