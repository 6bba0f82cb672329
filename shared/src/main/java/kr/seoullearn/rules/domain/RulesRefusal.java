package kr.seoullearn.rules.domain;

import kr.seoullearn.platform.http.Refusal;

/** The refusals of drafting and publishing rules and of adding a partner area: codes and statuses are the wire contract. */
public enum RulesRefusal implements Refusal {
    /** The path names no kind of rules (programme, mentoring, recruitment). */
    RULES_KIND_UNKNOWN("rules-kind-unknown", 404),
    /** No draft with this id among the tenant's drafts of this kind. */
    RULES_DRAFT_NOT_FOUND("rules-draft-not-found", 404),
    /** Other rules of this kind were published after the draft was last saved: its preview is out of date. */
    RULES_DRAFT_STALE("rules-draft-stale", 409),
    /** The draft was published (with another version): published rules are never changed. */
    RULES_DRAFT_PUBLISHED("rules-draft-published", 409),
    /** The start date is today or earlier, or not after the start of the rules published last. */
    RULES_START_TOO_EARLY("rules-start-too-early", 422),
    /** A tenant has this many drafts of one kind open already. */
    RULES_TOO_MANY_DRAFTS("rules-too-many-drafts", 409),
    /** A partner area with this id exists already. */
    TENANT_EXISTS("tenant-exists", 409),
    /** A provider named for seats is not in the catalogue or has left it. */
    SEATS_PROVIDER_UNKNOWN("seats-provider-unknown", 422);

    private final String code;
    private final int status;

    RulesRefusal(String code, int status) {
        this.code = code;
        this.status = status;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int status() {
        return status;
    }
}
