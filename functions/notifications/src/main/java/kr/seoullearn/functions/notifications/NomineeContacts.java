package kr.seoullearn.functions.notifications;

import java.time.Clock;
import java.util.Optional;
import kr.seoullearn.notifications.port.Contacts;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.recruitment.domain.Nomination;
import kr.seoullearn.recruitment.port.RecruitmentLedger;

/**
 * Contacts, including people who have no account yet: a nominee's invitation (docs/adr/0042) is
 * addressed to {@code nominee:<roundId>:<emailKey>}, and the address and language are read from
 * the nomination itself (one GetItem) when it is sent — the outbox item never holds them. The
 * address came from the nominating university, so it counts as the one to write to; a nomination
 * that expired or is gone is nobody (the notice is skipped). Everyone else: {@code accounts}.
 */
final class NomineeContacts implements Contacts {
    private final Contacts accounts;
    private final RecruitmentLedger recruitment;
    private final Clock clock;

    NomineeContacts(Contacts accounts, RecruitmentLedger recruitment, Clock clock) {
        this.accounts = accounts;
        this.recruitment = recruitment;
        this.clock = clock;
    }

    @Override
    public Optional<Contact> find(TenantId tenant, String recipientId) {
        if (!recipientId.startsWith(Nomination.RECIPIENT_PREFIX)) {
            return accounts.find(tenant, recipientId);
        }
        String[] parts = recipientId.substring(Nomination.RECIPIENT_PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        return recruitment.nomination(tenant, parts[0], parts[1], clock.instant())
                .map(n -> new Contact(n.email(), true, null, n.language(), false, null));
    }
}
