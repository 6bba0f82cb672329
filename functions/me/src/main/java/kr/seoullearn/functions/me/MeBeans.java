package kr.seoullearn.functions.me;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import kr.seoullearn.platform.aws.AwsClients;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.priming.Priming;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client of the withdrawal (built on first use: GET /api/me never needs it). */
@Factory
public class MeBeans {

    @Singleton
    public S3Client s3(FunctionEnvironment env) {
        Priming.sdkClient(S3Client.class); // SnapStart priming (docs/adr/0018)
        return S3Client.builder()
                .region(Region.of(env.region()))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClient(AwsClients.httpClient())
                .forcePathStyle(!env.optional("AWS_ENDPOINT_URL_S3", env.optional("AWS_ENDPOINT_URL", "")).isEmpty())
                .build();
    }
}
