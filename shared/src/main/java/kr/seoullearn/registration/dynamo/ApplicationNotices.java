package kr.seoullearn.registration.dynamo;

import java.time.Instant;
import java.util.Map;
import kr.seoullearn.notifications.domain.Notice;
import kr.seoullearn.notifications.domain.NoticeKind;
import kr.seoullearn.registration.domain.Application;

/**
 * What an applicant is told about their application (docs/adr/0027), each notice keyed on the
 * occurrence (the submission or decision time), so a retried write is the same notice.
 */
final class ApplicationNotices {
    private ApplicationNotices() {}

    static Notice submitted(Application a, boolean approvedByRecords, Instant now) {
        return Notice.of(a.tenant(), approvedByRecords ? NoticeKind.APPLICATION_APPROVED : NoticeKind.APPLICATION_RECEIVED,
                a.userId() + "@" + now, a.userId(), Map.of(), now);
    }

    static Notice decided(Application a, Application.Decision decision) {
        boolean approved = "APPROVED".equals(decision.outcome());
        return Notice.of(a.tenant(), approved ? NoticeKind.APPLICATION_APPROVED : NoticeKind.APPLICATION_REJECTED,
                a.userId() + "@" + decision.decidedAt(), a.userId(),
                approved ? Map.of() : Map.of("reason", decision.reason() == null ? "-" : decision.reason()), decision.decidedAt());
    }

    /** The reviewer needs more documents: the app shows which and why (the request itself). */
    static Notice documentsRequested(Application a, Instant requestedAt) {
        return Notice.of(a.tenant(), NoticeKind.DOCUMENTS_REQUESTED, a.userId() + "@" + requestedAt, a.userId(), Map.of(), requestedAt);
    }
}
