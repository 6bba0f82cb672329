package kr.seoullearn.rules.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.rules.domain.PublishedRules;
import kr.seoullearn.rules.domain.RuleKind;
import kr.seoullearn.rules.domain.RulesDraft;

/** A tenant's effective-dated rules of each kind: what is published, the drafts, and publishing one. */
public interface RulesBook {

    /** The rules of a kind in force on a date (the newest that started on or before it). */
    Optional<PublishedRules> inForce(TenantId tenant, RuleKind kind, LocalDate date);

    /** The rules of a kind that start after {@code date}, soonest first (at most 20). */
    List<PublishedRules> upcoming(TenantId tenant, RuleKind kind, LocalDate date);

    /** The rules of a kind with the latest start date, whenever that is. */
    Optional<PublishedRules> latest(TenantId tenant, RuleKind kind);

    /** The sort key of the rules of a kind published last through the app (null: none yet). */
    String head(TenantId tenant, RuleKind kind);

    Optional<RulesDraft> draft(TenantId tenant, RuleKind kind, String draftId);

    /** The tenant's drafts of a kind not yet published, newest first (at most 50). */
    List<RulesDraft> drafts(TenantId tenant, RuleKind kind);

    /** Saves a new draft (version 1). */
    void create(RulesDraft draft);

    /** Saves an edit if the stored draft is at {@code expectedVersion} and unpublished (409 version-conflict / rules-draft-published). */
    void update(RulesDraft edited, long expectedVersion);

    /**
     * Publishes the draft at {@code version} in one transaction: the draft marked published, the
     * rules put under {@code FROM#<date>#<id>} if absent, the kind's head moved on if it is still
     * what the draft was based on (409 rules-draft-stale), and the audit entry. Publishing the same
     * version again answers the same rules and writes nothing.
     */
    PublishedRules publish(RulesDraft draft, long version, String actor, Instant at);
}
