package kr.seoullearn.functions.reminders;

import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.priming.Priming;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The SESv2 client, built once like the other SDK clients (AWS_ENDPOINT_URL points it at the emulator locally). */
final class SesClients {
    private SesClients() {}

    static SesV2Client ses(FunctionEnvironment env) {
        Priming.sdkClient(SesV2Client.class); // SnapStart priming (docs/adr/0018)
        return SesV2Client.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient())
                .build();
    }
}
