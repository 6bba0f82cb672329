package kr.seoullearn.functions.signup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent.ClaimsOverrideDetails;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.identity.Caller;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.identity.SecondFactors;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.port.Accounts;

/**
 * Cognito pre-token-generation trigger (event version 1, which customises the ID token; the API
 * takes ID tokens): on every sign-in and refresh it writes {@code custom:tenant} from the
 * person's account — or, for accounts an administrator created with the attribute, from the
 * attribute once the tenant is known — and suppresses it when there is none, so no token carries
 * a tenant the account does not have. For members of a staff group it adds
 * {@code seoullearn:mfa=totp} when their TOTP is on (Cognito then asked for the code at sign-in);
 * the API refuses a staff token without it (docs/adr/0024-tenant-step-pre-token-claims-and-staff-totp.md).
 */
public class PreTokenGenerationHandler
        implements RequestHandler<CognitoUserPoolPreTokenGenerationEvent, CognitoUserPoolPreTokenGenerationEvent> {
    private static final Log LOG = Log.of(PreTokenGenerationHandler.class);
    static final String TENANT_CLAIM = "custom:tenant";

    private final Accounts accounts;
    private final TenantDirectory tenants;
    private final SecondFactors secondFactors;

    public PreTokenGenerationHandler() {
        this(Beans.get(Accounts.class), Beans.get(TenantDirectory.class), Beans.get(SecondFactors.class));
    }

    public PreTokenGenerationHandler(Accounts accounts, TenantDirectory tenants, SecondFactors secondFactors) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.secondFactors = secondFactors;
    }

    @Override
    public CognitoUserPoolPreTokenGenerationEvent handleRequest(CognitoUserPoolPreTokenGenerationEvent event, Context context) {
        Map<String, String> attributes = event.getRequest().getUserAttributes() == null
                ? Map.of() : event.getRequest().getUserAttributes();
        String sub = attributes.get("sub");
        if (sub == null || sub.isBlank()) {
            throw new IllegalArgumentException("pre-token-generation event without sub");
        }
        Map<String, String> add = new LinkedHashMap<>();
        List<String> suppress = new ArrayList<>();
        Optional<TenantId> tenant = tenantOf(sub, attributes.get(TENANT_CLAIM));
        tenant.ifPresentOrElse(t -> add.put(TENANT_CLAIM, t.value()), () -> suppress.add(TENANT_CLAIM));

        List<String> groups = event.getRequest().getGroupConfiguration() == null
                || event.getRequest().getGroupConfiguration().getGroupsToOverride() == null
                ? List.of() : List.of(event.getRequest().getGroupConfiguration().getGroupsToOverride());
        boolean staff = groups.stream().map(Role::fromGroup).flatMap(Optional::stream).anyMatch(Role::isStaff);
        if (staff && secondFactors.totpOn(event.getUserPoolId(), event.getUserName())) {
            add.put(Caller.SECOND_FACTOR_CLAIM, Caller.TOTP);
        } else {
            suppress.add(Caller.SECOND_FACTOR_CLAIM);
        }
        ClaimsOverrideDetails details = new ClaimsOverrideDetails();
        details.setClaimsToAddOrOverride(add);
        details.setClaimsToSuppress(suppress.toArray(String[]::new));
        CognitoUserPoolPreTokenGenerationEvent.Response response = new CognitoUserPoolPreTokenGenerationEvent.Response();
        response.setClaimsOverrideDetails(details);
        event.setResponse(response);
        LOG.info("pre-token-generation", "trigger", event.getTriggerSource(), "tenant", tenant.map(TenantId::value).orElse(null),
                "staff", staff, "secondFactor", add.containsKey(Caller.SECOND_FACTOR_CLAIM),
                "requestId", context == null ? null : context.getAwsRequestId());
        return event;
    }

    /** The account's tenant; else an administrator-set attribute naming a tenant that exists; else none. */
    private Optional<TenantId> tenantOf(String sub, String attribute) {
        Optional<TenantId> chosen = accounts.find(sub).flatMap(Account::chosenTenant);
        if (chosen.isPresent()) {
            return chosen;
        }
        if (TenantId.isValid(attribute) && tenants.find(new TenantId(attribute)).isPresent()) {
            return Optional.of(new TenantId(attribute));
        }
        return Optional.empty();
    }
}
