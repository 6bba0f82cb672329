package kr.seoullearn.functions.notifications;

import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.priming.Priming;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SESv2 and SNS clients, built once like the other SDK clients (AWS_ENDPOINT_URL points them at the emulator locally). */
final class Clients {
    private Clients() {}

    static SesV2Client ses(FunctionEnvironment env) {
        Priming.sdkClient(SesV2Client.class); // SnapStart priming (docs/adr/0018)
        return SesV2Client.builder().region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient()).build();
    }

    static SnsClient sns(FunctionEnvironment env) {
        Priming.sdkClient(SnsClient.class);
        return SnsClient.builder().region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient()).build();
    }
}
