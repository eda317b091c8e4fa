package dev.gradecheck.report;

/** The little Markdown the Gradescope writer needs: code blocks that survive backticks in student output. */
final class Markdown {

    private Markdown() {
    }

    /** {@code text} in a fenced code block whose fence is longer than any backtick run inside it. */
    static String codeBlock(String text) {
        String fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
        String body = text.endsWith("\n") ? text : text + "\n";
        return fence + "text\n" + body + fence + "\n";
    }

    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
