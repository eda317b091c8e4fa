/**
 * The cluster's command line, {@code bin/grader worker ...} and {@code bin/grader batch ... --cluster}: the only
 * place of the module that prints or ends the JVM. {@link dev.gradecheck.cluster.cli.ClusterMain} is started by
 * {@code bin/grader} with the cluster jar and Hazelcast on the class path, for these two commands only.
 */
package dev.gradecheck.cluster.cli;
