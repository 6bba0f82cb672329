package kr.seoullearn.recruitment.domain;

import java.time.Instant;
import java.time.LocalDate;
import kr.seoullearn.platform.tenant.TenantId;

/** A mentor's request to serve another term, for the term ending {@code termEnds}. */
public record Renewal(TenantId tenant, String mentorId, LocalDate termEnds, String status, Instant requestedAt,
                      String decidedBy, Instant decidedAt) {
    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String DECLINED = "DECLINED";
}
