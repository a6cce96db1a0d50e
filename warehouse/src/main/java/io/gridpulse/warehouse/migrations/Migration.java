package io.gridpulse.warehouse.migrations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One versioned schema change, read from a file named {@code V<version>__<name>.sql}; its statements
 * are separated by a {@code ;} at the end of a line.
 */
public record Migration(int version, String name, String sql) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(\\r?\\n|$)");

    public Migration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        if (version <= 0) {
            throw new IllegalArgumentException("migration versions start at 1, got " + version + " for " + name);
        }
    }

    /** A migration from its file name ({@code V001__events.sql}) and content. */
    public static Migration fromFile(String fileName, String sql) {
        var matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("migration file names look like V001__events.sql, got: " + fileName);
        }
        return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2), sql);
    }

    /** SHA-256 of the SQL with line endings normalised, so a checkout on Windows does not count as a change. */
    public String checksum() {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(sql.replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The statements in order, without comment-only fragments. */
    public List<String> statements() {
        return Arrays.stream(STATEMENT_END.split(sql))
                .map(String::strip)
                .filter(Migration::hasCode)
                .toList();
    }

    /** {@code V001__events}, as the file was named. */
    public String label() {
        return "V%03d__%s".formatted(version, name);
    }

    private static boolean hasCode(String statement) {
        return statement.lines().map(String::strip).anyMatch(line -> !line.isEmpty() && !line.startsWith("--"));
    }
}
