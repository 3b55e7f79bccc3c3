/**
 * What the Pulumi program's backup CronJobs and the backup agent must agree on, defined once for both: the
 * environment variables the agent reads its settings from ({@link io.edxstack.backup.contract.AgentEnv}), the labels
 * on its CronJobs ({@link io.edxstack.backup.contract.AgentLabels}), stack roles, database kinds and the layout of the
 * bucket ({@link io.edxstack.backup.contract.BucketLayout}). Plain Java and Jackson annotations only, so that both
 * the program and the agent's own jar can carry it.
 */
package io.edxstack.backup.contract;
