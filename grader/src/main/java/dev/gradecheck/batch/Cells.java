package dev.gradecheck.batch;

/**
 * Text in a spreadsheet cell. A cell that starts with {@code = + - @}, a tab or a carriage return is a formula to
 * Excel, LibreOffice and Google Sheets ("CSV injection"): a student named {@code =HYPERLINK(...)} would run it on the
 * instructor's machine. Such text is written with a leading apostrophe, which spreadsheets show as text, and the
 * apostrophe is taken off again when gradecheck reads its own files back.
 */
final class Cells {

    private Cells() {
    }

    /** {@code text}, neutralised when a spreadsheet would read it as a formula. */
    static String write(String text) {
        return isFormula(text) ? "'" + text : text;
    }

    /** A cell as gradecheck wrote it, back to its text. */
    static String read(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && isFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean isFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
