package kr.seoullearn.recruitment.dynamo;

import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.mentoring.dynamo.MentoringStorage;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.mentoring.domain.Availability;
import kr.seoullearn.mentoring.domain.Mentor;
import kr.seoullearn.mentoring.domain.MentoringSubject;
import kr.seoullearn.platform.school.SchoolLevel;
import kr.seoullearn.recruitment.domain.Criterion;
import kr.seoullearn.recruitment.domain.Grade;
import kr.seoullearn.recruitment.domain.MentorApplication;
import kr.seoullearn.recruitment.port.RecruitmentLedger;
import kr.seoullearn.recruitment.domain.RecruitmentRules;
import kr.seoullearn.recruitment.domain.RecruitmentRulesJson;
import kr.seoullearn.recruitment.domain.Renewal;
import kr.seoullearn.recruitment.domain.Round;
import kr.seoullearn.platform.tenant.TenantId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Recruitment in the application table (docs/data-model.md, "Mentor recruitment";
 * docs/adr/0014). Keys, every partition starting with the tenant:
 * <ul>
 *   <li>rules {@code T#<t>#RECRUITMENT_RULES / FROM#<date>#<id>};</li>
 *   <li>a round {@code T#<t>#ROUND#<id> / ROUND}, listed by GSI1 {@code T#<t>#ROUNDS / <opensOn>#<id>};</li>
 *   <li>an application {@code T#<t>#U#<sub> / MENTOR_APPLICATION#<round>}, listed by GSI1
 *       {@code T#<t>#ROUND#<id>#APPLICATIONS / <submittedAt>#<sub>};</li>
 *   <li>a renewal {@code T#<t>#U#<sub> / MENTOR_RENEWAL#<termEnds>}, pending ones listed by GSI1
 *       {@code T#<t>#MENTOR_RENEWALS / <requestedAt>#<sub>};</li>
 *   <li>the mentor profile is mentoring's {@code T#<t>#U#<sub> / MENTOR} with {@code termStarts},
 *       {@code termEnds} and {@code readUntil}.</li>
 * </ul>
 * Selection is one transaction whose first condition is the round's {@code selected < target}.
 */
@Singleton
public class DynamoRecruitmentLedger implements RecruitmentLedger {
    static final int CONFLICT_RETRIES = 8;
    private static final Log LOG = Log.of(DynamoRecruitmentLedger.class);
    private static final String APPLICATION_PREFIX = "MENTOR_APPLICATION#";
    private static final String RENEWAL_PREFIX = "MENTOR_RENEWAL#";
    private static final AttributeValue ONE = AttributeValue.fromN("1");
    private static final AttributeValue ZERO = AttributeValue.fromN("0");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRecruitmentLedger(DynamoDbClient dynamo, @Named("appTable") String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String rulesPartition(TenantId t) {
        return "T#" + t.value() + "#RECRUITMENT_RULES";
    }

    static String roundPartition(TenantId t, String roundId) {
        return "T#" + t.value() + "#ROUND#" + roundId;
    }

    static String roundsIndex(TenantId t) {
        return "T#" + t.value() + "#ROUNDS";
    }

    static String renewalsIndex(TenantId t) {
        return "T#" + t.value() + "#MENTOR_RENEWALS";
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

    private static Map<String, AttributeValue> roundKey(TenantId t, String roundId) {
        return key(roundPartition(t, roundId), "ROUND");
    }

    private static Map<String, AttributeValue> applicationKey(TenantId t, String roundId, String userId) {
        return key(Keys.user(t, userId), APPLICATION_PREFIX + roundId);
    }

    private static Map<String, AttributeValue> renewalKey(TenantId t, String mentorId, LocalDate termEnds) {
        return key(Keys.user(t, mentorId), RENEWAL_PREFIX + termEnds);
    }

    // ------------------------------------------------------------------ rules

    @Override
    public Optional<RecruitmentRules> rules(TenantId tenant, LocalDate date) {
        var items = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("PK = :pk AND SK <= :upTo")
                .expressionAttributeValues(Map.of(":pk", s(rulesPartition(tenant)), ":upTo", s("FROM#" + date + "#\uffff")))
                .scanIndexForward(false).limit(1)).items();
        if (items.isEmpty()) {
            return Optional.empty();
        }
        RecruitmentRules rules = RecruitmentRulesJson.fromMap(Json.readObject(items.get(0).get("definition").s()));
        return rules.inForceOn(date) ? Optional.of(rules) : Optional.empty();
    }

    @Override
    public void saveRules(RecruitmentRules r) {
        dynamo.putItem(p -> p.tableName(table).item(Map.of(
                Keys.PK, s(rulesPartition(r.tenant())), Keys.SK, s("FROM#" + r.effectiveFrom() + "#" + r.id()),
                "type", s("RECRUITMENT_RULES"), "rulesId", s(r.id()),
                "definition", s(Json.write(RecruitmentRulesJson.toMap(r))))));
    }

    // ------------------------------------------------------------------ rounds

    @Override
    public void createRound(Round r) {
        Map<String, AttributeValue> item = new HashMap<>(roundKey(r.tenant(), r.id()));
        item.put("type", s("ROUND"));
        item.put("roundId", s(r.id()));
        item.put("name", s(r.name()));
        item.put("opensOn", s(r.opensOn().toString()));
        item.put("closesOn", s(r.closesOn().toString()));
        item.put("target", n(r.target()));
        item.put("selected", n(r.selected()));
        item.put("criteria", s(String.join(",", r.criteria().stream().map(Enum::name).sorted().toList())));
        item.put("createdBy", s(r.createdBy()));
        item.put("createdAt", s(r.createdAt().toString()));
        item.put(Keys.GSI1PK, s(roundsIndex(r.tenant())));
        item.put(Keys.GSI1SK, s(r.opensOn() + "#" + r.id()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            // the same id twice: a retry of the same creation (ids are random) or a seeded round
        }
    }

    @Override
    public Optional<Round> round(TenantId tenant, String roundId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(roundKey(tenant, roundId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(round(tenant, item));
    }

    @Override
    public List<Round> rounds(TenantId tenant) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk").scanIndexForward(false)
                .expressionAttributeValues(Map.of(":pk", s(roundsIndex(tenant)))).build())
                .stream().map(i -> round(tenant, i)).toList();
    }

    private static Round round(TenantId tenant, Map<String, AttributeValue> i) {
        Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
        for (String c : i.get("criteria").s().split(",")) {
            Criterion.parse(c).ifPresent(criteria::add);
        }
        return new Round(tenant, i.get("roundId").s(), i.get("name").s(), LocalDate.parse(i.get("opensOn").s()),
                LocalDate.parse(i.get("closesOn").s()), num(i, "target"), num(i, "selected"), criteria, i.get("createdBy").s(),
                Instant.parse(i.get("createdAt").s()));
    }

    // ------------------------------------------------------------------ applications

    @Override
    public void submit(MentorApplication a) {
        Map<String, AttributeValue> item = new HashMap<>(applicationKey(a.tenant(), a.roundId(), a.userId()));
        item.put("type", s("MENTOR_APPLICATION"));
        item.put("roundId", s(a.roundId()));
        item.put("userId", s(a.userId()));
        item.put("answers", s(Json.write(answers(a))));
        item.put("status", s(a.status().name()));
        item.put("scores", s(Json.write(a.scores())));
        item.put("submittedAt", s(a.submittedAt().toString()));
        item.put("version", n(a.version()));
        item.put(Keys.GSI1PK, s(roundPartition(a.tenant(), a.roundId()) + "#APPLICATIONS"));
        item.put(Keys.GSI1SK, s(a.submittedAt() + "#" + a.userId()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(Problem.MENTOR_APPLICATION_EXISTS);
        }
    }

    @Override
    public Optional<MentorApplication> application(TenantId tenant, String roundId, String userId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(applicationKey(tenant, roundId, userId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(application(tenant, item));
    }

    @Override
    public List<MentorApplication> applicationsOf(TenantId tenant, String userId) {
        return queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(Keys.user(tenant, userId)), ":prefix", s(APPLICATION_PREFIX))).build())
                .stream().map(i -> application(tenant, i)).toList();
    }

    @Override
    public List<MentorApplication> applications(TenantId tenant, String roundId) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(roundPartition(tenant, roundId) + "#APPLICATIONS"))).build())
                .stream().map(i -> application(tenant, i)).toList();
    }

    @Override
    public Optional<String[]> document(TenantId tenant, String userId, String documentId) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(key(Keys.user(tenant, userId), Keys.document(documentId)))
                .projectionExpression("kind, #status").expressionAttributeNames(Map.of("#status", "status"))).item();
        if (item == null || item.isEmpty() || !item.containsKey("kind")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {item.get("kind").s(), item.get("status").s()});
    }

    @Override
    public MentorApplication score(MentorApplication a, Map<String, Integer> scores, String by, long expectedVersion) {
        try {
            var attributes = dynamo.updateItem(u -> u.tableName(table).key(applicationKey(a.tenant(), a.roundId(), a.userId()))
                    .updateExpression("SET scores = :scores, scoredBy = :by, version = version + :one")
                    .conditionExpression("attribute_exists(PK) AND version = :expected AND #status = :submitted")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":scores", s(Json.write(new TreeMap<>(scores))), ":by", s(by), ":one", ONE,
                            ":expected", n(expectedVersion), ":submitted", s(MentorApplication.Status.SUBMITTED.name())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return application(a.tenant(), attributes);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) {
                throw new ProblemException(Problem.MENTOR_APPLICATION_NOT_FOUND);
            }
            if (!MentorApplication.Status.SUBMITTED.name().equals(e.item().get("status").s())) {
                throw new ProblemException(Problem.MENTOR_APPLICATION_DECIDED);
            }
            throw new ProblemException(Problem.VERSION_CONFLICT, Map.of("version", num(e.item(), "version")));
        }
    }

    @Override
    public MentorApplication select(MentorApplication a, Mentor m, LocalDate termStarts, String by, Instant at) {
        List<Write> writes = new ArrayList<>();
        // 1. the round's target: the invariant of issue 11, held by DynamoDB
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(roundKey(a.tenant(), a.roundId()))
                .updateExpression("SET selected = selected + :one")
                .conditionExpression("attribute_exists(PK) AND selected < target")
                .expressionAttributeValues(Map.of(":one", ONE))).build(), Problem.ROUND_FULL));
        // 2. the application, once
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(applicationKey(a.tenant(), a.roundId(), a.userId()))
                .updateExpression("SET #status = :selected, decidedBy = :by, decidedAt = :at, version = version + :one")
                .conditionExpression("#status = :submitted")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":selected", s(MentorApplication.Status.SELECTED.name()),
                        ":submitted", s(MentorApplication.Status.SUBMITTED.name()), ":by", s(by), ":at", s(at.toString()),
                        ":one", ONE))).build(), Problem.MENTOR_APPLICATION_DECIDED));
        // 3. the mentor profile matching reads (mentoring's item), with the term
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("university", m.university());
        profile.put("subjects", m.subjects().stream().map(Enum::name).sorted().toList());
        profile.put("levels", m.levels().stream().map(Enum::name).sorted().toList());
        profile.put("languages", m.languages().stream().map(Language::tag).sorted().toList());
        profile.put("capacity", m.capacity());
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", s("MENTOR"));
        values.put(":name", s(m.name()));
        values.put(":profile", s(Json.write(profile)));
        values.put(":gpk", s(MentoringStorage.mentorsIndex(m.tenant())));
        values.put(":gsk", s(m.userId()));
        values.put(":zero", ZERO);
        values.put(":availability", s(Json.write(m.availability().toMap())));
        values.put(":starts", s(termStarts.toString()));
        values.put(":ends", s(m.termEnds().toString()));
        values.put(":read", s(m.readUntil().toString()));
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(MentoringStorage.mentorKey(m.tenant(), m.userId()).attributes())
                .updateExpression("SET #type = :type, #name = :name, #profile = :profile, GSI1PK = :gpk, GSI1SK = :gsk, "
                        + "#mentees = if_not_exists(#mentees, :zero), #availability = if_not_exists(#availability, :availability), "
                        + "#version = if_not_exists(#version, :zero), termStarts = :starts, termEnds = :ends, readUntil = :read")
                .expressionAttributeNames(Map.of("#type", "type", "#name", "name", "#profile", "profile", "#mentees", "mentees",
                        "#availability", "availability", "#version", "availabilityVersion"))
                .expressionAttributeValues(values)).build(), Problem.SERVICE_UNAVAILABLE));
        transact("select", writes);
        return application(a.tenant(), a.roundId(), a.userId()).orElseThrow();
    }

    @Override
    public MentorApplication reject(MentorApplication a, String reason, String by, Instant at) {
        try {
            var attributes = dynamo.updateItem(u -> u.tableName(table).key(applicationKey(a.tenant(), a.roundId(), a.userId()))
                    .updateExpression("SET #status = :rejected, reason = :reason, decidedBy = :by, decidedAt = :at, version = version + :one")
                    .conditionExpression("#status = :submitted")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":rejected", s(MentorApplication.Status.REJECTED.name()),
                            ":submitted", s(MentorApplication.Status.SUBMITTED.name()), ":reason", s(reason), ":by", s(by),
                            ":at", s(at.toString()), ":one", ONE))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return application(a.tenant(), attributes);
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(Problem.MENTOR_APPLICATION_DECIDED);
        }
    }

    // ------------------------------------------------------------------ renewals

    @Override
    public Renewal requestRenewal(TenantId tenant, String mentorId, LocalDate termEnds, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(renewalKey(tenant, mentorId, termEnds));
        item.put("type", s("MENTOR_RENEWAL"));
        item.put("mentorId", s(mentorId));
        item.put("termEnds", s(termEnds.toString()));
        item.put("status", s(Renewal.PENDING));
        item.put("requestedAt", s(at.toString()));
        item.put(Keys.GSI1PK, s(renewalsIndex(tenant)));
        item.put(Keys.GSI1SK, s(at + "#" + mentorId));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(Problem.RENEWAL_NOT_OPEN);
        }
        return new Renewal(tenant, mentorId, termEnds, Renewal.PENDING, at, null, null);
    }

    @Override
    public Optional<Renewal> renewal(TenantId tenant, String mentorId, LocalDate termEnds) {
        var item = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(renewalKey(tenant, mentorId, termEnds))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(renewal(tenant, item));
    }

    @Override
    public List<Renewal> pendingRenewals(TenantId tenant) {
        return queryAll(QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression("GSI1PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(renewalsIndex(tenant)))).build())
                .stream().map(i -> renewal(tenant, i)).toList();
    }

    @Override
    public Renewal decideRenewal(Renewal r, boolean approve, LocalDate newTermEnds, LocalDate newReadUntil, String by, Instant at) {
        String status = approve ? Renewal.APPROVED : Renewal.DECLINED;
        List<Write> writes = new ArrayList<>();
        writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table).key(renewalKey(r.tenant(), r.mentorId(), r.termEnds()))
                .updateExpression("SET #status = :status, decidedBy = :by, decidedAt = :at REMOVE GSI1PK, GSI1SK")
                .conditionExpression("#status = :pending")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", s(status), ":pending", s(Renewal.PENDING), ":by", s(by),
                        ":at", s(at.toString())))).build(), Problem.RENEWAL_NOT_FOUND));
        if (approve) {
            writes.add(new Write(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(MentoringStorage.mentorKey(r.tenant(), r.mentorId()).attributes())
                    .updateExpression("SET termEnds = :ends, readUntil = :read")
                    .conditionExpression("termEnds = :old")
                    .expressionAttributeValues(Map.of(":ends", s(newTermEnds.toString()), ":read", s(newReadUntil.toString()),
                            ":old", s(r.termEnds().toString())))).build(), Problem.RENEWAL_NOT_FOUND));
        }
        transact("renewal", writes);
        return new Renewal(r.tenant(), r.mentorId(), r.termEnds(), status, r.requestedAt(), by, at);
    }

    private static Renewal renewal(TenantId tenant, Map<String, AttributeValue> i) {
        return new Renewal(tenant, i.get("mentorId").s(), LocalDate.parse(i.get("termEnds").s()), i.get("status").s(),
                Instant.parse(i.get("requestedAt").s()), i.containsKey("decidedBy") ? i.get("decidedBy").s() : null,
                i.containsKey("decidedAt") ? Instant.parse(i.get("decidedAt").s()) : null);
    }

    // ------------------------------------------------------------------ items

    private static Map<String, Object> answers(MentorApplication a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("name", a.name());
        m.put("university", a.university());
        m.put("programme", a.programme());
        m.put("year", a.year());
        m.put("schoolType", a.schoolType());
        m.put("enrolmentState", a.enrolmentState());
        m.put("birthDate", a.birthDate().toString());
        m.put("lastGrade", a.lastGrade().label());
        m.put("subjects", a.subjects().stream().map(Enum::name).sorted().toList());
        m.put("levels", a.levels().stream().map(Enum::name).sorted().toList());
        m.put("languages", a.languages().stream().map(Language::tag).sorted().toList());
        m.put("availability", new Availability(a.availability(), Set.of(), 0).toMap());
        m.put("commitmentSemesters", a.commitmentSemesters());
        m.put("mode", a.mode());
        m.put("statement", a.statement());
        m.put("formerLearner", a.formerLearner());
        m.put("educationMajor", a.educationMajor());
        m.put("enrolmentDocumentId", a.enrolmentDocumentId());
        m.put("transcriptDocumentId", a.transcriptDocumentId());
        return m;
    }

    @SuppressWarnings("unchecked")
    static MentorApplication application(TenantId tenant, Map<String, AttributeValue> i) {
        Map<String, Object> m = Json.readObject(i.get("answers").s());
        Set<MentoringSubject> subjects = EnumSet.noneOf(MentoringSubject.class);
        ((List<Object>) m.get("subjects")).forEach(x -> subjects.add(MentoringSubject.valueOf(String.valueOf(x))));
        Set<SchoolLevel> levels = EnumSet.noneOf(SchoolLevel.class);
        ((List<Object>) m.get("levels")).forEach(x -> levels.add(SchoolLevel.valueOf(String.valueOf(x))));
        Set<Language> languages = EnumSet.noneOf(Language.class);
        ((List<Object>) m.get("languages")).forEach(x -> languages.add(Language.fromTag(String.valueOf(x))));
        Map<String, Integer> scores = new TreeMap<>();
        Json.readObject(i.get("scores").s()).forEach((k, v) -> scores.put(k, ((Number) v).intValue()));
        return new MentorApplication(tenant, i.get("roundId").s(), i.get("userId").s(), (String) m.get("username"),
                (String) m.get("name"), (String) m.get("university"), (String) m.get("programme"), ((Number) m.get("year")).intValue(),
                (String) m.get("schoolType"), (String) m.get("enrolmentState"), LocalDate.parse((String) m.get("birthDate")),
                Grade.parse(m.get("lastGrade")).orElseThrow(), subjects, levels, languages,
                Availability.fromStored((Map<String, Object>) m.get("availability"), 0).weekly(),
                ((Number) m.get("commitmentSemesters")).intValue(), (String) m.get("mode"), (String) m.get("statement"),
                Boolean.TRUE.equals(m.get("formerLearner")), Boolean.TRUE.equals(m.get("educationMajor")),
                (String) m.get("enrolmentDocumentId"), (String) m.get("transcriptDocumentId"),
                MentorApplication.Status.valueOf(i.get("status").s()), scores,
                i.containsKey("scoredBy") ? i.get("scoredBy").s() : null,
                i.containsKey("decidedBy") ? i.get("decidedBy").s() : null,
                i.containsKey("decidedAt") ? Instant.parse(i.get("decidedAt").s()) : null,
                i.containsKey("reason") ? i.get("reason").s() : null,
                Instant.parse(i.get("submittedAt").s()), num(i, "version"));
    }

    private record Write(TransactWriteItem item, Problem problem) {}

    /** One transaction; a failed condition is the problem of the first write whose condition failed; lost races retried. */
    private void transact(String what, List<Write> writes) {
        List<TransactWriteItem> items = writes.stream().map(Write::item).toList();
        for (int conflicts = 0; ; conflicts++) {
            try {
                dynamo.transactWriteItems(t -> t.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                for (int i = 0; reasons != null && i < reasons.size() && i < writes.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        throw new ProblemException(writes.get(i).problem());
                    }
                }
                boolean conflicted = reasons != null && reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflicted || conflicts >= CONFLICT_RETRIES) {
                    LOG.warn("transaction cancelled", "operation", what,
                            "reasons", reasons == null ? "none" : reasons.stream().map(CancellationReason::code).toList().toString());
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(1 + 20L * (conflicts + 1)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ProblemException(Problem.SERVICE_UNAVAILABLE);
                }
            }
        }
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = dynamo.query(start == null ? request : request.toBuilder().exclusiveStartKey(start).build());
            items.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static int num(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Integer.parseInt(item.get(name).n()) : 0;
    }

}
