package io.edxstack.openstack;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/** Inputs of a Designate record set ({@code openstack:dns/recordSet:RecordSet}). */
public final class RecordSetArgs extends ResourceArgs {
    @Import(name = "zoneId", required = true)
    private @Nullable Output<String> zoneId;

    @Import(name = "records", required = true)
    private @Nullable Output<List<String>> records;

    @Import(name = "name")
    private @Nullable Output<String> name;

    @Import(name = "type")
    private @Nullable Output<String> type;

    @Import(name = "ttl")
    private @Nullable Output<Integer> ttl;

    @Import(name = "description")
    private @Nullable Output<String> description;

    @Import(name = "region")
    private @Nullable Output<String> region;

    public Output<String> zoneId() {
        return zoneId;
    }

    public Output<List<String>> records() {
        return records;
    }

    public Optional<Output<String>> name() {
        return Optional.ofNullable(name);
    }

    public Optional<Output<String>> type() {
        return Optional.ofNullable(type);
    }

    public Optional<Output<Integer>> ttl() {
        return Optional.ofNullable(ttl);
    }

    public Optional<Output<String>> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Output<String>> region() {
        return Optional.ofNullable(region);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final RecordSetArgs args = new RecordSetArgs();

        public Builder zoneId(@Nullable Output<String> zoneId) {
            args.zoneId = zoneId;
            return this;
        }

        public Builder zoneId(@Nullable String zoneId) {
            return zoneId(zoneId == null ? null : Output.of(zoneId));
        }

        public Builder records(@Nullable Output<List<String>> records) {
            args.records = records;
            return this;
        }

        public Builder records(@Nullable List<String> records) {
            return records(records == null ? null : Output.of(records));
        }

        public Builder name(@Nullable Output<String> name) {
            args.name = name;
            return this;
        }

        public Builder name(@Nullable String name) {
            return name(name == null ? null : Output.of(name));
        }

        public Builder type(@Nullable Output<String> type) {
            args.type = type;
            return this;
        }

        public Builder type(@Nullable String type) {
            return type(type == null ? null : Output.of(type));
        }

        public Builder ttl(@Nullable Output<Integer> ttl) {
            args.ttl = ttl;
            return this;
        }

        public Builder ttl(@Nullable Integer ttl) {
            return ttl(ttl == null ? null : Output.of(ttl));
        }

        public Builder description(@Nullable Output<String> description) {
            args.description = description;
            return this;
        }

        public Builder description(@Nullable String description) {
            return description(description == null ? null : Output.of(description));
        }

        public Builder region(@Nullable Output<String> region) {
            args.region = region;
            return this;
        }

        public Builder region(@Nullable String region) {
            return region(region == null ? null : Output.of(region));
        }

        public RecordSetArgs build() {
            if (args.zoneId == null) {
                throw new IllegalStateException("RecordSetArgs.zoneId is required");
            }
            if (args.records == null) {
                throw new IllegalStateException("RecordSetArgs.records is required");
            }
            return args;
        }
    }
}
