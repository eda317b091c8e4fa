/**
 * Small helpers every part of the grader may use, depending on nothing else of it: the JVM flags the grader starts
 * its JVMs with ({@link dev.gradecheck.platform.JvmFlags}) and file-tree copying and deletion
 * ({@link dev.gradecheck.platform.FileTrees}).
 */
package dev.gradecheck.platform;
