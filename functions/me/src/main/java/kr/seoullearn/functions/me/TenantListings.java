package kr.seoullearn.functions.me;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantDirectory.Listing;

/**
 * {@code GET /api/tenants} (public): the partner areas people can choose on the tenant step, each
 * with its name in the app's four languages (English where a name is missing) and its districts.
 * Read from the tenant items (one Query) and kept for a minute per container (ADR 39), so a busy
 * sign-up morning does not query the table on every page load, and a new area appears within
 * a minute of being added (POST /api/admin/tenants) without a deployment. Ids that are not well-formed tenant ids are never listed
 * (the directory validates each before it becomes a key).
 */
final class TenantListings {
    static final Duration KEPT_FOR = Duration.ofMinutes(1);
    private static final List<String> LANGUAGES = List.of("ko", "en", "vi", "zh");

    private final TenantDirectory tenants;
    private final Clock clock;
    private volatile Map<String, Object> answer;
    private volatile Instant readAt = Instant.MIN;

    TenantListings(TenantDirectory tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    Map<String, Object> list() {
        Instant now = clock.instant();
        Map<String, Object> kept = answer;
        if (kept != null && now.isBefore(readAt.plus(KEPT_FOR))) {
            return kept;
        }
        List<Map<String, Object>> items = tenants.listings().stream()
                .sorted(java.util.Comparator.comparing(l -> l.id().value()))
                .map(TenantListings::view)
                .toList();
        Map<String, Object> fresh = Map.of("items", items);
        answer = fresh;
        readAt = now;
        return fresh;
    }

    private static Map<String, Object> view(Listing listing) {
        Map<String, String> names = new LinkedHashMap<>();
        String english = listing.names().getOrDefault("en", listing.id().value());
        for (String language : LANGUAGES) {
            String name = listing.names().get(language);
            names.put(language, name == null || name.isBlank() ? english : name);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tenant", listing.id().value());
        view.put("name", names);
        view.put("districts", listing.districts());
        return view;
    }
}
