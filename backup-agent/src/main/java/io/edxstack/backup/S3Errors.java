package io.edxstack.backup;

import io.edxstack.backup.contract.AgentEnv;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.Set;

/** Turns SDK failures into messages that say which request failed, how S3 answered and what to check. */
final class S3Errors {
    private static final Set<String> CREDENTIAL_CODES =
            Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken");

    private S3Errors() {
    }

    static BackupException translate(String operation, String bucket, String key, String endpoint, SdkException e) {
        String target = "s3://" + bucket + "/" + key + " at " + endpoint;
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null ? "" : service.awsErrorDetails().errorCode();
            code = code == null ? "" : code;
            if (status == 403 || CREDENTIAL_CODES.contains(code)) {
                return new StorageCredentialsException("S3 refused the credentials for " + operation + " of " + target
                        + " (HTTP " + status + " " + code + "), perhaps check " + AgentEnv.AWS_ACCESS_KEY_ID + ", "
                        + AgentEnv.AWS_SECRET_ACCESS_KEY + " and the user's access to bucket " + bucket, e);
            }
            if ("NoSuchBucket".equals(code)) {
                return new StorageException("bucket " + bucket + " does not exist (HTTP " + status + " NoSuchBucket), "
                        + "perhaps check --s3-bucket / " + AgentEnv.S3_BUCKET, status, e);
            }
            return new StorageException("S3 " + operation + " of " + target + " failed with HTTP " + status + " "
                    + code + ", perhaps check the S3 service's logs", status, e);
        }
        String timedOut = e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                ? " within its deadline" : "";
        return new StorageException("S3 " + operation + " of " + target + " got no answer" + timedOut + " ("
                + rootMessage(e) + ") after the client's retries, perhaps check --s3-endpoint / " + AgentEnv.S3_ENDPOINT
                + " and that the S3 service is up", 0, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
