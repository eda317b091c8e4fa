package dev.gradecheck.batch;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * What the class outputs know of one student: who (from the source), how the submission ended (from the journal)
 * and its reports with the manual grades merged in.
 *
 * @param entry the student and the submission
 * @param journal its journal entry: status, reason, commit
 * @param report {@code report.json}, manual grades merged (the written answers in it, as the grading read them)
 */
record StudentRecord(ClassEntry entry, Journal.Entry journal, JsonObject report) {

    StudentRecord {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(report, "report");
    }

    boolean graded() {
        return journal.status().equals(Batch.GRADED);
    }

    String student() {
        return entry.student();
    }
}
