package dev.gradecheck.testing;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Validates report.json text against grader/src/main/resources/report.schema.json, and class.json text against
 * class.schema.json (draft 2020-12).
 */
public final class ReportSchema {

    private static final Schema SCHEMA = load("/report.schema.json");
    private static final Schema CLASS_SCHEMA = load("/class.schema.json");

    private ReportSchema() {
    }

    /** The validation errors, empty when the report is valid. */
    public static List<String> errors(String reportJson) {
        return errors(SCHEMA, reportJson);
    }

    /** The validation errors of a class.json, empty when it is valid. */
    public static List<String> classErrors(String classJson) {
        return errors(CLASS_SCHEMA, classJson);
    }

    private static List<String> errors(Schema schema, String json) {
        return schema.validate(json, InputFormat.JSON,
                        (Consumer<ExecutionContext>) context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    private static Schema load(String resource) {
        try (InputStream in = ReportSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
