package kr.seoullearn.notifications.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * One thing to tell one person: the kind, its values (plain strings; a value that is an ISO
 * instant is shown as a Seoul date and time) and when it happened. Its {@code id} is made from the
 * event ({@code subject} names the thing and its occurrence, e.g. {@code <sub>@<submittedAt>} or a
 * session and its start), so writing the same event again (a retried trigger) is the same notice:
 * one inbox entry, one outbox item, one message per channel. The id starts with the time, so the
 * inbox sorts newest first by it. Values never go into logs (a rejection reason may quote data).
 */
public record Notice(TenantId tenant, String id, NoticeKind kind, String recipientId, Map<String, String> params, Instant at) {
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    /** {@code <yyyyMMddTHHmmssSSSZ>-<uuid>} (UTC to the millisecond, so ids sort by time): what the inbox routes accept as an id. */
    public static final Pattern ID = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public Notice {
        params = Map.copyOf(params);
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A notice of {@code kind} about {@code subject} for {@code recipientId}, at {@code at}. */
    public static Notice of(TenantId tenant, NoticeKind kind, String subject, String recipientId, Map<String, String> params,
                            Instant at) {
        UUID uuid = UUID.nameUUIDFromBytes((tenant.value() + "|" + kind.name() + "|" + subject + "|" + recipientId)
                .getBytes(StandardCharsets.UTF_8));
        return new Notice(tenant, COMPACT.format(at.truncatedTo(ChronoUnit.MILLIS)) + "-" + uuid, kind, recipientId, params, at);
    }
}
