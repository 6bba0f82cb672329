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
    /** Audit trail of a person's record: {@code T#tenant#U#sub / AUDIT#<ISO instant>#<uuid>}. */
    public static final String AUDIT_PREFIX = "AUDIT#";

    public static String document(String documentId) {
        return DOCUMENT_PREFIX + documentId;
    }

    /** Partition of a tenant's programmes (effective-dated). */
    public static String programmes(TenantId tenant) {
        return "T#" + tenant.value() + "#PROGRAMME";
    }

    /** GSI1 partition of a tenant's review queue, ordered by submission time. */
    public static String reviewQueue(TenantId tenant) {
        return "T#" + tenant.value() + "#QUEUE";
    }

    /**
     * The catalogue's providers, read by enrolment too (its transactions check that a provider
     * is active): {@code CAT#PROVIDER / <providerId>}. The catalogue is not tenant data, so its
     * partitions start with {@code CAT#} (docs/adr/0008-catalogue-search.md); its other keys are
     * the catalogue's own ({@code catalogue.dynamo.CatalogueKeys}).
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
     * A provider's donated seats in a tenant: {@code T#<tenant>#PROVIDER#<providerId> / SEATS}.
     * The catalogue writes the seats donated; enrolment takes and frees them with conditions;
     * the dashboard reads them as its seat gauges.
     */
    public static ItemKey seats(TenantId tenant, String providerId) {
        return ItemKey.of(providerSeats(tenant, providerId), SEATS);
    }

    /** A learner's enrolment (or waitlist entry) with a provider: {@code T#<tenant>#U#<sub> / ENROLMENT#<providerId>}. */
    public static final String ENROLMENT_PREFIX = "ENROLMENT#";
    /** A learner's count of providers held (enrolled or waiting), kept below the pick limit: {@code T#<tenant>#U#<sub> / PICKS}. */
    public static final String PICKS = "PICKS";
    /**
     * A provider's waitlist in a tenant, beside its seats item, in arrival order:
     * {@code T#<tenant>#PROVIDER#<providerId> / WAIT#<ticket, 12 digits>}.
     */
    public static final String WAITLIST_PREFIX = "WAIT#";

    /**
     * GSI1 partition of a provider's seats in a tenant, by last activity:
     * {@code GSI1PK = T#<tenant>#SEATED#<providerId>}, {@code GSI1SK = <lastActiveOn>#<sub>} on
     * each ENROLLED enrolment; the inactivity reclaim reads only the seats idle since a day.
     */
    public static String seated(TenantId tenant, String providerId) {
        return "T#" + tenant.value() + "#SEATED#" + providerId;
    }

    /**
     * The enrolment an access link's pseudonymous reference stands for, so that providers'
     * usage reports (which know only that reference) reach it: {@code T#<tenant>#REF#<learnerRef> / REF}.
     */
    public static String learnerRef(TenantId tenant, String learnerRef) {
        return "T#" + tenant.value() + "#REF#" + learnerRef;
    }

    public static final String REF = "REF";
    /** Something the learner is told (issue 7 delivers it): {@code T#<tenant>#U#<sub> / NOTICE#<ISO instant>#<uuid>}. */
    public static final String NOTICE_PREFIX = "NOTICE#";

    // ---- reminders (issue 7; docs/adr/0013) ----
    /**
     * Reminders due in one hour (UTC) of a tenant: {@code T#<tenant>#DUE#<yyyy-MM-ddTHH> / <dueAt>#<kind>#<subject>#<recipient>}.
     * A run reads the hours since its look-back, so its reads grow with the due reminders, never with the people.
     */
    public static String dueBucket(TenantId tenant, java.time.Instant at) {
        return "T#" + tenant.value() + "#DUE#" + HOUR.format(at);
    }

    /** A due reminder's sort key: the due second (fixed width, so keys sort by time) and its identity. */
    public static String dueSortKey(java.time.Instant dueAt, String identity) {
        return SECOND.format(dueAt) + "#" + identity;
    }

    /** The fixed-width UTC second that starts due sort keys. */
    public static String dueSecond(java.time.Instant at) {
        return SECOND.format(at);
    }

    /** A person's sent-reminder markers (one per reminder, written before it is sent): {@code T#<tenant>#SENT#<sub> / <kind>#<subject>}. */
    public static String sentReminders(TenantId tenant, String userId) {
        return "T#" + tenant.value() + "#SENT#" + userId;
    }

    /** A tenant's configuration: {@code T#<tenant>#CONFIG / REMINDERS} holds the reminder kinds switched off. */
    public static String tenantConfig(TenantId tenant) {
        return "T#" + tenant.value() + "#CONFIG";
    }

    public static final String REMINDER_SETTINGS = "REMINDERS";

    /** Days whose review digest has been planned: {@code T#<tenant>#DIGEST / <Seoul date>}. */
    public static String digests(TenantId tenant) {
        return "T#" + tenant.value() + "#DIGEST";
    }

    private static final java.time.format.DateTimeFormatter HOUR =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(java.time.ZoneOffset.UTC);
    private static final java.time.format.DateTimeFormatter SECOND =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);
    // ---- end reminders ----

    /** GSI1 partition of a tenant's district laptop stock items (the dashboard reads every district at once). */
    public static String districts(TenantId tenant) {
        return "T#" + tenant.value() + "#DISTRICTS";
    }

    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** Partition of the tenant records: {@code TENANT / <tenant id>}. */
    public static final String TENANTS = "TENANT";
}
