package dev.gradecheck.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads {@code submission_metadata.yml} of a Gradescope "Export Submissions" archive: for each submission folder
 * ({@code submission_123456}), who submitted it ({@code :submitters:} with {@code :name:}, {@code :email:},
 * {@code :sid:}). Gradescope writes the file from Ruby, so keys carry a leading colon and some values carry Ruby tags
 * ({@code !ruby/object:BigDecimal}); the file is read as a YAML node tree with a real parser and every tag is
 * ignored, so neither confuses it. Aliases are capped (a "billion laughs" file is refused, not expanded).
 */
final class GradescopeMetadata {

    /** The file's name in an export. */
    static final String FILE_NAME = "submission_metadata.yml";

    /** One person who submitted. Every part may be empty. */
    record Submitter(String name, String email, String sid) {
    }

    private GradescopeMetadata() {
    }

    /**
     * The submitters of every submission folder, in the file's order.
     *
     * @throws BatchRefused naming the file and what is wrong with it
     */
    static Map<String, List<Submitter>> read(Path file) throws BatchRefused {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BatchRefused("cannot read " + file + " (" + e.getMessage() + ") — check its permissions", e);
        }
        Optional<Node> root;
        try {
            root = new Compose(LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(20)
                    .setAllowRecursiveKeys(false).setCodePointLimit(64 * 1024 * 1024).build()).composeString(text);
        } catch (YamlEngineException e) {
            throw new BatchRefused(file + " is not valid YAML (" + e.getMessage().lines().findFirst().orElse("")
                    + ") — export the submissions from Gradescope again", e);
        }
        if (root.isEmpty() || !(root.get() instanceof MappingNode submissions)) {
            throw new BatchRefused(file + " must map each submission folder to its submitters, as Gradescope's"
                    + " export writes it — export the submissions from Gradescope again");
        }
        Map<String, List<Submitter>> result = new LinkedHashMap<>();
        for (NodeTuple entry : submissions.getValue()) {
            result.put(scalar(entry.getKeyNode()), submitters(entry.getValueNode()));
        }
        return result;
    }

    private static List<Submitter> submitters(Node submission) {
        List<Submitter> submitters = new ArrayList<>();
        Node list = field(submission, "submitters");
        if (list instanceof SequenceNode sequence) {
            for (Node person : sequence.getValue()) {
                submitters.add(new Submitter(scalar(field(person, "name")), scalar(field(person, "email")),
                        scalar(field(person, "sid"))));
            }
        }
        return submitters;
    }

    /** The value of {@code key} (written {@code :key} or {@code key}) in a mapping node; null if absent. */
    private static Node field(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String name = scalar(tuple.getKeyNode());
                if (name.equals(key) || name.equals(":" + key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue().strip() : "";
    }
}
