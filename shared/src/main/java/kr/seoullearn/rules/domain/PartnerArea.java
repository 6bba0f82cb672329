package kr.seoullearn.rules.domain;

import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A new partner area (tenant): its names by language (ko and en required, vi and zh optional),
 * its districts (codes) and the seats each provider donates there. Its first programme comes
 * with it, as a definition and a start date.
 */
public record PartnerArea(TenantId tenant, Map<String, String> names, List<String> districts, Map<String, Integer> seats) {
    public static final java.util.regex.Pattern DISTRICT = java.util.regex.Pattern.compile("[a-z][a-z0-9-]{1,39}");
    public static final int MAX_DISTRICTS = 40;
    public static final int MAX_PROVIDERS = 25;

    public PartnerArea {
        names = Map.copyOf(names);
        districts = List.copyOf(districts);
        seats = Map.copyOf(seats);
    }
}
