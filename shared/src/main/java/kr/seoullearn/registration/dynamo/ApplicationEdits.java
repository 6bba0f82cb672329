package kr.seoullearn.registration.dynamo;

import static kr.seoullearn.registration.dynamo.ApplicationItems.num;
import static kr.seoullearn.registration.dynamo.ApplicationItems.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.domain.RegistrationStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The applicant's changes to an editable (DRAFT or REJECTED) application: one conditional
 * UpdateItem each, on the version the applicant read.
 */
final class ApplicationEdits {
    /** The condition of every applicant's change: nobody saved in between, and it is still theirs to change. */
    private static final List<String> RECORDS_ATTRIBUTES =
            List.of("recordsOutcome", "recordsCheckedAt", "recordsVerified", "recordsIdentity", "recordsNote");
    static final String EDITABLE_AT_VERSION = "version = :expected AND #status IN (:draft, :rejected, :expired) AND attribute_not_exists(appealOpen)";

    private final DynamoDbClient dynamo;
    private final String table;
    private final ApplicationReads reads;

    ApplicationEdits(DynamoDbClient dynamo, String table, ApplicationReads reads) {
        this.dynamo = dynamo;
        this.table = table;
        this.reads = reads;
    }

    /** The values {@link #EDITABLE_AT_VERSION} needs, plus the next version. */
    static Map<String, AttributeValue> versionValues(long expectedVersion) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", num(expectedVersion + 1));
        values.put(":expected", num(expectedVersion));
        values.put(":draft", str(RegistrationStatus.DRAFT.name()));
        values.put(":rejected", str(RegistrationStatus.REJECTED.name()));
        values.put(":expired", str(RegistrationStatus.EXPIRED.name()));
        return values;
    }

    Application saveProfile(Application a, long expectedVersion, java.time.Instant savedAt) {
        Map<String, AttributeValue> values = versionValues(expectedVersion);
        Map<String, String> names = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        put(set, remove, names, values, "displayName", a.name() == null ? null : str(a.name()));
        put(set, remove, names, values, "birthDate", a.birthDate() == null ? null : str(a.birthDate().toString()));
        put(set, remove, names, values, "schoolLevel", a.schoolLevel() == null ? null : str(a.schoolLevel().name()));
        put(set, remove, names, values, "grade", a.grade() == null ? null : AttributeValue.fromN(a.grade().toString()));
        put(set, remove, names, values, "district", a.district() == null ? null : str(a.district()));
        put(set, remove, names, values, "language", a.language() == null ? null : str(a.language().tag()));
        put(set, remove, names, values, "categories", a.categories() == null || a.categories().isEmpty() ? null
                : AttributeValue.fromL(a.categories().stream().map(AttributeValue::fromS).toList()));
        Application.Guardian g = a.guardian();
        put(set, remove, names, values, "guardianName", g == null || g.name() == null ? null : str(g.name()));
        put(set, remove, names, values, "guardianContact", g == null || g.contact() == null ? null : str(g.contact()));
        put(set, remove, names, values, "guardianConsentAt", g == null || g.consentAt() == null ? null : str(g.consentAt().toString()));
        if (a.recordsCheck() == null) {
            // a changed identity or set of categories: the earlier check (and the identity it verified) no longer applies
            for (String attribute : RECORDS_ATTRIBUTES) {
                put(set, remove, names, values, attribute, null);
            }
        }
        set.add("version = :next");
        // an editable application saved now is kept ABANDONED_DRAFT from now (docs/adr/0038)
        set.add("#ttl = :ttl");
        names.put("#ttl", kr.seoullearn.platform.dynamo.Keys.TTL);
        values.put(":ttl", num(kr.seoullearn.registration.domain.RetentionPeriods.draftExpires(savedAt).getEpochSecond()));
        names.put("#status", "status");
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        updateEditable(a, update, names, values);
        return reads.reread(a);
    }

    Application recordCheck(Application a, Application.RecordsCheck check, long expectedVersion) {
        Map<String, AttributeValue> values = versionValues(expectedVersion);
        values.put(":o", str(check.outcome().name()));
        values.put(":at", str(check.checkedAt().toString()));
        values.put(":v", AttributeValue.fromL(check.verifiedCategories().stream().map(AttributeValue::fromS).toList()));
        String update = "SET recordsOutcome = :o, recordsCheckedAt = :at, recordsVerified = :v, version = :next";
        if (check.identity() != null) {
            values.put(":id", str(check.identity()));
            update += ", recordsIdentity = :id REMOVE recordsNote";
        } else {
            update += " REMOVE recordsIdentity, recordsNote";
        }
        updateEditable(a, update, Map.of("#status", "status"), values);
        return reads.reread(a);
    }

    /** After a decided document was copied in place (a new S3 version): read that version from now on. */
    void renewDocumentVersion(TenantId tenant, String userId, String documentId, String s3VersionId) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(RegistrationKeys.document(tenant, userId, documentId).attributes())
                .updateExpression("SET s3VersionId = :v")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":v", str(s3VersionId))));
    }

    /** A decided document's record expires with its file; a new object version is read from now on. */
    void documentDecided(TenantId tenant, String userId, String documentId, String s3VersionId, java.time.Instant expiresAt) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":expires", num(expiresAt.getEpochSecond())));
        String update = "SET #ttl = :expires";
        if (s3VersionId != null) {
            update += ", s3VersionId = :v";
            values.put(":v", str(s3VersionId));
        }
        String expression = update;
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(RegistrationKeys.document(tenant, userId, documentId).attributes())
                    .updateExpression(expression)
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(Map.of("#ttl", kr.seoullearn.platform.dynamo.Keys.TTL))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // the record is gone already (withdrawn): nothing to keep
        }
    }

    private void updateEditable(Application a, String update, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(RegistrationKeys.profile(a.tenant(), a.userId()).attributes())
                    .updateExpression(update)
                    .conditionExpression(EDITABLE_AT_VERSION)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw reads.whyRefused(a.tenant(), a.userId());
        }
    }

    /** SET (or REMOVE, for null) one attribute, its name always aliased: several are reserved words. */
    private static void put(List<String> set, List<String> remove, Map<String, String> names,
                            Map<String, AttributeValue> values, String attribute, AttributeValue value) {
        names.put("#" + attribute, attribute);
        if (value == null) {
            remove.add("#" + attribute);
        } else {
            set.add("#" + attribute + " = :" + attribute);
            values.put(":" + attribute, value);
        }
    }
}
