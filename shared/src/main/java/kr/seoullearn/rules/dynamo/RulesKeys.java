package kr.seoullearn.rules.dynamo;

import java.time.LocalDate;
import kr.seoullearn.platform.dynamo.ItemKey;
import kr.seoullearn.platform.dynamo.Keys;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.rules.domain.RuleKind;

/**
 * The rules context's keys: the published rules' partitions are shared ({@link Keys#PROGRAMMES},
 * {@link Keys#MENTORING_RULES}, {@link Keys#RECRUITMENT_RULES}: their contexts read them); the
 * drafts and the heads are its own, in {@code T#<tenant>#RULES}.
 */
final class RulesKeys {
    private RulesKeys() {}

    static String published(TenantId tenant, RuleKind kind) {
        return Keys.tenant(tenant, switch (kind) {
            case PROGRAMME -> Keys.PROGRAMMES;
            case MENTORING -> Keys.MENTORING_RULES;
            case RECRUITMENT -> Keys.RECRUITMENT_RULES;
        });
    }

    static ItemKey publishedItem(TenantId tenant, RuleKind kind, LocalDate from, String id) {
        return ItemKey.of(published(tenant, kind), Keys.effectiveFrom(from, id));
    }

    static String rules(TenantId tenant) {
        return Keys.tenant(tenant, "RULES");
    }

    /** A draft: {@code T#<tenant>#RULES / DRAFT#<kind>#<draftId>}. */
    static ItemKey draft(TenantId tenant, RuleKind kind, String draftId) {
        return ItemKey.of(rules(tenant), draftPrefix(kind) + draftId);
    }

    static String draftPrefix(RuleKind kind) {
        return "DRAFT#" + kind.name() + "#";
    }

    /** The kind's head: the sort key of the rules published last through the app, {@code T#<tenant>#RULES / HEAD#<kind>}. */
    static ItemKey head(TenantId tenant, RuleKind kind) {
        return ItemKey.of(rules(tenant), "HEAD#" + kind.name());
    }
}
