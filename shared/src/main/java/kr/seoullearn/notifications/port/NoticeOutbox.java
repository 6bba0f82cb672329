package kr.seoullearn.notifications.port;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import kr.seoullearn.notifications.domain.Channel;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The notices waiting to be delivered and the sent markers that make each delivery happen once
 * (docs/adr/0027): the dispatch reads what is due, claims each (notice, audience, channel) with a
 * conditional marker before sending, and settles the outbox item afterwards.
 */
public interface NoticeOutbox {

    /** Who a delivery goes to: the person, or the guardian of a learner under 14. */
    enum Audience { SELF, GUARDIAN }

    /** An outbox item: the notice, from when it is due, how often it was tried, and (when held) which deliveries remain. */
    record Due(Notice notice, Instant dueAt, int attempts, Set<String> only) {
        public boolean includes(Audience audience, Channel channel) {
            return only == null || only.isEmpty() || only.contains(audience.name() + "#" + channel.name());
        }
    }

    /** Every item due in [from, to], oldest first; returns how many could not be read (quarantined). */
    int due(TenantId tenant, Instant from, Instant to, Consumer<Due> each);

    /** Writes the delivery's marker (SENDING) unless one exists: true means this caller, and only it, may send. */
    boolean claim(Due due, Audience audience, Channel channel, String runId, Instant now);

    /** The delivery went out. */
    void sent(Due due, Audience audience, Channel channel, String runId, String messageId, Instant now);

    /** The service refused it (nothing went out): the marker is removed so it can be tried again. */
    void unclaim(Due due, Audience audience, Channel channel, String runId);

    /** Its fate is unknown (no answer): the marker says FAILED and it is never tried again. */
    void failed(Due due, Audience audience, Channel channel, String runId, String failure, Instant now);

    /** Done with the item: every delivery was made, skipped or given up. */
    void done(Due due);

    /** Holds the given deliveries until {@code until} (quiet hours): a new item then, written idempotently. */
    void hold(Due due, Set<String> deliveries, Instant until);

    /**
     * Something failed that may succeed later: tried again next run with one more attempt, or,
     * at {@code maxAttempts}, given up with a dead letter (ids, kind, failure code; no address).
     * Returns true when it will be tried again.
     */
    boolean retryLater(Due due, String failure, int maxAttempts, Instant now);
}
