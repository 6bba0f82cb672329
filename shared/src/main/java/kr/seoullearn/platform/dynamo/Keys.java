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

    /** GSI1 partition of a tenant's review queue, ordered by submission time. */
    public static String reviewQueue(TenantId tenant) {
        return "T#" + tenant.value() + "#QUEUE";
    }

    /**
     * The catalogue is not tenant data: providers and courses are public and the same for every
     * tenant, so their partitions start with {@code CAT#} (docs/adr/0008-catalogue-search.md).
     * Providers: {@code CAT#PROVIDER / <providerId>}.
     */
    public static final String PROVIDERS = "CAT#PROVIDER";

    /** Each course by its id, as the operator changes it: {@code CAT#COURSE / <courseId>}. */
    public static final String COURSES = "CAT#COURSE";

    /** A provider's courses: {@code CAT#P#<providerId> / <LEVEL>#<SUBJECT>#<grade 00-06>#<courseId>}. */
    public static String providerCourses(String providerId) {
        return "CAT#P#" + providerId;
    }

    /** A level's courses: {@code CAT#L#<LEVEL> / <SUBJECT>#<grade 00-06>#<providerId>#<courseId>}. */
    public static String levelCourses(kr.seoullearn.platform.school.SchoolLevel level) {
        return "CAT#L#" + level.name();
    }

    /** A level's courses of one grade: {@code CAT#LG#<LEVEL>#<grade 01-06> / <SUBJECT>#<providerId>#<courseId>}. */
    public static String levelGradeCourses(kr.seoullearn.platform.school.SchoolLevel level, int grade) {
        return "CAT#LG#" + level.name() + "#" + String.format("%02d", grade);
    }

    /** A title word's postings: {@code CAT#W#<word> / <LEVEL>#<courseId>}, and its counts under {@link #WORD_STATS}. */
    public static String word(String word) {
        return "CAT#W#" + word;
    }

    /** Sort key of a word's counts (sorts before every {@code <LEVEL>#…} posting). */
    public static final String WORD_STATS = "#STATS";

    /** A provider's donated seats in a tenant: {@code T#<tenant>#PROVIDER#<providerId> / SEATS}. */
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

    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    /** Partition of the tenant records: {@code TENANT / <tenant id>}. */
    public static final String TENANTS = "TENANT";
}
