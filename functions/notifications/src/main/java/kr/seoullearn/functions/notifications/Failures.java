package kr.seoullearn.functions.notifications;

import kr.seoullearn.platform.http.ProblemException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** A code safe to log: the AWS error code or the exception's type, never its message (it may quote an address). */
final class Failures {
    private Failures() {}

    static String code(Throwable e) {
        if (e instanceof AwsServiceException a) {
            if (a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null) {
                return a.awsErrorDetails().errorCode();
            }
            return "status-" + a.statusCode();
        }
        if (e instanceof ProblemException p) {
            return p.problem().code();
        }
        return e.getClass().getSimpleName();
    }
}
