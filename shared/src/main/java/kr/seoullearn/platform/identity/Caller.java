package kr.seoullearn.platform.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.tenant.TenantId;

/**
 * Who is calling, read from the claims the HTTP API's JWT authorizer verified. API Gateway
 * passes every claim as a string; array claims such as {@code cognito:groups} arrive as
 * {@code "[learners mentors]"}.
 *
 * <p>The tenant is the {@code custom:tenant} claim the pre-token-generation trigger writes from
 * the person's account (docs/adr/0024-tenant-step-pre-token-claims-and-staff-totp.md). There is
 * no default tenant: a token without one reads no tenant's data ({@link #tenant()} answers 403
 * {@code tenant-not-chosen}) until the person has chosen where they live.
 */
public record Caller(String userId, String username, TenantId tenant, Set<Role> roles, List<String> groups, String verifiedEmail) {
    /** The claim the pre-token trigger adds when the person's account has TOTP turned on. */
    public static final String SECOND_FACTOR_CLAIM = "seoullearn:mfa";
    public static final String TOTP = "totp";

    /** A caller whose token says nothing of a verified address. */
    public Caller(String userId, String username, TenantId tenant, Set<Role> roles, List<String> groups) {
        this(userId, username, tenant, roles, groups, null);
    }

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null || claims.get("sub") == null || claims.get("sub").isBlank()) {
            throw new ProblemException(Problem.UNAUTHENTICATED);
        }
        if ("access".equals(claims.get("token_use"))) {
            // Access tokens carry no custom claims, so no tenant: the API takes ID tokens
            // (docs/adr/0006-id-tokens-carry-the-tenant.md).
            throw new ProblemException(Problem.ID_TOKEN_REQUIRED);
        }
        String tenantClaim = claims.get("custom:tenant");
        TenantId tenant = null;
        if (tenantClaim != null && !tenantClaim.isBlank()) {
            if (!TenantId.isValid(tenantClaim)) {
                throw new ProblemException(Problem.UNKNOWN_TENANT);
            }
            tenant = new TenantId(tenantClaim);
        }
        List<String> groups = parseGroups(claims.get("cognito:groups"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            Role.fromGroup(group).ifPresent(roles::add);
        }
        if (roles.stream().anyMatch(Role::isStaff) && !TOTP.equals(claims.get(SECOND_FACTOR_CLAIM))) {
            // A staff token issued without the second factor is refused whatever the route.
            throw new ProblemException(Problem.SECOND_FACTOR_REQUIRED);
        }
        String username = claims.getOrDefault("cognito:username", claims.get("sub"));
        // the ID token's address counts only where Cognito verified it (the sign-up's code)
        String address = claims.get("email");
        String email = "true".equals(claims.get("email_verified")) && address != null && !address.isBlank() ? address : null;
        return new Caller(claims.get("sub"), username, tenant, Set.copyOf(roles), List.copyOf(groups), email);
    }

    /** The caller's address as Cognito verified it, if their token carries one (ID tokens do). */
    public Optional<String> email() {
        return Optional.ofNullable(verifiedEmail);
    }

    /** Without the address: a caller may be logged, a person's address never is. */
    @Override
    public String toString() {
        return "Caller[userId=" + userId + ", tenant=" + tenant + ", roles=" + roles + "]";
    }

    /** The caller's tenant; 403 {@code tenant-not-chosen} when the token carries none. */
    @Override
    public TenantId tenant() {
        if (tenant == null) {
            throw new ProblemException(Problem.TENANT_NOT_CHOSEN);
        }
        return tenant;
    }

    /** The tenant, if the person has chosen one (for the routes that lead them to choose). */
    public Optional<TenantId> chosenTenant() {
        return Optional.ofNullable(tenant);
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
