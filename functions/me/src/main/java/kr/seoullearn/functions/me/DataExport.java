package kr.seoullearn.functions.me;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.privacy.domain.PersonalData;
import kr.seoullearn.privacy.domain.PersonalExport;
import kr.seoullearn.privacy.port.PersonalRecords;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.port.Accounts;

/**
 * {@code GET /api/me/data}: a copy of everything we hold about the caller (docs/adr/0037), the
 * right of access of Korea's Personal Information Protection Act. The caller only — there is no
 * path or parameter naming anyone else — in the tenant of their token (else the one their account
 * names); documents that passed the check as links valid for five minutes to the exact version
 * checked. Any signed-in person may ask, staff included: the right is everyone's.
 */
final class DataExport {
    static final Duration LINK_LIFETIME = Duration.ofMinutes(5);
    private static final Log LOG = Log.of(DataExport.class);

    private final Accounts accounts;
    private final PersonalRecords records;
    private final S3Objects documents;
    private final Clock clock;

    DataExport(Accounts accounts, PersonalRecords records, S3Objects documents, Clock clock) {
        this.accounts = accounts;
        this.records = records;
        this.documents = documents;
        this.clock = clock;
    }

    Map<String, Object> export(Caller caller) {
        String me = caller.userId();
        Optional<TenantId> tenant = caller.chosenTenant().or(() -> accounts.find(me).flatMap(Account::chosenTenant));
        PersonalData data = records.read(tenant.orElse(null), me);
        Instant now = clock.instant();
        Map<String, Object> export = PersonalExport.of(data, me, tenant.map(TenantId::value).orElse(null), now, this::link);
        // a university's nominations are keyed by the address they were sent to, not the account
        List<Map<String, Object>> nominations = tenant.isPresent() && caller.email().isPresent()
                ? records.nominations(tenant.get(), caller.email().get()) : List.of();
        export.put("mentorNominations", PersonalExport.nominations(nominations, me));
        LOG.info("personal data exported", "tenant", tenant.map(TenantId::value).orElse(null), "items", items(data) + nominations.size(),
                "documents", ((List<?>) export.get("documents")).size());
        return export;
    }

    private Map<String, Object> link(String key, String versionId, String contentType, String fileName) {
        var presigned = documents.presignGet(key, versionId, contentType, "attachment; filename=\"" + fileName + "\"", LINK_LIFETIME);
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("url", presigned.url().toString());
        link.put("expiresAt", presigned.expires().toString());
        return link;
    }

    private static int items(PersonalData d) {
        return (d.account() == null ? 0 : 1) + d.own().size() + d.sentReminders().size() + d.sentNotices().size() + d.recordsChecks().size()
                + d.aboutThem().size() + d.laptopRequests().stream().mapToInt(l -> 1 + l.trail().size()).sum()
                + d.mentorships().stream().mapToInt(List::size).sum();
    }
}
