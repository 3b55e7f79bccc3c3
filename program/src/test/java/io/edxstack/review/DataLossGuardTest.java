package io.edxstack.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edxstack.policies.Level;
import io.edxstack.policies.Violation;
import io.edxstack.review.change.ChangeOp;
import io.edxstack.review.change.StackChanges;
import io.edxstack.review.guard.AllowReplaceFooters;
import io.edxstack.review.guard.DataLossGuard;
import io.edxstack.review.input.DesiredDiffReader;
import io.edxstack.review.input.PreviewReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLossGuardTest {

    private static final String MESSAGE = """
            storage: move demo media to the SSD CephFS pool

            The HDD pool is retired next month.

            Allow-Replace: demo-media
            Change-Id: I5d2c0b1e7a8f9c3d4e6b2a1f0c9d8e7b6a5f4c3d
            """;

    @Test
    void guard_storageReplaceWithoutFooter_isMandatoryForPvcAndStatefulSet() {
        List<Violation> violations = guard(AllowReplaceFooters.none(), preview("prod-primary-storage-replace"));

        assertEquals(List.of("demo-media", "demo-mysql"), violations.stream().map(Violation::name).sorted().toList());
        assertTrue(violations.stream().allMatch(violation -> violation.isMandatory()
                && violation.ruleId().equals(DataLossGuard.DATA_LOSS_RULE)
                && violation.message().contains("add the footer 'Allow-Replace: " + violation.name() + "'")),
                violations::toString);
    }

    @Test
    void guard_footerNamingOneResource_allowsOnlyThatOne() {
        List<Violation> violations = guard(AllowReplaceFooters.parse(MESSAGE), preview("prod-primary-storage-replace"));

        Violation media = violations.stream().filter(v -> v.name().equals("demo-media")).findFirst().orElseThrow();
        Violation mysql = violations.stream().filter(v -> v.name().equals("demo-mysql")).findFirst().orElseThrow();
        assertEquals(Level.ADVISORY, media.level());
        assertTrue(media.message().contains("take a fresh backup"), media.message());
        assertEquals(Level.MANDATORY, mysql.level());
    }

    @Test
    void guard_footerNamingUrn_allowsClusterReplace() {
        StackChanges changes = preview("prod-primary-cluster-flavor-replace");
        String urn = changes.changes().get(0).urn();

        List<Violation> violations = guard(AllowReplaceFooters.parse("Rebuild on bigger nodes\n\nallow-replace: "
                + urn + "\n"), changes);

        assertEquals(1, violations.size());
        assertEquals(Level.ADVISORY, violations.get(0).level());
    }

    @Test
    void guard_platformRemovedFromDr_blocksNamespaceAndDataResourcesOnly() {
        List<Violation> violations = guard(AllowReplaceFooters.none(), preview("prod-dr-platform-removed"));

        assertEquals(List.of("acme-media", "acme-namespace"), violations.stream().map(Violation::name).sorted().toList());
        assertTrue(violations.stream().allMatch(Violation::isMandatory));
    }

    @Test
    void guard_inPlaceDeploymentUpdate_passes() {
        assertEquals(List.of(), guard(AllowReplaceFooters.none(), preview("prod-primary-lms-update")));
    }

    @Test
    void guard_kubernetesProviderVersionUpdate_isTheOnlyChangeAndPasses() {
        // The first preview of a stack deployed before the provider pin: its provider moves from the version the
        // Java SDK stamped to the pinned one; nothing it manages changes.
        StackChanges changes = preview("prod-dr-provider-version-update");

        assertEquals(List.of("UPDATE pulumi:providers:kubernetes prod-dr-k8s"), changes.changes().stream()
                .filter(change -> change.op() != ChangeOp.SAME)
                .map(change -> change.op() + " " + change.type() + " " + change.name()).toList());
        assertEquals(List.of(), guard(AllowReplaceFooters.none(), changes));
    }

    @Test
    void guard_desiredDiff_flagsTemplateUpdateAndShrunkClaimButNotClusterResize() {
        StackChanges changes = DesiredDiffReader.read(Fixtures.render("diff-prod-primary"));

        List<Violation> violations = guard(AllowReplaceFooters.none(), changes);

        assertEquals(List.of("cluster-template-immutable:prod-primary-k8s-v1-30", "data-loss-guard:demo-media"),
                violations.stream().map(v -> v.ruleId() + ":" + v.name()).sorted().toList());
        assertTrue(violations.stream().allMatch(Violation::isMandatory));
        assertTrue(violations.stream().anyMatch(v -> v.message().contains("add a new template version")));
        assertEquals(ChangeOp.UPDATE, changes.changes().stream()
                .filter(change -> change.name().equals("prod-primary-cluster")).findFirst().orElseThrow().op());
    }

    @Test
    void guard_desiredDiffOfRemovedPlatform_usesStatefulFlag() {
        List<Violation> violations = guard(AllowReplaceFooters.none(),
                DesiredDiffReader.read(Fixtures.render("diff-prod-dr")));

        assertEquals(List.of("acme-media", "acme-namespace"), violations.stream().map(Violation::name).sorted().toList());
    }

    private static StackChanges preview(String name) {
        return PreviewReader.read(Fixtures.preview(name), name.startsWith("prod-dr") ? "prod-dr" : "prod-primary")
                .changes();
    }

    private static List<Violation> guard(AllowReplaceFooters footers, StackChanges changes) {
        return new DataLossGuard(footers).check(changes);
    }
}
