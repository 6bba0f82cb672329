package kr.seoullearn.rules.domain;

import java.time.LocalDate;
import java.util.Map;

/** Rules of one kind as published: their id, start date and stored definition (with tenant, id and date). */
public record PublishedRules(RuleKind kind, String id, LocalDate effectiveFrom, Map<String, Object> definition, String sortKey) {
    public PublishedRules {
        definition = Map.copyOf(definition);
    }
}
