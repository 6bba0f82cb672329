package kr.seoullearn.functions.review;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import kr.seoullearn.platform.aws.FunctionEnvironment;
import kr.seoullearn.platform.aws.S3Objects;

/** The documents bucket through S3's REST API (docs/adr/0036-slim-aws-calls.md). */
@Factory
public class S3ClientFactory {

    @Singleton
    public S3Objects documentsBucket(FunctionEnvironment env) {
        return S3Objects.of(env, env.required("DOCUMENTS_BUCKET"));
    }
}
