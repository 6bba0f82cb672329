package kr.seoullearn.audit.domain;

import java.time.Instant;

/**
 * What an admin asks of the trail: optionally one actor, one action, one subject (by id), a time
 * range [from, to), newest first, {@code limit} entries after the cursor {@code after}.
 */
public record AuditQuery(String actor, String action, String subjectId, Instant from, Instant to, int limit, String after) {
}
