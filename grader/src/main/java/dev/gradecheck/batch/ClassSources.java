package dev.gradecheck.batch;

import dev.gradecheck.platform.FileTrees;
import dev.gradecheck.submission.Intake;
import dev.gradecheck.submission.Submission;
import dev.gradecheck.submission.SubmissionException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a class from its source, in one of four forms:
 *
 * <ul>
 *   <li>{@code roster}: a CSV file with a header row {@code student,source[,ref][,name][,email]}; a relative source is
 *       the CSV's folder's; a source may be a folder, a zip, a git repository or a {@code file:} URL;</li>
 *   <li>{@code gradescope}: a Gradescope "Export Submissions" zip, or its unpacked folder: one folder per submission
 *       and {@code submission_metadata.yml} naming its submitters (the student id is the first submitter's
 *       {@code sid}, else email, else the folder's name);</li>
 *   <li>{@code classroom}: a folder of git repositories whose names share one prefix ending in a hyphen, as GitHub
 *       Classroom names them ({@code hw1-alice}, {@code hw1-bob}): the rest of the name is the login and the id;</li>
 *   <li>{@code folder}: a folder with one sub-folder, zip or git repository per student; the entry's name (without
 *       {@code .zip}) is the id. Hidden entries and other files are left out.</li>
 * </ul>
 *
 * Entries are sorted by student id; each gets an output folder name made of the id's safe characters, unique in the
 * class.
 */
final class ClassSources {

    /** What the class was read from, and its students in id order. */
    record ClassList(String form, List<ClassEntry> entries) {
        ClassList {
            entries = List.copyOf(entries);
        }
    }

    private ClassSources() {
    }

    /**
     * The class at {@code source}. A Gradescope zip is unpacked into {@code unpacked} (replaced each run, so every run
     * grades the same paths).
     *
     * @throws BatchRefused when the source is none of the forms, or cannot be read
     */
    static ClassList read(Path source, Path unpacked) throws BatchRefused {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new BatchRefused("the class " + source + " does not exist — pass a folder of submissions, a"
                    + " Gradescope export (zip or folder), a folder of GitHub Classroom repositories or a roster CSV");
        }
        if (Files.isRegularFile(source) && source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return withFolders(new ClassList("roster", roster(source)));
        }
        if (Files.isRegularFile(source)) {
            return withFolders(new ClassList("gradescope", gradescope(unpack(source, unpacked), source)));
        }
        Optional<Path> export = exportRoot(source);
        if (export.isPresent()) {
            return withFolders(new ClassList("gradescope", gradescope(export.get(), source)));
        }
        List<Path> items = entries(source);
        Optional<String> prefix = classroomPrefix(items);
        List<ClassEntry> entries = new ArrayList<>();
        for (Path item : items) {
            String name = item.getFileName().toString();
            String id = prefix.map(p -> name.substring(p.length())).orElse(name.replaceAll("(?i)\\.zip$", ""));
            entries.add(ClassEntry.of(id, item.toString()));
        }
        return withFolders(new ClassList(prefix.isPresent() ? "classroom" : "folder", entries));
    }

    private static List<Path> entries(Path folder) throws BatchRefused {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(child -> Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
                            || Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
                            && child.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new BatchRefused("cannot list " + folder + " (" + e.getMessage() + ") — check its permissions", e);
        }
    }

    /** The Classroom prefix ({@code hw1-}) when every entry is a git repository and all names share one. */
    private static Optional<String> classroomPrefix(List<Path> items) {
        if (items.size() < 2 || !items.stream().allMatch(ClassSources::isGitRepository)) {
            return Optional.empty();
        }
        String common = items.get(0).getFileName().toString();
        for (Path item : items) {
            String name = item.getFileName().toString();
            int length = 0;
            while (length < common.length() && length < name.length() && common.charAt(length) == name.charAt(length)) {
                length++;
            }
            common = common.substring(0, length);
        }
        int hyphen = common.lastIndexOf('-');
        if (hyphen <= 0) {
            return Optional.empty();
        }
        String prefix = common.substring(0, hyphen + 1);
        return items.stream().allMatch(item -> item.getFileName().toString().length() > prefix.length())
                ? Optional.of(prefix) : Optional.empty();
    }

    /** A folder with {@code .git} in it, or a bare repository. */
    static boolean isGitRepository(Path folder) {
        return Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                && (Files.exists(folder.resolve(".git"), LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(folder.resolve("HEAD")) && Files.isDirectory(folder.resolve("objects"))
                && Files.isDirectory(folder.resolve("refs")));
    }

    /** The export's root: the folder itself or its only sub-folder, when it holds the metadata file. */
    private static Optional<Path> exportRoot(Path folder) throws BatchRefused {
        if (Files.isRegularFile(folder.resolve(GradescopeMetadata.FILE_NAME))) {
            return Optional.of(folder);
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(folder)) {
            children = list.filter(child -> !child.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new BatchRefused("cannot list " + folder + " (" + e.getMessage() + ") — check its permissions", e);
        }
        return children.size() == 1 && Files.isRegularFile(children.get(0).resolve(GradescopeMetadata.FILE_NAME))
                ? Optional.of(children.get(0)) : Optional.empty();
    }

    private static Path unpack(Path zip, Path unpacked) throws BatchRefused {
        Path work = unpacked.resolveSibling(unpacked.getFileName() + ".work");
        try {
            FileTrees.delete(unpacked);
            FileTrees.delete(work);
            Submission opened = Intake.create(work).open(zip.toString(), Optional.empty());
            Files.move(opened.root(), unpacked);
            FileTrees.delete(work);
        } catch (SubmissionException e) {
            throw new BatchRefused("cannot open the Gradescope export " + zip + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BatchRefused("cannot unpack " + zip + " into " + unpacked + " (" + e.getMessage() + ")", e);
        }
        return exportRoot(unpacked).orElseThrow(() -> new BatchRefused(zip + " holds no " + GradescopeMetadata.FILE_NAME
                + ": a zip is read as Gradescope's \"Export Submissions\" archive — pass that archive, or a folder"
                + " with one zip per student"));
    }

    private static List<ClassEntry> gradescope(Path export, Path source) throws BatchRefused {
        Map<String, List<GradescopeMetadata.Submitter>> metadata =
                GradescopeMetadata.read(export.resolve(GradescopeMetadata.FILE_NAME));
        List<ClassEntry> entries = new ArrayList<>();
        for (Map.Entry<String, List<GradescopeMetadata.Submitter>> submission : metadata.entrySet()) {
            String folderName = submission.getKey();
            if (folderName.isEmpty() || folderName.contains("/") || folderName.contains("\\") || folderName.startsWith(".")) {
                throw new BatchRefused(source + ": " + GradescopeMetadata.FILE_NAME + " names the submission \""
                        + folderName + "\", which is no folder name of the export — export the submissions again");
            }
            List<GradescopeMetadata.Submitter> people = submission.getValue();
            String id = people.stream().map(p -> !p.sid().isEmpty() ? p.sid() : p.email()).filter(s -> !s.isEmpty())
                    .findFirst().orElse(folderName);
            Path folder = export.resolve(folderName);
            Optional<String> problem = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) ? Optional.empty()
                    : Optional.of("the export has no folder " + folderName + " for this submission");
            entries.add(new ClassEntry(id, "", joined(people, GradescopeMetadata.Submitter::name),
                    joined(people, GradescopeMetadata.Submitter::email), folder.toString(), Optional.empty(), problem));
        }
        return entries;
    }

    private static Optional<String> joined(List<GradescopeMetadata.Submitter> people,
                                           java.util.function.Function<GradescopeMetadata.Submitter, String> part) {
        String text = people.stream().map(part).filter(s -> !s.isEmpty()).collect(Collectors.joining("; "));
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static List<ClassEntry> roster(Path csv) throws BatchRefused {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<ClassEntry> entries = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Set<String> header = new HashSet<>(parser.getHeaderNames());
            if (!header.contains("student") || !header.contains("source")) {
                throw new BatchRefused(csv + ": the first row must name the columns student,source[,ref][,name][,email],"
                        + " was " + String.join(",", parser.getHeaderNames()));
            }
            for (CSVRecord row : parser) {
                entries.add(rosterEntry(csv, row));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new BatchRefused(csv + " is not a readable CSV file (" + e.getMessage() + ") — write it as"
                    + " student,source[,ref] with a header row", e);
        }
        return entries;
    }

    private static ClassEntry rosterEntry(Path csv, CSVRecord row) throws BatchRefused {
        String student = Cells.read(cell(row, "student"));
        if (student.isEmpty()) {
            throw new BatchRefused(csv + ": row " + (row.getRecordNumber() + 1) + ": the student column is empty — give"
                    + " every row a student id");
        }
        String source = cell(row, "source");
        Optional<String> problem = source.isEmpty() ? Optional.of("the roster gives no source for this student")
                : Optional.empty();
        String resolved = source.isEmpty() || source.matches("(?i)^[a-z][a-z0-9+.-]+:.*")
                || source.matches("^[\\w.-]+@[\\w.-]+:.*")
                ? source : csv.toAbsolutePath().getParent().resolve(source).normalize().toString();
        return new ClassEntry(student, "", optional(Cells.read(cell(row, "name"))), optional(Cells.read(cell(row, "email"))),
                resolved, optional(cell(row, "ref")), problem);
    }

    private static String cell(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
    }

    private static Optional<String> optional(String text) {
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** Sorted by id, each with a unique, safe output folder name; refuses a class that names one student twice. */
    private static ClassList withFolders(ClassList list) throws BatchRefused {
        List<ClassEntry> sorted = new ArrayList<>(list.entries());
        sorted.sort(java.util.Comparator.comparing(ClassEntry::student));
        Set<String> ids = new HashSet<>();
        Set<String> folders = new HashSet<>();
        List<ClassEntry> named = new ArrayList<>();
        for (ClassEntry entry : sorted) {
            if (!ids.add(entry.student())) {
                throw new BatchRefused("the class names the student \"" + entry.student() + "\" twice — give each"
                        + " student one submission");
            }
            String base = safeName(entry.student());
            String folder = base;
            for (int n = 2; !folders.add(folder.toLowerCase(Locale.ROOT)); n++) {
                folder = base + "-" + n;
            }
            named.add(entry.inFolder(folder));
        }
        return new ClassList(list.form(), named);
    }

    /** The id's letters, digits, {@code . _ @ -}, others as {@code _}; never hidden, never empty. */
    static String safeName(String id) {
        String name = id.replaceAll("[^A-Za-z0-9._@-]", "_");
        if (name.startsWith(".") || name.startsWith("-")) {
            name = "_" + name.substring(1);
        }
        name = name.length() > 100 ? name.substring(0, 100) : name;
        return name.isEmpty() ? "_" : name;
    }
}
