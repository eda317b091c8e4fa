package dev.gradecheck.testing;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code feedback.html} (and {@code dashboard.html}) read back with jsoup, the way a browser builds its tree: what makes a page unsafe or not
 * self-contained. Elements and attributes are checked on the parsed tree, so markup smuggled in by student text shows
 * up as the element it would become.
 */
public final class FeedbackHtml {

    private FeedbackHtml() {
    }

    /** The parsed page. */
    public static Document parse(String html) {
        return Jsoup.parse(html);
    }

    /**
     * What is wrong with the page: any script, iframe, object, embed, image, link or form element, any event-handler
     * attribute ({@code on...}), any URL that leaves the page, a missing content security policy, control characters
     * or Unicode bidirectional controls in the text; empty when none.
     */
    public static List<String> problems(String html) {
        return problems(html, link -> link.startsWith("#"));
    }

    /**
     * {@link #problems(String)}, with {@code allowedLink} saying which link targets stay on the pages gradecheck
     * wrote (the dashboard's links to each student's feedback page).
     */
    public static List<String> problems(String html, java.util.function.Predicate<String> allowedLink) {
        List<String> problems = new ArrayList<>();
        Document page = parse(html);
        for (Element element : page.getAllElements()) {
            if (element.normalName().matches("script|iframe|object|embed|img|image|link|form|base|meta-refresh|foreignobject")) {
                problems.add("element <" + element.normalName() + ">: " + element.outerHtml());
            }
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                if (key.startsWith("on")) {
                    problems.add("event handler " + key + " on <" + element.normalName() + ">");
                }
                if ((key.equals("href") || key.equals("src") || key.endsWith(":href")) && !allowedLink.test(attribute.getValue())) {
                    problems.add("link out of the page: " + key + "=" + attribute.getValue());
                }
            }
        }
        if (page.select("meta[http-equiv=Content-Security-Policy]").isEmpty()) {
            problems.add("no Content-Security-Policy");
        }
        html.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7F
                || c == 0x202E || c == 0x202D || c == 0x2066 || c == 0x2067 || c == 0x2068 || c == 0x2069
                || c == 0x200F || c == 0x200E || c == 0x061C || c == 0x202A || c == 0x202B || c == 0x202C)
                .distinct().forEach(c -> problems.add(String.format(java.util.Locale.ROOT, "character U+%04X", c)));
        return problems;
    }
}
