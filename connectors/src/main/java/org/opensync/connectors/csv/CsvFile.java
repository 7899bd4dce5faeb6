package org.opensync.connectors.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a CSV file (RFC 4180 quoting, Jackson's CSV parser) row by row, and checksums the bytes it parsed. The
 * header row names the columns: names must be unique and include the key column. Every row must have as many cells as
 * the header, a non-empty key, and a key no earlier row had. Cells are trimmed; an empty cell is no value. A problem
 * ends the read with a {@link CsvFormatException} naming the line.
 */
public final class CsvFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private CsvFile() {
    }

    /** The file's size and content problems surface before any row: a file over the limit is not opened. */
    public static String read(Path file, CsvSettings settings, Consumer<CsvRow> rows) {
        try {
            long size = Files.size(file);
            if (size > settings.maxFileBytes()) {
                throw new CsvFormatException("the file has " + size + " bytes, more than the limit of "
                        + settings.maxFileBytes());
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(new Bounded(new BufferedInputStream(Files.newInputStream(
                    file)), settings.maxFileBytes()), digest)) {
                parse(reader(in, settings), settings, rows);
                // The parser may stop before the end (trailing empty lines): the checksum is of the whole file
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("the file " + file.getFileName() + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the file " + file.getFileName() + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reader reader(InputStream in, CsvSettings settings) throws IOException {
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, settings.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    private static void parse(Reader reader, CsvSettings settings, Consumer<CsvRow> rows) throws IOException {
        // The stream stays open: the rest of the file is checksummed after the last row
        CsvMapper mapper = new CsvMapper(CsvFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(settings.maxRowChars()).build()).build());
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(settings.delimiter());
        long line = 1;
        try (MappingIterator<String[]> iterator = mapper.readerForArrayOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES).with(schema)
                .readValues(reader)) {
            if (!iterator.hasNextValue()) {
                throw CsvFormatException.atLine(1, "the header row is missing");
            }
            List<String> header = header(iterator.nextValue(), settings);
            int keyIndex = indexOf(header, settings.keyColumn());
            Map<String, Long> keys = new TreeMap<>();
            while (true) {
                if (!iterator.hasNextValue()) {
                    return;
                }
                // Once the row's start is read, the parser is on its first line (a quoted cell may span several)
                line = iterator.getCurrentLocation().getLineNr();
                String[] cells = iterator.nextValue();
                if (cells.length != header.size()) {
                    throw CsvFormatException.atLine(line, "the row has " + cells.length + " cells, the header "
                            + header.size());
                }
                if (Arrays.stream(cells).mapToLong(cell -> cell == null ? 0 : cell.length()).sum()
                        > settings.maxRowChars()) {
                    throw CsvFormatException.atLine(line, "the row is longer than " + settings.maxRowChars()
                            + " characters");
                }
                String key = cells[keyIndex] == null ? "" : cells[keyIndex].trim();
                if (key.isEmpty()) {
                    throw CsvFormatException.atLine(line, "the key column " + settings.keyColumn() + " is empty");
                }
                Long earlier = keys.putIfAbsent(key, line);
                if (earlier != null) {
                    throw CsvFormatException.atLine(line, "the key " + key + " is already on line " + earlier);
                }
                rows.accept(new CsvRow(line, key, values(header, cells, settings)));
            }
        } catch (CharacterCodingException e) {
            throw CsvFormatException.atLine(line, "the text is not valid " + settings.charset().name());
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            throw CsvFormatException.atLine(at, e.getOriginalMessage());
        }
    }

    private static List<String> header(String[] cells, CsvSettings settings) {
        if (Arrays.stream(cells).mapToLong(cell -> cell == null ? 0 : cell.length()).sum() > settings.maxRowChars()) {
            throw CsvFormatException.atLine(1, "the header is longer than " + settings.maxRowChars() + " characters");
        }
        List<String> header = new ArrayList<>();
        for (String cell : cells) {
            String name = cell == null ? "" : cell.trim();
            if (name.isEmpty()) {
                throw CsvFormatException.atLine(1, "column " + (header.size() + 1) + " of the header has no name");
            }
            if (header.stream().anyMatch(name::equalsIgnoreCase)) {
                throw CsvFormatException.atLine(1, "the column " + name + " appears twice in the header");
            }
            header.add(name);
        }
        return header;
    }

    private static int indexOf(List<String> header, String keyColumn) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(keyColumn)) {
                return i;
            }
        }
        throw CsvFormatException.atLine(1, "the header has no key column " + keyColumn);
    }

    private static Map<String, List<String>> values(List<String> header, String[] cells, CsvSettings settings) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i] == null ? "" : cells[i].trim();
            if (cell.isEmpty()) {
                continue;
            }
            String column = header.get(i);
            values.put(column, settings.multiValued(column) ? split(cell, settings.multiValueSeparator())
                    : List.of(cell));
        }
        values.entrySet().removeIf(entry -> entry.getValue().isEmpty());
        return values;
    }

    private static List<String> split(String cell, String separator) {
        List<String> values = new ArrayList<>();
        int from = 0;
        while (from <= cell.length()) {
            int to = cell.indexOf(separator, from);
            String value = cell.substring(from, to < 0 ? cell.length() : to).trim();
            if (!value.isEmpty()) {
                values.add(value);
            }
            if (to < 0) {
                break;
            }
            from = to + separator.length();
        }
        return values;
    }

    /** Refuses to read past the limit: a file growing while it is read stays bounded. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new CsvFormatException("the file grew over the limit of " + limit + " bytes while it was read");
            }
        }
    }
}
