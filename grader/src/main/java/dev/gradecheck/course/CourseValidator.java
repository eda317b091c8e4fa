package dev.gradecheck.course;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks across manifests and files: every student file exists in the template and the solutions and belongs to
 * exactly one exercise, the solutions hold nothing else, every mutant folder exists (and is declared), every exercise
 * has hidden test sources, every answer file a manual item names is in the template.
 */
final class CourseValidator {

    private final CourseLayout layout;

    CourseValidator(CourseLayout layout) {
        this.layout = layout;
    }

    /** Throws a {@link CourseException} naming the first problem found. */
    void validate(List<Exercise> exercises) throws CourseException {
        Map<String, String> owners = new HashMap<>();
        for (Exercise exercise : exercises) {
            for (String file : exercise.studentFiles()) {
                claim(owners, file, exercise);
                requireFile(layout.templateSources().resolve(file), exercise, file, "student-template/src/main/java");
                requireFile(layout.solutionSources().resolve(file), exercise, file, "solutions/src/main/java");
            }
            checkMutants(exercise);
            checkTestSources(exercise);
            checkAnswerFiles(exercise);
        }
        checkSolutionsHoldOnlyStudentFiles(owners.keySet());
    }

    private void claim(Map<String, String> owners, String file, Exercise exercise) throws CourseException {
        String owner = owners.putIfAbsent(file, exercise.id());
        if (owner != null) {
            throw new CourseException(manifest(exercise) + ": \"studentFiles\" lists \"" + file
                    + "\", which exercise \"" + owner + "\" already lists — a student file belongs to exactly one exercise");
        }
    }

    /** A manual item's answer file is in the template, so a student starts from its sections. */
    private void checkAnswerFiles(Exercise exercise) throws CourseException {
        for (int i = 0; i < exercise.manual().size(); i++) {
            ManualItem item = exercise.manual().get(i);
            if (item.answer().isPresent() && !Files.isRegularFile(layout.template().resolve(item.answer().get().file()))) {
                throw new CourseException(manifest(exercise) + ": \"manual[" + i + "].answer.file\" names \""
                        + item.answer().get().file() + "\", but student-template/" + item.answer().get().file()
                        + " does not exist — add it with a section headed `" + item.answer().get().section()
                        + "`, or fix the name");
            }
        }
    }

    private void requireFile(Path path, Exercise exercise, String file, String where) throws CourseException {
        if (!Files.isRegularFile(path)) {
            throw new CourseException(manifest(exercise) + ": \"studentFiles\" lists \"" + file + "\", but "
                    + where + "/" + file + " does not exist — add it or fix the path");
        }
    }

    private void checkMutants(Exercise exercise) throws CourseException {
        Set<String> studentNames = new TreeSet<>();
        exercise.studentFiles().forEach(file -> studentNames.add(file.substring(file.lastIndexOf('/') + 1)));
        Set<String> declared = new TreeSet<>();
        for (Mutant mutant : exercise.mutants()) {
            declared.add(mutant.code());
            checkMutant(exercise, mutant, studentNames);
        }
        Path mutantsFolder = exercise.folder().resolve("mutants");
        for (Path folder : subfolders(mutantsFolder)) {
            if (!declared.contains(folder.getFileName().toString())) {
                throw new CourseException(layout.relative(folder) + ": mutant folder not declared in "
                        + manifest(exercise) + " — add {\"code\": \"" + folder.getFileName() + "\", \"summary\": ...} to \"mutants\" or delete the folder");
            }
        }
    }

    private void checkMutant(Exercise exercise, Mutant mutant, Set<String> studentNames) throws CourseException {
        List<Path> sources = CourseLayout.filesBelow(mutant.folder(), ".java");
        if (sources.isEmpty()) {
            throw new CourseException(manifest(exercise) + ": mutant \"" + mutant.code() + "\" needs replacement .java files in "
                    + layout.relative(mutant.folder()) + "/, found none");
        }
        for (Path source : sources) {
            if (!studentNames.contains(source.getFileName().toString())) {
                throw new CourseException(layout.relative(source) + ": a mutant may only replace a student file of its exercise ("
                        + String.join(", ", studentNames) + ")");
            }
        }
    }

    private void checkTestSources(Exercise exercise) throws CourseException {
        if (CourseLayout.filesBelow(exercise.testSources(), ".java").isEmpty()) {
            throw new CourseException(layout.relative(exercise.testSources()) + ": no hidden test sources — "
                    + manifest(exercise) + " lists tests, put their classes under tests/<package path>/");
        }
    }

    private void checkSolutionsHoldOnlyStudentFiles(Set<String> studentFiles) throws CourseException {
        for (Path source : CourseLayout.filesBelow(layout.solutionSources(), ".java")) {
            String file = CourseLayout.relativePath(layout.solutionSources(), source);
            if (!studentFiles.contains(file)) {
                throw new CourseException("solutions/src/main/java/" + file + ": no exercise lists \"" + file
                        + "\" in \"studentFiles\" — the solutions hold exactly the student files");
            }
        }
    }

    private static List<Path> subfolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String manifest(Exercise exercise) {
        return layout.relative(exercise.folder().resolve("exercise.json"));
    }
}
