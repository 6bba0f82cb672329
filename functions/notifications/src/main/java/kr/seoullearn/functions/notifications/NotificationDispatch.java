package kr.seoullearn.functions.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.domain.NoticeTemplates;
import kr.seoullearn.notifications.domain.NotificationPreferences;
import kr.seoullearn.notifications.domain.QuietHours;
import kr.seoullearn.notifications.port.Contacts;
import kr.seoullearn.notifications.port.Messenger;
import kr.seoullearn.notifications.port.NoticeOutbox;
import kr.seoullearn.notifications.port.NoticeOutbox.Audience;
import kr.seoullearn.notifications.port.PreferencesStore;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;

/**
 * One dispatch run (docs/adr/0027), as of the scheduled time: per tenant, every outbox item due in
 * the look-back window, oldest first. For each, the deliveries it calls for — the person's chosen
 * channels that have an address (a verified e-mail address, an SMS number), and for a learner under
 * 14 the guardian's contact — each claimed by its sent marker before it is sent, so two runs that
 * read the same item send each delivery once. A text to a minor at night (Seoul) is held until the
 * morning hour as a new outbox item. Failure stays with its item: a refused send is tried again by
 * the next runs (its marker removed), a send whose fate is unknown is never repeated, and after
 * {@link #MAX_ATTEMPTS} the item becomes a dead letter; a tenant whose reads fail is counted and the
 * run goes on. The log line has counts only — never an address, a number or a name.
 */
final class NotificationDispatch {
    private static final Log LOG = Log.of(NotificationDispatch.class);
    static final Duration LOOK_BACK = Duration.ofHours(24);
    static final int MAX_ATTEMPTS = 5;

    record Outcome(String runId, int tenants, int tenantsFailed, int due, int sent, int skipped, int held, int retried,
                   int quarantined, int unreadable, int deferred) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("runId", runId);
            m.put("tenants", tenants);
            m.put("tenantsFailed", tenantsFailed);
            m.put("due", due);
            m.put("sent", sent);
            m.put("skipped", skipped);
            m.put("held", held);
            m.put("retried", retried);
            m.put("quarantined", quarantined);
            m.put("unreadable", unreadable);
            m.put("deferred", deferred);
            return m;
        }
    }

    private final TenantDirectory tenants;
    private final NoticeOutbox outbox;
    private final Contacts contacts;
    private final PreferencesStore preferences;
    private final Map<Channel, Messenger> messengers;

    NotificationDispatch(TenantDirectory tenants, NoticeOutbox outbox, Contacts contacts, PreferencesStore preferences,
                         Map<Channel, Messenger> messengers) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.contacts = contacts;
        this.preferences = preferences;
        this.messengers = Map.copyOf(messengers);
    }

    private record Delivery(Audience audience, Channel channel, String to) {
        String key() {
            return audience.name() + "#" + channel.name();
        }
    }

    Outcome run(Instant now, BooleanSupplier timeLeft) {
        String runId = UUID.randomUUID().toString();
        int[] c = new int[8]; // due, sent, skipped, held, retried, quarantined, deferred
        int tenantCount = 0;
        int tenantsFailed = 0;
        int unreadable = 0;
        for (TenantDirectory.Tenant tenant : tenants.all()) {
            tenantCount++;
            try {
                unreadable += outbox.due(tenant.id(), now.minus(LOOK_BACK), now, d -> {
                    if (!timeLeft.getAsBoolean()) {
                        c[6]++;
                        return;
                    }
                    c[0]++;
                    deliverIsolated(d, runId, now, c);
                });
            } catch (RuntimeException e) {
                tenantsFailed++;
                LOG.warn("notification dispatch: tenant failed", "tenant", tenant.id().value(), "failure", Failures.code(e));
            }
        }
        Outcome o = new Outcome(runId, tenantCount, tenantsFailed, c[0], c[1], c[2], c[3], c[4], c[5], unreadable, c[6]);
        LOG.info("notification dispatch", "runId", runId, "tenants", o.tenants(), "tenantsFailed", o.tenantsFailed(), "due", o.due(),
                "sent", o.sent(), "skipped", o.skipped(), "held", o.held(), "retried", o.retried(), "quarantined", o.quarantined(),
                "unreadable", o.unreadable(), "deferred", o.deferred());
        return o;
    }

    private void deliverIsolated(NoticeOutbox.Due d, String runId, Instant now, int[] c) {
        try {
            deliver(d, runId, now, c);
        } catch (RuntimeException e) {
            String failure = Failures.code(e);
            boolean again;
            try {
                again = outbox.retryLater(d, failure, MAX_ATTEMPTS, now);
            } catch (RuntimeException alsoFailed) {
                again = true; // left as it was: the next run meets it again
            }
            c[again ? 4 : 5]++;
            LOG.warn("notice not delivered", "tenant", d.notice().tenant().value(), "kind", d.notice().kind().name(),
                    "failure", failure, "attempt", d.attempts() + 1, "retry", again);
        }
    }

    private void deliver(NoticeOutbox.Due d, String runId, Instant now, int[] c) {
        var n = d.notice();
        Optional<Contacts.Contact> found = contacts.find(n.tenant(), n.recipientId());
        if (found.isEmpty()) {
            outbox.done(d); // gone, disabled or of another tenant: the inbox still has it
            c[2]++;
            return;
        }
        Contacts.Contact to = found.get();
        NotificationPreferences chosen = preferences.find(n.tenant(), n.recipientId());
        List<Delivery> deliveries = new ArrayList<>();
        for (Channel ch : chosen.channels(n.kind())) {
            String address = ch == Channel.EMAIL ? (to.emailVerified() ? to.email() : null) : to.smsNumber();
            if (address != null && d.includes(Audience.SELF, ch)) {
                deliveries.add(new Delivery(Audience.SELF, ch, address));
            }
        }
        if (n.kind().guardianToo() && to.guardian() != null) {
            if (to.guardian().email() != null && d.includes(Audience.GUARDIAN, Channel.EMAIL)) {
                deliveries.add(new Delivery(Audience.GUARDIAN, Channel.EMAIL, to.guardian().email()));
            }
            if (to.guardian().smsNumber() != null && d.includes(Audience.GUARDIAN, Channel.SMS)) {
                deliveries.add(new Delivery(Audience.GUARDIAN, Channel.SMS, to.guardian().smsNumber()));
            }
        }
        Set<String> held = new LinkedHashSet<>();
        String refused = null;
        for (Delivery x : deliveries) {
            if (x.channel() == Channel.SMS && x.audience() == Audience.SELF && (to.minor() || chosen.quietHours())
                    && QuietHours.quiet(now)) {
                held.add(x.key());
                continue;
            }
            NoticeTemplates.Rendered message = NoticeTemplates.render(n.kind(), to.language(), n.params(),
                    x.audience() == Audience.GUARDIAN);
            if (!outbox.claim(d, x.audience(), x.channel(), runId, now)) {
                c[2]++; // sent before, or another run is sending it
                continue;
            }
            try {
                String id = messengers.get(x.channel()).send(x.to(), message.subject(),
                        x.channel() == Channel.SMS ? message.sms() : message.body());
                c[1]++;
                try {
                    outbox.sent(d, x.audience(), x.channel(), runId, id, now);
                } catch (RuntimeException e) {
                    // it went out; the marker stays SENDING, which no run sends again
                    LOG.warn("notice sent, not confirmed", "kind", n.kind().name(), "failure", Failures.code(e));
                }
            } catch (Messenger.DeliveryFailed e) {
                if (e.notSent()) {
                    outbox.unclaim(d, x.audience(), x.channel(), runId);
                    refused = e.code();
                } else {
                    outbox.failed(d, x.audience(), x.channel(), runId, e.code(), now);
                    c[5]++;
                }
                LOG.warn("notice not sent", "tenant", n.tenant().value(), "kind", n.kind().name(), "channel", x.channel().name(),
                        "failure", e.code(), "retry", e.notSent());
            } catch (RuntimeException e) {
                // unclassified: it may have gone out, so never again
                outbox.failed(d, x.audience(), x.channel(), runId, Failures.code(e), now);
                c[5]++;
                LOG.warn("notice not sent", "tenant", n.tenant().value(), "kind", n.kind().name(), "channel", x.channel().name(),
                        "failure", Failures.code(e), "retry", false);
            }
        }
        if (!held.isEmpty()) {
            outbox.hold(d, held, QuietHours.morningAfter(now));
            c[3] += held.size();
        }
        if (refused != null) {
            c[outbox.retryLater(d, refused, MAX_ATTEMPTS, now) ? 4 : 5]++;
        } else {
            outbox.done(d);
        }
    }
}
