package kr.seoullearn.functions.me;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.seoullearn.enrolment.port.EnrolmentLedger;
import kr.seoullearn.figures.domain.Pseudonyms;
import kr.seoullearn.laptops.port.LaptopLedger;
import kr.seoullearn.mentoring.port.MentorProfiles;
import kr.seoullearn.mentoring.port.MentoringLedger;
import kr.seoullearn.platform.http.Problem;
import kr.seoullearn.platform.http.ProblemException;
import kr.seoullearn.platform.identity.UserDeletion;
import kr.seoullearn.privacy.port.PersonalRecords;
import kr.seoullearn.platform.aws.S3Objects;
import kr.seoullearn.platform.Beans;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.http.ApiFunction;
import kr.seoullearn.platform.http.ApiRequest;
import kr.seoullearn.platform.http.ApiResponses;
import kr.seoullearn.platform.identity.GroupMembership;
import kr.seoullearn.platform.tenant.TenantDirectory;
import kr.seoullearn.registration.port.Accounts;
import kr.seoullearn.registration.port.ProfileCorrections;
import kr.seoullearn.registration.port.ProfileRepository;
import kr.seoullearn.registration.port.QuotaPlaces;
import kr.seoullearn.platform.identity.Role;

/**
 * {@code GET /api/me}: who the caller is — user id, tenant, groups — and where their
 * registration stands (one GetItem for someone with a profile; a person the post-confirmation
 * trigger left without an account or group is repaired here). {@code PUT /api/me/tenant}: the
 * tenant step, "where do you live?", once per account. {@code GET /api/tenants} (public): the
 * partner areas to choose from, with their names and districts (TenantListings).
 * {@code DELETE /api/me}: withdrawal, the person's data destroyed (docs/adr/0028).
 * {@code GET /api/me/data}: a copy of everything held about the caller (DataExport, docs/adr/0037).
 * {@code PATCH /api/me/profile}: an approved learner's correction (docs/adr/0038).
 * {@code GET}/{@code PATCH /api/me/mentor-profile}: a selected mentor's own correction (MentorCorrections, docs/adr/0038).
 */
public class MeHandler extends ApiFunction {
    private final AccountSteps steps;
    private final TenantListings listings;
    private final Supplier<Withdrawal> withdrawal;
    private final Supplier<DataExport> export;
    private final Supplier<Corrections> corrections;
    private final Supplier<MentorCorrections> mentorCorrections;

    public MeHandler() {
        this(Beans.get(ProfileRepository.class), Beans.get(Accounts.class), Beans.get(TenantDirectory.class),
                Beans.get(GroupMembership.class), Beans.get(FunctionEnvironment.class).required("USER_POOL_ID"), Clock.systemUTC(),
                // built on the first withdrawal: GET /api/me, called on every page, never pays for it
                () -> new Withdrawal(Beans.get(Accounts.class), Beans.get(EnrolmentLedger.class), Beans.get(MentoringLedger.class),
                        Beans.get(LaptopLedger.class), Beans.get(PersonalRecords.class), Beans.get(QuotaPlaces.class),
                        new S3PersonalFiles(S3Objects.of(Beans.get(FunctionEnvironment.class), Beans.get(FunctionEnvironment.class).required("DOCUMENTS_BUCKET"))),
                        Beans.get(UserDeletion.class), Beans.get(Pseudonyms.class), Beans.get(FunctionEnvironment.class).required("USER_POOL_ID"),
                        Clock.systemUTC()),
                // built on the first export, for the same reason
                () -> new DataExport(Beans.get(Accounts.class), Beans.get(PersonalRecords.class),
                        S3Objects.of(Beans.get(FunctionEnvironment.class), Beans.get(FunctionEnvironment.class).required("DOCUMENTS_BUCKET")),
                        Clock.systemUTC()),
                // built on the first correction, for the same reason
                () -> new Corrections(Beans.get(ProfileCorrections.class), Beans.get(LaptopLedger.class), Beans.get(TenantDirectory.class),
                        Clock.systemUTC()),
                () -> new MentorCorrections(Beans.get(MentorProfiles.class), Clock.systemUTC()));
    }

    public MeHandler(ProfileRepository profiles, Accounts accounts, TenantDirectory tenants, GroupMembership groups,
                     String userPoolId, Clock clock) {
        this(profiles, accounts, tenants, groups, userPoolId, clock, null, null, null, null);
    }

    MeHandler(ProfileRepository profiles, Accounts accounts, TenantDirectory tenants, GroupMembership groups,
              String userPoolId, Clock clock, Supplier<Withdrawal> withdrawal) {
        this(profiles, accounts, tenants, groups, userPoolId, clock, withdrawal, null, null, null);
    }

    MeHandler(ProfileRepository profiles, Accounts accounts, TenantDirectory tenants, GroupMembership groups,
              String userPoolId, Clock clock, Supplier<Withdrawal> withdrawal, Supplier<DataExport> export,
              Supplier<Corrections> corrections, Supplier<MentorCorrections> mentorCorrections) {
        this.steps = new AccountSteps(profiles, accounts, tenants, groups, userPoolId, clock);
        this.listings = new TenantListings(tenants, clock);
        this.withdrawal = withdrawal == null ? null : memoised(withdrawal);
        this.export = export == null ? null : memoised(export);
        this.corrections = corrections == null ? null : memoised(corrections);
        this.mentorCorrections = mentorCorrections == null ? null : memoised(mentorCorrections);
    }

    private static <T> Supplier<T> memoised(Supplier<T> make) {
        return new Supplier<>() {
            private volatile T made;

            @Override
            public T get() {
                T value = made;
                if (value == null) {
                    synchronized (this) {
                        if (made == null) {
                            made = make.get();
                        }
                        value = made;
                    }
                }
                return value;
            }
        };
    }

    @Override
    protected Map<String, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                "GET /api/me", r -> ApiResponses.json(200, steps.me(r.caller(), r.language())),
                "GET /api/tenants", r -> ApiResponses.json(200, listings.list()),
                "PUT /api/me/tenant", r -> {
                    var caller = r.caller();
                    return ApiResponses.json(200, steps.chooseTenant(caller, r.jsonObject(), r.language()));
                },
                "DELETE /api/me", r -> {
                    var caller = r.caller();
                    if (withdrawal == null) {
                        throw new ProblemException(Problem.ROUTE_NOT_FOUND);
                    }
                    return ApiResponses.json(200, withdrawal.get().withdraw(caller, r::body));
                },
                "GET /api/me/data", r -> {
                    var caller = r.caller();
                    if (export == null) {
                        throw new ProblemException(Problem.ROUTE_NOT_FOUND);
                    }
                    return ApiResponses.json(200, export.get().export(caller));
                },
                "PATCH /api/me/profile", r -> {
                    var caller = r.caller();
                    caller.require(Role.LEARNER); // the role first, before the body is read
                    if (corrections == null) {
                        throw new ProblemException(Problem.ROUTE_NOT_FOUND);
                    }
                    return ApiResponses.json(200, corrections.get().correct(caller, r.jsonObject()));
                },
                "GET /api/me/mentor-profile", r -> {
                    var caller = r.caller();
                    caller.require(Role.MENTOR);
                    return ApiResponses.json(200, mentorCorrectionsOrNone().read(caller));
                },
                "PATCH /api/me/mentor-profile", r -> {
                    var caller = r.caller();
                    caller.require(Role.MENTOR); // the role first, before the body is read
                    return ApiResponses.json(200, mentorCorrectionsOrNone().correct(caller, r.jsonObject()));
                });
    }

    private MentorCorrections mentorCorrectionsOrNone() {
        if (mentorCorrections == null) {
            throw new ProblemException(Problem.ROUTE_NOT_FOUND);
        }
        return mentorCorrections.get();
    }
}
