package kr.seoullearn.platform.dynamo;

import kr.seoullearn.platform.tenant.TenantId;

/**
 * The key design of the application table (docs/data-model.md). Every partition key starts
 * with the tenant, so a tenant's queries can never reach another tenant's items.
 */
public final class Keys {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String TTL = "expiresAt";

    private Keys() {}

    /**
     * The one convention for tenant data: {@code T#<tenant>#<part>#<part>…}. Every partition of
     * a tenant's items starts so, which keeps a tenant's queries inside its own items.
     */
    public static String tenant(TenantId tenant, String... parts) {
        StringBuilder key = new StringBuilder("T#").append(tenant.value());
        for (String part : parts) {
            key.append('#').append(part);
        }
        return key.toString();
    }

    public static String user(TenantId tenant, String userId) {
        return "T#" + tenant.value() + "#U#" + userId;
    }

    public static final String PROFILE = "PROFILE";
    /** An applicant's document: {@code T#tenant#U#sub / DOC#<documentId>}. */
    public static final String DOCUMENT_PREFIX = "DOC#";

    public static String document(String documentId) {
        return DOCUMENT_PREFIX + documentId;
    }

    /**
     * The catalogue's providers, read by enrolment too (its transactions check that a provider
     * is active): {@code CAT#PROVIDER / <providerId>}. The catalogue is not tenant data, so its
     * partitions start with {@code CAT#} (docs/adr/0008-catalogue-search.md); its other keys are
     * the catalogue's own ({@code catalogue.dynamo.CatalogKeys}).
     */
    public static final String PROVIDERS = "CAT#PROVIDER";

    /** A provider's item (shared catalogue data). */
    public static ItemKey provider(String providerId) {
        return ItemKey.of(PROVIDERS, providerId);
    }

    /**
     * The partition of a provider's seats in a tenant (the seats item and, beside it, the
     * enrolment waitlist): {@code T#<tenant>#PROVIDER#<providerId>}.
     */
    public static String providerSeats(TenantId tenant, String providerId) {
        return tenant(tenant, "PROVIDER", providerId);
    }

    public static final String SEATS = "SEATS";

    /**
     * A provider's seats item in a tenant: the catalogue sets the seats, enrolment takes and frees
     * them (its waitlist's entries lie beside it), the figures read them.
     */
    public static ItemKey seats(TenantId tenant, String providerId) {
        return ItemKey.of(providerSeats(tenant, providerId), SEATS);
    }


    /** GSI1 partition of a tenant's district laptop stock items (the dashboard reads every district at once). */
    public static String districts(TenantId tenant) {
        return "T#" + tenant.value() + "#DISTRICTS";
    }

    /**
     * The partitions of effective-dated rules (docs/adr/0007, 0039): {@code T#<tenant>#<family>}
     * with items {@code FROM#<effectiveFrom>#<id>}. Their contexts read them (registration,
     * mentoring, recruitment); the rules context drafts and publishes into them.
     */
    public static final String PROGRAMMES = "PROGRAMME";
    public static final String MENTORING_RULES = "MENTORING_RULES";
    public static final String RECRUITMENT_RULES = "RECRUITMENT_RULES";
    public static final String FROM_PREFIX = "FROM#";

    /** The sort key of effective-dated rules: {@code FROM#<effectiveFrom>#<id>}. */
    public static String effectiveFrom(java.time.LocalDate from, String id) {
        return FROM_PREFIX + from + "#" + id;
    }

    /** The highest sort key of rules that started on or before {@code date}. */
    public static String effectiveUpTo(java.time.LocalDate date) {
        return FROM_PREFIX + date + "#\uffff";
    }

    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** Partition of the tenant records: {@code TENANT / <tenant id>}. */
    public static final String TENANTS = "TENANT";
}
