package kr.seoullearn.notifications.dynamo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.notifications.port.NoticeOutbox;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notifications' keys and items (docs/data-model.md, "Notifications"; docs/adr/0027), every
 * partition starting with the tenant:
 * <ul>
 *   <li>outbox, by the UTC hour it is due: {@code T#<tenant>#OUTBOX#<yyyy-MM-ddTHH> / <due second>#<notice id>[#held]};</li>
 *   <li>the inbox entry, in the person's partition: {@code T#<tenant>#U#<sub> / INBOX#<notice id>} (not {@code NOTICE#}: the enrolment context's notices live there);</li>
 *   <li>a delivery's sent marker: {@code T#<tenant>#NSENT#<sub> / <notice id>#<audience>#<channel>};</li>
 *   <li>preferences: {@code T#<tenant>#U#<sub> / NOTIFY_PREFS};</li>
 *   <li>notices given up: {@code T#<tenant>#NOTICEDEAD / <at>#<notice id>}.</li>
 * </ul>
 */
final class NoticeItems {
    static final Duration OUTBOX_KEPT = Duration.ofDays(14);
    static final Duration INBOX_KEPT = Duration.ofDays(365);
    static final Duration MARKER_KEPT = Duration.ofDays(90);
    static final String INBOX_PREFIX = "INBOX#";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private NoticeItems() {}

    static String outboxBucket(TenantId tenant, Instant at) {
        return Keys.tenant(tenant, "OUTBOX", HOUR.format(at));
    }

    static String second(Instant at) {
        return SECOND.format(at);
    }

    static ItemKey outbox(TenantId tenant, Instant dueAt, String noticeId, boolean held) {
        return ItemKey.of(outboxBucket(tenant, dueAt), second(dueAt) + "#" + noticeId + (held ? "#held" : ""));
    }

    static ItemKey inbox(TenantId tenant, String userId, String noticeId) {
        return ItemKey.of(Keys.user(tenant, userId), INBOX_PREFIX + noticeId);
    }

    static ItemKey marker(Notice n, NoticeOutbox.Audience audience, String channel) {
        return ItemKey.of(Keys.tenant(n.tenant(), "NSENT", n.recipientId()), n.id() + "#" + audience.name() + "#" + channel);
    }

    static ItemKey preferences(TenantId tenant, String userId) {
        return ItemKey.of(Keys.user(tenant, userId), "NOTIFY_PREFS");
    }

    static ItemKey deadLetter(TenantId tenant, Instant at, String noticeId) {
        return ItemKey.of(Keys.tenant(tenant, "NOTICEDEAD"), second(at) + "#" + noticeId);
    }

    static Map<String, AttributeValue> outboxItem(Notice n, Instant dueAt, int attempts, Set<String> only) {
        Map<String, AttributeValue> item = new HashMap<>(outbox(n.tenant(), dueAt, n.id(), only != null && !only.isEmpty()).attributes());
        item.put("type", s("NOTICE_DUE"));
        item.putAll(notice(n));
        item.put("dueAt", s(dueAt.toString()));
        item.put("attempts", num(attempts));
        if (only != null && !only.isEmpty()) {
            item.put("only", AttributeValue.fromSs(only.stream().sorted().toList()));
        }
        item.put(Keys.TTL, num(dueAt.plus(OUTBOX_KEPT).getEpochSecond()));
        return item;
    }

    static Map<String, AttributeValue> inboxItem(Notice n) {
        Map<String, AttributeValue> item = new HashMap<>(inbox(n.tenant(), n.recipientId(), n.id()).attributes());
        item.put("type", s("INBOX_NOTICE"));
        item.putAll(notice(n));
        item.put(Keys.TTL, num(n.at().plus(INBOX_KEPT).getEpochSecond()));
        return item;
    }

    private static Map<String, AttributeValue> notice(Notice n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("tenant", s(n.tenant().value()));
        item.put("noticeId", s(n.id()));
        item.put("kind", s(n.kind().name()));
        item.put("recipientId", s(n.recipientId()));
        item.put("at", s(n.at().toString()));
        Map<String, AttributeValue> params = new HashMap<>();
        n.params().forEach((k, v) -> params.put(k, s(v)));
        item.put("params", AttributeValue.fromM(params));
        return item;
    }

    static Notice notice(Map<String, AttributeValue> item) {
        Map<String, String> params = new HashMap<>();
        if (item.containsKey("params")) {
            item.get("params").m().forEach((k, v) -> params.put(k, v.s()));
        }
        return new Notice(new TenantId(item.get("tenant").s()), item.get("noticeId").s(), NoticeKind.valueOf(item.get("kind").s()),
                item.get("recipientId").s(), params, Instant.parse(item.get("at").s()));
    }

    static NoticeOutbox.Due due(Map<String, AttributeValue> item) {
        Set<String> only = item.containsKey("only") ? new HashSet<>(item.get("only").ss()) : null;
        return new NoticeOutbox.Due(notice(item), Instant.parse(item.get("dueAt").s()),
                Integer.parseInt(item.get("attempts").n()), only);
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue num(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
