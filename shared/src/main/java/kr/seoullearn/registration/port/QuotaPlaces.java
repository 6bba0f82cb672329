package kr.seoullearn.registration.port;

import kr.seoullearn.platform.tenant.TenantId;

/**
 * The quota places applications hold (docs/adr/0021): a submission to a quota-limited programme
 * takes one, a rejection gives it back in its own transaction, and so does a person leaving the
 * programme (withdrawal, docs/adr/0028) — a place is the programme's, not the person's.
 */
public interface QuotaPlaces {
    /**
     * Gives back the place the person's application holds: the application's note of it and the
     * programme's counter in one transaction, so it is given back exactly once however often this
     * is called. False when the application holds none (or there is no application).
     */
    boolean release(TenantId tenant, String userId);
}
