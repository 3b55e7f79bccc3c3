package io.edxstack.config;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every setting a stack may have. Add a key here, then regenerate Pulumi.yaml and the README table. */
public final class ConfigKeys {

    public static final ConfigKey REGION = ConfigKey.required("region",
            "OpenStack region this stack deploys to (e.g. RegionOne). Required.");
    public static final ConfigKey ROLE = ConfigKey.string("role", "active",
            "active: serves users and takes backups; standby: keeps data services warm and restores the active "
                    + "region's backups, web and workers scaled down. Promoting DR is a reviewed change of this key.");
    public static final ConfigKey PEER_STACK = ConfigKey.string("peerStack", null,
            "The other region's stack (e.g. prod-dr or org/edxstack/prod-dr), read through a StackReference "
                    + "when it is reachable.");
    public static final ConfigKey OPENSTACK_CLOUD = ConfigKey.string("openstack.cloud", null,
            "Entry of clouds.yaml for this region's credentials; when unset the provider reads the OS_* "
                    + "environment variables (an application credential in Zuul).");
    public static final ConfigKey CLUSTER_MODE = ConfigKey.string("cluster.mode", "magnum",
            "magnum: the stack creates the Magnum cluster template(s) and cluster; existing: bring your own "
                    + "cluster (its kubeconfig from edxstack:cluster.kubeconfig or from the run's KUBECONFIG file), "
                    + "no OpenStack resource is created.");
    public static final ConfigKey CLUSTER_NAME = ConfigKey.string("cluster.name", null,
            "Magnum cluster name (DNS-1123 label). Changing it creates a new cluster: a blue/green move.");
    public static final ConfigKey CLUSTER_TEMPLATE = ConfigKey.string("cluster.template", null,
            "Version of stacks/cluster-templates/<version>.yaml the cluster runs. Changing it upgrades the "
                    + "running cluster in place through Magnum's upgrade API: an explicit, reviewed operation.");
    public static final ConfigKey CLUSTER_MASTER_COUNT = ConfigKey.integer("cluster.masterCount", 3,
            "Control-plane nodes: 1, 3 or 5 (etcd quorum). Fixed at creation: a change replaces the cluster.");
    public static final ConfigKey CLUSTER_NODE_COUNT = ConfigKey.integer("cluster.nodeCount", 3,
            "Worker nodes at creation and after a resize; within the template's minNodeCount..maxNodeCount.");
    public static final ConfigKey CLUSTER_KEYPAIR = ConfigKey.string("cluster.keypair", null,
            "Nova keypair installed on the nodes (for break-glass SSH).");
    public static final ConfigKey CLUSTER_CREATE_TIMEOUT = ConfigKey.integer("cluster.createTimeoutMinutes", 90,
            "How long Magnum may take to create the cluster, in minutes (10 to 1440).");
    public static final ConfigKey CLUSTER_KUBECONFIG = ConfigKey.secret("cluster.kubeconfig",
            "Kubeconfig of an existing cluster (cluster.mode existing); set it with "
                    + "'pulumi config set --secret edxstack:cluster.kubeconfig < kubeconfig'. Leave it unset to keep "
                    + "every credential out of the state: each run then reads the file named by KUBECONFIG, context "
                    + "edxstack-<stack> (the deploy job's deployer identity, the drift job's read-only one).");
    public static final ConfigKey NETWORK_EXTERNAL = ConfigKey.string("network.externalNetworkId", null,
            "Neutron external network (name or ID) for floating IPs and the Octavia load balancers.");
    public static final ConfigKey NETWORK_FIXED = ConfigKey.string("network.fixedNetwork", null,
            "Existing Neutron network for the nodes; when unset Magnum creates one.");
    public static final ConfigKey NETWORK_FIXED_SUBNET = ConfigKey.string("network.fixedSubnet", null,
            "Subnet of network.fixedNetwork; required when fixedNetwork is set.");
    public static final ConfigKey NETWORK_DNS = ConfigKey.string("network.dnsNameserver", null,
            "DNS server the nodes use (an IPv4 address); Magnum's default when unset.");
    public static final ConfigKey NETWORK_FLOATING_IPS = ConfigKey.bool("network.floatingIpEnabled", false,
            "Give every node a floating IP. Off: nodes stay private behind the load balancers.");
    public static final ConfigKey STORAGE_VOLUME_TYPE = ConfigKey.string("storage.volumeType", null,
            "Cinder volume type of the storage classes (e.g. ceph-ssd); the cloud's default type when unset.");
    public static final ConfigKey STORAGE_AZ = ConfigKey.string("storage.availabilityZone", null,
            "Cinder availability zone of new volumes; the cloud's default when unset.");
    public static final ConfigKey STORAGE_FS_TYPE = ConfigKey.string("storage.fsType", "ext4",
            "Filesystem of new volumes: ext4 or xfs.");
    public static final ConfigKey STORAGE_DEFAULT_CLASS = ConfigKey.bool("storage.markDefault", true,
            "Mark the 'cinder' storage class as the cluster default.");
    public static final ConfigKey INGRESS_NAMESPACE = ConfigKey.string("ingress.namespace", "kube-system",
            "Namespace of the ingress controller, the only other namespace allowed to reach platform pods.");

    public static final ConfigKey BACKUP_S3_ENDPOINT = ConfigKey.string("backup.s3Endpoint", null,
            "S3 endpoint of the backup bucket: the DR region's Ceph RGW (e.g. https://s3.regiontwo.example.org), the "
                    + "same on both stacks, so backups are off-site by design and a dead primary region loses none.");
    public static final ConfigKey BACKUP_S3_REGION = ConfigKey.string("backup.s3Region", "default",
            "Signing region of the backup endpoint (the RGW zonegroup's API name).");
    public static final ConfigKey BACKUP_BUCKET = ConfigKey.string("backup.bucket", "edxstack-backups",
            "Bucket holding every platform's backups, under backups/<platform>/<database>/.");
    public static final ConfigKey BACKUP_CREATE_BUCKET = ConfigKey.bool("backup.createBucket", false,
            "Create the bucket in this stack's region as a protected object-storage container: true on the stack "
                    + "whose region holds it (prod-dr), false elsewhere.");
    public static final ConfigKey BACKUP_CREDENTIALS = ConfigKey.string("backup.credentials", "openstack",
            "openstack: the stack creates EC2 credentials in Keystone for the backup jobs; config: "
                    + "edxstack:backup.s3AccessKey and edxstack:backup.s3SecretKey (secrets) are used.");
    public static final ConfigKey BACKUP_ACCESS_KEY = ConfigKey.secret("backup.s3AccessKey",
            "S3 access key of the backup bucket, with backup.credentials config.");
    public static final ConfigKey BACKUP_SECRET_KEY = ConfigKey.secret("backup.s3SecretKey",
            "S3 secret key of the backup bucket, with backup.credentials config.");
    public static final ConfigKey BACKUP_COPY_S3_ENDPOINT = ConfigKey.string("backup.copyS3Endpoint", null,
            "Optional copy of every backup in a second bucket, in the active stack's own region (fast restores there, "
                    + "a second copy): its S3 endpoint. The backup job reads each complete backup back, checks its "
                    + "SHA-256 and writes it there with the same manifest; prune keeps the same retention. Unset: no copy.");
    public static final ConfigKey BACKUP_COPY_S3_REGION = ConfigKey.string("backup.copyS3Region", "default",
            "Signing region of the copy's endpoint.");
    public static final ConfigKey BACKUP_COPY_BUCKET = ConfigKey.string("backup.copyBucket", "edxstack-backups-copy",
            "Bucket of the backups' copy; the same S3 keys as the backup bucket reach it.");
    public static final ConfigKey BACKUP_COPY_CREATE_BUCKET = ConfigKey.bool("backup.copyCreateBucket", false,
            "Create the copy's bucket in this stack's region as a protected object-storage container.");
    public static final ConfigKey BACKUP_AGENT_IMAGE = ConfigKey.string("backup.agentImage",
            "localhost:5000/edxstack/backup-agent:1.0.0",
            "Image of the backup agent (images/backup-agent), from Magnum's registry on the nodes.");
    public static final ConfigKey BACKUP_RPO_MINUTES = ConfigKey.integer("backup.rpoMinutes", 180,
            "Recovery point objective: 'failover check' fails when a platform's newest complete backup is older.");
    public static final ConfigKey FAILOVER_PRIMARY_UNREACHABLE = ConfigKey.bool("failover.primaryUnreachable", false,
            "Set in the change that promotes this stack while the peer's region is down: the peer's last recorded "
                    + "role is active, and without this statement the program refuses to run (split brain).");
    public static final ConfigKey DNS_ZONE_ID = ConfigKey.string("dns.zoneId", null,
            "Designate zone of the platforms' hosts; the active stack points their records at its front door. "
                    + "Unset: DNS is managed outside (see the failover runbook).");
    public static final ConfigKey DNS_FRONT_DOOR_ADDRESS = ConfigKey.string("dns.frontDoorAddress", null,
            "This region's front-door address (a reserved floating IP) that the platforms' DNS records point to.");
    public static final ConfigKey DNS_TTL = ConfigKey.integer("dns.ttl", 120,
            "TTL of the platforms' DNS records in seconds; short, so a failover's DNS flip spreads quickly.");
    public static final ConfigKey FRONT_DOOR_MODE = ConfigKey.string("frontDoor.mode", "caddy",
            "caddy: each platform gets Caddy behind its own Octavia TCP load balancer (TLS from cert-manager's "
                    + "Secret); ingress: an Ingress per platform for the cluster's ingress controller.");
    public static final ConfigKey FRONT_DOOR_INGRESS_CLASS = ConfigKey.string("frontDoor.ingressClass", "nginx",
            "IngressClass of the Ingresses and of cert-manager's HTTP-01 solver with frontDoor.mode ingress.");
    public static final ConfigKey CERT_MANAGER_INSTALL = ConfigKey.bool("certManager.install", true,
            "Install cert-manager (Helm chart from charts.jetstack.io, CRDs included) into namespace cert-manager; "
                    + "false when the cluster already runs it.");
    public static final ConfigKey CERT_MANAGER_VERSION = ConfigKey.string("certManager.version", "v1.16.3",
            "Pinned cert-manager chart version (https://cert-manager.io/docs/releases/).");
    public static final ConfigKey CERT_MANAGER_ACME_EMAIL = ConfigKey.string("certManager.acmeEmail", null,
            "Contact address of the ACME account (expiry and policy mail from Let's Encrypt). Required.");
    public static final ConfigKey CERT_MANAGER_ACME_SERVER = ConfigKey.string("certManager.acmeServer",
            "https://acme-v02.api.letsencrypt.org/directory",
            "ACME directory of the stack's ClusterIssuer (Let's Encrypt production by default; its staging "
                    + "directory for trials).");
    public static final ConfigKey SECRETS_MASTER_KEY = ConfigKey.secret("secrets.masterKey",
            "Master key every platform secret (database passwords, Django SECRET_KEY, OAuth2 and Meilisearch keys) "
                    + "is derived from. Identical on both stacks so restored data matches; set with "
                    + "'pulumi config set --secret edxstack:secrets.masterKey -- \"$(openssl rand -base64 48)\"'. Required.");
    public static final ConfigKey MEDIA_S3_ENDPOINT = ConfigKey.string("media.s3Endpoint", null,
            "S3 endpoint (Ceph RGW) of the platforms' media buckets, e.g. https://rgw.example.org. Required.");
    public static final ConfigKey MEDIA_REGION = ConfigKey.string("media.region", "default",
            "S3 region name the endpoint expects in signatures (Ceph RGW: its zonegroup, often 'default').");
    public static final ConfigKey MEDIA_BUCKET_PREFIX = ConfigKey.string("media.bucketPrefix", "openedx-",
            "Media bucket of a platform: <bucketPrefix><platform>-media (the buckets are created with the Ceph "
                    + "account, not by the stack).");
    public static final ConfigKey MEDIA_ACCESS_KEY_ID = ConfigKey.secret("media.accessKeyId",
            "S3 access key of the media buckets; with media.secretAccessKey the stack writes it into each "
                    + "namespace. Unset: each namespace must hold the Secret named by media.credentialsSecret.");
    public static final ConfigKey MEDIA_SECRET_ACCESS_KEY = ConfigKey.secret("media.secretAccessKey",
            "S3 secret key that goes with media.accessKeyId.");
    public static final ConfigKey MEDIA_CREDENTIALS_SECRET = ConfigKey.string("media.credentialsSecret",
            "media-s3-credentials",
            "Existing Secret (keys AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) in every platform namespace, read "
                    + "when media.accessKeyId is unset.");
    public static final ConfigKey STANDBY_WARM_REPLICAS = ConfigKey.integer("standby.warmReplicas", 0,
            "Replicas of each web and worker Deployment (and Caddy) on a standby stack: 0 keeps DR cold, 1 keeps "
                    + "it warm for a faster failover. No autoscaler runs on standby.");

    public static final List<ConfigKey> ALL = List.of(
            REGION, ROLE, PEER_STACK, OPENSTACK_CLOUD,
            CLUSTER_MODE, CLUSTER_NAME, CLUSTER_TEMPLATE, CLUSTER_MASTER_COUNT, CLUSTER_NODE_COUNT,
            CLUSTER_KEYPAIR, CLUSTER_CREATE_TIMEOUT, CLUSTER_KUBECONFIG,
            NETWORK_EXTERNAL, NETWORK_FIXED, NETWORK_FIXED_SUBNET, NETWORK_DNS, NETWORK_FLOATING_IPS,
            STORAGE_VOLUME_TYPE, STORAGE_AZ, STORAGE_FS_TYPE, STORAGE_DEFAULT_CLASS,
            INGRESS_NAMESPACE,
            BACKUP_S3_ENDPOINT, BACKUP_S3_REGION, BACKUP_BUCKET, BACKUP_CREATE_BUCKET, BACKUP_CREDENTIALS,
            BACKUP_ACCESS_KEY, BACKUP_SECRET_KEY, BACKUP_COPY_S3_ENDPOINT, BACKUP_COPY_S3_REGION, BACKUP_COPY_BUCKET,
            BACKUP_COPY_CREATE_BUCKET, BACKUP_AGENT_IMAGE, BACKUP_RPO_MINUTES,
            FAILOVER_PRIMARY_UNREACHABLE, DNS_ZONE_ID, DNS_FRONT_DOOR_ADDRESS, DNS_TTL,
            FRONT_DOOR_MODE, FRONT_DOOR_INGRESS_CLASS,
            CERT_MANAGER_INSTALL, CERT_MANAGER_VERSION, CERT_MANAGER_ACME_EMAIL, CERT_MANAGER_ACME_SERVER,
            SECRETS_MASTER_KEY,
            MEDIA_S3_ENDPOINT, MEDIA_REGION, MEDIA_BUCKET_PREFIX, MEDIA_ACCESS_KEY_ID, MEDIA_SECRET_ACCESS_KEY,
            MEDIA_CREDENTIALS_SECRET,
            STANDBY_WARM_REPLICAS);

    private static final Map<String, ConfigKey> BY_FULL_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(ConfigKey::fullName, Function.identity()));

    private ConfigKeys() {
    }

    public static ConfigKey byFullName(String fullName) {
        return BY_FULL_NAME.get(fullName);
    }

    public static java.util.Set<String> fullNames() {
        return BY_FULL_NAME.keySet();
    }
}
