package kr.seoullearn.functions.reminders;

import kr.seoullearn.platform.aws.AwsJson;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.SignedHttp;

/** SES API v2, built once per execution environment (AWS_ENDPOINT_URL points it at the emulator locally). */
final class SesClients {
    private SesClients() {}

    static AwsJson ses(FunctionEnvironment env) {
        return AwsJson.sesV2(env, SignedHttp.of(env));
    }
}
