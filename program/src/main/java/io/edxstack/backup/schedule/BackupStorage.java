package io.edxstack.backup.schedule;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.edxstack.config.BackupConfig;
import io.edxstack.openstack.Container;
import io.edxstack.openstack.ContainerArgs;
import io.edxstack.openstack.Ec2CredentialV3;
import io.edxstack.openstack.Ec2CredentialV3Args;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's side of the backup bucket: the bucket itself on the stack whose region holds it, and the S3
 * keys the agent uses (EC2 credentials from Keystone, valid on every region's RGW, or keys from config).
 */
public final class BackupStorage extends ComponentResource {
    public static final String TYPE = "edxstack:backup:BackupStorage";

    private final Output<String> accessKey;
    private final Output<String> secretKey;
    private final Optional<Container> bucket;
    private final Optional<Container> copyBucket;

    public BackupStorage(String name, BackupConfig config, String region, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, null, options);
        this.bucket = config.createBucket()
                ? Optional.of(protectedBucket(name + "-bucket", config.bucket(), region, "edxstack-backups"))
                : Optional.empty();
        // The copy's bucket lives in the active stack's own region.
        this.copyBucket = config.copy().filter(BackupConfig.CopyBucket::createBucket)
                .map(copy -> protectedBucket(name + "-copy-bucket", copy.bucket(), region, "edxstack-backups-copy"));
        if (config.credentials().isPresent()) {
            var keys = config.credentials().get();
            this.accessKey = Output.ofSecret(keys.accessKey().reveal());
            this.secretKey = Output.ofSecret(keys.secretKey().reveal());
        } else {
            var credential = new Ec2CredentialV3(name + "-s3-credential",
                    Ec2CredentialV3Args.builder().region(region).build(),
                    CustomResourceOptions.builder().parent(this).build());
            this.accessKey = credential.access().asSecret();
            this.secretKey = credential.secret().asSecret();
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("bucket", Output.of(config.bucket()));
        outputs.put("accessKey", accessKey);
        registerOutputs(outputs);
    }

    /** A bucket holding backups: protected, never emptied by a destroy (it may hold the only off-site copy). */
    private Container protectedBucket(String resourceName, String bucketName, String region, String purpose) {
        return new Container(resourceName, ContainerArgs.builder()
                .name(bucketName)
                .region(region)
                .forceDestroy(false)
                .metadata(Map.of("purpose", purpose))
                .build(),
                CustomResourceOptions.builder().parent(this).protect(true).build());
    }

    public Output<String> accessKey() {
        return accessKey;
    }

    public Output<String> secretKey() {
        return secretKey;
    }

    public Optional<Container> bucket() {
        return bucket;
    }

    public Optional<Container> copyBucket() {
        return copyBucket;
    }
}
