package kr.seoullearn.rules.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * A draft of one kind of rules in a tenant: the definition an admin is editing, the date it is
 * meant to start and its {@code version} (each save and the publication are conditional on it).
 * {@code basedOn} is the sort key of the rules of this kind published last when the draft was
 * saved (null: none published through the app yet): publishing is refused as stale when others
 * were published since. Once published, {@code publishedVersion} is the version that was, and the
 * draft never changes again.
 */
public record RulesDraft(TenantId tenant, RuleKind kind, String draftId, LocalDate effectiveFrom, Map<String, Object> definition,
                         long version, Status status, String basedOn, Long publishedVersion, String updatedBy, Instant updatedAt) {
    /** Draft ids are made by the server: {@code d} and 20 hex digits. */
    public static final Pattern ID = Pattern.compile("d[0-9a-f]{20}");

    public enum Status { DRAFT, PUBLISHED }

    public RulesDraft {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        definition = Map.copyOf(definition);
    }

    /** The id of the rules this draft becomes: unique in the tenant's rules of its kind. */
    public String rulesId() {
        return tenant.value() + "-" + kind.path() + "-" + effectiveFrom + "-" + draftId;
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    public RulesDraft edited(LocalDate from, Map<String, Object> newDefinition, String newBase, String by, Instant at) {
        return new RulesDraft(tenant, kind, draftId, from, newDefinition, version + 1, Status.DRAFT, newBase, null, by, at);
    }
}
