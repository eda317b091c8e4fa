package dev.gradecheck.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.apiguardian.api.API;

/**
 * Renders gradecheck's HTML templates (compiled at build time, see the package description) with jte's HTML
 * escaping. Thread-safe: one engine for every page.
 */
@API(status = API.Status.INTERNAL)
public final class HtmlPages {

    /** The package the jte plugin generates the templates into (grader/pom.xml). */
    static final String TEMPLATES_PACKAGE = "dev.gradecheck.report.html.templates";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlPages.class.getClassLoader(), TEMPLATES_PACKAGE);

    private HtmlPages() {
    }

    /**
     * The page {@code template} (e.g. {@code feedback.jte}) renders for {@code model}.
     *
     * @throws gg.jte.TemplateException if there is no such template or its parameter is of another type (a grader bug)
     */
    public static String render(String template, Object model) {
        StringOutput output = new StringOutput(64 * 1024);
        ENGINE.render(template, model, output);
        return output.toString();
    }
}
