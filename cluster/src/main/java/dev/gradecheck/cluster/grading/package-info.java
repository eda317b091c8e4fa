/**
 * The cluster wired to the grader: {@link dev.gradecheck.cluster.grading.ClusterLanes}, the batch's lanes on a job
 * queue (the coordinator's side: each submission zipped into a job, each outcome written back as a local grading
 * writes it), and {@link dev.gradecheck.cluster.grading.BatchJobGrader}, the {@link dev.gradecheck.cluster.JobGrader}
 * of a worker and of the coordinator's own slots, which grades a job's zip exactly as the batch grades on one machine
 * (the grader's {@link dev.gradecheck.batch.GraderLanes}: a warm grader, a fresh child JVM per submission). Nothing
 * here uses Hazelcast: the queue is a {@link dev.gradecheck.cluster.JobQueue}.
 */
package dev.gradecheck.cluster.grading;
