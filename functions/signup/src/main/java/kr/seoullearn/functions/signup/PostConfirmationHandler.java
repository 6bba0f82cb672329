package kr.seoullearn.functions.signup;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import java.time.Clock;
import java.util.Map;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.http.Language;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.identity.Role;
import kr.seoullearn.platform.log.Log;
import kr.seoullearn.registration.domain.Account;
import kr.seoullearn.registration.port.Accounts;

/**
 * Cognito post-confirmation trigger: once a person has confirmed their sign-up, open their
 * account (no tenant yet: Cognito's sign-up page cannot ask where they live, so the app's first
 * step does) and put them in the applicants group. Safe to run twice (Cognito retries
 * triggers): the account is opened only if absent, and adding a user to a group they are in
 * changes nothing. If it fails anyway, the person is still confirmed; their first API call
 * ({@code GET /api/me}) does the same work (docs/adr/0024-tenant-step-pre-token-claims-and-staff-totp.md).
 */
public class PostConfirmationHandler
        implements RequestHandler<CognitoUserPoolPostConfirmationEvent, CognitoUserPoolPostConfirmationEvent> {
    private static final Log LOG = Log.of(PostConfirmationHandler.class);
    static final String CONFIRM_SIGN_UP = "PostConfirmation_ConfirmSignUp";

    private final Accounts accounts;
    private final GroupMembership groups;
    private final Clock clock;

    public PostConfirmationHandler() {
        this(Beans.get(Accounts.class), Beans.get(GroupMembership.class), Clock.systemUTC());
    }

    public PostConfirmationHandler(Accounts accounts, GroupMembership groups, Clock clock) {
        this.accounts = accounts;
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
        boolean opened = accounts.open(Account.opened(sub, event.getUserName(), Language.fromTag(attributes.get("locale")),
                clock.instant()));
        groups.add(event.getUserPoolId(), event.getUserName(), Role.APPLICANT);
        LOG.info("post-confirmation", "accountOpened", opened, "requestId", context == null ? null : context.getAwsRequestId());
        return event;
    }
}
