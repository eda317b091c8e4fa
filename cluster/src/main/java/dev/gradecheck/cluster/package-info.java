/**
 * Grading past one machine. A coordinator puts submissions on a {@link dev.gradecheck.cluster.JobQueue}; workers
 * ({@link dev.gradecheck.cluster.Worker}, one per machine, several slots each) take a job when a slot is free (pull),
 * hold it under a {@link dev.gradecheck.cluster.Lease} they renew by heartbeat, and hand back the report; a lease
 * that runs out puts its job back, a job is tried a bounded number of times and then reported not gradable, and a
 * submission is completed once however often it was graded ({@link dev.gradecheck.cluster.Ledger}, the coordinator's
 * own record). Two queues keep one contract: {@link dev.gradecheck.cluster.InProcessJobQueue} (one machine, the
 * default) and {@code hazelcast.HazelcastJobQueue} (an embedded Hazelcast cluster). What crosses machines is bytes
 * signed with the batch's {@link dev.gradecheck.cluster.ClusterKey} ({@link dev.gradecheck.cluster.Envelopes}).
 *
 * <p>Nothing here depends on Hazelcast but the {@code hazelcast} package, and nothing of the grader depends on this
 * module: the cluster sits on top of the batch and the one-off grading never loads it.
 */
package dev.gradecheck.cluster;
