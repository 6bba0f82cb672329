package kr.seoullearn.functions.notifications;

import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.platform.aws.AwsQuery;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SignedHttp;

/** SES API v2 and SNS through their HTTP APIs, built once (AWS_ENDPOINT_URL points them at the emulator locally; docs/adr/0036). */
final class Clients {
    private Clients() {}

    static AwsJson ses(FunctionEnvironment env) {
        return AwsJson.sesV2(env, SignedHttp.of(env));
    }

    static AwsQuery sns(FunctionEnvironment env) {
        return AwsQuery.sns(env, SignedHttp.of(env));
    }
}
