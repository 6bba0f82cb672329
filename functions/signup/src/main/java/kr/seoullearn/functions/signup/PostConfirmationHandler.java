package kr.seoullearn.functions.signup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.time.Clock;
import java.util.Map;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.registration.domain.Profile;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.platform.tenant.TenantId;
import kr.seoullearn.platform.log.Log;

/**
 * Cognito post-confirmation trigger: once a person has confirmed their sign-up, create their
 * DRAFT profile in the tenant they signed up for (with a reminder about its documents, 3 days
 * on) and put them in the applicants group. Safe to run twice (Cognito retries triggers): the
 * profile is created only if absent, the reminder is sent at most once, and adding a user to a
 * group they are in changes nothing.
 */
public class PostConfirmationHandler
        implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {
    private static final Log LOG = Log.of(PostConfirmationHandler.class);
    static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";

    private final ProfileRepository profiles;
    private final TenantDirectory tenants;
    private final GroupMembership groups;
    private final Clock clock;

    public PostConfirmationHandler() {
        this(Beans.get(ProfileRepository.class), Beans.get(TenantDirectory.class),
                Beans.get(GroupMembership.class), Clock.systemUTC());
    }

    public PostConfirmationHandler(ProfileRepository profiles, TenantDirectory tenants,
                                   GroupMembership groups, Clock clock) {
        this.profiles = profiles;
        this.tenants = tenants;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public CognitoUserPoolPostConfirmationEvent handleRequest(CognitoUserPoolPostConfirmationEvent event, Context context) {
        if (!CONFIRM_SIGN_UP.equals(event.getTriggerSource())) {
            return event; // a confirmed password reset: nothing to create
        }
        Map<String, String> attributes = event.getRequest().getUserAttributes();
        String sub = attributes.get("sub");
        if (sub == null || sub.isBlank()) {
            throw new IllegalArgumentException("post-confirmation event without sub");
        }
        String tenantAttribute = attributes.getOrDefault("custom:tenant", TenantId.SEOUL.value());
        if (!TenantId.isValid(tenantAttribute)) {
            throw new IllegalArgumentException("sign-up for an unknown tenant");
        }
        TenantId tenant = new TenantId(tenantAttribute);
        if (tenants.find(tenant).isEmpty()) {
            // Cognito shows the sign-up as failed; the person can try again with a real tenant.
            throw new IllegalArgumentException("sign-up for an unknown tenant");
        }
        Language language = Language.fromTag(attributes.get("locale"));
        java.time.Instant now = clock.instant();
        boolean created = profiles.createDraft(
                Profile.newDraft(tenant, sub, event.getUserName(), language == null ? Language.DEFAULT : language, now));
        groups.add(event.getUserPoolId(), event.getUserName(), Role.APPLICANT);
        LOG.info("post-confirmation", "tenant", tenant.value(), "profileCreated", created,
                "requestId", context == null ? null : context.getAwsRequestId());
        return event;
    }
}
