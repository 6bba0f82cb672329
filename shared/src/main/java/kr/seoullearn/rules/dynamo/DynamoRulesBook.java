package kr.seoullearn.rules.dynamo;

import static kr.seoullearn.rules.dynamo.RulesItems.n;
import static kr.seoullearn.rules.dynamo.RulesItems.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.audit.domain.AuditEntry;
import kr.seoullearn.audit.port.AuditWrites;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.dynamo.Queries;
import kr.seoullearn.platform.dynamo.Transaction;
import kr.seoullearn.platform.dynamo.TransactionRunner;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.http.Refusal;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.rules.domain.PublishedRules;
import kr.seoullearn.rules.domain.RuleKind;
import kr.seoullearn.rules.domain.RulesDraft;
import kr.seoullearn.rules.domain.RulesRefusal;
import kr.seoullearn.rules.port.RulesBook;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Published rules ({@code T#<tenant>#PROGRAMME | MENTORING_RULES | RECRUITMENT_RULES / FROM#<date>#<id>},
 * never updated by this adapter), drafts and heads ({@code T#<tenant>#RULES / DRAFT#<kind>#<id> |
 * HEAD#<kind>}). Every read is a GetItem or one Query of one partition.
 */
final class DynamoRulesBook implements RulesBook {
    private static final int PAGE = 20;
    private final DynamoDbClient dynamo;
    private final String table;
    private final TransactionRunner runner;
    private final AuditWrites audit;

    DynamoRulesBook(DynamoDbClient dynamo, String table, AuditWrites audit) {
        this.dynamo = dynamo;
        this.table = table;
        this.runner = new TransactionRunner(dynamo);
        this.audit = audit;
    }

    @Override
    public Optional<PublishedRules> inForce(TenantId tenant, RuleKind kind, LocalDate date) {
        return Queries.newestAtOrBefore(dynamo, table, RulesKeys.published(tenant, kind), Keys.effectiveUpTo(date))
                .map(item -> RulesItems.published(kind, item))
                .filter(r -> r.definition().get("effectiveUntil") == null
                        || !date.isAfter(LocalDate.parse(String.valueOf(r.definition().get("effectiveUntil")))));
    }

    @Override
    public List<PublishedRules> upcoming(TenantId tenant, RuleKind kind, LocalDate date) {
        return dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :pk AND SK > :after")
                        .expressionAttributeValues(Map.of(":pk", s(RulesKeys.published(tenant, kind)), ":after", s(Keys.effectiveUpTo(date))))
                        .limit(PAGE)).items().stream()
                .map(item -> RulesItems.published(kind, item)).toList();
    }

    @Override
    public Optional<PublishedRules> latest(TenantId tenant, RuleKind kind) {
        var items = dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :from)")
                .expressionAttributeValues(Map.of(":pk", s(RulesKeys.published(tenant, kind)), ":from", s(Keys.FROM_PREFIX)))
                .scanIndexForward(false).limit(1)).items();
        return items.isEmpty() ? Optional.empty() : Optional.of(RulesItems.published(kind, items.get(0)));
    }

    @Override
    public String head(TenantId tenant, RuleKind kind) {
        var item = dynamo.getItem(r -> r.tableName(table).key(RulesKeys.head(tenant, kind).attributes()).consistentRead(true)).item();
        return item == null || !item.containsKey("latest") ? null : item.get("latest").s();
    }

    @Override
    public Optional<RulesDraft> draft(TenantId tenant, RuleKind kind, String draftId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(RulesKeys.draft(tenant, kind, draftId).attributes()).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RulesItems.draft(tenant, item));
    }

    @Override
    public List<RulesDraft> drafts(TenantId tenant, RuleKind kind) {
        return dynamo.query(r -> r.tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .filterExpression("#status = :draft")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":pk", s(RulesKeys.rules(tenant)), ":prefix", s(RulesKeys.draftPrefix(kind)),
                                ":draft", s(RulesDraft.Status.DRAFT.name())))
                        .scanIndexForward(false).limit(100)).items().stream()
                .map(item -> RulesItems.draft(tenant, item)).toList();
    }

    @Override
    public void create(RulesDraft draft) {
        dynamo.putItem(r -> r.tableName(table).item(RulesItems.draftItem(draft)).conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public void update(RulesDraft edited, long expectedVersion) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", s(edited.effectiveFrom().toString()), ":definition", s(Json.write(edited.definition())),
                ":read", n(expectedVersion), ":version", n(edited.version()), ":draft", s(RulesDraft.Status.DRAFT.name()),
                ":by", s(edited.updatedBy()), ":at", s(edited.updatedAt().toString())));
        String base;
        if (edited.basedOn() == null) {
            base = " REMOVE basedOn";
        } else {
            base = ", basedOn = :base";
            values.put(":base", s(edited.basedOn()));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(RulesKeys.draft(edited.tenant(), edited.kind(), edited.draftId()).attributes())
                    .updateExpression("SET effectiveFrom = :from, #definition = :definition, version = :version, updatedBy = :by, "
                            + "updatedAt = :at" + base)
                    .conditionExpression("version = :read AND #status = :draft")
                    // DEFINITION and STATUS are reserved words of DynamoDB's expressions
                    .expressionAttributeNames(Map.of("#status", "status", "#definition", "definition"))
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw new ProblemException(draftRefusal(e.hasItem() ? e.item() : Map.of()));
        }
    }

    private static Refusal draftRefusal(Map<String, AttributeValue> old) {
        if (old.isEmpty()) {
            return RulesRefusal.RULES_DRAFT_NOT_FOUND;
        }
        if (RulesDraft.Status.PUBLISHED.name().equals(old.get("status").s())) {
            return RulesRefusal.RULES_DRAFT_PUBLISHED;
        }
        return Problem.VERSION_CONFLICT;
    }

    @Override
    public PublishedRules publish(RulesDraft draft, long version, String actor, Instant at) {
        TenantId tenant = draft.tenant();
        RuleKind kind = draft.kind();
        String id = draft.rulesId();
        Map<String, Object> definition = kind.published(draft.definition(), tenant, id, draft.effectiveFrom());
        Map<String, AttributeValue> item = RulesItems.publishedItem(tenant, kind, id, draft.effectiveFrom(), definition);
        PublishedRules rules = RulesItems.published(kind, item);
        if (draft.published()) {
            return again(draft, version, rules);
        }
        if (draft.version() != version) {
            throw new ProblemException(Problem.VERSION_CONFLICT);
        }
        Transaction tx = Transaction.named("publish rules");
        int marked = tx.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(RulesKeys.draft(tenant, kind, draft.draftId()).attributes())
                .updateExpression("SET #status = :published, publishedVersion = :read, version = :next, publishedId = :id, "
                        + "publishedAt = :at, publishedBy = :by")
                .conditionExpression("version = :read AND #status = :draft")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":published", s(RulesDraft.Status.PUBLISHED.name()), ":draft", s(RulesDraft.Status.DRAFT.name()),
                        ":read", n(version), ":next", n(version + 1), ":id", s(id), ":at", s(at.toString()), ":by", s(actor)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build(), DynamoRulesBook::draftRefusal);
        Map<String, AttributeValue> head = new HashMap<>(RulesKeys.head(tenant, kind).attributes());
        head.put("type", s("RULES_HEAD"));
        head.put("latest", s(rules.sortKey()));
        head.put("rulesId", s(id));
        head.put("publishedAt", s(at.toString()));
        tx.add(TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(head);
            if (draft.basedOn() == null) {
                p.conditionExpression("attribute_not_exists(PK)");
            } else {
                p.conditionExpression("latest = :base").expressionAttributeValues(Map.of(":base", s(draft.basedOn())));
            }
        }).build(), RulesRefusal.RULES_DRAFT_STALE);
        tx.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)")).build());
        Map<String, String> before = new LinkedHashMap<>();
        before.put("status", RulesDraft.Status.DRAFT.name());
        before.put("draftVersion", Long.toString(version));
        before.put("previous", draft.basedOn() == null ? "-" : draft.basedOn().substring(Math.max(0, draft.basedOn().length() - 100)));
        Map<String, String> after = new LinkedHashMap<>();
        after.put("status", RulesDraft.Status.PUBLISHED.name());
        after.put("rulesId", id);
        after.put("effectiveFrom", draft.effectiveFrom().toString());
        audit.record(tx, AuditEntry.of(tenant, actor, "rules.publish", kind.subjectType(), id, at, before, after));
        TransactionRunner.Outcome outcome = runner.attempt(tx);
        if (outcome.committed()) {
            return rules;
        }
        if (outcome.failed(marked)) {
            Map<String, AttributeValue> old = outcome.item(marked);
            if (!old.isEmpty() && old.containsKey("publishedVersion") && Long.parseLong(old.get("publishedVersion").n()) == version) {
                // the same draft at the same version was published by a request that got here first
                return rules;
            }
        }
        throw runner.refusalOf(tx, outcome);
    }

    /** A draft published already: the same version answers the same rules; any other is refused. */
    private static PublishedRules again(RulesDraft draft, long version, PublishedRules rules) {
        if (draft.publishedVersion() != null && draft.publishedVersion() == version) {
            return rules;
        }
        throw new ProblemException(RulesRefusal.RULES_DRAFT_PUBLISHED);
    }
}
