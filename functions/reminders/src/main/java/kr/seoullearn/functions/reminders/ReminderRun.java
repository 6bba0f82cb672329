package kr.seoullearn.functions.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.reminders.domain.DueReminder;
import kr.seoullearn.reminders.domain.MessageTemplates;
import kr.seoullearn.reminders.port.Notifier;
import kr.seoullearn.reminders.port.Recipients;
import kr.seoullearn.reminders.domain.ReminderKind;
import kr.seoullearn.reminders.port.ReminderQueue;
import kr.seoullearn.reminders.domain.ReminderSettings;
import kr.seoullearn.reminders.port.ReminderSettingsStore;
import kr.seoullearn.platform.tenant.TenantDirectory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * One scheduled run (ADR 13, ADR 23). Per tenant: its switches, the review digest's planning, then
 * every reminder due in the look-back window, oldest first. Each is checked (switched off, too
 * late, no longer applies, no address: dropped and counted as skipped; an address its owner has
 * not verified: dropped and counted as unverified), then claimed — the sent marker written and the
 * due item deleted in one transaction — and only then sent. A repeated, overlapping or retried run
 * therefore sends nothing twice.
 * <p>
 * Failure stays with the reminder or the tenant it belongs to: a reminder whose preparation throws
 * (a throttled Cognito, content that cannot be made) stays due with one more attempt; a refused send
 * is put back the same way; after {@link #MAX_ATTEMPTS} attempts, or a send whose fate is unknown
 * (never repeated), it is quarantined as a dead letter. A due item that cannot be read is
 * quarantined at once. A tenant whose own reads fail is counted and the run goes on with the next.
 * The run's log line has the counts (delivered, retried, failed, quarantined…), never who or to
 * which address.
 */
final class ReminderRun {
    private static final Log LOG = Log.of(ReminderRun.class);
    /** Reminders due this long ago are still sent (a failed send is retried within it). */
    static final Duration LOOK_BACK = Duration.ofHours(24);
    static final int MAX_ATTEMPTS = 5;

    /**
     * What a run did with one kind: {@code failed} = {@code retried} (tried again next run) +
     * {@code quarantined} (given up: a dead letter); {@code due} = sent + skipped + unverified + failed.
     */
    record Counts(int due, int sent, int skipped, int failed, int retried, int quarantined, int unverified) {
        Counts(int due, int sent, int skipped, int failed) {
            this(due, sent, skipped, failed, failed, 0, 0);
        }

        Counts plus(Counts o) {
            return new Counts(due + o.due, sent + o.sent, skipped + o.skipped, failed + o.failed, retried + o.retried,
                    quarantined + o.quarantined, unverified + o.unverified);
        }

        static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * {@code deferred}: due reminders left for the next run because this one was running out of
     * time; {@code unreadable}: due items that were not reminders, quarantined; {@code tenantsFailed}:
     * tenants whose run stopped on an error (their remaining reminders wait for the next run).
     */
    record Outcome(String runId, int tenants, Map<ReminderKind, Counts> byKind, int deferred, int unreadable, int tenantsFailed) {
        Outcome(String runId, int tenants, Map<ReminderKind, Counts> byKind, int deferred) {
            this(runId, tenants, byKind, deferred, 0, 0);
        }

        Counts total() {
            return byKind.values().stream().reduce(Counts.zero(), Counts::plus);
        }

        /** Reminders quarantined by this run, the unreadable ones included. */
        int quarantined() {
            return total().quarantined() + unreadable;
        }
    }

    private final TenantDirectory tenants;
    private final ReminderSettingsStore settings;
    private final ReminderQueue queue;
    private final Recipients recipients;
    private final Notifier notifier;
    private final Map<ReminderKind, ReminderSource> sources;
    private final ReviewDigest digest;

    ReminderRun(TenantDirectory tenants, ReminderSettingsStore settings, ReminderQueue queue, Recipients recipients,
                Notifier notifier, Map<ReminderKind, ReminderSource> sources, ReviewDigest digest) {
        this.tenants = tenants;
        this.settings = settings;
        this.queue = queue;
        this.recipients = recipients;
        this.notifier = notifier;
        this.sources = Map.copyOf(sources);
        this.digest = digest;
    }

    Outcome run(Instant now) {
        return run(now, () -> true);
    }

    private enum Result { SENT, SKIPPED, UNVERIFIED, RETRIED, QUARANTINED }

    /**
     * A run as of {@code now}; once {@code timeLeft} says no, the remaining due reminders are
     * left untouched for the next run (a function stopped mid-send would lose the one it claimed).
     */
    Outcome run(Instant now, java.util.function.BooleanSupplier timeLeft) {
        int[] deferred = new int[1];
        int unreadable = 0;
        int tenantsFailed = 0;
        String runId = UUID.randomUUID().toString();
        Map<ReminderKind, int[]> counts = new EnumMap<>(ReminderKind.class);
        for (ReminderKind k : ReminderKind.values()) {
            counts.put(k, new int[Result.values().length + 1]);
        }
        int tenantCount = 0;
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            tenantCount++;
            try {
                ReminderSettings switches = settings.find(tenant.id());
                if (digest != null && switches.enabled(ReminderKind.REVIEW_DIGEST)) {
                    digest.plan(tenant.id(), now);
                }
                unreadable += queue.due(tenant.id(), now.minus(LOOK_BACK), now, r -> {
                    if (!timeLeft.getAsBoolean()) {
                        deferred[0]++;
                        return;
                    }
                    int[] c = counts.get(r.kind());
                    c[0]++;
                    c[1 + deliverIsolated(r, switches, runId, now).ordinal()]++;
                });
            } catch (RuntimeException e) {
                // this tenant's reads failed (throttled, unavailable): the next tenants still run
                tenantsFailed++;
                LOG.warn("reminder run: tenant failed", "tenant", tenant.id().value(), "failure", failureCode(e));
            }
        }
        Map<ReminderKind, Counts> byKind = new EnumMap<>(ReminderKind.class);
        counts.forEach((k, c) -> {
            int retried = c[1 + Result.RETRIED.ordinal()];
            int quarantined = c[1 + Result.QUARANTINED.ordinal()];
            byKind.put(k, new Counts(c[0], c[1 + Result.SENT.ordinal()], c[1 + Result.SKIPPED.ordinal()], retried + quarantined,
                    retried, quarantined, c[1 + Result.UNVERIFIED.ordinal()]));
        });
        Outcome outcome = new Outcome(runId, tenantCount, byKind, deferred[0], unreadable, tenantsFailed);
        report(outcome);
        return outcome;
    }

    /** One reminder, whatever happens to it: an error stays with it (and is counted), never with the run. */
    private Result deliverIsolated(DueReminder r, ReminderSettings switches, String runId, Instant now) {
        try {
            return deliver(r, switches, runId, now);
        } catch (RuntimeException e) {
            String failure = failureCode(e);
            boolean again;
            try {
                again = queue.retryLater(r, failure, MAX_ATTEMPTS, now);
            } catch (RuntimeException alsoFailed) {
                again = true; // left as it was: still due, the next run meets it again
            }
            LOG.warn("reminder not prepared", "tenant", r.tenant().value(), "kind", r.kind().name(), "failure", failure,
                    "attempt", r.attempts() + 1, "retry", again);
            return again ? Result.RETRIED : Result.QUARANTINED;
        }
    }

    private Result deliver(DueReminder r, ReminderSettings switches, String runId, Instant now) {
        ReminderSource source = sources.get(r.kind());
        if (source == null || !switches.enabled(r.kind()) || (r.staleAt() != null && !now.isBefore(r.staleAt()))) {
            queue.drop(r);
            return Result.SKIPPED;
        }
        Optional<Recipients.Recipient> to = recipients.find(r.tenant(), r.recipientId());
        if (to.isEmpty()) {
            queue.drop(r);
            return Result.SKIPPED;
        }
        if (!to.get().emailVerified()) {
            // an address nobody proved is theirs: sending would mail a stranger (docs/adr/0023)
            queue.drop(r);
            return Result.UNVERIFIED;
        }
        Optional<Map<String, Object>> values = source.content(r, to.get().language());
        if (values.isEmpty()) {
            queue.drop(r);
            return Result.SKIPPED;
        }
        MessageTemplates.Rendered message = MessageTemplates.render(r.kind(), to.get().language(), values.get());
        if (!queue.claim(r, runId, now)) {
            return Result.SKIPPED; // sent before, or another run is sending it
        }
        String messageId;
        try {
            messageId = notifier.send(new Notifier.Message(to.get().email(), message.subject(), message.text()));
        } catch (Notifier.DeliveryFailed e) {
            boolean again = queue.release(r, runId, e.code(), e.notSent() ? MAX_ATTEMPTS : 0, now);
            LOG.warn("reminder not sent", "tenant", r.tenant().value(), "kind", r.kind().name(), "failure", e.code(),
                    "attempt", r.attempts() + 1, "retry", again);
            return again ? Result.RETRIED : Result.QUARANTINED;
        } catch (RuntimeException e) {
            // the notifier broke in a way it did not classify: it may have gone out, so never again
            queue.release(r, runId, failureCode(e), 0, now);
            LOG.warn("reminder not sent", "tenant", r.tenant().value(), "kind", r.kind().name(), "failure", failureCode(e),
                    "attempt", r.attempts() + 1, "retry", false);
            return Result.QUARANTINED;
        }
        try {
            queue.confirm(r, runId, messageId, now);
        } catch (RuntimeException e) {
            // it went out; the marker stays "sending", which no run ever sends again
            LOG.warn("reminder sent, not confirmed", "tenant", r.tenant().value(), "kind", r.kind().name(), "failure", failureCode(e));
        }
        return Result.SENT;
    }

    /** A code safe to log: the AWS error code or the exception's type, never its message (it may quote data). */
    static String failureCode(Throwable e) {
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null) {
            return a.awsErrorDetails().errorCode();
        }
        if (e instanceof kr.seoullearn.platform.aws.AwsCallFailed a) {
            return a.code();
        }
        if (e instanceof kr.seoullearn.platform.http.ProblemException p) {
            return p.problem().code();
        }
        return e.getClass().getSimpleName();
    }

    /** One log line per run with the counts per kind, and one per kind for the metrics. */
    private static void report(Outcome o) {
        Map<String, Object> perKind = new LinkedHashMap<>();
        o.byKind().forEach((k, c) -> {
            if (c.due() > 0) {
                perKind.put(k.name(), counts(c));
            }
        });
        Counts t = o.total();
        LOG.info("reminder run", "runId", o.runId(), "tenants", o.tenants(), "tenantsFailed", o.tenantsFailed(), "due", t.due(),
                "sent", t.sent(), "skipped", t.skipped(), "unverified", t.unverified(), "failed", t.failed(), "retried", t.retried(),
                "quarantined", o.quarantined(), "unreadable", o.unreadable(), "deferred", o.deferred(), "byKind", Json.write(perKind));
        // one line per kind: template.yaml's metric filters turn them into CloudWatch metrics
        // (RemindersDue/Sent/Skipped/Failed by kind); embedded-metric lines would carry a 13-digit
        // timestamp that the log privacy scan cannot tell from a resident registration number
        o.byKind().forEach((k, c) -> {
            if (c.due() > 0) {
                LOG.info("reminders of a kind", "runId", o.runId(), "kind", k.name(), "due", c.due(), "sent", c.sent(),
                        "skipped", c.skipped(), "unverified", c.unverified(), "failed", c.failed(), "retried", c.retried(),
                        "quarantined", c.quarantined());
            }
        });
    }

    static Map<String, Object> counts(Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("due", c.due());
        m.put("sent", c.sent());
        m.put("skipped", c.skipped());
        m.put("unverified", c.unverified());
        m.put("failed", c.failed());
        m.put("retried", c.retried());
        m.put("quarantined", c.quarantined());
        return m;
    }
}
