package kr.seoullearn.functions.me;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.domain.FieldErrors;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.registration.domain.RegistrationRefusal;
import kr.seoullearn.registration.port.Accounts;
import kr.seoullearn.registration.port.ProfileRepository;

/**
 * What {@code /api/me} does besides answering: repairs an account the post-confirmation trigger
 * did not finish (opens it, joins the applicants group) and takes the tenant step ("where do you
 * live?"), which opens the person's DRAFT application in that tenant. Every step is idempotent,
 * so a retried or repeated call finishes what an earlier one left half done.
 */
final class AccountSteps {
    private static final Log LOG = Log.of(AccountSteps.class);
    /** Registration status of a signed-in person who has not chosen where they live. */
    static final String TENANT_NOT_CHOSEN = "TENANT_NOT_CHOSEN";
    /** Registration status of a signed-in user who has no profile (staff, mentors). */
    static final String NOT_REGISTERED = "NOT_REGISTERED";

    private final ProfileRepository profiles;
    private final Accounts accounts;
    private final TenantDirectory tenants;
    private final GroupMembership groups;
    private final String userPoolId;
    private final Clock clock;

    AccountSteps(ProfileRepository profiles, Accounts accounts, TenantDirectory tenants, GroupMembership groups,
                 String userPoolId, Clock clock) {
        this.profiles = profiles;
        this.accounts = accounts;
        this.tenants = tenants;
        this.groups = groups;
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    /** GET /api/me: one GetItem for someone with a profile; repairs for someone without. */
    Map<String, Object> me(Caller caller, Language language) {
        Optional<TenantId> tenant = caller.chosenTenant();
        Optional<Profile> profile = tenant.flatMap(t -> profiles.find(t, caller.userId()));
        if (profile.isEmpty()) {
            profile = repair(caller, language);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", caller.userId());
        body.put("tenant", tenant.map(TenantId::value).orElse(null));
        body.put("groups", caller.groups());
        // only someone applying is asked where they live; staff without a tenant (the catalogue
        // operators) have nothing to choose
        body.put("registrationStatus", tenant.isEmpty() && applicantOnly(caller) ? TENANT_NOT_CHOSEN
                : profile.map(p -> p.status().name()).orElse(NOT_REGISTERED));
        profile.ifPresent(p -> {
            if (p.displayName() != null) {
                body.put("displayName", p.displayName());
            }
            body.put("preferredLanguage", p.preferredLanguage().tag());
        });
        return body;
    }

    /** PUT /api/me/tenant {"tenant"}: the account's tenant, once, and the DRAFT application in it. */
    Map<String, Object> chooseTenant(Caller caller, Map<String, Object> body, Language language) {
        Object given = body.get("tenant");
        if (!(given instanceof String value) || value.isBlank()) {
            FieldErrors errors = new FieldErrors();
            errors.add("tenant", given == null ? "required" : "invalid-value");
            errors.throwIfAny();
            throw new IllegalStateException("unreachable");
        }
        if (!TenantId.isValid(value) || tenants.find(new TenantId(value)).isEmpty()) {
            throw new ProblemException(Problem.UNKNOWN_TENANT);
        }
        TenantId tenant = new TenantId(value);
        if (caller.chosenTenant().filter(t -> !t.equals(tenant)).isPresent()) {
            throw new ProblemException(RegistrationRefusal.TENANT_ALREADY_CHOSEN);
        }
        Account account = openAccount(caller, language);
        if (!accounts.chooseTenant(caller.userId(), tenant)) {
            throw new ProblemException(RegistrationRefusal.TENANT_ALREADY_CHOSEN);
        }
        Optional<Profile> profile = draftIfApplicant(caller, tenant, account.language());
        LOG.info("tenant-chosen", "tenant", tenant.value(), "draft", profile.isPresent());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tenant", tenant.value());
        answer.put("registrationStatus", profile.map(p -> p.status().name()).orElse(NOT_REGISTERED));
        return answer;
    }

    /**
     * A person without a profile: their account is opened and they join the applicants group if
     * the trigger did not; if their token already names their account's tenant, their DRAFT
     * application is opened too. Staff and mentors (who have roles besides applicant) get none.
     */
    private Optional<Profile> repair(Caller caller, Language language) {
        Account account = openAccount(caller, language);
        Optional<TenantId> tenant = caller.chosenTenant();
        if (tenant.isEmpty() || !tenant.equals(account.chosenTenant())) {
            return Optional.empty();
        }
        return draftIfApplicant(caller, tenant.get(), account.language());
    }

    private Account openAccount(Caller caller, Language language) {
        Optional<Account> found = accounts.find(caller.userId());
        Account account = found.orElseGet(() -> Account.opened(caller.userId(), caller.username(), language, clock.instant()));
        if (found.isEmpty()) {
            boolean opened = accounts.open(account);
            LOG.info("account-repaired", "opened", opened);
            account = accounts.find(caller.userId()).orElse(account);
        }
        if (caller.groups().isEmpty()) {
            // the trigger opened no group either: the applicants group, as it would have
            groups.add(userPoolId, caller.username(), Role.APPLICANT);
            LOG.info("group-repaired", "group", Role.APPLICANT.group());
        }
        return account;
    }

    /** No role but applicant (or none yet): a person applying, who has an application and a tenant to choose. */
    private static boolean applicantOnly(Caller caller) {
        return caller.roles().stream().allMatch(r -> r == Role.APPLICANT);
    }

    private Optional<Profile> draftIfApplicant(Caller caller, TenantId tenant, Language language) {
        if (!applicantOnly(caller)) {
            return profiles.find(tenant, caller.userId());
        }
        profiles.createDraft(Profile.newDraft(tenant, caller.userId(), caller.username(), language, clock.instant()));
        return profiles.find(tenant, caller.userId());
    }
}
