package kr.seoullearn.platform.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Who is calling, read from the claims the HTTP API's JWT authorizer verified. API Gateway
 * passes every claim as a string; array claims such as {@code cognito:groups} arrive as
 * {@code "[learners mentors]"}.
 */
public record Caller(String userId, String username, TenantId tenant, Set<Role> roles, List<String> groups) {

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            throw new ProblemException(Problem.UNAUTHENTICATED);
        }
        if ("access".equals(claims.get("token_use"))) {
            // Access tokens carry no custom attributes, so no tenant: the API takes ID tokens
            // (docs/adr/0006-id-tokens-carry-the-tenant.md).
            throw new ProblemException(Problem.ID_TOKEN_REQUIRED);
        }
        String tenantClaim = claims.get("custom:tenant");
        TenantId tenant;
        if (tenantClaim == null || tenantClaim.isBlank()) {
            tenant = TenantId.SEOUL;
        } else if (TenantId.isValid(tenantClaim)) {
            tenant = new TenantId(tenantClaim);
        } else {
            throw new ProblemException(Problem.UNKNOWN_TENANT);
        }
        List<String> groups = parseGroups(claims.get("cognito:groups"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            Role.fromGroup(group).ifPresent(roles::add);
        }
        String username = claims.getOrDefault("cognito:username", claims.get("sub"));
        return new Caller(claims.get("sub"), username, tenant, Set.copyOf(roles), List.copyOf(groups));
    }

    /** "[learners mentors]" (API Gateway's form), "learners mentors" or "learners,mentors". */
    static List<String> parseGroups(String claim) {
        List<String> groups = new ArrayList<>();
        if (claim == null) {
            return groups;
        }
        String trimmed = claim.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        for (String group : trimmed.split("[\\s,]+")) {
            String g = group.strip();
            if (g.startsWith("\"") && g.endsWith("\"") && g.length() >= 2) {
                g = g.substring(1, g.length() - 1);
            }
            if (!g.isEmpty()) {
                groups.add(g);
            }
        }
        return groups;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public void require(Role... anyOf) {
        for (Role role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new ProblemException(Problem.FORBIDDEN);
    }
}
