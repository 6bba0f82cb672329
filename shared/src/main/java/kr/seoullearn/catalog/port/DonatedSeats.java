package kr.seoullearn.catalog.port;

import java.util.List;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * The seats providers donated to a tenant, and nothing else of the catalogue: what the
 * dashboard's seat gauges read. Narrow on purpose, so that a function that only shows the
 * gauges (reports) does not build the catalogue's pages, word index and changes at start.
 */
public interface DonatedSeats {

    /**
     * The providers that donated seats to the tenant, in the providers' order, each with its
     * seats now (1 Query, and 1 BatchGetItem per 100 providers when there are any); empty when
     * the tenant has none.
     */
    List<Donation> of(TenantId tenant);

    /** One provider and the seats it donated to the tenant. */
    record Donation(Provider provider, ProviderSeats seats) {}
}
