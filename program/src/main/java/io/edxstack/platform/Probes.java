package io.edxstack.platform;

import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPHeaderArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.core.Either;

import java.util.List;

/** Probe shapes used across the platform: how often, how patient, and on what. */
final class Probes {
    private Probes() {
    }

    static ProbeArgs tcp(String port, int periodSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .tcpSocket(TCPSocketActionArgs.builder().port(Either.ofRight(port)).build())
                .periodSeconds(periodSeconds)
                .timeoutSeconds(5)
                .failureThreshold(failureThreshold)
                .build();
    }

    static ProbeArgs http(String path, String port, String host, int periodSeconds, int failureThreshold) {
        var get = HTTPGetActionArgs.builder().path(path).port(Either.ofRight(port));
        if (host != null) {
            // Django answers only for ALLOWED_HOSTS; the kubelet would send the pod IP.
            get.httpHeaders(List.of(HTTPHeaderArgs.builder().name("Host").value(host).build()));
        }
        return ProbeArgs.builder()
                .httpGet(get.build())
                .periodSeconds(periodSeconds)
                .timeoutSeconds(5)
                .failureThreshold(failureThreshold)
                .build();
    }

    static ProbeArgs exec(List<String> command, int periodSeconds, int timeoutSeconds, int failureThreshold) {
        return ProbeArgs.builder()
                .exec(ExecActionArgs.builder().command(command).build())
                .periodSeconds(periodSeconds)
                .timeoutSeconds(timeoutSeconds)
                .failureThreshold(failureThreshold)
                .build();
    }
}
