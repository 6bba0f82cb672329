package kr.seoullearn.catalog.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.seoullearn.catalog.domain.Provider;
import kr.seoullearn.catalog.domain.ProviderSeats;
import kr.seoullearn.catalog.port.DonatedSeats;
import kr.seoullearn.platform.tenant.TenantId;

/** The seat gauges from the provider and seats items, through {@link ProviderItems} alone. */
final class DynamoDonatedSeats implements DonatedSeats {
    private final ProviderItems providers;

    DynamoDonatedSeats(ProviderItems providers) {
        this.providers = providers;
    }

    @Override
    public List<Donation> of(TenantId tenant) {
        List<Provider> all = providers.all();
        Map<String, ProviderSeats> seats = providers.donated(tenant, all.stream().map(Provider::id).toList());
        List<Donation> donations = new ArrayList<>();
        for (Provider p : all) {
            ProviderSeats s = seats.get(p.id());
            if (s != null) {
                donations.add(new Donation(p, s));
            }
        }
        return donations;
    }
}
