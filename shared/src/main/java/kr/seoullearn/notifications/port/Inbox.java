package kr.seoullearn.notifications.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.platform.tenant.TenantId;

/** A person's in-app notices: newest first, paged, with the unread count; marking one read. */
public interface Inbox {
    record Entry(String id, NoticeKind kind, Map<String, String> params, Instant at, Instant readAt) {}

    record Page(List<Entry> entries, String next, int unread) {}

    /** At most {@code limit} entries older than {@code after} (an id of the previous page; null: the newest). */
    Page page(TenantId tenant, String userId, String after, int limit);

    /** Marks the caller's own notice read (once; later calls keep the first time); empty when it is not theirs or not there. */
    Optional<Entry> markRead(TenantId tenant, String userId, String id, Instant now);
}
