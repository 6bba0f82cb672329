package kr.seoullearn.registration.port;

import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Account;

/** The port through which the triggers and the account routes keep accounts (one item per person). */
public interface Accounts {

    Optional<Account> find(String userId);

    /** Opens the account unless it is open; returns false (and changes nothing) if it was. */
    boolean open(Account account);

    /**
     * Gives the account its tenant, once: answers true when it now has {@code tenant} (also when
     * it had it already, so a retry succeeds), false when it has another tenant or is not open.
     */
    boolean chooseTenant(String userId, TenantId tenant);
}
