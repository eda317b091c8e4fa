/**
 * The job queue on an embedded Hazelcast cluster (Community Edition), the only package that uses Hazelcast.
 * {@link dev.gradecheck.cluster.hazelcast.ClusterMember} starts a member locked down as far as the Community Edition
 * allows (it has no member authentication): TCP/IP join with an explicit member list, multicast and auto-detection
 * off, bound to one interface, no client endpoint, no Java deserialization, no phone-home.
 * {@link dev.gradecheck.cluster.hazelcast.HazelcastJobQueue} keeps the {@link dev.gradecheck.cluster.JobQueue}
 * contract on an {@code IQueue} of signed jobs, an {@code IMap} of signed leases and an {@code IQueue} of signed
 * results; the coordinator alone decides, from its own {@link dev.gradecheck.cluster.Ledger}.
 */
package dev.gradecheck.cluster.hazelcast;
