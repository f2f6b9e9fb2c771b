package io.laotie.order;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads an order-history file: CSV lines {@code buyer_reference,ordered_at,amount}, with an optional header line of
 * exactly those names, blank lines ignored. The whole file is read before anything is stored, and every bad line is
 * reported with its number, so an operator fixes the file once. See docs/repurchase.md for the rules.
 */
final class HistoryFile {

    static final String HEADER = "buyer_reference,ordered_at,amount";
    static final int MAX_REFERENCE = 64;
    static final int MAX_ROWS = 500_000;
    static final long MAX_AMOUNT = 100_000_000_000L; // a billion yuan: anything larger is a typo

    /** One good line: its number, the buyer reference, when, and the amount in fen. */
    record Row(int line, String reference, Instant orderedAt, long amount) {
    }

    /** The rows and the SHA-256 of what they say, or the bad lines. */
    record Read(List<Row> rows, String contentHash, List<LineError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private HistoryFile() {
    }

    static Read read(String text, ZoneId zone, Instant now) {
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int number = 0;
        boolean first = true;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            String line = body.substring(start, end);
            start = end + 1;
            number++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                if (end == body.length()) {
                    break;
                }
                continue;
            }
            if (first) {
                first = false;
                String compact = line.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
                if (compact.equals(HEADER)) {
                    continue;
                }
                if (compact.startsWith("buyer_reference") || compact.contains("ordered_at")) {
                    errors.add(new LineError(number, "the header must be " + HEADER));
                    continue;
                }
            }
            if (rows.size() + errors.size() >= MAX_ROWS) {
                errors.add(new LineError(number, "a file holds at most " + MAX_ROWS + " orders; split it"));
                break;
            }
            row(number, line, zone, now, rows, errors);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(1, "the file holds no orders (expected lines of " + HEADER + ")"));
        }
        return new Read(errors.isEmpty() ? rows : List.of(), errors.isEmpty() ? hash(rows) : "", errors);
    }

    private static void row(int number, String line, ZoneId zone, Instant now, List<Row> rows, List<LineError> errors) {
        List<String> fields = fields(line);
        if (fields == null) {
            errors.add(new LineError(number, "a quoted field is not closed"));
            return;
        }
        if (fields.size() != 3) {
            errors.add(new LineError(number, "expected 3 fields (" + HEADER + "), found " + fields.size()));
            return;
        }
        List<String> problems = new ArrayList<>();
        String reference = fields.get(0).strip();
        if (reference.isEmpty()) {
            problems.add("buyer_reference is empty");
        } else if (reference.length() > MAX_REFERENCE) {
            problems.add("buyer_reference is longer than " + MAX_REFERENCE + " characters");
        } else if (reference.chars().anyMatch(Character::isISOControl)) {
            problems.add("buyer_reference holds a control character");
        }
        Instant orderedAt = instant(fields.get(1).strip(), zone);
        if (orderedAt == null) {
            problems.add("ordered_at must be an ISO date (2024-03-01) or date-time (2024-03-01T14:30) in the platform zone "
                    + zone.getId());
        } else if (orderedAt.isAfter(now)) {
            problems.add("ordered_at lies in the future");
        }
        long amount = amount(fields.get(2).strip());
        if (amount < 0) {
            problems.add("amount must be a whole number of fen from 0 to " + MAX_AMOUNT);
        }
        if (!problems.isEmpty()) {
            errors.add(new LineError(number, String.join("; ", problems)));
        } else if (errors.isEmpty()) { // once the file is refused, good rows are of no use
            rows.add(new Row(number, reference, orderedAt, amount));
        }
    }

    /** The fields of a CSV line; a field may be quoted ("a, b" and "" for a quote inside); null when a quote is open. */
    static @Nullable List<String> fields(String line) {
        List<String> fields = new ArrayList<>(3);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    private static @Nullable Instant instant(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            String iso = text.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    /** The amount in fen, or −1 when it is not a whole number in range. */
    private static long amount(String text) {
        if (text.isEmpty() || text.length() > 12 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long amount = Long.parseLong(text);
        return amount <= MAX_AMOUNT ? amount : -1;
    }

    /**
     * SHA-256 over the rows as read (reference, instant, amount), sorted, so the same history is recognised whatever
     * its line endings, header, quoting, spelling of the times or order of the lines.
     */
    private static String hash(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::reference).thenComparing(Row::orderedAt).thenComparingLong(Row::amount));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Row row : sorted) {
                sha.update((row.reference() + '\u001f' + row.orderedAt().toEpochMilli() + '\u001f' + row.amount() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
