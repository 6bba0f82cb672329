package kr.seoullearn.rules.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.http.Json;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.rules.domain.PublishedRules;
import kr.seoullearn.rules.domain.RuleKind;
import kr.seoullearn.rules.domain.RulesDraft;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Drafts and published rules to and from their items. */
final class RulesItems {
    private RulesItems() {}

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static Map<String, AttributeValue> draftItem(RulesDraft d) {
        Map<String, AttributeValue> item = new HashMap<>(RulesKeys.draft(d.tenant(), d.kind(), d.draftId()).attributes());
        item.put("type", s("RULES_DRAFT"));
        item.put("draftId", s(d.draftId()));
        item.put("kind", s(d.kind().name()));
        item.put("effectiveFrom", s(d.effectiveFrom().toString()));
        item.put("definition", s(Json.write(d.definition())));
        item.put("version", n(d.version()));
        item.put("status", s(d.status().name()));
        if (d.basedOn() != null) {
            item.put("basedOn", s(d.basedOn()));
        }
        item.put("updatedBy", s(d.updatedBy()));
        item.put("updatedAt", s(d.updatedAt().toString()));
        return item;
    }

    static RulesDraft draft(TenantId tenant, Map<String, AttributeValue> item) {
        return new RulesDraft(tenant, RuleKind.valueOf(item.get("kind").s()), item.get("draftId").s(),
                LocalDate.parse(item.get("effectiveFrom").s()), Json.readObject(item.get("definition").s()),
                Long.parseLong(item.get("version").n()), RulesDraft.Status.valueOf(item.get("status").s()),
                item.containsKey("basedOn") ? item.get("basedOn").s() : null,
                item.containsKey("publishedVersion") ? Long.valueOf(item.get("publishedVersion").n()) : null,
                item.get("updatedBy").s(), Instant.parse(item.get("updatedAt").s()));
    }

    /**
     * A published rules item, in the shape its context reads (docs/data-model.md): the
     * definition as JSON and its id; a programme also its quota and the counter of places held.
     */
    static Map<String, AttributeValue> publishedItem(TenantId tenant, RuleKind kind, String id, LocalDate from,
                                                     Map<String, Object> definition) {
        Map<String, AttributeValue> item = new HashMap<>(RulesKeys.publishedItem(tenant, kind, from, id).attributes());
        item.put("definition", s(Json.write(definition)));
        switch (kind) {
            case PROGRAMME -> {
                item.put("type", s("PROGRAMME"));
                item.put("programmeId", s(id));
                item.put("admitted", n(0));
                if (definition.get("quota") instanceof Number quota) {
                    item.put("quota", n(quota.longValue()));
                }
            }
            case MENTORING -> {
                item.put("type", s("MENTORING_RULES"));
                item.put("rulesId", s(id));
            }
            case RECRUITMENT -> {
                item.put("type", s("RECRUITMENT_RULES"));
                item.put("rulesId", s(id));
            }
        }
        return item;
    }

    static PublishedRules published(RuleKind kind, Map<String, AttributeValue> item) {
        Map<String, Object> definition = Json.readObject(item.get("definition").s());
        return new PublishedRules(kind, String.valueOf(definition.get("id")), LocalDate.parse(String.valueOf(definition.get("effectiveFrom"))),
                definition, item.get(Keys.SK).s());
    }
}
