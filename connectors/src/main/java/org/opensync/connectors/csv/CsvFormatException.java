package org.opensync.connectors.csv;

/** The file cannot be imported as it is: malformed, over a size limit, not in its encoding, or its keys clash. */
public final class CsvFormatException extends RuntimeException {

    CsvFormatException(String message) {
        super(message);
    }

    static CsvFormatException atLine(long line, String problem) {
        return new CsvFormatException("line " + line + ": " + problem);
    }
}
