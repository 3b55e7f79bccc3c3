package io.edxstack.diff;

import io.edxstack.openstack.ClusterTemplate;
import io.edxstack.render.DesiredState;
import io.edxstack.state.ResourceState;
import io.edxstack.state.Statefulness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The difference between two renders of one stack (the target branch and a change): which resources
 * appear, disappear or change, and which of their inputs. Needs no cloud and no credentials, so it can
 * run on untrusted changes.
 */
public record StateDiff(String stack, List<ResourceChange> changes, int unchanged) {

    public StateDiff {
        changes = List.copyOf(changes);
    }

    public static StateDiff between(DesiredState base, DesiredState head) {
        if (!base.stack().equals(head.stack())) {
            throw new IllegalArgumentException("the renders are of different stacks (" + base.stack() + " and "
                    + head.stack() + "), perhaps render both with the same --stack");
        }
        Map<String, ResourceState> before = byUrn(base.states());
        Map<String, ResourceState> after = byUrn(head.states());
        List<ResourceChange> changes = new ArrayList<>();
        int unchanged = 0;
        for (var entry : after.entrySet()) {
            ResourceState now = entry.getValue();
            ResourceState was = before.get(entry.getKey());
            if (was == null) {
                changes.add(change(now, ResourceChange.Op.create, List.of()));
                continue;
            }
            List<PropertyChange> properties = new ArrayList<>();
            compare("", was.inputs(), now.inputs(), properties);
            if (was.protect() != now.protect()) {
                properties.add(new PropertyChange("(protect)", PropertyChange.Kind.update, was.protect(), now.protect()));
            }
            if (!Objects.equals(was.parent(), now.parent())) {
                properties.add(new PropertyChange("(parent)", PropertyChange.Kind.update, was.parent(), now.parent()));
            }
            if (properties.isEmpty()) {
                unchanged++;
            } else {
                changes.add(change(now, ResourceChange.Op.update, properties));
            }
        }
        before.forEach((urn, was) -> {
            if (!after.containsKey(urn)) {
                changes.add(change(was, ResourceChange.Op.delete, List.of()));
            }
        });
        changes.sort(Comparator.comparing((ResourceChange c) -> !c.stateful())
                .thenComparing(c -> c.op() != ResourceChange.Op.delete)
                .thenComparing(ResourceChange::urn));
        return new StateDiff(head.stack(), changes, unchanged);
    }

    public long count(ResourceChange.Op op) {
        return changes.stream().filter(c -> c.op() == op).count();
    }

    public boolean touchesStatefulResources() {
        return changes.stream().anyMatch(ResourceChange::stateful);
    }

    /** A template in use cannot change under its cluster, so its changes are read like the cluster's own. */
    static boolean flagged(ResourceState resource) {
        return Statefulness.isStateful(resource) || resource.type().equals(ClusterTemplate.TYPE);
    }

    private static ResourceChange change(ResourceState resource, ResourceChange.Op op, List<PropertyChange> properties) {
        return new ResourceChange(resource.urn(), resource.type(), resource.name(), op, flagged(resource), properties);
    }

    private static Map<String, ResourceState> byUrn(List<ResourceState> states) {
        Map<String, ResourceState> map = new LinkedHashMap<>();
        states.forEach(s -> map.put(s.urn(), s));
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void compare(String path, Object was, Object now, List<PropertyChange> out) {
        if (Objects.equals(was, now)) {
            return;
        }
        if (was instanceof Map<?, ?> a && now instanceof Map<?, ?> b) {
            Map<String, Object> keys = new TreeMap<>();
            ((Map<String, Object>) a).keySet().forEach(k -> keys.put(k, null));
            ((Map<String, Object>) b).keySet().forEach(k -> keys.put(k, null));
            for (String key : keys.keySet()) {
                String child = path.isEmpty() ? key : path + "." + key;
                if (!a.containsKey(key)) {
                    out.add(new PropertyChange(child, PropertyChange.Kind.add, null, b.get(key)));
                } else if (!b.containsKey(key)) {
                    out.add(new PropertyChange(child, PropertyChange.Kind.delete, a.get(key), null));
                } else {
                    compare(child, a.get(key), b.get(key), out);
                }
            }
            return;
        }
        if (was instanceof List<?> a && now instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
            return;
        }
        out.add(new PropertyChange(path, PropertyChange.Kind.update, was, now));
    }
}
