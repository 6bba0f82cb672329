package kr.seoullearn.registration.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.QueueCursor;
import kr.seoullearn.figures.dynamo.DynamoFigures;
import kr.seoullearn.reminders.dynamo.RemindersStorage;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.registration.domain.Application;
import kr.seoullearn.registration.port.ApplicationStore;
import kr.seoullearn.figures.domain.FigureDelta;
import kr.seoullearn.registration.domain.RecordsOutcome;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.registration.domain.RegistrationStatus;
import kr.seoullearn.registration.domain.EligibilityProgramme;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.registration.domain.DocumentKind;
import kr.seoullearn.registration.domain.DocumentStatus;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Applications live in the profile item {@code T#<tenant>#U#<sub> / PROFILE}; their documents
 * beside it ({@code DOC#<id>}), so one Query reads a whole dossier. Submitted applications
 * carry {@code GSI1PK = T#<tenant>#QUEUE}, {@code GSI1SK = <submittedAt>#<sub>}: the review
 * queue in submission order.
 */
@Singleton
public class DynamoApplicationStore implements ApplicationStore {
    /** Transactions that lose a race on the programme counter are tried again this often. */
    static final int CONFLICT_RETRIES = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoApplicationStore(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Application> find(TenantId tenant, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(tenant, userId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(tenant, item));
    }

    @Override
    public Optional<Dossier> dossier(TenantId tenant, String userId) {
        var items = dynamo.query(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.user(tenant, userId))))).items();
        Application application = null;
        List<DocumentSummary> documents = new ArrayList<>();
        for (var item : items) {
            String sk = item.get(Keys.SK).s();
            if (sk.equals(Keys.PROFILE)) {
                application = fromItem(tenant, item);
            } else if (sk.startsWith("DOC#")) {
                documents.add(new DocumentSummary(s(item, "documentId"),
                        DocumentKind.parse(s(item, "kind")).orElse(null),
                        item.containsKey("status") ? DocumentStatus.valueOf(s(item, "status")) : DocumentStatus.AWAITING_UPLOAD,
                        s(item, "reason"), s(item, "s3Key"), s(item, "s3VersionId"), s(item, "contentType")));
            }
        }
        return application == null ? Optional.empty() : Optional.of(new Dossier(application, List.copyOf(documents)));
    }

    @Override
    public Application saveProfile(Application a, long expectedVersion) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        put(set, remove, names, values, "displayName", a.name() == null ? null : AttributeValue.fromS(a.name()));
        put(set, remove, names, values, "birthDate", a.birthDate() == null ? null : AttributeValue.fromS(a.birthDate().toString()));
        put(set, remove, names, values, "schoolLevel", a.schoolLevel() == null ? null : AttributeValue.fromS(a.schoolLevel().name()));
        put(set, remove, names, values, "grade", a.grade() == null ? null : AttributeValue.fromN(a.grade().toString()));
        put(set, remove, names, values, "district", a.district() == null ? null : AttributeValue.fromS(a.district()));
        put(set, remove, names, values, "language", a.language() == null ? null : AttributeValue.fromS(a.language().tag()));
        put(set, remove, names, values, "categories", a.categories() == null || a.categories().isEmpty() ? null
                : AttributeValue.fromL(a.categories().stream().map(AttributeValue::fromS).toList()));
        Application.Guardian g = a.guardian();
        put(set, remove, names, values, "guardianName", g == null || g.name() == null ? null : AttributeValue.fromS(g.name()));
        put(set, remove, names, values, "guardianContact", g == null || g.contact() == null ? null : AttributeValue.fromS(g.contact()));
        put(set, remove, names, values, "guardianConsentAt", g == null || g.consentAt() == null ? null : AttributeValue.fromS(g.consentAt().toString()));
        set.add("version = :next");
        values.put(":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        values.put(":draft", AttributeValue.fromS(RegistrationStatus.DRAFT.name()));
        values.put(":rejected", AttributeValue.fromS(RegistrationStatus.REJECTED.name()));
        names.put("#status", "status");
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(a.tenant(), a.userId()))
                    .updateExpression(update)
                    .conditionExpression("version = :expected AND #status IN (:draft, :rejected)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw whyRefused(a.tenant(), a.userId());
        }
        return find(a.tenant(), a.userId()).orElseThrow();
    }

    @Override
    public Application recordCheck(Application a, Application.RecordsCheck check, long expectedVersion) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(a.tenant(), a.userId()))
                    .updateExpression("SET recordsOutcome = :o, recordsCheckedAt = :at, recordsVerified = :v, version = :next")
                    .conditionExpression("version = :expected AND #status IN (:draft, :rejected)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":o", AttributeValue.fromS(check.outcome().name()),
                            ":at", AttributeValue.fromS(check.checkedAt().toString()),
                            ":v", AttributeValue.fromL(check.verifiedCategories().stream().map(AttributeValue::fromS).toList()),
                            ":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                            ":draft", AttributeValue.fromS(RegistrationStatus.DRAFT.name()),
                            ":rejected", AttributeValue.fromS(RegistrationStatus.REJECTED.name()))));
        } catch (ConditionalCheckFailedException e) {
            throw whyRefused(a.tenant(), a.userId());
        }
        return find(a.tenant(), a.userId()).orElseThrow();
    }

    @Override
    public Application submit(Application a, long expectedVersion, EligibilityProgramme programme,
                              List<DocumentKind> requiredDocuments, boolean approvedByRecords, Instant now) {
        RegistrationStatus next = approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        values.put(":draft", AttributeValue.fromS(RegistrationStatus.DRAFT.name()));
        values.put(":rejected", AttributeValue.fromS(RegistrationStatus.REJECTED.name()));
        values.put(":status", AttributeValue.fromS(next.name()));
        values.put(":at", AttributeValue.fromS(now.toString()));
        values.put(":programme", AttributeValue.fromS(programme.id()));
        values.put(":required", AttributeValue.fromL(requiredDocuments.stream().map(k -> AttributeValue.fromS(k.name())).toList()));
        String update;
        if (approvedByRecords) {
            values.put(":outcome", AttributeValue.fromS("APPROVED"));
            values.put(":by", AttributeValue.fromS("records-check"));
            update = "SET #status = :status, submittedAt = :at, programmeId = :programme, requiredDocuments = :required, "
                    + "version = :next, decisionOutcome = :outcome, decidedBy = :by, decidedAt = :at REMOVE decisionReason";
        } else {
            values.put(":queue", AttributeValue.fromS(Keys.reviewQueue(a.tenant())));
            values.put(":queueKey", AttributeValue.fromS(now + "#" + a.userId()));
            update = "SET #status = :status, submittedAt = :at, programmeId = :programme, requiredDocuments = :required, "
                    + "version = :next, GSI1PK = :queue, GSI1SK = :queueKey "
                    + "REMOVE decisionOutcome, decisionReason, decidedBy, decidedAt";
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        if (programme.hasQuota()) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(DynamoProgrammeCatalogue.key(programme))
                    .updateExpression("SET admitted = admitted + :one")
                    .conditionExpression("admitted < quota")
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))).build());
        }
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(a.tenant(), a.userId()))
                .updateExpression(update)
                .conditionExpression("version = :expected AND #status IN (:draft, :rejected)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        if (!approvedByRecords && !requiredDocuments.isEmpty()) {
            // documents asked for: a reminder 3 days on, sent only if some are still missing then (issue 7)
            writes.add(RemindersStorage.dueWrite(table, documentsReminder(a.tenant(), a.userId(), now)));
        }
        writes.add(DynamoFigures.count(table, a.tenant(), now, submittedFigures(a, approvedByRecords, now)));
        writes.add(row(a, now, approvedByRecords ? RegistrationStatus.APPROVED : RegistrationStatus.SUBMITTED));
        int programmeIndex = programme.hasQuota() ? 0 : -1;
        int applicationIndex = programme.hasQuota() ? 1 : 0;
        for (int attempt = 0; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return find(a.tenant(), a.userId()).orElseThrow();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, applicationIndex, "ConditionalCheckFailed")) {
                    throw whyRefused(a.tenant(), a.userId());
                }
                if (programmeIndex >= 0 && failed(reasons, programmeIndex, "ConditionalCheckFailed")) {
                    throw new ProblemException(Problem.PROGRAMME_FULL);
                }
                if (attempt < CONFLICT_RETRIES && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                    backOff(attempt);
                    continue;
                }
                throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
        }
    }

    /** Documents are reminded about this long after they were asked for (docs/product.md: "missing documents trigger reminders"). */
    public static final java.time.Duration DOCUMENTS_REMINDER_AFTER = java.time.Duration.ofDays(3);

    /** The reminder about documents asked for at a submission: {@code <sub>@<submittedAt>}, due 3 days later. */
    public static kr.seoullearn.reminders.domain.DueReminder documentsReminder(TenantId tenant, String userId, Instant submittedAt) {
        return documentsReminder(tenant, userId, submittedAt.toString(), submittedAt);
    }

    /** The reminder about the documents of a draft: {@code <sub>@draft}, due 3 days after it was started. */
    public static kr.seoullearn.reminders.domain.DueReminder draftDocumentsReminder(TenantId tenant, String userId, Instant createdAt) {
        return documentsReminder(tenant, userId, "draft", createdAt);
    }

    private static kr.seoullearn.reminders.domain.DueReminder documentsReminder(TenantId tenant, String userId, String occurrence, Instant from) {
        return kr.seoullearn.reminders.domain.DueReminder.of(tenant, kr.seoullearn.reminders.domain.ReminderKind.DOCUMENTS_MISSING,
                userId + "@" + occurrence, userId, from.plus(DOCUMENTS_REMINDER_AFTER), Map.of("occurrence", occurrence));
    }

    @Override
    public void renewDocumentVersion(TenantId tenant, String userId, String documentId, String s3VersionId) {
        dynamo.updateItem(r -> r.tableName(table)
                .key(Map.of(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)), Keys.SK, AttributeValue.fromS("DOC#" + documentId)))
                .updateExpression("SET s3VersionId = :v")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(s3VersionId))));
    }

    @Override
    public QueuePage queue(TenantId tenant, String after, int limit) {
        String queue = Keys.reviewQueue(tenant);
        Map<String, AttributeValue> start = after == null ? null : QueueCursor.decode(after, queue);
        var response = dynamo.query(r -> r.tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :q")
                .expressionAttributeValues(Map.of(":q", AttributeValue.fromS(queue)))
                .scanIndexForward(true)
                .limit(limit)
                .exclusiveStartKey(start));
        List<Application> applications = response.items().stream().map(item -> fromItem(tenant, item)).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? QueueCursor.encode(response.lastEvaluatedKey()) : null;
        return new QueuePage(applications, next);
    }

    @Override
    public Application decide(Application a, long expectedVersion, Application.Decision decision) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", AttributeValue.fromS(decision.outcome().equals("APPROVED")
                ? RegistrationStatus.APPROVED.name() : RegistrationStatus.REJECTED.name()));
        values.put(":outcome", AttributeValue.fromS(decision.outcome()));
        values.put(":by", AttributeValue.fromS(decision.decidedBy()));
        values.put(":at", AttributeValue.fromS(decision.decidedAt().toString()));
        values.put(":next", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        values.put(":submitted", AttributeValue.fromS(RegistrationStatus.SUBMITTED.name()));
        values.put(":review", AttributeValue.fromS(RegistrationStatus.UNDER_REVIEW.name()));
        String update = "SET #status = :status, decisionOutcome = :outcome, decidedBy = :by, decidedAt = :at, version = :next";
        if (decision.reason() != null) {
            values.put(":reason", AttributeValue.fromS(decision.reason()));
            update += ", decisionReason = :reason REMOVE GSI1PK, GSI1SK";
        } else {
            update += " REMOVE GSI1PK, GSI1SK, decisionReason";
        }
        String expression = update;
        try {
            // the decision and its figures in one transaction (ADR 15): a repeated decision counts nothing
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key(a.tenant(), a.userId()))
                            .updateExpression(expression)
                            .conditionExpression("version = :expected AND #status IN (:submitted, :review)")
                            .expressionAttributeNames(Map.of("#status", "status"))
                            .expressionAttributeValues(values)).build(),
                    DynamoFigures.count(table, a.tenant(), decision.decidedAt(), decidedFigures(a, decision)),
                    row(a, decision.decidedAt(), "APPROVED".equals(decision.outcome()) ? RegistrationStatus.APPROVED
                            : RegistrationStatus.REJECTED)));
        } catch (TransactionCanceledException e) {
            if (!failed(e.cancellationReasons(), 0, "ConditionalCheckFailed")) {
                throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
            }
            Application now = find(a.tenant(), a.userId()).orElseThrow(() -> new ProblemException(Problem.NOT_FOUND));
            boolean waiting = now.status() == RegistrationStatus.SUBMITTED || now.status() == RegistrationStatus.UNDER_REVIEW;
            throw waiting ? new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.version()))
                    : new ProblemException(Problem.DECISION_NOT_ALLOWED);
        }
        return find(a.tenant(), a.userId()).orElseThrow();
    }

    /** The de-identified extract's row of an application's change (ADR 15). */
    private TransactWriteItem row(Application a, Instant at, RegistrationStatus status) {
        return DynamoFigures.row(table, a.tenant(), at, a.userId(), "APPLICATION", status.name(),
                a.schoolLevel() == null ? null : a.schoolLevel().name(), a.district(), a.categories(), null);
    }

    /** A submission: counted by each category claimed; straight to APPROVED when the records decided. */
    static FigureDelta submittedFigures(Application a, boolean approvedByRecords, Instant now) {
        FigureDelta delta = FigureDelta.of("applications.submitted", 1);
        for (String category : a.categories() == null ? List.<String>of() : a.categories()) {
            delta.add("applications.submitted", category, 1);
        }
        if (approvedByRecords) {
            approved(delta, a, now);
        }
        return delta;
    }

    static FigureDelta decidedFigures(Application a, Application.Decision decision) {
        FigureDelta delta = new FigureDelta();
        if ("APPROVED".equals(decision.outcome())) {
            approved(delta, a, decision.decidedAt());
        } else {
            delta.add("applications.rejected", 1);
            for (String category : a.categories() == null ? List.<String>of() : a.categories()) {
                delta.add("applications.rejected", category, 1);
            }
        }
        if (a.submittedAt() != null) {
            delta.add("decisions.count", 1);
            delta.add("decisions.seconds", Math.max(0, java.time.Duration.between(a.submittedAt(), decision.decidedAt()).toSeconds()));
        }
        return delta;
    }

    /** A new learner: by category, school level and district. */
    private static void approved(FigureDelta delta, Application a, Instant at) {
        delta.add("applications.approved", 1);
        for (String category : a.categories() == null ? List.<String>of() : a.categories()) {
            delta.add("applications.approved", category, 1);
        }
        delta.add("learners.level", a.schoolLevel() == null ? null : a.schoolLevel().name(), 1);
        delta.add("learners.district", a.district(), 1);
    }

    private static boolean failed(List<CancellationReason> reasons, int index, String code) {
        return reasons != null && index < reasons.size() && code.equals(reasons.get(index).code());
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * (attempt + 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
        }
    }

    /** After a failed condition: the application moved on, or someone saved in between. */
    private ProblemException whyRefused(TenantId tenant, String userId) {
        Optional<Application> now = find(tenant, userId);
        if (now.isEmpty()) {
            return new ProblemException(Problem.PROFILE_NOT_FOUND);
        }
        return now.get().editable() ? new ProblemException(Problem.VERSION_CONFLICT, Map.of("currentVersion", now.get().version()))
                : new ProblemException(Problem.APPLICATION_NOT_EDITABLE);
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

    static Map<String, AttributeValue> key(TenantId tenant, String userId) {
        return Map.of(Keys.PK, AttributeValue.fromS(Keys.user(tenant, userId)), Keys.SK, AttributeValue.fromS(Keys.PROFILE));
    }

    /** An application from its profile item. */
    public static Application fromItem(TenantId tenant, Map<String, AttributeValue> item) {
        Application.Guardian guardian = item.containsKey("guardianName") || item.containsKey("guardianContact")
                ? new Application.Guardian(s(item, "guardianName"), s(item, "guardianContact"),
                        item.containsKey("guardianConsentAt") ? Instant.parse(s(item, "guardianConsentAt")) : null)
                : null;
        Application.RecordsCheck check = item.containsKey("recordsOutcome")
                ? new Application.RecordsCheck(RecordsOutcome.valueOf(s(item, "recordsOutcome")),
                        Instant.parse(s(item, "recordsCheckedAt")), strings(item, "recordsVerified"))
                : null;
        Application.Decision decision = item.containsKey("decisionOutcome")
                ? new Application.Decision(s(item, "decisionOutcome"), s(item, "decisionReason"), s(item, "decidedBy"),
                        Instant.parse(s(item, "decidedAt")))
                : null;
        List<DocumentKind> required = item.containsKey("requiredDocuments")
                ? strings(item, "requiredDocuments").stream().map(DocumentKind::valueOf).toList() : null;
        return new Application(tenant, s(item, "userId"), s(item, "username"),
                RegistrationStatus.valueOf(s(item, "status")),
                Long.parseLong(item.get("version").n()),
                s(item, "displayName"),
                item.containsKey("birthDate") ? LocalDate.parse(s(item, "birthDate")) : null,
                item.containsKey("schoolLevel") ? SchoolLevel.valueOf(s(item, "schoolLevel")) : null,
                item.containsKey("grade") ? Integer.valueOf(item.get("grade").n()) : null,
                s(item, "district"),
                item.containsKey("language") ? Language.fromTag(s(item, "language")) : null,
                item.containsKey("categories") ? strings(item, "categories") : List.of(),
                guardian, check, s(item, "programmeId"), required,
                item.containsKey("createdAt") ? Instant.parse(s(item, "createdAt")) : null,
                item.containsKey("submittedAt") ? Instant.parse(s(item, "submittedAt")) : null,
                decision);
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }
}
